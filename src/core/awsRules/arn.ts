/** The parts of an ARN: `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  /** Everything after the fifth colon, e.g. `custom-model/amazon.titan-embed-image-v1:0/d37vhccs06ex`. */
  readonly resource: string;
  /** The resource type before the first `/` (`model-customization-job`, `custom-model`, `provisioned-model`, ...). */
  readonly resourceType: string;
  /** The last `/`-separated segment: the 12-character id of a job, model or throughput. */
  readonly resourceId: string;
}

/** Parses an ARN; `undefined` when the text is not one (a plain name or id is not an ARN). */
export function parseArn(text: string): Arn | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partition = '', service = '', region = '', account = ''] = parts;
  const resource = parts.slice(5).join(':');
  if (partition === '' || service === '' || resource === '') return undefined;
  const slash = resource.indexOf('/');
  const resourceType = slash < 0 ? resource : resource.slice(0, slash);
  const resourceId = resource.slice(resource.lastIndexOf('/') + 1);
  return { partition, service, region, account, resource, resourceType, resourceId };
}

export function isArn(text: string): boolean {
  return parseArn(text) !== undefined;
}

/**
 * The id Bedrock uses in S3 output folders (`model-customization-job-<jobId>/`): the last segment of the job ARN.
 * A name (not an ARN) is returned unchanged.
 */
export function resourceIdOf(arnOrName: string): string {
  return parseArn(arnOrName)?.resourceId ?? arnOrName;
}

/** Builds a Bedrock foundation-model ARN (`arn:aws:bedrock:<region>::foundation-model/<modelId>`). */
export function foundationModelArn(region: string, modelId: string, partition = 'aws'): string {
  return `arn:${partition}:bedrock:${region}::foundation-model/${modelId}`;
}

// Links into the AWS console for an item, so "Open in AWS Console" lands on the right page.
import { asPrefix, parseS3Uri } from '../awsRules/s3Uri';

export type ConsoleKind = 'job' | 'model' | 'throughput';

export function consoleUrl(kind: ConsoleKind, region: string, arn: string, name: string): string {
  const base = `https://${region}.console.aws.amazon.com/bedrock/home?region=${region}`;
  switch (kind) {
    case 'job': return `${base}#/custom-models/item?arn=${encodeURIComponent(arn)}&jobName=${encodeURIComponent(name)}`;
    case 'model': return `${base}#/custom-models/item?arn=${encodeURIComponent(arn)}`;
    case 'throughput': return `${base}#/provisioned-throughput/details?arn=${encodeURIComponent(arn)}`;
  }
}

/** The S3 console at a bucket/prefix (the job's output location). */
export function s3ConsoleUrl(region: string, uri: string): string | undefined {
  const p = parseS3Uri(uri);
  if (!p) return undefined;
  const prefix = asPrefix(p.key);
  return `https://s3.console.aws.amazon.com/s3/buckets/${encodeURIComponent(p.bucket)}?region=${region}&prefix=${encodeURIComponent(prefix)}`;
}

export interface S3Location { bucket: string; key: string }

export function parseS3Uri(uri: string): S3Location | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  return m?.[1] ? { bucket: m[1], key: m[2] ?? '' } : undefined;
}

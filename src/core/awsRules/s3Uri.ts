/** An S3 location: bucket and key (the key may be empty or a prefix ending in `/`). */
export interface S3Location {
  readonly bucket: string;
  readonly key: string;
}

/**
 * Parses `s3://bucket/key`; `undefined` when the text is not an S3 URI or names no bucket.
 * The key is kept as written (S3 keys are case-sensitive and may contain any character).
 */
export function parseS3Uri(uri: string): S3Location | undefined {
  const m = /^s3:\/\/([^/]+)(?:\/(.*))?$/.exec(uri.trim());
  if (!m || m[1] === undefined) return undefined;
  return { bucket: m[1], key: m[2] ?? '' };
}

export function formatS3Uri(location: S3Location): string {
  return `s3://${location.bucket}/${location.key}`;
}

/** The prefix form of a key: '' stays '', anything else ends with exactly one `/`. */
export function asPrefix(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}

// Pure AWS knowledge (no SDK, no I/O): ARNs, regions, S3 URIs, profile files, error wording.
export * from './arn';
export * from './regions';
export * from './s3Uri';
export * from './ini';
export * from './profiles';
export * from './userError';
export * from './endpointPolicy';

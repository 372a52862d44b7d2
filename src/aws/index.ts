// The AWS layer's public surface, bundled as dist/aws.js and loaded lazily by the extension.
// Each service wrapper is one file in this folder; this index only re-exports.
export const AWS_LAYER_VERSION = 1;
export { createS3ImageSource, type S3ImageSource, type S3SourceOptions } from './s3ImageSource';

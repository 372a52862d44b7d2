// Where image bytes come from for the deep check and the hover: S3 (src/aws) or local files (fileSource.ts).
// A source reads only the first bytes of an object and reports its total size and ETag.

export type ReadOutcome =
  | { kind: 'ok'; bytes: Uint8Array; size: number; etag?: string | undefined }
  | { kind: 'not-modified' }
  | { kind: 'missing'; message: string }
  | { kind: 'denied'; message: string }
  | { kind: 'error'; message: string };

export interface ImageSource {
  /** Reads up to `length` bytes from the start of `ref`. With `ifNoneMatch` (an ETag), may answer not-modified. */
  read(ref: string, length: number, ifNoneMatch?: string): Promise<ReadOutcome>;
}

// S3 URI form and bucket-name rules (Amazon S3 user guide, "Bucket naming rules", general purpose buckets).
// Returns the first problem as a message, or undefined when S3 would accept the URI.

import { parseS3Uri } from './s3Uri';

export { parseS3Uri, type S3Location } from './s3Uri';

const BUCKET_CHARS = /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/;
const IP_LIKE = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

export function bucketNameProblem(bucket: string): string | undefined {
  if (bucket.length < 3 || bucket.length > 63) return `bucket name '${bucket}' must be 3 to 63 characters long`;
  if (!BUCKET_CHARS.test(bucket)) {
    return `bucket name '${bucket}' may use only lowercase letters, digits, '.' and '-', and must begin and end with a letter or digit`;
  }
  if (bucket.includes('..')) return `bucket name '${bucket}' must not contain two adjacent periods`;
  if (IP_LIKE.test(bucket)) return `bucket name '${bucket}' must not look like an IP address`;
  const prefix = RESERVED_PREFIXES.find((p) => bucket.startsWith(p));
  if (prefix) return `bucket name '${bucket}' must not start with the reserved prefix '${prefix}'`;
  const suffix = RESERVED_SUFFIXES.find((p) => bucket.endsWith(p));
  if (suffix) return `bucket name '${bucket}' must not end with the reserved suffix '${suffix}'`;
  return undefined;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/** True when the value looks like a local file path rather than a URI (a quick fix can map it to S3). */
export function looksLikeLocalPath(value: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  return /^(\.{0,2}\/|~\/|[A-Za-z]:[\\/])/.test(value) || /\.(png|jpe?g)$/i.test(value);
}

/** Buckets already found valid (most manifests use one or two), at most 8. */
const goodBuckets: string[] = [];
/**
 * `s3://<a good bucket>/<key of at most 340 characters, ending .png|.jpg|.jpeg>`, rebuilt when a bucket joins the list. One
 * compiled regular expression answers the common case in native code; `startsWith` over the prefix cost 3x more.
 * 340 UTF-16 units are at most 1,020 UTF-8 bytes, so such a key is surely under S3's 1,024-byte limit.
 */
let goodRef: RegExp | undefined;

/**
 * The fast path for the common case: true when the value is surely a valid `s3://bucket/key.(png|jpg|jpeg)`.
 * False means "look closer" with s3UriProblem, not "invalid".
 */
export function quickImageRefOk(value: string): boolean {
  if (goodRef?.test(value)) return true;
  if (!value.startsWith('s3://')) return false;
  const slash = value.indexOf('/', 5);
  if (slash < 0 || slash === value.length - 1 || value.length - slash > 341) return false;
  if (value.charCodeAt(value.length - 1) <= 0x20) return false;
  if (!hasImageExtension(value)) return false;
  const bucket = value.slice(5, slash);
  if (bucketNameProblem(bucket) !== undefined) return false;
  if (goodBuckets.length < 8 && !goodBuckets.includes(bucket)) {
    goodBuckets.push(bucket);
    const names = goodBuckets.map((b) => b.replace(/\./g, '\\.')).join('|');
    goodRef = new RegExp(`^s3://(?:${names})/[^]{0,335}\\.(?:[pP][nN][gG]|[jJ][pP][eE]?[gG])$`);
  }
  return true;
}

/** The problem with an image-ref value as an S3 URI, or undefined. */
export function s3UriProblem(value: string): string | undefined {
  if (value.trim() !== value) return 'the S3 URI has leading or trailing whitespace';
  if (/^https?:\/\//i.test(value)) {
    return 'an HTTP(S) URL is not accepted: write the object as s3://bucket/key';
  }
  if (/^s3:\/\//i.test(value) && !value.startsWith('s3://')) return 'the scheme must be lowercase \'s3://\'';
  const loc = parseS3Uri(value);
  if (!loc) {
    return looksLikeLocalPath(value)
      ? 'a local path is not accepted: upload the image and write its S3 URI (s3://bucket/key)'
      : 'not an S3 URI: expected s3://bucket/key';
  }
  const bucketProblem = bucketNameProblem(loc.bucket);
  if (bucketProblem) return bucketProblem;
  if (loc.key === '' || loc.key.endsWith('/')) return 'the S3 URI names no object: expected s3://bucket/key';
  if (utf8Length(loc.key) > 1024) return 'the object key is longer than 1,024 bytes';
  return undefined;
}

/** `.png`, `.jpg` or `.jpeg` in any case; char tests, as this runs on every line. */
export function hasImageExtension(value: string): boolean {
  const n = value.length;
  if ((value.charCodeAt(n - 4) | 0) === 0x2e) { // .png / .jpg
    const a = value.charCodeAt(n - 3) | 0x20;
    const b = value.charCodeAt(n - 2) | 0x20;
    const c = value.charCodeAt(n - 1) | 0x20;
    return (a === 0x70 && b === 0x6e && c === 0x67) || (a === 0x6a && b === 0x70 && c === 0x67);
  }
  return value.charCodeAt(n - 5) === 0x2e && (value.charCodeAt(n - 4) | 0x20) === 0x6a && (value.charCodeAt(n - 3) | 0x20) === 0x70
    && (value.charCodeAt(n - 2) | 0x20) === 0x65 && (value.charCodeAt(n - 1) | 0x20) === 0x67;
}

// "Create manifest from folder": a class-per-subfolder image tree (A/A1.jpg, B/B7.png, ...) -> S3 keys under a
// prefix and manifest lines with a caption template like `The letter {label} in sign language`.
import { parseS3Uri } from '../awsRules/s3Rules';

export interface FolderEntry {
  /** Path relative to the folder, with '/' separators. */
  relativePath: string;
  label: string;
  bucket: string;
  key: string;
  uri: string;
  caption: string;
}

export function captionFor(template: string, label: string): string {
  return template.split('{label}').join(label);
}

const IMAGE = /\.(png|jpe?g)$/i;

/** Plans uploads and manifest lines; files outside a subfolder or not PNG/JPEG are skipped (and listed). */
export function planFolderManifest(relativePaths: readonly string[], s3Prefix: string, template: string): { entries: FolderEntry[]; skipped: string[] } | string {
  const loc = parseS3Uri(s3Prefix.trim());
  if (!loc || !loc.bucket) return 'the S3 prefix must look like s3://bucket/prefix';
  const prefix = loc.key.replace(/^\/+|\/+$/g, '');
  const entries: FolderEntry[] = [];
  const skipped: string[] = [];
  for (const raw of [...relativePaths].sort()) {
    const rel = raw.replace(/\\/g, '/');
    const parts = rel.split('/');
    if (parts.length < 2 || !IMAGE.test(rel)) { skipped.push(rel); continue; }
    const label = parts[parts.length - 2] as string;
    const key = prefix ? `${prefix}/${rel}` : rel;
    entries.push({ relativePath: rel, label, bucket: loc.bucket, key, uri: `s3://${loc.bucket}/${key}`, caption: captionFor(template, label) });
  }
  return { entries, skipped };
}

export function manifestLine(entry: FolderEntry): string {
  return JSON.stringify({ 'image-ref': entry.uri, caption: entry.caption });
}

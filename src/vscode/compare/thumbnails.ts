// Thumbnails for the report: images the report's items name (a local path, relative to the report's folder or to
// an input's folder, or an s3:// URI fetched through the AWS layer) are copied, if small, into a cache folder under
// the extension's global storage, which is one of the webview's two resource roots. The webview only ever sees
// webview URIs of that cache: never a remote URL, never a path outside the roots.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseS3Uri } from '../../core/awsRules/s3Uri';
import { isInside } from '../../core/files/placement';
import type { ComparisonReport } from '../../protocol/report';

/** The two S3 calls thumbnails need (the AWS layer's S3Storage has them). */
export interface S3Reader {
  headObject(bucket: string, key: string): Promise<{ size: number; etag: string | undefined }>;
  getObject(bucket: string, key: string): Promise<Uint8Array>;
}

/** S3 objects fetched at once. */
const S3_CONCURRENCY = 8;

/** Larger images are not copied (a thumbnail is shown at 48 px). */
export const MAX_THUMBNAIL_BYTES = 512 * 1024;
/** Items looked up per report, so a 10,000-query report does not copy 100,000 files. */
export const MAX_THUMBNAILS = 600;
const IMAGE_EXT = /\.(jpe?g|png|gif|webp)$/i;

/** The item ids worth a thumbnail: per-class top results first, then query images, then the rest of each top-k. */
export function thumbnailIds(report: ComparisonReport, limit = MAX_THUMBNAILS): string[] {
  const ids = new Set<string>();
  const add = (id: string | undefined): void => { if (id !== undefined && ids.size < limit && IMAGE_EXT.test(id)) ids.add(id); };
  for (const pass of [0, 1, 2]) {
    for (const mode of report.modes) {
      for (const result of mode.results) {
        for (const q of result.perQuery) {
          if (pass === 0) add(q.topIds[0]);
          else if (pass === 1) add(q.queryId);
          else q.topIds.forEach(add);
        }
      }
    }
  }
  return [...ids];
}

export class ThumbnailCache {
  constructor(private readonly dir: vscode.Uri) {}

  /**
   * id -> cached file, for every id that names a small local image under one of `roots` and inside one of
   * `allowed` (the workspace folders: a report's ids and input paths are the report's word, not the user's, so
   * `../../secret.png` or `/home/me/x.png` are never read), or (when `s3` is given) a small image in S3.
   * An item that cannot be read or is not allowed simply gets no thumbnail (the webview shows a placeholder).
   */
  async resolve(ids: readonly string[], roots: readonly vscode.Uri[], allowed: readonly string[], s3?: () => Promise<S3Reader>): Promise<Map<string, vscode.Uri>> {
    const out = new Map<string, vscode.Uri>();
    await vscode.workspace.fs.createDirectory(this.dir);
    const remote: string[] = [];
    for (const id of ids) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(id)) {
        if (id.startsWith('s3://')) remote.push(id); // http(s):// and others: never fetched into the webview
        continue;
      }
      for (const root of roots) {
        const file = path.isAbsolute(id) ? vscode.Uri.file(id) : vscode.Uri.joinPath(root, id);
        const cached = allowed.some((a) => isInside(a, file.fsPath)) ? await this.copy(file) : undefined;
        if (cached) { out.set(id, cached); break; }
        if (path.isAbsolute(id)) break;
      }
    }
    if (remote.length > 0 && s3) {
      const reader = await s3();
      let next = 0;
      const worker = async (): Promise<void> => {
        for (let i = next++; i < remote.length; i = next++) {
          const id = remote[i] ?? '';
          const cached = await this.fetch(reader, id).catch(() => undefined);
          if (cached) out.set(id, cached);
        }
      };
      await Promise.all(Array.from({ length: Math.min(S3_CONCURRENCY, remote.length) }, worker));
    }
    return out;
  }

  private async fetch(s3: S3Reader, uri: string): Promise<vscode.Uri | undefined> {
    const loc = parseS3Uri(uri);
    if (!loc) return undefined;
    const head = await s3.headObject(loc.bucket, loc.key);
    if (head.size > MAX_THUMBNAIL_BYTES) return undefined;
    const key = createHash('sha256').update(`${uri}\n${head.etag ?? ''}\n${head.size}`).digest('hex').slice(0, 32);
    const target = vscode.Uri.joinPath(this.dir, `${key}${path.extname(loc.key).toLowerCase()}`);
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      await vscode.workspace.fs.writeFile(target, await s3.getObject(loc.bucket, loc.key));
    }
    return target;
  }

  private async copy(file: vscode.Uri): Promise<vscode.Uri | undefined> {
    let stat: vscode.FileStat;
    try { stat = await vscode.workspace.fs.stat(file); } catch { return undefined; }
    if (stat.type !== vscode.FileType.File || stat.size > MAX_THUMBNAIL_BYTES) return undefined;
    const key = createHash('sha256').update(`${file.toString()}\n${stat.mtime}\n${stat.size}`).digest('hex').slice(0, 32);
    const target = vscode.Uri.joinPath(this.dir, `${key}${path.extname(file.path).toLowerCase()}`);
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      await vscode.workspace.fs.copy(file, target, { overwrite: true });
    }
    return target;
  }
}

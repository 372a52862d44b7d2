// Thumbnails for the report: images the report's items name (by local path, relative to the report's folder or to
// an input's folder) are copied, if small, into a cache folder under the extension's global storage, which is one of
// the webview's two resource roots. The webview only ever sees webview URIs of that cache: never a remote URL,
// never a path outside the roots.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ComparisonReport } from '../../protocol/report';

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

  /** id -> cached file, for every id that names a small local image under one of `roots`. */
  async resolve(ids: readonly string[], roots: readonly vscode.Uri[]): Promise<Map<string, vscode.Uri>> {
    const out = new Map<string, vscode.Uri>();
    await vscode.workspace.fs.createDirectory(this.dir);
    for (const id of ids) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(id)) continue; // s3:// or http(s):// : never fetched into the webview here
      for (const root of roots) {
        const file = path.isAbsolute(id) ? vscode.Uri.file(id) : vscode.Uri.joinPath(root, id);
        const cached = await this.copy(file);
        if (cached) { out.set(id, cached); break; }
        if (path.isAbsolute(id)) break;
      }
    }
    return out;
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

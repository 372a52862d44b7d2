// Thumbnails for the report: every image the report shows (top-k results, query images, the embedding map's items,
// leaked pairs) is read once on the extension host (a local file inside the workspace, or an s3:// object through
// the AWS layer), shrunk to at most 128 px (core/image/thumbnail.ts) and cached in a folder of the extension's global
// storage, which is one of the webview's resource roots. The webview only ever sees those small cached files, never
// the original object, a remote URL or a path outside the roots; an image that cannot be shown gets the reason.
//
// The cache is keyed by content identity: an S3 object by URI + ETag, a local file by path + mtime + size. Its index
// (index.json) remembers each source's identity and outcome, so a second report over the same images makes no S3
// request at all (an object rewritten under the same key keeps its old thumbnail until the cache is cleared).
// Speed (bench/thumbnails): one GET per object (its ETag and size come with the body, no HEAD), 8 in flight while
// the image pool's worker threads decode and encode (core/image/imagePool.ts), the index written once per resolve;
// each outcome is handed to `onOutcome` as it is known, so the panel streams thumbnails to an open report.
// No vscode import: the bench runs it in plain Node.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { parseS3Uri } from '../../core/awsRules/s3Uri';
import { mapBounded } from '../../core/concurrency';
import { isInside } from '../../core/files/placement';
import { sharedImagePool, type ImagePool } from '../../core/image/imagePool';
import type { ComparisonReport } from '../../protocol/report';

/** The one S3 call thumbnails need (the AWS layer's S3Storage has it): the body, unless larger than `maxBytes`, with its size and ETag. */
export interface S3Reader {
  getObjectUpTo(bucket: string, key: string, maxBytes: number): Promise<{ size: number; etag: string | undefined; bytes?: Uint8Array }>;
}

/** S3 objects fetched at once. */
const S3_CONCURRENCY = 8;
/** Larger originals are not read at all (a thumbnail is shown at 48-128 px). */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;
/** Images looked up per report, so a 100,000-item report does not read 100,000 objects when opened. */
export const MAX_THUMBNAILS = 2_000;
const IMAGE_EXT = /\.(jpe?g|png)$/i;
const INDEX_VERSION = 1;

/** One image the report shows: `key` is what the webview looks it up by, `source` where it is read from. */
export interface ThumbnailRequest { key: string; source: string }
/** A cached thumbnail file, or why there is none (shown in the placeholder). */
export type ThumbnailOutcome = { file: string } | { problem: string };

/** The images worth a thumbnail, most useful first: top-1 results, query images, the map, leaked pairs, the rest of each top-k. */
export function thumbnailRequests(report: ComparisonReport, limit = MAX_THUMBNAILS): ThumbnailRequest[] {
  const out = new Map<string, string>();
  // The map says where each image id is (its S3 URI): every mention of that id is read from there.
  const located = new Map((report.embeddingMap?.items ?? []).filter((i) => i.kind === 'image').map((i) => [i.id, i.source]));
  const add = (key: string | undefined, source = key === undefined ? undefined : located.get(key) ?? key): void => {
    if (key !== undefined && source !== undefined && out.size < limit && !out.has(key) && IMAGE_EXT.test(source)) out.set(key, source);
  };
  const each = (f: (q: ComparisonReport['modes'][number]['results'][number]['perQuery'][number]) => void): void => {
    for (const mode of report.modes) for (const result of mode.results) result.perQuery.forEach(f);
  };
  each((q) => add(q.topIds[0]));
  each((q) => add(q.queryId));
  for (const p of report.leakage?.pairs ?? []) { add(p.testUri); add(p.trainUri); }
  for (const item of report.embeddingMap?.items ?? []) if (item.kind === 'image') add(item.id);
  each((q) => q.topIds.forEach((id) => add(id)));
  return [...out].map(([key, source]) => ({ key, source }));
}

interface IndexEntry { identity: string; file?: string; problem?: string }
interface IndexFile { version: number; entries: Record<string, IndexEntry> }

const digest = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);
const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class ThumbnailCache {
  private index: Record<string, IndexEntry> | undefined;
  /** S3 requests this cache made (the bench and tests check a second run makes none). */
  s3Requests = 0;

  constructor(private readonly dir: string, private readonly pool: ImagePool = sharedImagePool()) {}

  /** The outcomes the index already holds for S3 sources (no request): what an opening report can show at once. */
  async known(requests: readonly ThumbnailRequest[]): Promise<Map<string, ThumbnailOutcome>> {
    const index = await this.loadIndex();
    return new Map(requests.flatMap((r) => {
      const e = r.source.startsWith('s3://') ? index[r.source] : undefined;
      return e ? [[r.key, this.outcome(e)] as const] : [];
    }));
  }

  /**
   * key -> thumbnail or problem for every request. A local source is read only when it is under one of `roots`
   * and inside one of `allowed` (the workspace folders: a report's ids are the report's word, not the user's, so
   * `../../secret.png` or `/home/me/x.png` are never read); an s3:// source only through `s3`. `onOutcome` hears each
   * outcome as soon as it is known (cached ones first), in no particular order.
   */
  async resolve(requests: readonly ThumbnailRequest[], roots: readonly string[], allowed: readonly string[], s3?: () => Promise<S3Reader>, onOutcome?: (key: string, outcome: ThumbnailOutcome) => void): Promise<Map<string, ThumbnailOutcome>> {
    await mkdir(this.dir, { recursive: true });
    const index = await this.loadIndex();
    const out = new Map<string, ThumbnailOutcome>();
    const settle = (key: string, o: ThumbnailOutcome): void => { out.set(key, o); onOutcome?.(key, o); };
    const todo: ThumbnailRequest[] = [];
    for (const r of requests) {
      const known = r.source.startsWith('s3://') ? index[r.source] : undefined;
      if (known) settle(r.key, this.outcome(known));
      else if (!r.source.startsWith('s3://') && /^[a-z][a-z0-9+.-]*:\/\//i.test(r.source)) settle(r.key, { problem: 'Remote images are not fetched (only s3:// and workspace files)' });
      else todo.push(r);
    }
    let reader: Promise<S3Reader | Error> | undefined;
    const s3Reader = (): Promise<S3Reader | Error> => {
      reader ??= s3 ? s3().catch((err: unknown) => new Error(message(err))) : Promise.resolve(new Error('No AWS session for s3:// images'));
      return reader;
    };
    // Reads overlap the pool's decoding: while the workers shrink one image, the next ones are on the wire.
    await mapBounded(todo, S3_CONCURRENCY, async (r) => {
      if (!r.source.startsWith('s3://')) return settle(r.key, await this.local(r.source, roots, allowed));
      const s = await s3Reader();
      settle(r.key, s instanceof Error ? { problem: s.message } : await this.remote(s, r.source));
    });
    await this.saveIndex();
    // In request order (fetches finish in any order), so the same report gives the same answer.
    return new Map(requests.flatMap((r) => { const o = out.get(r.key); return o ? [[r.key, o] as const] : []; }));
  }

  /**
   * A thumbnail made elsewhere from the same bytes (the leakage check decodes each test image once for its hash and
   * its thumbnail, src/aws/compare/leakage.ts): recorded as if this cache had read `source`, so opening the report
   * makes no S3 request for it. Only s3:// sources (a local file's identity is its mtime, which the maker lacks).
   * The index is written shortly after the last put (one write for a run's thousands).
   */
  async put(source: string, etag: string, size: number, png: Uint8Array): Promise<void> {
    if (!source.startsWith('s3://')) return;
    await mkdir(this.dir, { recursive: true });
    await this.loadIndex();
    const identity = `${etag}#${size}`;
    const file = `${digest(`${source}\n${identity}`)}.png`;
    await writeFile(path.join(this.dir, file), png);
    this.record(source, identity, file);
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveIndex(), 200);
  }

  private saveTimer: NodeJS.Timeout | undefined;

  /** Writes the index now (after a run's puts, before the report opens and reads it). */
  flush(): Promise<void> {
    clearTimeout(this.saveTimer);
    return this.saveIndex();
  }

  private outcome(e: IndexEntry): ThumbnailOutcome {
    return e.file ? { file: path.join(this.dir, e.file) } : { problem: e.problem ?? 'No thumbnail' };
  }

  private async remote(s3: S3Reader, uri: string): Promise<ThumbnailOutcome> {
    const loc = parseS3Uri(uri);
    if (!loc) return { problem: `Not an S3 object URI: ${uri}` };
    try {
      this.s3Requests++;
      const read = await s3.getObjectUpTo(loc.bucket, loc.key, MAX_SOURCE_BYTES);
      const identity = `${read.etag ?? ''}#${read.size}`;
      if (!read.bytes) return this.record(uri, identity, undefined, tooLarge(read.size));
      return await this.make(uri, identity, read.bytes);
    } catch (err) {
      return { problem: `Could not read ${uri}: ${message(err)}` }; // not cached: a denied read may be allowed later
    }
  }

  private async local(source: string, roots: readonly string[], allowed: readonly string[]): Promise<ThumbnailOutcome> {
    const candidates = path.isAbsolute(source) ? [source] : roots.map((r) => path.resolve(r, source));
    const inside = candidates.filter((f) => allowed.some((a) => isInside(a, f)));
    if (inside.length === 0) return { problem: 'Outside the workspace folder: not read' };
    for (const file of inside) {
      const s = await stat(file).catch(() => undefined);
      if (!s?.isFile()) continue;
      const identity = `${s.mtimeMs}#${s.size}`;
      const known = this.index?.[file];
      if (known?.identity === identity) return this.outcome(known);
      if (s.size > MAX_SOURCE_BYTES) return this.record(file, identity, undefined, tooLarge(s.size));
      return this.make(file, identity, await readFile(file));
    }
    return { problem: 'File not found' };
  }

  private async make(source: string, identity: string, bytes: Uint8Array): Promise<ThumbnailOutcome> {
    const made = await this.pool.process(bytes, { thumbnail: true });
    if (!made.thumbnail) return this.record(source, identity, undefined, made.error ?? 'No thumbnail');
    const file = `${digest(`${source}\n${identity}`)}.png`;
    await writeFile(path.join(this.dir, file), made.thumbnail);
    return this.record(source, identity, file);
  }

  private record(source: string, identity: string, file: string | undefined, problem?: string): ThumbnailOutcome {
    const entry: IndexEntry = file ? { identity, file } : { identity, problem: problem ?? 'No thumbnail' };
    if (this.index) this.index[source] = entry;
    this.dirty = true;
    return this.outcome(entry);
  }

  private dirty = false;

  private async loadIndex(): Promise<Record<string, IndexEntry>> {
    if (this.index) return this.index;
    try {
      const parsed = JSON.parse(await readFile(path.join(this.dir, 'index.json'), 'utf8')) as IndexFile;
      this.index = parsed.version === INDEX_VERSION && typeof parsed.entries === 'object' ? parsed.entries : {};
    } catch {
      this.index = {};
    }
    return this.index;
  }

  /** Writes are chained: a delayed save after put() and a resolve's save never interleave. */
  private saving: Promise<void> = Promise.resolve();

  private saveIndex(): Promise<void> {
    this.saving = this.saving.then(async () => {
      if (!this.dirty || !this.index) return;
      this.dirty = false;
      const tmp = path.join(this.dir, `index.${process.pid}.tmp`);
      await writeFile(tmp, JSON.stringify({ version: INDEX_VERSION, entries: this.index } satisfies IndexFile));
      await rename(tmp, path.join(this.dir, 'index.json'));
    }).catch(() => { this.dirty = true; });
    return this.saving;
  }

}

function tooLarge(bytes: number): string {
  return `Image is ${(bytes / 1024 / 1024).toFixed(1)} MB; thumbnails are made from images up to ${MAX_SOURCE_BYTES / 1024 / 1024} MB`;
}

import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileImageSource } from '../../../src/core/image/fileSource';
import type { ImageSource, ReadOutcome } from '../../../src/core/image/source';
import { deepCheck, ImageCheckCache } from '../../../src/core/manifest';

const png = (name: string): Buffer => readFileSync(resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'pngsuite', 'png', name));

describe('deep check over local files', () => {
  it('reports missing, too small and corrupt images on every line that names them; caches by ETag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmc-deep-'));
    writeFileSync(join(dir, 'small.png'), png('basn0g08.png'));
    writeFileSync(join(dir, 'bad.png'), png('xcsn0g01.png'));
    const reads: (string | undefined)[] = [];
    const files = fileImageSource(dir);
    const counting: ImageSource = { read: (ref, n, etag): Promise<ReadOutcome> => { reads.push(etag); return files.read(ref, n, etag); } };
    const cache = new ImageCheckCache();
    const targets = [{ ref: 'small.png', line: 0 }, { ref: 'gone.png', line: 1 }, { ref: 'bad.png', line: 2 }, { ref: 'small.png', line: 3 }];
    const progress: number[] = [];
    const first = await deepCheck(targets, counting, { cache, concurrency: 2, onProgress: (d) => progress.push(d) });
    assert.deepEqual(first.diagnostics.map((d) => `${d.line}:${d.code}`), ['0:image-side', '1:image-missing', '2:image-corrupt', '3:image-side']);
    assert.equal(first.images, 3);
    assert.deepEqual(progress, [1, 2, 3]);
    const second = await deepCheck(targets, counting, { cache });
    assert.equal(second.fromCache, 2);
    assert.deepEqual(second.diagnostics.map((d) => d.code), first.diagnostics.map((d) => d.code));
  });

  it('stops on cancel', async () => {
    const abort = new AbortController();
    const slow: ImageSource = { read: async () => { abort.abort(); return { kind: 'missing', message: 'x' }; } };
    const r = await deepCheck(Array.from({ length: 50 }, (_, i) => ({ ref: `s3://b/${i}.png`, line: i })), slow, { signal: abort.signal, concurrency: 1 });
    assert.equal(r.cancelled, true);
    assert.equal(r.checked, 1);
  });
});

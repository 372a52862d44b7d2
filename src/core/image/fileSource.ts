// Local images (a manifest that still names local paths, or a folder being turned into a manifest).
import { open } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { ImageSource, ReadOutcome } from './source';

export function fileImageSource(baseDir: string): ImageSource {
  return {
    async read(ref: string, length: number, ifNoneMatch?: string): Promise<ReadOutcome> {
      const path = ref.startsWith('file://') ? decodeURIComponent(new URL(ref).pathname) : isAbsolute(ref) ? ref : join(baseDir, ref);
      let handle;
      try {
        handle = await open(path, 'r');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', message: `No such file: ${path}` };
        if (code === 'EACCES' || code === 'EPERM') return { kind: 'denied', message: `Permission denied: ${path}` };
        return { kind: 'error', message: `Cannot read ${path}: ${(err as Error).message}` };
      }
      try {
        const stat = await handle.stat();
        const etag = `${stat.size}-${stat.mtimeMs}`;
        if (ifNoneMatch === etag) return { kind: 'not-modified' };
        const bytes = new Uint8Array(Math.min(length, stat.size));
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
        return { kind: 'ok', bytes: bytes.subarray(0, bytesRead), size: stat.size, etag };
      } catch (err) {
        return { kind: 'error', message: `Cannot read ${path}: ${(err as Error).message}` };
      } finally {
        await handle.close();
      }
    },
  };
}

/** Sends s3:// refs to `s3` and everything else to the local files under `baseDir`. */
export function routedImageSource(s3: ImageSource | undefined, baseDir: string): ImageSource {
  const files = fileImageSource(baseDir);
  return {
    read(ref, length, ifNoneMatch) {
      if (ref.startsWith('s3://')) {
        return s3 ? s3.read(ref, length, ifNoneMatch) : Promise.resolve({ kind: 'error', message: 'S3 is not available' });
      }
      return files.read(ref, length, ifNoneMatch);
    },
  };
}

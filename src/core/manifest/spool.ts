// A pipe, FIFO or /dev/stdin has no size and cannot be read at an offset, yet the file validator cuts files into
// parts by size and reads repeated lines back where they are. So such an input is first copied, streamed to its
// end, into a private temporary file (mkdtemp: mode 0700), which is validated instead and removed afterwards.
// Memory stays at one stream buffer whatever the input's size.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface SpooledInput {
  /** A regular file with the input's bytes. */
  path: string;
  /** Removes the copy (nothing when `path` is the input itself). */
  dispose(): void;
}

/** Copies `stream` to its end into a temporary file. */
export async function spoolStream(stream: NodeJS.ReadableStream): Promise<SpooledInput> {
  const dir = mkdtempSync(join(tmpdir(), 'bedrock-mm-input-'));
  const dispose = (): void => { rmSync(dir, { recursive: true, force: true }); };
  const path = join(dir, 'input.jsonl');
  try {
    await pipeline(stream, createWriteStream(path, { mode: 0o600 }));
  } catch (err) {
    dispose();
    throw err;
  }
  return { path, dispose };
}

/** `path` itself when it is a regular file, else (a FIFO, a character device like /dev/stdin) a spooled copy. */
export async function seekableInput(path: string): Promise<SpooledInput> {
  if (statSync(path).isFile()) return { path, dispose: () => undefined };
  return spoolStream(createReadStream(path));
}

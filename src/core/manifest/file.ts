// Validates a manifest file chunk by chunk (64 KiB reads cut at line breaks), so a 500,000-line file never sits in
// memory as one buffer plus one string. The chunk size matters: a decoded chunk under V8's large-object size
// (128 KiB) dies young in the scavenger, while 4 MiB chunks piled up in large-object space until a full GC (peak RSS
// 150 MB against 66 MB for a 51 MB file, and slower). Lines the file-level checks need again (repeated images, and
// the rare hash collision) are read back at their byte offsets, one positioned read each.
// A big file can be validated in parts on several threads: `splitAtLines` cuts it at line starts,
// `validateManifestRange` checks one part's lines, and `finishManifestParts` joins the parts and runs the file-level
// checks; `validateManifestFile` does both on this thread.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { bomDiagnostic, decodeLines } from './decode';
import { MAX_LINE_BYTES } from './types';
import { ManifestBatch, type BatchOptions, type ManifestPart, type ManifestReport } from './validate';

const CHUNK = 64 * 1024; // grows for a longer line

/** Bytes [start, end) of a file; `start` is 0 or just after a line break. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Consecutive whole lines: `firstLine` counts from the range's first line, `offset` is the file offset of `bytes`. */
type OnLines = (bytes: Uint8Array, firstLine: number, offset: number) => number;

/** Reads on from `pos` (up to `end`) to the next line break: the bytes before it, and where the next line starts (-1: none). */
function skipToLineEnd(fd: number, buf: Buffer, pos: number, end: number): { bytes: number; next: number } {
  for (let at = pos; ;) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, end - at), at);
    if (n === 0) return { bytes: at - pos, next: -1 };
    const nl = buf.subarray(0, n).indexOf(0x0a);
    if (nl >= 0) return { bytes: at + nl - pos, next: at + nl + 1 };
    at += n;
  }
}

/**
 * Calls `onLines` for consecutive runs of whole lines of the range (the whole file when undefined), and `onLong`
 * (with its length in bytes) for a line of MAX_LINE_BYTES or more, which is read through but never held. A BOM at
 * the start of the file is removed and reported through `onBom`.
 */
function readLines(path: string, range: ByteRange | undefined, onLines: OnLines, onLong: (bytes: number) => void, onBom: () => void): void {
  const fd = openSync(path, 'r');
  try {
    const end = range?.end ?? fstatSync(fd).size;
    let pos = range?.start ?? 0;
    let buf = Buffer.allocUnsafe(CHUNK);
    let carry = 0; // bytes of an unfinished line at the start of buf
    let line = 0;
    let first = pos === 0;
    for (;;) {
      if (carry === buf.length && buf.length >= MAX_LINE_BYTES) { // too long to be a record: measure it, keep nothing
        const rest = skipToLineEnd(fd, buf, pos, end);
        onLong(carry + rest.bytes);
        line++;
        if (rest.next < 0) return;
        pos = rest.next;
        carry = 0;
        continue;
      }
      if (carry === buf.length) { // one line longer than the buffer: grow it
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const n = readSync(fd, buf, carry, Math.min(buf.length - carry, end - pos), pos);
      pos += n;
      const filled = carry + n;
      let start = 0;
      if (first && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) { onBom(); start = 3; }
      first = false;
      if (n === 0) {
        if (filled > start) line += onLines(buf.subarray(start, filled), line, pos - filled + start);
        return;
      }
      const lastBreak = buf.lastIndexOf(0x0a, filled - 1);
      if (lastBreak < start) { carry = filled; if (start > 0) { buf.copy(buf, 0, start, filled); carry = filled - start; } continue; }
      line += onLines(buf.subarray(start, lastBreak + 1), line, pos - filled + start);
      buf.copy(buf, 0, lastBreak + 1, filled);
      carry = filled - lastBreak - 1;
    }
  } finally {
    closeSync(fd);
  }
}

/** Cuts the file into at most `parts` ranges of about equal size, each starting at a line start. */
export function splitAtLines(path: string, parts: number): ByteRange[] {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const cuts = [0];
    const window = Buffer.allocUnsafe(CHUNK);
    for (let i = 1; i < parts; i++) {
      // The first line break at or after the even cut point; the next part starts after it.
      let at = Math.max(Math.floor((size * i) / parts), cuts[cuts.length - 1] as number);
      let next = -1;
      while (next < 0 && at < size) {
        const n = readSync(fd, window, 0, window.length, at);
        const nl = window.subarray(0, n).indexOf(0x0a);
        if (nl >= 0) next = at + nl + 1;
        else at += n;
      }
      if (next < 0 || next >= size) break;
      if (next > (cuts[cuts.length - 1] as number)) cuts.push(next);
    }
    return cuts.map((start, i) => ({ start, end: cuts[i + 1] ?? size }));
  } finally {
    closeSync(fd);
  }
}

/** The text of the chosen lines (line -> byte offset of its start), without line breaks, read where they are. */
function readChosenLines(path: string, chosen: Map<number, number>): Map<number, string> {
  const kept = new Map<number, string>();
  const fd = openSync(path, 'r');
  try {
    for (const [line, offset] of chosen) kept.set(line, readLineAt(fd, offset, line));
  } finally {
    closeSync(fd);
  }
  return kept;
}

function readLineAt(fd: number, offset: number, line: number): string {
  let buf = Buffer.allocUnsafe(1024);
  let filled = 0;
  for (;;) {
    const n = readSync(fd, buf, filled, buf.length - filled, offset + filled);
    const nl = buf.subarray(filled, filled + n).indexOf(0x0a);
    if (nl >= 0 || n === 0) {
      let end = nl >= 0 ? filled + nl : filled;
      if (nl >= 0 && end > 0 && buf[end - 1] === 0x0d) end--; // CRLF, as forEachLine
      return decodeLines(buf.subarray(0, end), line).text; // a BOM is never inside: line 0 starts after it
    }
    filled += n;
    if (filled === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = bigger;
    }
  }
}

/** Feeds the lines of one range of the file (the whole file when `range` is undefined) to a new batch. */
function checkRange(path: string, range: ByteRange | undefined, options: BatchOptions): ManifestBatch {
  const batch = new ManifestBatch(options);
  let bom = false;
  readLines(path, range, (bytes, firstLine, offset) => {
    const { text, diagnostics } = decodeLines(bytes, firstLine);
    const lines = batch.addText(text, bom ? [bomDiagnostic(), ...diagnostics] : diagnostics, { bytes, offset });
    bom = false;
    return lines;
  }, (bytes) => { batch.addOverlongLine(bytes); }, () => { bom = true; });
  if (bom) batch.add(bomDiagnostic()); // a file that is only a BOM
  return batch;
}

/** The file-level checks, reading back the lines they need. */
function finishFile(path: string, batch: ManifestBatch): ManifestReport {
  const needed = batch.linesNeeded();
  const kept = needed.size > 0 ? readChosenLines(path, needed) : new Map<number, string>();
  return batch.finish((line) => kept.get(line) ?? '');
}

/** The line checks of one range of the file, as a part to join with the others. */
export function validateManifestRange(path: string, range: ByteRange | undefined, options: BatchOptions = {}): ManifestPart {
  return checkRange(path, range, options).part();
}

/** Joins the parts of a file, in order, and runs the file-level checks. */
export function finishManifestParts(path: string, parts: readonly ManifestPart[], options: BatchOptions = {}): ManifestReport {
  const batch = new ManifestBatch(options);
  for (const part of parts) batch.absorb(part);
  return finishFile(path, batch);
}

/** The whole file on this thread (no part to copy and join). */
export function validateManifestFile(path: string, options: BatchOptions = {}): ManifestReport {
  return finishFile(path, checkRange(path, undefined, options));
}

// Validates a manifest file chunk by chunk (4 MiB reads cut at line breaks), so a 500,000-line file never sits in
// memory as one buffer plus one string. Lines the file-level checks need again (repeated images) are collected in
// a second sequential pass, only when there are any.
import { closeSync, openSync, readSync } from 'node:fs';
import { bomDiagnostic, decodeLines } from './decode';
import { forEachLine, ManifestBatch, type BatchOptions, type ManifestReport } from './validate';

const CHUNK = 4 * 1024 * 1024;

/** Calls `onLines(text, firstLine)` for consecutive runs of whole lines (a BOM at the start is removed). */
function readLines(path: string, onLines: (bytes: Uint8Array, firstLine: number) => number, onBom: () => void): void {
  const fd = openSync(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(CHUNK);
    let carry = 0; // bytes of an unfinished line at the start of buf
    let line = 0;
    let first = true;
    for (;;) {
      if (carry === buf.length) { // one line longer than the buffer: grow it
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const n = readSync(fd, buf, carry, buf.length - carry, null);
      const filled = carry + n;
      let start = 0;
      if (first && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) { onBom(); start = 3; }
      first = false;
      if (n === 0) {
        if (filled > start) line += onLines(buf.subarray(start, filled), line);
        return;
      }
      const lastBreak = buf.lastIndexOf(0x0a, filled - 1);
      if (lastBreak < start) { carry = filled; if (start > 0) { buf.copy(buf, 0, start, filled); carry = filled - start; } continue; }
      line += onLines(buf.subarray(start, lastBreak + 1), line);
      buf.copy(buf, 0, lastBreak + 1, filled);
      carry = filled - lastBreak - 1;
    }
  } finally {
    closeSync(fd);
  }
}

/** Feeds each line of decoded chunk text to `visit`; returns how many lines the chunk held. */
function eachLine(text: string, visit: (line: string) => void): number {
  return forEachLine(text, (start, end) => visit(text.slice(start, end)));
}

export function validateManifestFile(path: string, options: BatchOptions = {}): ManifestReport {
  const batch = new ManifestBatch(options);
  readLines(path, (bytes, firstLine) => {
    const { text, diagnostics } = decodeLines(bytes, firstLine);
    for (const d of diagnostics) batch.add(d);
    return eachLine(text, (l) => batch.addLine(l));
  }, () => batch.add(bomDiagnostic()));
  const needed = batch.linesNeeded();
  const kept = new Map<number, string>();
  if (needed.size > 0) {
    readLines(path, (bytes, firstLine) => {
      let line = firstLine;
      return eachLine(decodeLines(bytes, firstLine).text, (l) => { if (needed.has(line)) kept.set(line, l); line++; });
    }, () => undefined);
  }
  return batch.finish((line) => kept.get(line) ?? '');
}

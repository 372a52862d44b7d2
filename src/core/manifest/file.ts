// Validates a manifest file chunk by chunk (64 KiB reads cut at line breaks), so a 500,000-line file never sits in
// memory as one buffer plus one string. The chunk size matters: a decoded chunk under V8's large-object size (128 KiB)
// dies young in the scavenger, while 4 MiB chunks piled up in large-object space until a full GC (peak RSS 150 MB
// against 66 MB now for a 51 MB file, and slower). Lines the file-level checks need again (repeated images, and the rare hash
// collision) are collected in a second pass that only looks for line breaks and decodes just those lines.
import { closeSync, openSync, readSync } from 'node:fs';
import { bomDiagnostic, decodeLines } from './decode';
import { forEachLine, ManifestBatch, type BatchOptions, type ManifestReport } from './validate';

const CHUNK = 64 * 1024; // grows for a longer line

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

/** The text of the chosen lines (without line breaks), found by scanning the bytes for breaks. */
function readChosenLines(path: string, chosen: Set<number>): Map<number, string> {
  const kept = new Map<number, string>();
  readLines(path, (bytes, firstLine) => {
    let line = firstLine;
    for (let start = 0; start < bytes.length; line++) {
      let nl = bytes.indexOf(0x0a, start);
      if (nl < 0) nl = bytes.length;
      if (chosen.has(line)) {
        const end = nl > start && nl < bytes.length && bytes[nl - 1] === 0x0d ? nl - 1 : nl; // CRLF, as forEachLine
        kept.set(line, decodeLines(bytes.subarray(start, end), line).text);
      }
      start = nl + 1;
    }
    return line - firstLine;
  }, () => undefined);
  return kept;
}

export function validateManifestFile(path: string, options: BatchOptions = {}): ManifestReport {
  const batch = new ManifestBatch(options);
  readLines(path, (bytes, firstLine) => {
    const { text, diagnostics } = decodeLines(bytes, firstLine);
    for (const d of diagnostics) batch.add(d);
    return eachLine(text, (l) => batch.addLine(l));
  }, () => batch.add(bomDiagnostic()));
  const needed = batch.linesNeeded();
  const kept = needed.size > 0 ? readChosenLines(path, needed) : new Map<number, string>();
  return batch.finish((line) => kept.get(line) ?? '');
}

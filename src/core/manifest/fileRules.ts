// File-level checks built from per-line summaries: duplicate images, conflicting captions and the record count.
import { scanJsonLine } from './jsonScan';
import { deleteLineFix } from './lineRules';
import type { ManifestDiagnostic, ManifestLimits, ManifestRole } from './types';

/** Where the image-ref value sits on a line (falls back to the whole line). */
export function imageRefRange(text: string): [number, number] {
  const scan = scanJsonLine(text);
  let found: [number, number] | undefined;
  for (const m of scan.members) if (m.key === 'image-ref') found = [m.valueStart, m.valueEnd];
  return found ?? [0, text.length];
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** The diagnostic on `line`, a repeat of the image first seen on `firstLine`; ranges are the image-ref values. */
export function duplicateDiagnostic(
  line: number, [start, end]: readonly [number, number], firstLine: number, [fStart, fEnd]: readonly [number, number], imageRef: string, sameCaption: boolean,
): ManifestDiagnostic {
  const related = { line: firstLine, column: fStart, endLine: firstLine, endColumn: fEnd, message: 'first use of this image' };
  if (sameCaption) {
    return {
      line, column: start, endLine: line, endColumn: end, severity: 'warning', code: 'duplicate-image', related,
      message: `Duplicate image ${shorten(imageRef)}: same image and caption as line ${firstLine + 1}`,
      fix: deleteLineFix(line, 'Delete this duplicate line'),
    };
  }
  return {
    line, column: start, endLine: line, endColumn: end, severity: 'warning', code: 'conflicting-caption', related,
    message: `Image ${shorten(imageRef)} also appears on line ${firstLine + 1} with a different caption`,
  };
}

export function recordCountDiagnostic(records: number, role: ManifestRole | undefined, limits: ManifestLimits, firstLineLength: number): ManifestDiagnostic | undefined {
  if (!role) return undefined;
  const [min, max] = role === 'training' ? limits.trainingRecords : limits.validationRecords;
  if (records >= min && records <= max) return undefined;
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return {
    line: 0, column: 0, endLine: 0, endColumn: firstLineLength, severity: 'error', code: 'record-count',
    message: `A ${role} manifest needs ${fmt(min)} to ${fmt(max)} records; this file has ${fmt(records)}`,
  };
}

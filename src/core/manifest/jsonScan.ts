// A position-aware JSON scanner for one manifest line. JSON.parse says whether a line is valid; this scanner says
// WHERE: the exact offset of a syntax error and the ranges of the top-level object's keys and values. It is
// iterative (an explicit stack), so a line of 100,000 '[' cannot overflow the call stack, and it never throws.

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
  valueType: JsonType;
}

export interface JsonSyntaxError {
  start: number;
  end: number;
  message: string;
  /** Set when the error is a trailing comma: the comma's offset (a quick fix deletes it). */
  trailingComma?: number;
}

export interface JsonScan {
  error?: JsonSyntaxError;
  /** Type of the top-level value, when one started. */
  topType?: JsonType;
  topStart: number;
  topEnd: number;
  /** Members of the top-level object, in source order (duplicates kept). */
  members: JsonMember[];
}

const MAX_DEPTH = 10_000;

interface Frame { kind: 'object' | 'array'; count: number }

/** The top-level member whose value is being scanned. */
interface KeyState {
  pending?: { key: string; keyStart: number; keyEnd: number; valueStart: number } | undefined;
  pendingType: JsonType;
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function describe(s: string, i: number): string {
  if (i >= s.length) return 'end of line';
  const c = s.charCodeAt(i);
  if (c < 0x20 || c === 0x7f) return `control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${s[i]}'`;
}

class Fail {
  constructor(readonly error: JsonSyntaxError) {}
}

/** Scans a string token starting at the opening quote; returns the offset after the closing quote, or a Fail. */
function scanString(s: string, start: number): number | Fail {
  let i = start + 1;
  const n = s.length;
  for (;;) {
    if (i >= n) return new Fail({ start, end: n, message: 'Unterminated string: add the closing \'"\'' });
    const c = s.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c === 0x5c) {
      const e = s.charCodeAt(i + 1);
      if (e === 0x75) {
        for (let k = 2; k < 6; k++) {
          if (!isHex(s.charCodeAt(i + k))) {
            return new Fail({ start: i, end: Math.min(n, i + 6), message: 'Invalid \\u escape: it needs four hex digits' });
          }
        }
        i += 6;
        continue;
      }
      if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
        continue;
      }
      return new Fail({ start: i, end: Math.min(n, i + 2), message: `Invalid escape '\\${i + 1 < n ? s[i + 1] : ''}' in a string` });
    }
    if (c < 0x20) {
      return new Fail({ start: i, end: i + 1, message: `Unescaped ${describe(s, i)} in a string: write it as an escape (e.g. \\n, \\t)` });
    }
    i++;
  }
}

function scanNumber(s: string, start: number): number | Fail {
  let i = start;
  const bad = (at: number): Fail => new Fail({ start, end: Math.max(at + 1, start + 1), message: `Invalid number: unexpected ${describe(s, at)}` });
  if (s.charCodeAt(i) === 0x2d) i++;
  if (s.charCodeAt(i) === 0x30) {
    i++;
  } else if (isDigit(s.charCodeAt(i))) {
    while (isDigit(s.charCodeAt(i))) i++;
  } else {
    return bad(i);
  }
  if (s.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(s.charCodeAt(i))) return bad(i);
    while (isDigit(s.charCodeAt(i))) i++;
  }
  const e = s.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = s.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(s.charCodeAt(i))) return bad(i);
    while (isDigit(s.charCodeAt(i))) i++;
  }
  return i;
}

function scanLiteral(s: string, start: number, word: string): number | Fail {
  if (s.startsWith(word, start)) return start + word.length;
  let i = start;
  while (i < s.length && i - start < word.length && s[i] === word[i - start]) i++;
  return new Fail({ start, end: Math.max(i + 1, start + 1), message: `Invalid literal: expected '${word}'` });
}

function unexpected(s: string, i: number, expected: string): Fail {
  const end = i < s.length ? i + 1 : s.length;
  const start = i < s.length ? i : Math.max(0, s.length - 1);
  let hint = '';
  if (s[i] === '\'') hint = ' (JSON strings and keys use double quotes)';
  return new Fail({ start, end, message: `Expected ${expected}, found ${describe(s, i)}${hint}` });
}

function skipWs(s: string, i: number): number {
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i;
}

function decodeKey(s: string, start: number, end: number): string {
  try {
    return JSON.parse(s.slice(start, end)) as string;
  } catch {
    return s.slice(start + 1, end - 1);
  }
}

/** Scans one line (without its line break). */
export function scanJsonLine(s: string): JsonScan {
  const result: JsonScan = { topStart: 0, topEnd: 0, members: [] };
  const outcome = scan(s, result);
  if (outcome instanceof Fail) result.error = outcome.error;
  return result;
}

function scan(s: string, out: JsonScan): Fail | undefined {
  const stack: Frame[] = [];
  let i = skipWs(s, 0);
  // The member of the top-level object whose value is being scanned.
  const st: KeyState = { pendingType: 'null' };

  // Expect a value at i.
  for (;;) {
    i = skipWs(s, i);
    const valueStart = i;
    const c = s.charCodeAt(i);
    let type: JsonType;
    let end: number | Fail;
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= MAX_DEPTH) return new Fail({ start: i, end: i + 1, message: `Nesting deeper than ${MAX_DEPTH} levels` });
      type = c === 0x7b ? 'object' : 'array';
      if (stack.length === 0) { out.topType = type; out.topStart = i; }
      if (stack.length === 1 && st.pending) st.pendingType = type;
      stack.push({ kind: type, count: 0 });
      i = skipWs(s, i + 1);
      const close = type === 'object' ? 0x7d : 0x5d;
      if (s.charCodeAt(i) === close) {
        stack.pop();
        end = i + 1;
      } else if (type === 'object') {
        const keyed = scanKey(s, i, stack.length, st);
        if (keyed instanceof Fail) return keyed;
        i = keyed;
        continue;
      } else {
        continue;
      }
    } else {
      if (c === 0x22) { type = 'string'; end = scanString(s, i); }
      else if (c === 0x2d || isDigit(c)) { type = 'number'; end = scanNumber(s, i); }
      else if (c === 0x74) { type = 'boolean'; end = scanLiteral(s, i, 'true'); }
      else if (c === 0x66) { type = 'boolean'; end = scanLiteral(s, i, 'false'); }
      else if (c === 0x6e) { type = 'null'; end = scanLiteral(s, i, 'null'); }
      else return unexpected(s, i, i >= s.length && stack.length === 0 ? 'a JSON value' : 'a value');
      if (end instanceof Fail) return end;
      if (stack.length === 0) { out.topType = type; out.topStart = valueStart; }
      if (stack.length === 1 && st.pending) st.pendingType = type;
    }
    // A value ended at `end`; close containers and move to the next member/element.
    i = end;
    for (;;) {
      if (stack.length === 1 && st.pending) {
        out.members.push({ ...st.pending, valueEnd: i, valueType: st.pendingType });
        st.pending = undefined;
      }
      const top = stack[stack.length - 1];
      if (!top) {
        out.topEnd = i;
        const rest = skipWs(s, i);
        if (rest < s.length) return unexpected(s, rest, 'end of line after the JSON value (one object per line)');
        return undefined;
      }
      top.count++;
      i = skipWs(s, i);
      const d = s.charCodeAt(i);
      const close = top.kind === 'object' ? 0x7d : 0x5d;
      if (d === close) {
        stack.pop();
        i++;
        continue;
      }
      if (d !== 0x2c) {
        return unexpected(s, i, top.kind === 'object' ? '\',\' or \'}\' after a property value' : '\',\' or \']\' after an array element');
      }
      const comma = i;
      i = skipWs(s, i + 1);
      if (s.charCodeAt(i) === close) {
        return new Fail({ start: comma, end: comma + 1, message: `Trailing comma before '${s[i]}': remove it`, trailingComma: comma });
      }
      if (top.kind === 'object') {
        const keyed = scanKey(s, i, stack.length, st);
        if (keyed instanceof Fail) return keyed;
        i = keyed;
      }
      break;
    }
  }
}

/** Scans `"key" :` at i; returns the offset after the colon. */
function scanKey(s: string, i: number, depth: number, st: KeyState): number | Fail {
  if (s.charCodeAt(i) !== 0x22) return unexpected(s, i, 'a property name in double quotes');
  const keyEnd = scanString(s, i);
  if (keyEnd instanceof Fail) return keyEnd;
  const colon = skipWs(s, keyEnd);
  if (s.charCodeAt(colon) !== 0x3a) return unexpected(s, colon, '\':\' after the property name');
  const valueStart = skipWs(s, colon + 1);
  if (depth === 1) st.pending = { key: decodeKey(s, i, keyEnd), keyStart: i, keyEnd, valueStart };
  return colon + 1;
}

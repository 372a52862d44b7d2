// Where each value of a JSON document starts, by JSON Pointer (RFC 6901), so schema errors can point at a line and
// column of the user's file. A small recursive-descent scanner; it assumes the text already parsed with JSON.parse.

export interface SourceLocation {
  line: number;
  column: number;
}

export function jsonLocations(text: string): Map<string, SourceLocation> {
  const out = new Map<string, SourceLocation>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
  };
  const locate = (at: number): SourceLocation => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return { line, column: at - before.lastIndexOf('\n') };
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const esc = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
  const value = (pointer: string): void => {
    ws();
    out.set(pointer, locate(i));
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      while (text[i] !== '}' && i < text.length) {
        ws();
        const key = str();
        ws();
        i++; // ':'
        value(`${pointer}/${esc(key)}`);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '[') {
      i++;
      ws();
      let n = 0;
      while (text[i] !== ']' && i < text.length) {
        value(`${pointer}/${n++}`);
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && /[^\s,\]}]/.test(text[i] as string)) i++;
    }
  };
  value('');
  return out;
}

/** Sections of an INI file, each a map of keys to values, in file order. */
export type IniSections = Map<string, Map<string, string>>;

/**
 * Parses the INI dialect of `~/.aws/config` and `~/.aws/credentials` as the AWS SDK does:
 * `[section]` headers, `key = value` pairs, `#` and `;` comment lines, and indented continuation lines that
 * form sub-sections (`s3 =` followed by `  max_concurrent_requests = 10` is stored as `s3.max_concurrent_requests`).
 * Later duplicates win. Never throws: malformed lines are skipped.
 */
export function parseIni(text: string): IniSections {
  const sections: IniSections = new Map();
  let current: Map<string, string> | undefined;
  let parentKey: string | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const trimmed = rawLine.trim();
    const first = trimmed.charCodeAt(0);
    if (trimmed === '' || first === 35 /* # */ || first === 59 /* ; */) continue;
    const header = first === 91 /* [ */ ? /^\[([^\]]+)\]/.exec(trimmed) : null;
    if (header) {
      const name = (header[1] ?? '').trim();
      current = sections.get(name) ?? new Map<string, string>();
      sections.set(name, current);
      parentKey = undefined;
      continue;
    }
    if (!current) continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) continue;
    const key = trimmed.slice(0, eq).trim().toLowerCase();
    const value = stripInlineComment(trimmed.slice(eq + 1).trim());
    const indented = rawLine.length > 0 && rawLine.length !== rawLine.trimStart().length;
    if (indented && parentKey !== undefined) {
      current.set(`${parentKey}.${key}`, value);
    } else {
      current.set(key, value);
      parentKey = value === '' ? key : undefined;
    }
  }
  return sections;
}

/** `value # comment` loses its comment, as in the SDK; `#` without a space before it is part of the value. */
function stripInlineComment(value: string): string {
  if (!value.includes('#') && !value.includes(';')) return value;
  const m = /\s[#;]/.exec(value);
  return m ? value.slice(0, m.index).trim() : value;
}

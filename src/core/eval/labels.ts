// Label rules: a record's class is its whole caption by default, or the one capture group of a user regex
// (e.g. `The letter (\w) in sign language` for the reference data).

export interface LabelRule {
  /** The label, or null when the regex does not match (the record is then left out and counted). */
  apply(caption: string): string | null;
  description: string;
}

export const WHOLE_CAPTION: LabelRule = { apply: (c) => c, description: 'the whole caption' };

/** Returns the rule, or a message saying what is wrong with the regex. */
export function compileLabelRule(source: string | undefined): LabelRule | { error: string } {
  if (source === undefined || source === '') return WHOLE_CAPTION;
  let re: RegExp;
  try {
    re = new RegExp(source);
  } catch (e) {
    return { error: `label regex /${source}/ is not a valid regular expression: ${(e as Error).message}` };
  }
  // Count capture groups by matching the empty alternative: every group shows up as undefined.
  const groups = (new RegExp(`${source}|`).exec('') ?? []).length - 1;
  if (groups !== 1) return { error: `label regex /${source}/ must have exactly one capture group (it has ${groups}), e.g. "The letter (\\w) in sign language"` };
  return {
    apply: (c) => {
      const m = re.exec(c);
      return m && m[1] !== undefined ? m[1] : null;
    },
    description: `regex /${source}/, group 1`,
  };
}

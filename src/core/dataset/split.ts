// A seeded, stratified train/validation split that keeps near-duplicate copies of one source image together
// (A1.jpg, A1_1.jpg, A1_2.jpg are one group), so augmented copies never leak from training into validation.
import { seededRandom } from '../random';

/** mulberry32, shared with the evaluation's bootstrap (src/core/random.ts); re-exported for existing callers. */
export { seededRandom };

export interface SplitRecord {
  /** The manifest line, written out unchanged. */
  text: string;
  imageRef: string;
  caption: string;
}

export interface SplitOptions {
  seed: number;
  /** Share of each label's groups that go to validation. */
  validationFraction: number;
}

export interface SplitResult {
  training: string[];
  validation: string[];
  perLabel: Record<string, { groups: number; training: number; validation: number }>;
  groups: number;
}

/** `s3://b/asl/A/A1_2.jpg` -> `asl/A/A1`: the source image the copy was made from. */
export function groupKey(imageRef: string): string {
  const withoutScheme = imageRef.replace(/^s3:\/\/[^/]*\//, '');
  const slash = withoutScheme.lastIndexOf('/');
  const dir = withoutScheme.slice(0, slash + 1);
  const stem = withoutScheme.slice(slash + 1).replace(/\.[^.]*$/, '');
  const base = stem.replace(/(?:[_-](?:\d+|aug\d*|copy\d*|flip|rot\d*))+$/i, '').replace(/\s*\(\d+\)$/, '');
  return dir + (base || stem);
}

/** The label to stratify by: the image's folder (class-per-subfolder), else the caption. */
export function labelOf(record: SplitRecord): string {
  const parts = record.imageRef.replace(/^s3:\/\/[^/]*\//, '').split('/');
  return parts.length >= 2 ? (parts[parts.length - 2] as string) : record.caption;
}

export function splitRecords(records: readonly SplitRecord[], options: SplitOptions): SplitResult {
  const random = seededRandom(options.seed);
  // label -> group key -> record indexes
  const byLabel = new Map<string, Map<string, number[]>>();
  records.forEach((r, i) => {
    const label = labelOf(r);
    const groups = byLabel.get(label) ?? new Map<string, number[]>();
    byLabel.set(label, groups);
    const key = groupKey(r.imageRef);
    const members = groups.get(key) ?? [];
    groups.set(key, members);
    members.push(i);
  });
  const toValidation = new Set<number>();
  const perLabel: SplitResult['perLabel'] = {};
  let groupCount = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const groups = byLabel.get(label) as Map<string, number[]>;
    const keys = [...groups.keys()].sort();
    for (let i = keys.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
    }
    const wanted = keys.length < 2 ? 0 : Math.max(1, Math.round(keys.length * options.validationFraction));
    const stats = { groups: keys.length, training: 0, validation: 0 };
    keys.forEach((key, k) => {
      const members = groups.get(key) ?? [];
      if (k < wanted) { members.forEach((m) => toValidation.add(m)); stats.validation += members.length; }
      else stats.training += members.length;
    });
    perLabel[label] = stats;
    groupCount += keys.length;
  }
  const training: string[] = [];
  const validation: string[] = [];
  records.forEach((r, i) => (toValidation.has(i) ? validation : training).push(r.text));
  return { training, validation, perLabel, groups: groupCount };
}

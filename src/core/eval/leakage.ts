// Test images that are also training (or validation) images: exact (same ETag or same content hash) or near (64-bit
// perceptual hashes within the threshold, src/core/image/phash.ts). One pair per leaked test image: its closest
// training image, exact before near. A near candidate of the 64-bit hash is kept only when the 256-bit hashes
// differ in at most the same share of bits (4 x threshold of 256), when both have one.

import type { LeakedPair, ModeReport } from '../../protocol/report';
import { hamming, HammingIndex } from '../image/nearDuplicates';

export const DEFAULT_NEAR_DUPLICATE_DISTANCE = 6;

/** What is known of one image; a hash is absent when the image could not be read or decoded. */
export interface ImageIdentity {
  uri: string;
  etag?: string | undefined;
  sha256?: string | undefined;
  phash?: string | undefined;
  /** The 256-bit confirming hash (src/core/image/phash.ts). */
  fine?: string | undefined;
}

export interface TestImageIdentity extends ImageIdentity { id: string }

export function findLeakedPairs(test: readonly TestImageIdentity[], training: readonly ImageIdentity[], threshold: number): LeakedPair[] {
  const byEtag = new Map<string, ImageIdentity>();
  const bySha = new Map<string, ImageIdentity>();
  for (const t of training) {
    if (t.etag && !byEtag.has(t.etag)) byEtag.set(t.etag, t);
    if (t.sha256 && !bySha.has(t.sha256)) bySha.set(t.sha256, t);
  }
  const hashed = training.filter((t) => t.phash !== undefined);
  const index = new HammingIndex(hashed.map((t) => t.phash as string), threshold);
  const pairs: LeakedPair[] = [];
  const nearQueries: TestImageIdentity[] = [];
  for (const q of test) {
    const exact = (q.sha256 ? bySha.get(q.sha256) : undefined) ?? (q.etag ? byEtag.get(q.etag) : undefined);
    if (exact) pairs.push({ testId: q.id, testUri: q.uri, trainUri: exact.uri, kind: 'exact', distance: 0 });
    else if (q.phash) nearQueries.push(q);
  }
  const closest = new Map<number, { target: number; distance: number }>();
  for (const hit of index.search(nearQueries.map((q) => q.phash as string))) {
    if (closest.has(hit.query)) continue;
    const a = nearQueries[hit.query]?.fine;
    const b = hashed[hit.target]?.fine;
    if (a && b && a.length === b.length && hamming(a, b) > (threshold * a.length * 4) / 64) continue;
    closest.set(hit.query, hit);
  }
  nearQueries.forEach((q, i) => {
    const hit = closest.get(i);
    if (hit) pairs.push({ testId: q.id, testUri: q.uri, trainUri: (hashed[hit.target] as ImageIdentity).uri, kind: 'near', distance: hit.distance });
  });
  const order = new Map(test.map((t, i) => [t.id, i]));
  return pairs.sort((a, b) => (order.get(a.testId) as number) - (order.get(b.testId) as number));
}

/** A manifest the test images are checked against, with what is known of its images. */
export interface LeakageSource { manifest: string; role: 'training' | 'validation'; images: readonly ImageIdentity[] }

/**
 * findLeakedPairs over several manifests at once: one pair per leaked test image (its closest image in any of them),
 * naming the manifest that holds the matched image (the first listed when several hold the same URI).
 */
export function findLeakedPairsIn(test: readonly TestImageIdentity[], sources: readonly LeakageSource[], threshold: number): LeakedPair[] {
  const from = new Map<string, { source: LeakageSource; image: ImageIdentity }>();
  for (const source of sources) for (const image of source.images) if (!from.has(image.uri)) from.set(image.uri, { source, image });
  return findLeakedPairs(test, [...from.values()].map((f) => f.image), threshold).map((p) => {
    const { source } = from.get(p.trainUri) as { source: LeakageSource };
    return { ...p, manifest: source.manifest, role: source.role };
  });
}

/** The records without the given test image ids (text records stay: they are not images). */
export function withoutImages<T extends { id: string; kind: string }>(records: readonly T[], ids: ReadonlySet<string>): T[] {
  return records.filter((r) => r.kind !== 'image' || !ids.has(r.id));
}

const f3 = (x: number): string => x.toFixed(3);
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(3)}`;

/** "without the N leaked test images: ..." from the first mode that has a comparison in both scorings. */
export function leakageHeadline(n: number, withLeaked: readonly ModeReport[], without: readonly ModeReport[]): string {
  const parts: string[] = [];
  for (const mode of without) {
    const before = withLeaked.find((m) => m.mode === mode.mode);
    for (const c of mode.comparisons) {
      const was = before?.comparisons.find((b) => b.model === c.model);
      parts.push(`${mode.mode} ${c.model} vs ${c.baseline} accuracy@1 difference ${signed(c.difference)} (95% CI [${f3(c.ci95[0])}, ${f3(c.ci95[1])}])${was ? `, was ${signed(was.difference)} with them` : ''}`);
    }
  }
  const what = parts.length > 0 ? parts.join('; ') : 'see the leakage section for the scores without them';
  return `without the ${n} leaked test images: ${what} (they are exact or near duplicates of training or validation images; the scores above include them)`;
}

// The emulated BASE model: deterministic embeddings that behave like an untuned model on the sample data.
// Image: a fixed random projection of the thumbnail features; text: a sum of hashed-token vectors. The two spaces
// are unrelated, so text -> image retrieval is near chance, as the reference run saw with base Titan (2/26).
// These are emulated models for offline tests and demos, not Titan.
import { FEATURE_DIM, normalize } from './image';
import { gaussian, hashString, seededRandom } from '../rng';

export const EMBEDDING_LENGTHS = [256, 384, 1024] as const;
export type EmbeddingLength = (typeof EMBEDDING_LENGTHS)[number];

const projections = new Map<number, Float64Array>();
const tokenVectors = new Map<string, Float64Array>();

function projection(length: number): Float64Array {
  let p = projections.get(length);
  if (!p) {
    const random = seededRandom(hashString(`image-projection/${length}`));
    p = new Float64Array(length * FEATURE_DIM);
    for (let i = 0; i < p.length; i++) p[i] = gaussian(random);
    projections.set(length, p);
  }
  return p;
}

export function projectImage(features: Float64Array, length: number): Float64Array {
  const p = projection(length);
  const out = new Float64Array(length);
  for (let r = 0; r < length; r++) {
    let s = 0;
    const row = r * FEATURE_DIM;
    for (let c = 0; c < FEATURE_DIM; c++) s += (p[row + c] ?? 0) * (features[c] ?? 0);
    out[r] = s;
  }
  return normalize(out);
}

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? [];
}

function tokenVector(token: string, length: number): Float64Array {
  const key = `${length}/${token}`;
  let v = tokenVectors.get(key);
  if (!v) {
    const random = seededRandom(hashString(key, 0x9e3779b9));
    v = new Float64Array(length);
    for (let i = 0; i < length; i++) v[i] = gaussian(random);
    if (tokenVectors.size > 50_000) tokenVectors.clear();
    tokenVectors.set(key, v);
  }
  return v;
}

export function embedText(text: string, length: number): Float64Array {
  const out = new Float64Array(length);
  for (const t of tokenize(text)) {
    const v = tokenVector(t, length);
    for (let i = 0; i < length; i++) out[i] = (out[i] ?? 0) + (v[i] ?? 0);
  }
  return normalize(out);
}

export function combine(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) + (b[i] ?? 0);
  return normalize(out);
}

// The emulated FINE-TUNED model: a class-mean adapter fitted from the training manifest at job completion.
// Each caption's training images give a centroid of thumbnail features; an image is embedded as a blend of the
// caption vectors of the centroids it resembles (softmax over cosine similarity) plus a little of its base
// embedding. Text keeps the base text embedding, so text -> image retrieval now works for the trained captions.
// An emulation for offline use, not Titan.
import { dot, FEATURE_DIM, normalize } from './image';
import { embedText, projectImage } from './embed';

export interface AdapterClass { caption: string; centroid: Float64Array; count: number }
export interface Adapter { classes: AdapterClass[]; temperature: number; blend: number }

export function fitAdapter(records: { caption: string; features: Float64Array }[]): Adapter {
  const byCaption = new Map<string, AdapterClass>();
  for (const r of records) {
    let c = byCaption.get(r.caption);
    if (!c) {
      c = { caption: r.caption, centroid: new Float64Array(FEATURE_DIM), count: 0 };
      byCaption.set(r.caption, c);
    }
    for (let i = 0; i < FEATURE_DIM; i++) c.centroid[i] = (c.centroid[i] ?? 0) + (r.features[i] ?? 0);
    c.count++;
  }
  const classes = [...byCaption.values()];
  for (const c of classes) normalize(c.centroid);
  return { classes, temperature: 0.05, blend: 0.85 };
}

export function adaptImage(adapter: Adapter, features: Float64Array, length: number): Float64Array {
  const base = projectImage(features, length);
  if (adapter.classes.length === 0) return base;
  const sims = adapter.classes.map((c) => dot(c.centroid, features) / adapter.temperature);
  const top = Math.max(...sims);
  const weights = sims.map((s) => Math.exp(s - top));
  const total = weights.reduce((a, b) => a + b, 0);
  const out = new Float64Array(length);
  adapter.classes.forEach((c, k) => {
    const w = (weights[k] ?? 0) / total;
    if (w < 1e-4) return;
    const t = embedText(c.caption, length);
    for (let i = 0; i < length; i++) out[i] = (out[i] ?? 0) + w * (t[i] ?? 0);
  });
  normalize(out);
  for (let i = 0; i < length; i++) out[i] = adapter.blend * (out[i] ?? 0) + (1 - adapter.blend) * (base[i] ?? 0);
  return normalize(out);
}

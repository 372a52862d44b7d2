// Builds the queries and corpus of one evaluation mode from one model's embeddings, ranks with exact kNN and scores
// every query (docs/reference/evaluation.md, "Three evaluation modes").

import type { ClassResult, ConfusionMatrix, EvalMode, MetricValues, ModelModeResult, QueryResult } from '../../protocol/report';
import type { LabelRule } from './labels';
import { meanMetrics, metricKeys, queryMetrics } from './metrics';
import type { EmbeddingRecord } from './records';
import type { Exclusions, KnnResult } from './topk';
import { normalisedMatrix, normalisedMean, type VectorMatrix } from './vectors';

/** Any exact kNN with the tie rule of topk.ts (the naive one, or the WebAssembly one). */
export type KnnFn = (queries: VectorMatrix, corpus: VectorMatrix, k: number, exclude: Exclusions) => KnnResult | Promise<KnnResult>;

interface Item {
  id: string;
  label: string;
  text?: string;
}

export interface ModeInput {
  mode: EvalMode;
  records: readonly EmbeddingRecord[];
  /** Image-to-image against a gallery (e.g. the training images) instead of leave-one-out. */
  gallery?: readonly EmbeddingRecord[];
  labelRule: LabelRule;
  ks: readonly number[];
}

export interface ModeScore {
  result: ModelModeResult;
  queryCount: number;
  corpusSize: number;
  droppedQueries: string[];
  /** Records left out because the label rule did not match them. */
  unlabelled: string[];
  /** Raw texts of text queries, for the training-caption leak check. */
  queryTexts: string[];
}

function labelled(records: readonly EmbeddingRecord[], rule: LabelRule, unlabelled: string[]): { items: Item[]; vectors: number[][] } {
  const items: Item[] = [];
  const vectors: number[][] = [];
  for (const r of records) {
    const label = rule.apply(r.label);
    if (label === null) {
      unlabelled.push(r.id);
      continue;
    }
    items.push({ id: r.id, label, ...(r.kind === 'text' ? { text: r.text ?? r.label } : {}) });
    vectors.push(r.vector);
  }
  return { items, vectors };
}

function dimOf(vectors: number[][]): number {
  return vectors[0]?.length ?? 0;
}

/** Class prototypes: the normalised mean of each class's caption embeddings, classes in first-seen order. */
function prototypes(items: Item[], m: VectorMatrix): { items: Item[]; matrix: VectorMatrix } {
  const rowsByLabel = new Map<string, number[]>();
  items.forEach((it, r) => {
    const rows = rowsByLabel.get(it.label) ?? [];
    rows.push(r);
    rowsByLabel.set(it.label, rows);
  });
  const labels = [...rowsByLabel.keys()];
  const means = labels.map((l) => normalisedMean(m, rowsByLabel.get(l) ?? []));
  return { items: labels.map((l) => ({ id: `prototype:${l}`, label: l })), matrix: normalisedMatrix(means, m.dim) };
}

export async function scoreMode(input: ModeInput, knn: KnnFn): Promise<ModeScore> {
  const unlabelled: string[] = [];
  const images = labelled(input.records.filter((r) => r.kind === 'image'), input.labelRule, unlabelled);
  const texts = labelled(input.records.filter((r) => r.kind === 'text'), input.labelRule, unlabelled);
  const dim = dimOf(images.vectors) || dimOf(texts.vectors);
  let queries = images;
  let corpusItems = images.items;
  let corpus: VectorMatrix;
  let leaveOneOut = false;
  if (input.mode === 'text-to-image') {
    queries = texts;
    corpus = normalisedMatrix(images.vectors, dim);
  } else if (input.mode === 'image-to-image') {
    if (input.gallery) {
      const g = labelled(input.gallery.filter((r) => r.kind === 'image'), input.labelRule, unlabelled);
      corpusItems = g.items;
      corpus = normalisedMatrix(g.vectors, dim);
    } else {
      leaveOneOut = true;
      corpus = normalisedMatrix(images.vectors, dim);
    }
  } else {
    const p = prototypes(texts.items, normalisedMatrix(texts.vectors, dim));
    corpusItems = p.items;
    corpus = p.matrix;
  }

  const corpusCount = new Map<string, number>();
  for (const it of corpusItems) corpusCount.set(it.label, (corpusCount.get(it.label) ?? 0) + 1);
  // Queries with no relevant item are dropped (and listed): no metric is defined for them.
  const kept: number[] = [];
  const droppedQueries: string[] = [];
  const relevant: number[] = [];
  queries.items.forEach((q, i) => {
    const r = (corpusCount.get(q.label) ?? 0) - (leaveOneOut ? 1 : 0);
    if (r > 0) {
      kept.push(i);
      relevant.push(r);
    } else droppedQueries.push(q.id);
  });
  const qMatrix = normalisedMatrix(kept.map((i) => queries.vectors[i] as number[]), dim);
  const maxK = Math.max(...input.ks);
  // R-precision needs the ranking down to |R|.
  const depth = Math.min(Math.max(maxK, ...relevant), corpus.rows - (leaveOneOut ? 1 : 0));
  const exclude = leaveOneOut ? Int32Array.from(kept) : undefined;
  const ranked = await knn(qMatrix, corpus, depth, exclude);

  const keys = metricKeys(input.ks);
  const perQuery: QueryResult[] = kept.map((qi, row) => {
    const q = queries.items[qi] as Item;
    const idx = ranked.indices[row] as Int32Array;
    const rel = Array.from(idx, (c) => (corpusItems[c] as Item).label === q.label);
    const top = Array.from(idx.subarray(0, maxK));
    return {
      queryId: q.id,
      ...(q.text !== undefined ? { text: q.text } : {}),
      label: q.label,
      relevantCount: relevant[row] as number,
      topIds: top.map((c) => (corpusItems[c] as Item).id),
      topLabels: top.map((c) => (corpusItems[c] as Item).label),
      topScores: Array.from((ranked.scores[row] as Float32Array).subarray(0, maxK)),
      metrics: queryMetrics(rel, relevant[row] as number, input.ks),
    };
  });
  const metrics = meanMetrics(perQuery.map((p) => p.metrics), keys);
  const perClass = classResults(perQuery, keys);
  const result: ModelModeResult = { model: '', metrics, perQuery, perClass };
  if (input.mode === 'classify') {
    result.confusion = confusionMatrix(perQuery, corpusItems.map((c) => c.label));
    metrics['mean-per-class-recall'] = perClass.length > 0 ? perClass.reduce((a, c) => a + c.top1, 0) / perClass.length : 0;
  }
  return {
    result,
    queryCount: perQuery.length,
    corpusSize: corpus.rows,
    droppedQueries,
    unlabelled,
    queryTexts: perQuery.flatMap((p) => (p.text !== undefined ? [p.text] : [])),
  };
}

/** Per-class means, classes sorted by label. top1 = share of the class's queries whose top-1 is relevant. */
function classResults(perQuery: QueryResult[], keys: ReturnType<typeof metricKeys>): ClassResult[] {
  const byLabel = new Map<string, MetricValues[]>();
  for (const q of perQuery) byLabel.set(q.label, [...(byLabel.get(q.label) ?? []), q.metrics]);
  return [...byLabel.keys()].sort().map((label) => {
    const rows = byLabel.get(label) ?? [];
    const metrics = meanMetrics(rows, keys);
    return { label, queries: rows.length, top1: metrics['accuracy@1'] ?? 0, metrics };
  });
}

function confusionMatrix(perQuery: QueryResult[], classLabels: string[]): ConfusionMatrix {
  const labels = [...new Set([...classLabels, ...perQuery.map((q) => q.label)])].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const counts = labels.map(() => labels.map(() => 0));
  for (const q of perQuery) {
    const predicted = q.topLabels[0];
    if (predicted === undefined) continue;
    const row = counts[at.get(q.label) as number] as number[];
    const col = at.get(predicted) as number;
    row[col] = (row[col] as number) + 1;
  }
  return { labels, counts };
}

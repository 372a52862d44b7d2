// The comparison engine's entry point over embeddings already computed: every model scored in every requested mode,
// each non-baseline model compared with the baseline, assembled into one ComparisonReport.

import {
  AP_CONVENTION,
  REPORT_SCHEMA_VERSION,
  TIE_BREAK_RULE,
  type ComparisonReport,
  type EvalMode,
  type InputFingerprint,
  type LeakageReport,
  type ModelModeResult,
  type ModeReport,
  type ReportModel,
} from '../../protocol/report';
import { VERSION } from '../version';
import { compareModels, DEFAULT_COMPARISON, type ComparisonSettings } from './compare';
import type { LabelRule } from './labels';
import { scoreMode, type KnnFn } from './modes';
import type { EmbeddingRecord } from './records';
import { exactKnnFast } from './knnFast';
import { kProblem } from './kValues';
import { leakageHeadline, withoutImages } from './leakage';
import { attachSeparation, SeparationCache } from './modeSeparation';
import { buildEmbeddingMap, DEFAULT_MAP, type MapSettings } from './projection/embeddingMap';

export interface ModelEmbeddings {
  model: ReportModel;
  records: readonly EmbeddingRecord[];
  gallery?: readonly EmbeddingRecord[];
}

export interface EvaluateRequest {
  models: readonly ModelEmbeddings[];
  baseline: string;
  modes: readonly EvalMode[];
  ks: readonly number[];
  labelRule: LabelRule;
  comparison?: Partial<ComparisonSettings>;
  inputs?: InputFingerprint[];
  /** Training captions, to warn when text queries are identical to them (a leak). */
  trainingCaptions?: readonly string[];
  knn?: KnnFn;
  vectorStore?: ComparisonReport['vectorStore'];
  /** The embedding map's projection (default PCA); false: no map (the second scoring without leaked images). */
  map?: MapSettings | false;
  /** S3 URI of each test image by record id, for the map's thumbnails. */
  imageUris?: ReadonlyMap<string, string>;
  /** Test images found in the training set (src/core/eval/leakage.ts): the models are scored again without them. */
  leakage?: Omit<LeakageReport, 'withoutLeaked'>;
  /** Fixed time for reproducible output (tests); defaults to now. */
  now?: Date;
}

/** Fewer queries than this get a warning: intervals are wide and p-values coarse. */
export const FEW_QUERIES = 30;

export async function evaluate(req: EvaluateRequest): Promise<ComparisonReport> {
  // The parsers check k first (with the user's line and column); this guards every other caller.
  const badK = req.ks.length === 0 ? 'must not be empty' : req.ks.map((k) => kProblem(k)).find((p) => p !== undefined);
  if (badK) throw new Error(`k ${badK}`);
  const settings: ComparisonSettings = { ...DEFAULT_COMPARISON, ...req.comparison };
  const knn = req.knn ?? exactKnnFast;
  const training = new Set(req.trainingCaptions ?? []);
  const modes: ModeReport[] = [];
  const separations = new SeparationCache(req.labelRule);
  const sepModels = req.models.map((m) => ({ name: m.model.name, records: m.records, gallery: m.gallery }));
  for (const mode of req.modes) {
    const warnings: string[] = [];
    const scored = [];
    for (const m of req.models) {
      const s = await scoreMode({ mode, records: m.records, ...(m.gallery ? { gallery: m.gallery } : {}), labelRule: req.labelRule, ks: req.ks }, knn);
      s.result.model = m.model.name;
      scored.push(s);
      if (s.unlabelled.length > 0) warnings.push(`${m.model.name}: ${s.unlabelled.length} record(s) left out because the label rule (${req.labelRule.description}) does not match them, e.g. "${s.unlabelled[0]}"`);
      if (s.droppedQueries.length > 0) warnings.push(`${m.model.name}: ${s.droppedQueries.length} quer(ies) dropped because no corpus item has their label, e.g. "${s.droppedQueries[0]}"`);
    }
    const first = scored[0];
    if (!first) continue;
    if (first.queryCount < FEW_QUERIES) warnings.push(`only ${first.queryCount} queries (fewer than ${FEW_QUERIES}): intervals are wide and p-values coarse; add queries before trusting small differences`);
    const leaked = first.queryTexts.filter((t) => training.has(t));
    if (leaked.length > 0) warnings.push(`${leaked.length} of ${first.queryTexts.length} query texts are identical to training captions (e.g. "${leaked[0]}"): the fine-tuned model has seen them, so text-query results overstate how it generalises`);
    const base = scored.find((s) => s.result.model === req.baseline);
    const comparisons = [];
    for (const s of scored) {
      if (!base || s === base) continue;
      const c = compareModels(base.result, s.result, settings);
      if (c.unpaired > 0) warnings.push(`${s.result.model}: ${c.unpaired} quer(ies) are not scored by both ${s.result.model} and ${req.baseline} and are left out of the comparison`);
      comparisons.push(c.comparison);
    }
    attachSeparation(mode, scored.map((s) => s.result), sepModels, req.baseline, separations, settings);
    const versusBestOther = [];
    if (scored.length >= 3) {
      for (const s of scored) {
        const best = bestOther(scored.map((x) => x.result), s.result.model);
        if (best) versusBestOther.push(compareModels(best, s.result, settings).comparison);
      }
    }
    modes.push({
      mode,
      ...(mode === 'image-to-image' ? { corpus: req.models.some((m) => m.gallery) ? 'gallery' as const : 'leave-one-out' as const } : {}),
      queryCount: first.queryCount,
      corpusSize: first.corpusSize,
      droppedQueries: first.droppedQueries,
      results: scored.map((s) => s.result),
      comparisons,
      ...(versusBestOther.length > 0 ? { versusBestOther } : {}),
      warnings,
    });
  }
  const map = req.map === false ? undefined
    : buildEmbeddingMap(req.models.map((m) => ({ name: m.model.name, records: m.records, ...(req.imageUris ? { imageUris: req.imageUris } : {}) })), req.labelRule, req.map ?? DEFAULT_MAP);
  const leakage = req.leakage ? await scoreLeakage(req, req.leakage, modes) : undefined;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    createdAt: (req.now ?? new Date()).toISOString(),
    generator: `bedrock-mm ${VERSION}`,
    inputs: req.inputs ?? [],
    models: req.models.map((m) => ({ ...m.model, baseline: m.model.name === req.baseline })),
    baseline: req.baseline,
    k: [...req.ks],
    conventions: {
      similarity: 'cosine on L2-normalised float32 vectors',
      tieBreak: TIE_BREAK_RULE,
      averagePrecision: AP_CONVENTION,
      labelRule: req.labelRule.description,
    },
    vectorStore: req.vectorStore ?? 'exact',
    modes,
    warnings: leakage?.headline ? [leakage.headline] : [],
    ...(map ? { embeddingMap: map } : {}),
    ...(leakage ? { leakage: leakage.report } : {}),
  };
}

/** Scores every mode again without the leaked test images (same request otherwise), for the headline warning. */
async function scoreLeakage(req: EvaluateRequest, found: Omit<LeakageReport, 'withoutLeaked'>, modes: ModeReport[]): Promise<{ report: LeakageReport; headline?: string }> {
  if (found.pairs.length === 0) return { report: { ...found } };
  const leaked = new Set(found.pairs.map((p) => p.testId));
  const again = await evaluate({
    ...req,
    models: req.models.map((m) => ({ ...m, records: withoutImages(m.records, leaked) })),
    map: false,
    leakage: undefined,
  } as EvaluateRequest);
  return { report: { ...found, withoutLeaked: again.modes }, headline: leakageHeadline(leaked.size, modes, again.modes) };
}

/** The model other than `name` with the highest accuracy@1 (the first in spec order on a tie). */
function bestOther(results: readonly ModelModeResult[], name: string): ModelModeResult | undefined {
  let best: ModelModeResult | undefined;
  for (const r of results) {
    if (r.model !== name && (!best || (r.metrics['accuracy@1'] ?? 0) > (best.metrics['accuracy@1'] ?? 0))) best = r;
  }
  return best;
}

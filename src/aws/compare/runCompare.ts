// `compare --spec`: the whole comparison against AWS (or the emulator): read the spec and manifests, embed every
// image and query text with every model (cached, rate-capped), rank in the chosen vector store, score, and save the
// report next to the spec with the inputs' fingerprints.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { evaluate } from '../../core/eval/evaluate';
import { compileLabelRule, type LabelRule } from '../../core/eval/labels';
import { EXPORT_RECORD } from '../../core/files/ours';
import { formatEmbeddingsJsonl } from '../../core/eval/records';
import { baselineOf, parseCompareSpec, placeOfFile, reportPathFor, type CompareSpec } from '../../core/eval/spec';
import { exactStore, type VectorStore } from '../../core/eval/vectorStore';
import { resourceTags } from '../../core/lifecycle/tags';
import type { ComparisonReport, InputFingerprint } from '../../protocol/report';
import { ensureCollection } from './collection';
import { checkLeakage } from './leakage';
import { mapSettings } from '../../core/eval/projection/embeddingMap';
import { DEFAULT_NEAR_DUPLICATE_DISTANCE } from '../../core/eval/leakage';
import { availableModels } from './availability';
import { embedModels, type LabelledImage } from './embedModels';
import { SpecError } from './errors';
import { openSearchStore } from './openSearchStore';
import type { CompareOptions, CompareOutcome } from './options';
import { approvePlacement, collectionEntries, EXPORT_GENERATOR, exportName, preflightStore, specSource } from './preflight';
import { parseManifest, sourceReader, type ManifestEntry, type SourceReader } from './sources';

export { BatchDeclined, CreationDeclined, SpecError, WriteRefused } from './errors';
export type { CompareOptions, CompareOutcome } from './options';

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const fingerprint = (role: string, source: string, text: string): InputFingerprint => ({ role, source, sha256: sha256(text), bytes: Buffer.byteLength(text) });

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const run = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, run));
  return out;
}

async function readManifest(reader: SourceReader, ref: string, rule: LabelRule, role: string, inputs: InputFingerprint[], warnings: string[]): Promise<LabelledImage[]> {
  const text = await reader.readText(ref);
  inputs.push(fingerprint(role, ref, text));
  const { entries, problems } = parseManifest(text, ref);
  warnings.push(...problems.slice(0, 10));
  const out: LabelledImage[] = [];
  const unmatched: ManifestEntry[] = [];
  for (const e of entries) {
    const label = rule.apply(e.caption);
    if (label === null) unmatched.push(e);
    else out.push({ ref: e.imageRef, caption: e.caption, label });
  }
  if (unmatched.length > 0) warnings.push(`${ref}: ${unmatched.length} caption(s) do not match the label rule (${rule.description}), e.g. "${unmatched[0]?.caption}"; those images are left out`);
  if (out.length === 0) throw new SpecError([`${ref}: no labelled images (check the manifest and the label rule ${rule.description})`]);
  return out;
}

function queryTexts(spec: CompareSpec, classes: string[]): { text: string; label: string }[] {
  if (spec.queries?.texts) return spec.queries.texts;
  const template = spec.queries?.template ?? '{label}';
  return classes.map((label) => ({ text: template.split('{label}').join(label), label }));
}

async function openStore(spec: CompareSpec, specPath: string, o: CompareOptions, create: boolean, warnings: string[]): Promise<VectorStore> {
  const vs = spec.vectorStore;
  if (vs.type === 'exact') return exactStore();
  // The endpoint passed the endpoint policy in preflightStore, before any request.
  if (vs.type === 'opensearch') return openSearchStore(o.session.openSearch(vs.endpoint, vs.service ?? 'es'), o.clock ? { clock: o.clock } : {});
  const principal = vs.principal ?? (o.callerArn ? await o.callerArn() : undefined);
  if (!principal) throw new SpecError(['vectorStore.principal is needed (the IAM ARN the data access policy grants) when the caller identity cannot be read']);
  const { source, project } = specSource(specPath, o.workspaceDir);
  const ledger = o.ledger;
  // The indexes the store makes inside the collection are deleted when it closes (runCompare never keeps them), so
  // only the collection and its policies outlive the run and go into the ledger.
  const c = await ensureCollection(
    o.session.aoss,
    { name: vs.collection, create, allowPublicAccess: vs.allowPublicAccess ?? false, sourceVpce: vs.sourceVpce, principal, tags: resourceTags(project) },
    o.clock, undefined,
    async (created) => { await ledger?.record(collectionEntries(created, source)); },
  );
  warnings.push(...c.warnings);
  return openSearchStore(o.session.openSearch(c.endpoint, 'aoss'), { prefix: `bedrock-mm-${sha256(c.endpoint + Date.now()).slice(0, 8)}`, ...(o.clock ? { clock: o.clock } : {}) });
}

/** `x.compare.json` -> `x.report.json` beside it (core/eval/spec.ts: one rule for every caller). */
export { reportPathFor };

export async function runCompare(o: CompareOptions): Promise<CompareOutcome> {
  const specPath = resolve(o.specPath);
  const specText = await readFile(specPath, 'utf8');
  const parsed = parseCompareSpec(specText, placeOfFile(specPath));
  if ('problems' in parsed) throw new SpecError(parsed.problems.map((p) => `${specPath}:${p.line}:${p.column}: ${p.message}`));
  for (const w of parsed.warnings) o.log?.(`${specPath}:${w.line}:${w.column}: ${w.message}`);
  if (parsed.spec.kind !== 'models') {
    throw new SpecError([`${specPath}: its models give "embeddings" files, which need no AWS: score them with \`bedrock-mm evaluate --model NAME=FILE ...\` or Compare Models in VS Code`]);
  }
  const spec = parsed.spec;
  const reportPath = spec.output;
  const cacheDir = o.cacheDir ?? (spec.cacheDir ? resolve(dirname(specPath), spec.cacheDir) : join(dirname(specPath), '.bedrock-mm-cache'));
  await approvePlacement(o, specPath, spec, reportPath, cacheDir);
  // Before any request: where the spec sends signed requests, and whether the user agrees to what it creates.
  const create = await preflightStore(spec, specPath, o);
  const log = o.log ?? (() => undefined);
  const rule = compileLabelRule(spec.labelRegex) as LabelRule; // validated by parseCompareSpec
  const reader = sourceReader(() => o.session.s3, dirname(specPath));
  const inputs: InputFingerprint[] = [fingerprint('spec', specPath, specText)];
  const warnings: string[] = [];

  const test = await readManifest(reader, spec.testSet.manifest, rule, 'manifest', inputs, warnings);
  const gallery = spec.gallery ? await readManifest(reader, spec.gallery.manifest, rule, 'gallery', inputs, warnings) : undefined;
  let trainingCaptions: string[] | undefined;
  let trainingRefs: string[] = [];
  if (spec.trainingManifest) {
    const text = await reader.readText(spec.trainingManifest);
    inputs.push(fingerprint('training', spec.trainingManifest, text));
    const entries = parseManifest(text, spec.trainingManifest).entries;
    trainingCaptions = entries.map((e) => e.caption);
    trainingRefs = entries.map((e) => e.imageRef);
  }
  let validationRefs: string[] = [];
  if (spec.validationManifest) {
    const text = await reader.readText(spec.validationManifest);
    inputs.push(fingerprint('validation', spec.validationManifest, text));
    validationRefs = parseManifest(text, spec.validationManifest).entries.map((e) => e.imageRef);
  }
  const classes = [...new Set(test.map((t) => t.label))].sort();
  const queries = queryTexts(spec, classes);

  // Content identity of every image, once (S3 HEAD for the ETag).
  const refs = [...new Set([...test, ...(gallery ?? [])].map((i) => i.ref))];
  log(`reading ${refs.length} image identities`);
  const ids = await mapLimit(refs, o.concurrency, (ref) => reader.identity(ref));
  const identity = new Map(refs.map((r, i) => [r, ids[i] as string]));

  // Contenders not offered in this region are left out with the reason, before any embedding call.
  const { models: available, skipped } = await availableModels(spec, o.session);
  for (const s of skipped) log(`${s.name}: skipped, ${s.reason}`);
  const { models, totals, failedRecords } = await embedModels({ spec, specPath, models: available, test, gallery, queries, identity, reader, runtime: o.runtime ?? o.session.runtime, cacheDir }, o);
  if (failedRecords.length > 0) warnings.push(`${new Set(failedRecords.map((f) => f.item)).size} input(s) could not be embedded by batch inference and are left out of every model's scores (listed in failedRecords)`);

  if (o.exportDir) {
    await mkdir(o.exportDir, { recursive: true });
    for (const m of models) {
      // A gallery image that is also a test image is written once.
      const seen = new Set<string>();
      const records = [...m.records, ...(m.gallery ?? [])].filter((r) => !seen.has(`${r.kind} ${r.id}`) && Boolean(seen.add(`${r.kind} ${r.id}`)));
      await writeFile(join(o.exportDir, exportName(m.model.name)), formatEmbeddingsJsonl(records));
    }
    // The record that makes these files ours: a rerun may replace them without asking.
    await writeFile(join(o.exportDir, EXPORT_RECORD), `${JSON.stringify({ generator: EXPORT_GENERATOR, files: models.map((m) => exportName(m.model.name)) }, null, 2)}\n`);
  }
  const against = [
    ...(spec.trainingManifest ? [{ manifest: spec.trainingManifest, role: 'training' as const, refs: trainingRefs }] : []),
    ...(spec.validationManifest ? [{ manifest: spec.validationManifest, role: 'validation' as const, refs: validationRefs }] : []),
  ];
  const leakage = against.length > 0
    ? await checkLeakage({
      reader,
      cacheDir,
      test: new Map(test.map((t) => [t.ref, identity.get(t.ref) as string])),
      against,
      threshold: spec.nearDuplicateDistance ?? o.nearDuplicateDistance ?? DEFAULT_NEAR_DUPLICATE_DISTANCE,
      concurrency: o.concurrency,
      mapLimit,
      ...(o.thumbnails ? { thumbnails: o.thumbnails } : {}),
    })
    : undefined;
  const store = await openStore(spec, specPath, o, create, warnings);
  let report: ComparisonReport;
  try {
    report = await evaluate({
      models,
      baseline: baselineOf(spec),
      modes: spec.modes,
      ks: spec.k,
      // Labels were already taken from the captions above; the report states the spec's rule.
      labelRule: { apply: (l) => l, description: rule.description },
      inputs,
      knn: store.knn,
      vectorStore: store.kind,
      ...(spec.seed !== undefined ? { comparison: { seed: spec.seed } } : {}),
      ...(trainingCaptions ? { trainingCaptions } : {}),
      ...(leakage ? { leakage } : {}),
      imageUris: new Map(test.map((t) => [t.ref, t.ref])),
      map: mapSettings(spec.map),
    });
  } finally {
    await store.close();
  }
  report.warnings.push(...warnings, ...store.warnings());
  if (failedRecords.length > 0) report.failedRecords = failedRecords;
  if (skipped.length > 0) report.skipped = skipped;
  // Write then rename: a reader never sees half a report. A leftover .tmp (or a link there) is removed, not
  // written through; rename replaces the report's own entry, never what a link there points to.
  await rm(`${reportPath}.tmp`, { force: true });
  await writeFile(`${reportPath}.tmp`, `${JSON.stringify(report, null, 2)}\n`, { flag: 'wx' });
  await rename(`${reportPath}.tmp`, reportPath);
  return { report, reportPath, ...totals };
}

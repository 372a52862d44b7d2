// `compare --spec`: the whole comparison against AWS (or the emulator): read the spec and manifests, embed every
// image and query text with every model (cached, rate-capped), rank in the chosen vector store, score, and save the
// report next to the spec with the inputs' fingerprints.

import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { endpointProblem } from '../../core/aws/endpointPolicy';
import { AwsUserError } from '../../core/aws/userError';
import { ledgerEntry, scopeOfArn, type LedgerEntry, type LedgerSink } from '../../core/cleanup/ledger';
import { collectionCreationNotice, type CollectionCreationFacts } from '../../core/eval/collectionNotice';
import { embedAll, type EmbedItem } from '../../core/eval/embedAll';
import { EmbeddingCache, imageKey, textKey } from '../../core/eval/embeddingCache';
import { evaluate, type ModelEmbeddings } from '../../core/eval/evaluate';
import { compileLabelRule, type LabelRule } from '../../core/eval/labels';
import { EXPORT_RECORD, isOurExport, isOurReport } from '../../core/files/ours';
import { describeIssue, isInside, realLocation, writeIssues, type WriteIssue } from '../../core/files/placement';
import type { Clock } from '../../core/eval/pacer';
import { formatEmbeddingsJsonl, type EmbeddingRecord } from '../../core/eval/records';
import { baselineOf, parseCompareSpec, type CompareSpec } from '../../core/eval/spec';
import { exactStore, type VectorStore } from '../../core/eval/vectorStore';
import { resourceTags } from '../../core/lifecycle/tags';
import type { ComparisonReport, InputFingerprint } from '../../protocol/report';
import type { BedrockRuntime } from '../runtime';
import type { AwsSession } from '../session';
import { ensureCollection, type CreatedCollection } from './collection';
import { openSearchStore } from './openSearchStore';
import { parseManifest, sourceReader, type ManifestEntry, type SourceReader } from './sources';

export interface CompareOptions {
  specPath: string;
  session: AwsSession;
  /** The runtime to embed with (default: the session's); see embeddingRuntime.ts. */
  runtime?: BedrockRuntime;
  concurrency: number;
  requestsPerMinute: number;
  /** Default: the spec's cacheDir, else `.bedrock-mm-cache` next to the spec. */
  cacheDir?: string;
  /** The caller's IAM ARN for a collection's data policy (STS GetCallerIdentity), asked only when needed. */
  callerArn?: () => Promise<string>;
  signal?: AbortSignal;
  clock?: Clock;
  log?(message: string): void;
  /** Also write each model's embeddings as `<model>.embeddings.jsonl` here (for `bedrock-mm evaluate`). */
  exportDir?: string;
  /** Called after each vector is cached (or found cached), per model. */
  onProgress?(model: string, done: number, total: number): void;
  /** The folder every written file must stay in (default: the spec's folder; VS Code: the workspace folder). */
  root?: string;
  /**
   * Asked once, before any AWS call, when a write would land outside `root` or replace a file bedrock-mm did not
   * write; false (or no approver) stops the run with WriteRefused and nothing written.
   */
  approveWrites?(issues: WriteIssue[]): Promise<boolean>;
  /**
   * The user's own endpoint settings (VS Code: bedrockCustomizer.endpoints.*; the CLI: its endpoint variables). A
   * spec's `vectorStore.endpoint` gets signed requests only if it is one of these or an AWS endpoint.
   */
  configuredEndpoints?: readonly string[];
  /** Asked before creating a collection the spec asks for (it bills while it exists); without it, none is created. */
  confirmCreate?: (facts: CollectionCreationFacts) => Promise<boolean>;
  /** Where a created collection and its policies are recorded, at once; without it, none is created. */
  ledger?: LedgerSink;
  /** The workspace folder: ledger sources are spec paths relative to it, the project tag is its name. */
  workspaceDir?: string;
}

/** Writes the user did not approve: nothing was written and no AWS call was made. */
export class WriteRefused extends Error {
  constructor(readonly issues: WriteIssue[]) {
    super(`Not written: ${issues.map(describeIssue).join('; ')}`);
  }
}

export interface CompareOutcome {
  report: ComparisonReport;
  reportPath: string;
  /** Embedding calls made (0 when everything came from the cache). */
  calls: number;
  embedded: number;
  cached: number;
}

/** A spec that failed validation: `problems` are `file:line:column: message` lines. */
export class SpecError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** The spec asks to create a collection and the user did not confirm it: nothing was created, nothing embedded. */
export class CreationDeclined extends Error {
  constructor(readonly facts: CollectionCreationFacts, readonly notice: { message: string; detail: string }) {
    super(`Nothing was created: the OpenSearch Serverless collection "${facts.name}" was not confirmed. ${notice.message}`);
  }
}

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

interface LabelledImage {
  ref: string;
  caption: string;
  label: string;
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

/** Where the spec sits for the ledger and the tag: relative to the workspace when it is inside it. */
function specSource(specPath: string, workspaceDir: string | undefined): { source: string; project: string } {
  const root = workspaceDir ? resolve(workspaceDir) : dirname(specPath);
  const rel = relative(root, specPath);
  return { source: rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : specPath, project: basename(root) };
}

/** The ledger entries of a just-created collection: it, its two security policies and its data access policy. */
function collectionEntries(c: CreatedCollection, source: string): LedgerEntry[] {
  const scope = scopeOfArn(c.arn);
  if (!scope) throw new Error(`the new collection's ARN ${c.arn} names no account and region; delete the collection "${c.name}" and its policies by hand`);
  return [
    ledgerEntry('aoss-collection', { name: c.name, id: c.id, arn: c.arn }, source),
    ledgerEntry('aoss-security-policy', { name: c.policies.encryption, policyType: 'encryption' }, source, scope),
    ledgerEntry('aoss-security-policy', { name: c.policies.network, policyType: 'network' }, source, scope),
    ledgerEntry('aoss-access-policy', { name: c.policies.data, policyType: 'data' }, source, scope),
  ];
}

/**
 * Before any call: a spec's own endpoint must pass the endpoint policy, and a collection it asks to create (when
 * missing) must be confirmed by the user with a ledger to record it. Returns whether creating is allowed.
 */
async function preflightStore(spec: CompareSpec, specPath: string, o: CompareOptions): Promise<boolean> {
  const vs = spec.vectorStore;
  if (vs.type === 'opensearch') {
    const problem = endpointProblem(vs.endpoint, o.configuredEndpoints ?? []);
    if (problem) throw new SpecError([`${specPath}: vectorStore.endpoint: ${problem}`]);
    return false;
  }
  if (vs.type !== 'opensearch-serverless' || !vs.create) return false;
  const found = await o.session.aoss.batchGetCollections({ names: [vs.collection] });
  if (found.collections.length > 0) return false; // it exists: used as is, never created, never recorded
  const facts: CollectionCreationFacts = { name: vs.collection, region: o.session.region, spec: specSource(specPath, o.workspaceDir).source, allowPublicAccess: vs.allowPublicAccess ?? false };
  const notice = collectionCreationNotice(facts);
  if (!o.confirmCreate || !o.ledger || !(await o.confirmCreate(facts))) throw new CreationDeclined(facts, notice);
  return true;
}

async function openStore(spec: CompareSpec, specPath: string, o: CompareOptions, create: boolean, warnings: string[]): Promise<VectorStore> {
  const vs = spec.vectorStore;
  if (vs.type === 'exact') return exactStore();
  if (vs.type === 'opensearch') {
    const problem = endpointProblem(vs.endpoint, o.configuredEndpoints ?? []);
    if (problem) throw new SpecError([`${specPath}: vectorStore.endpoint: ${problem}`]);
    return openSearchStore(o.session.openSearch(vs.endpoint, vs.service ?? 'es'), o.clock ? { clock: o.clock } : {});
  }
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

/** `x.compare.json` -> `x.report.json` beside it (the same rule as the VS Code comparison command). */
export function reportPathFor(specPath: string): string {
  const name = basename(specPath).replace(/(\.compare)?\.json$/i, '');
  return join(dirname(specPath), `${name}.report.json`);
}

const exportName = (model: string): string => `${model}.embeddings.jsonl`;
const EXPORT_GENERATOR = 'bedrock-mm compare --export-embeddings';

/** Every file this run will write, checked against the root before the first AWS call (see placement.ts). */
async function approvePlacement(o: CompareOptions, specPath: string, spec: CompareSpec, reportPath: string, cacheDir: string): Promise<void> {
  const root = o.root ?? dirname(specPath);
  const issues: WriteIssue[] = [...writeIssues(root, reportPath, isOurReport)];
  // The .tmp is removed before writing, so only where it lands matters.
  issues.push(...writeIssues(root, `${reportPath}.tmp`, () => true).filter((i) => i.kind === 'outside'));
  // The cache folder and its shards (appended to, never replaced): only where they land matters.
  const cacheTargets = [cacheDir, ...spec.models.map((m) => EmbeddingCache.fileFor(cacheDir, m.modelId, spec.embeddingLength))];
  for (const t of cacheTargets) if (!isInside(root, t)) issues.push({ kind: 'outside', path: resolve(t), root: resolve(root), resolved: realLocation(t) });
  if (o.exportDir) {
    const dir = resolve(o.exportDir);
    for (const name of [...spec.models.map((m) => exportName(m.name)), EXPORT_RECORD]) issues.push(...writeIssues(root, join(dir, name), (f) => isOurExport(dir, f)));
  }
  // One question per path (the .tmp and the report share a folder: one "outside" line is enough for both).
  const unique = issues.filter((i, n) => issues.findIndex((j) => j.kind === i.kind && j.path === i.path) === n);
  if (unique.length === 0) return;
  if (!(o.approveWrites && (await o.approveWrites(unique)))) throw new WriteRefused(unique);
}

export async function runCompare(o: CompareOptions): Promise<CompareOutcome> {
  const specPath = resolve(o.specPath);
  const specText = await readFile(specPath, 'utf8');
  const parsed = parseCompareSpec(specText);
  if ('problems' in parsed) throw new SpecError(parsed.problems.map((p) => `${specPath}:${p.line}:${p.column}: ${p.message}`));
  const spec = parsed.spec;
  const reportPath = reportPathFor(specPath);
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
  if (spec.trainingManifest) {
    const text = await reader.readText(spec.trainingManifest);
    inputs.push(fingerprint('training', spec.trainingManifest, text));
    trainingCaptions = parseManifest(text, spec.trainingManifest).entries.map((e) => e.caption);
  }
  const classes = [...new Set(test.map((t) => t.label))].sort();
  const queries = queryTexts(spec, classes);

  // Content identity of every image, once (S3 HEAD for the ETag).
  const refs = [...new Set([...test, ...(gallery ?? [])].map((i) => i.ref))];
  log(`reading ${refs.length} image identities`);
  const ids = await mapLimit(refs, o.concurrency, (ref) => reader.identity(ref));
  const identity = new Map(refs.map((r, i) => [r, ids[i] as string]));

  const totals = { calls: 0, embedded: 0, cached: 0 };
  const runtime = o.runtime ?? o.session.runtime;
  const models: ModelEmbeddings[] = [];
  for (const m of spec.models) {
    const cache = new EmbeddingCache(cacheDir, m.modelId, spec.embeddingLength);
    const items: EmbedItem[] = [
      ...refs.map((ref) => ({ key: imageKey(identity.get(ref) as string), load: async () => ({ imageBase64: Buffer.from(await reader.readBytes(ref)).toString('base64') }) })),
      ...queries.map((q) => ({ key: textKey(q.text), load: async () => ({ text: q.text }) })),
    ];
    log(`${m.name}: embedding ${items.length} inputs (${cache.size} cached)`);
    const r = await embedAll(items, {
      cache,
      embed: async (input, signal) => (await runtime.embed({ modelId: m.modelId, ...input, length: spec.embeddingLength, signal })).vector,
      isRetryable: (e) => e instanceof AwsUserError && e.details.retryable,
      isThrottling: (e) => e instanceof AwsUserError && e.kind === 'throttled',
      concurrency: o.concurrency,
      requestsPerMinute: o.requestsPerMinute,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.clock ? { clock: o.clock } : {}),
      onProgress: (done, total) => o.onProgress?.(m.name, done, total),
    });
    totals.calls += r.calls;
    totals.embedded += r.embedded;
    totals.cached += r.cached;
    const vec = (key: string): number[] => Array.from(cache.get(key) as Float32Array);
    const imageRecords = (set: LabelledImage[]): EmbeddingRecord[] =>
      set.map((i) => ({ id: i.ref, label: i.label, kind: 'image' as const, vector: vec(imageKey(identity.get(i.ref) as string)) }));
    const records: EmbeddingRecord[] = [
      ...imageRecords(test),
      ...queries.map((q, n) => ({ id: `query-${n}`, label: q.label, kind: 'text' as const, text: q.text, vector: vec(textKey(q.text)) })),
    ];
    models.push({
      model: { name: m.name, modelId: m.modelId, embeddingLength: spec.embeddingLength, baseline: false },
      records,
      ...(gallery ? { gallery: imageRecords(gallery) } : {}),
    });
  }

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
    });
  } finally {
    await store.close();
  }
  report.warnings.push(...warnings, ...store.warnings());
  // Write then rename: a reader never sees half a report. A leftover .tmp (or a link there) is removed, not
  // written through; rename replaces the report's own entry, never what a link there points to.
  await rm(`${reportPath}.tmp`, { force: true });
  await writeFile(`${reportPath}.tmp`, `${JSON.stringify(report, null, 2)}\n`, { flag: 'wx' });
  await rename(`${reportPath}.tmp`, reportPath);
  return { report, reportPath, ...totals };
}

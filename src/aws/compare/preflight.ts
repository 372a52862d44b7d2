// The checks a comparison passes before its first AWS call that could cost or write anything: every file it will
// write lies where the user allows, a spec's own endpoint passes the endpoint policy, and a collection it would
// create is confirmed and has a ledger to be recorded in.
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { endpointProblem } from '../../core/awsRules/endpointPolicy';
import { ledgerEntry, scopeOfArn, type LedgerEntry } from '../../core/cleanup/ledger';
import { collectionCreationNotice, type CollectionCreationFacts } from '../../core/eval/collectionNotice';
import { EmbeddingCache } from '../../core/eval/embeddingCache';
import { planOrThrow } from '../../core/eval/families/forModel';
import type { CompareSpec } from '../../core/eval/spec';
import { EXPORT_RECORD, isOurExport, isOurReport } from '../../core/files/ours';
import { isInside, realLocation, writeIssues, type WriteIssue } from '../../core/files/placement';
import type { CreatedCollection } from './collection';
import { CreationDeclined, SpecError, WriteRefused } from './errors';
import type { CompareOptions } from './options';

/** Where the spec sits for the ledger and the tag: relative to the workspace when it is inside it. */
export function specSource(specPath: string, workspaceDir: string | undefined): { source: string; project: string } {
  const root = workspaceDir ? resolve(workspaceDir) : dirname(specPath);
  const rel = relative(root, specPath);
  return { source: rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : specPath, project: basename(root) };
}

/** The ledger entries of a just-created collection: it, its two security policies and its data access policy. */
export function collectionEntries(c: CreatedCollection, source: string): LedgerEntry[] {
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
export async function preflightStore(spec: CompareSpec, specPath: string, o: CompareOptions): Promise<boolean> {
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

export const exportName = (model: string): string => `${model}.embeddings.jsonl`;
export const EXPORT_GENERATOR = 'bedrock-mm compare --export-embeddings';

/** Every file this run will write, checked against the root before the first AWS call (see placement.ts). */
export async function approvePlacement(o: CompareOptions, specPath: string, spec: CompareSpec, reportPath: string, cacheDir: string): Promise<void> {
  const root = o.root ?? dirname(specPath);
  const issues: WriteIssue[] = [...writeIssues(root, reportPath, isOurReport)];
  // The .tmp is removed before writing, so only where it lands matters.
  issues.push(...writeIssues(root, `${reportPath}.tmp`, () => true).filter((i) => i.kind === 'outside'));
  // The cache folder and its shards (appended to, never replaced): only where they land matters.
  const cacheTargets = [cacheDir, ...spec.models.map((m) => EmbeddingCache.fileFor(cacheDir, m.modelId, planOrThrow(m, spec.embeddingLength).dimension))];
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

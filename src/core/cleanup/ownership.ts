// Which resources this work created, decided from what AWS says now (the facts) and what the work recorded when it
// created them (the ledger). The rule: a resource is in the plan, ticked, only with proof: our tag on the resource,
// or a ledger entry for it (or for what made it: a model is ours when the job that made it is ours; a job's output
// folder is `<output>/model-customization-job-<jobId>/`, never the output root). A name is never proof.
// Offered unticked: the service role an owned job used (this work never creates roles), a throughput serving an
// owned model that is not itself ours, and what only an unconfirmed ledger entry names.
// Pure, so the property test can run it over thousands of random accounts; src/aws/cleanup/facts.ts gathers the facts.
import { asPrefix } from '../awsRules/s3Uri';
import { jobOutputFolder } from '../lifecycle/lossCurves';
import type { Candidate } from './planner';
import { labelFor, roleNameFromArn, type CostFacts, type Reason } from './plan';
import { inScope, type LedgerEntry } from './ledger';

export interface JobFact { arn: string; name?: string; status?: string; roleArn?: string; outputS3Uri?: string; outputModelArn?: string; tagged: boolean }
/** A batch inference job this work may have submitted (its prefixes are the ledger's s3-prefix entries). */
export interface BatchJobFact { arn: string; name?: string; status?: string; tagged: boolean }
export interface ModelFact { arn: string; name?: string; jobArn?: string; tagged: boolean }
export interface ThroughputFact {
  arn: string; name?: string; modelArn?: string; desiredModelArn?: string; tagged: boolean;
  modelUnits?: number; commitment?: string; commitmentExpiresAt?: string;
}
export interface CollectionFact { name: string; id?: string; arn?: string; status?: string; endpoint?: string; tagged: boolean }
export interface PrefixFact { bucket: string; prefix: string; count: number; bytes: number; truncated: boolean }

/** What AWS said, for one account and region. Absent resources are simply not listed. */
export interface AccountFacts {
  account: string;
  region: string;
  jobs: JobFact[];
  models: ModelFact[];
  throughputs: ThroughputFact[];
  collections: CollectionFact[];
  /** Policies that exist, by `${type}/${name}`. */
  policies: { name: string; type: 'encryption' | 'network' | 'data' }[];
  /** Indexes that exist, by endpoint and name. */
  indexes: { endpoint: string; name: string }[];
  prefixes: PrefixFact[];
  /** Batch inference jobs named in the ledger or tagged (absent: none read). */
  batchJobs?: BatchJobFact[];
}

/** A ledger entry with how far it is trusted: `confirmed` (our own record) ticks; unconfirmed only offers. */
export interface LedgerInput { entry: LedgerEntry; confirmed: boolean }

/** A prefix the user named by hand; ticked only when they just added it. */
export interface ManualPrefix { bucket: string; prefix: string; ticked: boolean; detail: string }

export interface OwnershipInput { ledger: readonly LedgerInput[]; manual: readonly ManualPrefix[] }

type Strength = 'proven' | 'offered';
/** Batch statuses StopModelInvocationJob applies to (Stopping is already on its way). */
const BATCH_STOPPABLE = new Set(['Submitted', 'Validating', 'Scheduled', 'InProgress']);
interface Proof { strength: Strength; reason: Reason }

const TAG: Reason = { source: 'tag', detail: 'tag created-by=bedrock-mm-customizer' };
const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ');
const ledgerReason = (l: LedgerInput, what = 'created'): Reason => (l.confirmed
  ? { source: 'ledger', detail: `${what} by this work (${l.entry.source}, ${when(l.entry.at)})` }
  : { source: 'unconfirmed-ledger', detail: `named only in this workspace's ledger (${l.entry.source}, ${when(l.entry.at)}), not recorded by this VS Code: tick it if it is yours` });
const strengthOf = (l: LedgerInput): Strength => (l.confirmed ? 'proven' : 'offered');

/** The ledger entries of this account and region (others never count: same names elsewhere are not ours). */
export function ledgerOf(input: readonly LedgerInput[], account: string, region: string): LedgerInput[] {
  return input.filter((l) => inScope(l.entry, account, region));
}

/** Adds a proof to a map keyed by identity; the strongest proof wins, every reason is kept. */
function prove(map: Map<string, Proof[]>, key: string, proof: Proof): void {
  const list = map.get(key) ?? [];
  list.push(proof);
  map.set(key, list);
}
const ticked = (proofs: readonly Proof[]): boolean => proofs.some((p) => p.strength === 'proven');

/** Collections that are ours: tagged, or the very collection (same id or ARN) a ledger entry recorded. */
export function ownedCollections(facts: AccountFacts, ledger: readonly LedgerInput[]): Map<string, Proof[]> {
  const out = new Map<string, Proof[]>();
  for (const c of facts.collections) {
    if (c.status === 'DELETING') continue;
    if (c.tagged) prove(out, c.name, { strength: 'proven', reason: TAG });
    for (const l of ledger) {
      const e = l.entry;
      if (e.kind !== 'aoss-collection' || e.identity.name !== c.name) continue;
      // A same-named collection made later by someone else is not the one recorded.
      const same = (e.identity.id !== undefined && e.identity.id === c.id) || (e.identity.arn !== undefined && e.identity.arn === c.arn);
      if (same) prove(out, c.name, { strength: strengthOf(l), reason: ledgerReason(l) });
    }
  }
  return out;
}

/** The data endpoints of owned collections: the only OpenSearch endpoints a clean-up ever contacts. */
export function ownedEndpoints(facts: AccountFacts, ledger: readonly LedgerInput[]): Set<string> {
  const owned = ownedCollections(facts, ledger);
  return new Set(facts.collections.filter((c) => owned.has(c.name) && c.endpoint).map((c) => c.endpoint as string));
}

/** Job ARNs that are ours, with their proofs: ledger, tag, or the tag of the model the job made. */
export function ownedJobs(facts: AccountFacts, ledger: readonly LedgerInput[]): Map<string, Proof[]> {
  const out = new Map<string, Proof[]>();
  for (const l of ledger) if (l.entry.kind === 'customization-job' && l.entry.identity.arn) prove(out, l.entry.identity.arn, { strength: strengthOf(l), reason: ledgerReason(l, 'launched') });
  for (const j of facts.jobs) if (j.tagged) prove(out, j.arn, { strength: 'proven', reason: TAG });
  for (const m of facts.models) if (m.tagged && m.jobArn) prove(out, m.jobArn, { strength: 'proven', reason: { source: 'tag', detail: `made model ${m.name ?? m.arn}, tagged created-by=bedrock-mm-customizer` } });
  return out;
}

function s3Cost(p: PrefixFact): CostFacts {
  return { kind: 's3-storage', objectCount: p.count, bytes: p.bytes, truncated: p.truncated };
}

/** Every candidate for the plan, each with its proof; `ticked` only where the proof is ours. */
export function ownedCandidates(facts: AccountFacts, input: OwnershipInput): { candidates: Candidate[]; notes: string[] } {
  const { region } = facts;
  const ledger = ledgerOf(input.ledger, facts.account, region);
  const candidates: Candidate[] = [];
  const notes: string[] = [];
  // Labels come from the identity, as the plan file derives them (plan.ts labelFor).
  const add = (c: Omit<Candidate, 'label' | 'region' | 'reason' | 'ticked'>, proofs: readonly Proof[]): void => {
    for (const p of proofs) candidates.push({ ...c, label: labelFor(c.kind, c.identity), region, reason: p.reason, ticked: p.strength === 'proven' });
  };
  const prefixFact = (bucket: string, prefix: string): PrefixFact | undefined => facts.prefixes.find((p) => p.bucket === bucket && p.prefix === prefix && p.count > 0);

  // Jobs: running ones are stopped; every owned job's own output folder; its role offered unticked.
  const jobs = ownedJobs(facts, ledger);
  for (const [arn, proofs] of jobs) {
    const j = facts.jobs.find((x) => x.arn === arn);
    if (!j) continue;
    const label = j.name ?? arn;
    if (j.status === 'InProgress') add({ kind: 'customization-job', identity: { arn, ...(j.name ? { name: j.name } : {}) }, cost: { kind: 'job-training' } }, proofs);
    const folder = j.outputS3Uri ? jobOutputFolder(j.outputS3Uri, arn) : undefined;
    const p = folder && prefixFact(folder.bucket, folder.key);
    if (p) add({ kind: 's3-prefix', identity: { bucket: p.bucket, prefix: p.prefix }, cost: s3Cost(p) }, proofs.map((x) => ({ ...x, reason: { source: x.reason.source, detail: `output of job ${label}: ${x.reason.detail}` } })));
    const role = j.roleArn ? roleNameFromArn(j.roleArn) : undefined;
    if (role && j.roleArn) {
      add({ kind: 'iam-role', identity: { arn: j.roleArn, name: role }, cost: { kind: 'none' } },
        [{ strength: 'offered', reason: { source: 'related', detail: `service role of job ${label}; this work never creates roles: tick it only if you made it for this work alone` } }]);
    }
  }

  // Batch jobs: ours by tag or ledger; only one still moving has anything to stop (its input is deleted after).
  for (const b of facts.batchJobs ?? []) {
    const proofs: Proof[] = b.tagged ? [{ strength: 'proven', reason: TAG }] : [];
    for (const l of ledger) if (l.entry.kind === 'batch-job' && l.entry.identity.arn === b.arn) proofs.push({ strength: strengthOf(l), reason: ledgerReason(l, 'submitted') });
    if (proofs.length > 0 && b.status !== undefined && BATCH_STOPPABLE.has(b.status)) {
      add({ kind: 'batch-job', identity: { arn: b.arn, ...(b.name ? { name: b.name } : {}) }, cost: { kind: 'batch-inference' } }, proofs);
    }
  }

  // Models: tagged, or made by an owned job (the model's own jobArn says which job made it).
  const models = new Map<string, Proof[]>();
  for (const m of facts.models) {
    if (m.tagged) prove(models, m.arn, { strength: 'proven', reason: TAG });
    const byJob = m.jobArn ? jobs.get(m.jobArn) : undefined;
    for (const p of byJob ?? []) prove(models, m.arn, { strength: p.strength, reason: { source: p.reason.source, detail: `made by job ${facts.jobs.find((j) => j.arn === m.jobArn)?.name ?? m.jobArn}: ${p.reason.detail}` } });
  }
  for (const [arn, proofs] of models) {
    const m = facts.models.find((x) => x.arn === arn);
    add({ kind: 'custom-model', identity: { arn, ...(m?.name ? { name: m.name } : {}) }, cost: { kind: 'model-storage' } }, proofs);
  }

  // Throughputs: ours by tag or ledger; one serving a planned model is offered (ticked only when the model is).
  for (const t of facts.throughputs) {
    const proofs: Proof[] = [];
    if (t.tagged) proofs.push({ strength: 'proven', reason: TAG });
    for (const l of ledger) if (l.entry.kind === 'provisioned-throughput' && l.entry.identity.arn === t.arn) proofs.push({ strength: strengthOf(l), reason: ledgerReason(l, 'provisioned') });
    const served = [t.modelArn, t.desiredModelArn].find((a) => a !== undefined && models.has(a));
    if (proofs.length === 0 && served === undefined) continue;
    if (served !== undefined && !ticked(proofs)) {
      proofs.push({ strength: 'offered', reason: { source: 'dependency', detail: `serves model ${facts.models.find((m) => m.arn === served)?.name ?? served} in this plan, but this work did not create it: tick it to delete that model too` } });
    }
    add({
      kind: 'provisioned-throughput', identity: { arn: t.arn, ...(t.name ? { name: t.name } : {}) },
      cost: { kind: 'throughput', modelUnits: t.modelUnits ?? 1, ...(t.commitment ? { commitment: t.commitment } : {}), ...(t.commitmentExpiresAt ? { commitmentExpiresAt: t.commitmentExpiresAt } : {}) },
      ...(t.modelArn ? { servesModel: t.modelArn } : {}),
    }, proofs);
  }

  // OpenSearch: the collection (the very one recorded), the policies and indexes the ledger recorded.
  const collections = ownedCollections(facts, ledger);
  for (const [name, proofs] of collections) {
    const c = facts.collections.find((x) => x.name === name);
    add({ kind: 'aoss-collection', identity: { name, ...(c?.id ? { id: c.id } : {}), ...(c?.arn ? { arn: c.arn } : {}) }, cost: { kind: 'collection-ocu' } }, proofs);
  }
  const endpoints = ownedEndpoints(facts, ledger);
  for (const l of ledger) {
    const e = l.entry;
    const proof = [{ strength: strengthOf(l), reason: ledgerReason(l) }];
    if ((e.kind === 'aoss-security-policy' || e.kind === 'aoss-access-policy') && e.identity.name && e.identity.policyType) {
      const type = e.identity.policyType;
      if (!facts.policies.some((p) => p.name === e.identity.name && p.type === type)) continue;
      add({
        kind: e.kind, identity: { name: e.identity.name, policyType: type },
        cost: { kind: 'none', note: 'No charge; it goes with its collection.' }, ...(collections.has(e.identity.name) ? { collection: e.identity.name } : {}),
      }, proof);
    } else if (e.kind === 'opensearch-index' && e.identity.endpoint && e.identity.name) {
      if (!endpoints.has(e.identity.endpoint)) { notes.push(`Index ${e.identity.name} at ${e.identity.endpoint}: not the endpoint of a collection this work owns; it is never contacted.`); continue; }
      if (!facts.indexes.some((i) => i.endpoint === e.identity.endpoint && i.name === e.identity.name)) continue;
      const coll = facts.collections.find((c) => c.endpoint === e.identity.endpoint);
      add({
        kind: 'opensearch-index', identity: { endpoint: e.identity.endpoint, name: e.identity.name, service: 'aoss' },
        cost: { kind: 'none', note: 'Part of its collection\'s storage.' }, ...(coll ? { collection: coll.name } : {}),
      }, proof);
    } else if (e.kind === 's3-prefix' && e.identity.bucket && e.identity.prefix) {
      const p = prefixFact(e.identity.bucket, asPrefix(e.identity.prefix));
      if (p) add({ kind: 's3-prefix', identity: { bucket: p.bucket, prefix: p.prefix }, cost: s3Cost(p) }, proof);
    }
  }

  for (const m of input.manual) {
    const p = prefixFact(m.bucket, asPrefix(m.prefix));
    if (!p) continue;
    add({ kind: 's3-prefix', identity: { bucket: p.bucket, prefix: p.prefix }, cost: s3Cost(p) },
      [{ strength: m.ticked ? 'proven' : 'offered', reason: { source: 'manual', detail: m.detail } }]);
  }
  return { candidates, notes };
}

// Property test of the ownership rules behind every clean-up plan: random accounts mixing what this work created
// (by ledger or by tag) with foreign look-alikes (untagged, same names, names and S3 keys that share prefixes, a
// same-named collection made again, ledger entries of other accounts and regions, indexes at other endpoints).
// In every world the plan ticks exactly this work's resources, and offers unticked only the related ones the rules
// allow (the role an owned job used, a foreign throughput serving an owned model, what only an unconfirmed entry names).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ledgerEntry, type LedgerEntry } from '../../../src/core/cleanup/ledger';
import { ownedCandidates, type AccountFacts, type LedgerInput, type ManualPrefix } from '../../../src/core/cleanup/ownership';
import { buildPlan } from '../../../src/core/cleanup/planner';
import { resourceKey } from '../../../src/core/cleanup/plan';
import { seededRandom, type Random } from '../../../src/core/random';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const WORLDS = 10_000;

interface World { facts: AccountFacts; ledger: LedgerInput[]; manual: ManualPrefix[]; ticked: Set<string>; mayOffer: Set<string> }

function makeWorld(rand: Random, n: number): World {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const chance = (p: number): boolean => rand() < p;
  let serial = 0;
  const id = (): string => `${n.toString(36)}x${(serial++).toString(36).padStart(4, '0')}`;
  const names = ['ft', 'ft-model', 'ft-model-2', 'prod', 'prod-model', 'out', 'cmp'];
  const facts: AccountFacts = { account: ACCOUNT, region: REGION, jobs: [], models: [], throughputs: [], collections: [], policies: [], indexes: [], prefixes: [] };
  const ledger: LedgerInput[] = [];
  const manual: ManualPrefix[] = [];
  const ticked = new Set<string>();
  const mayOffer = new Set<string>();
  const key = resourceKey;
  const record = (e: LedgerEntry, confirmed = true): void => { ledger.push({ entry: e, confirmed }); };
  // Ledger entries that must never count: other accounts and regions, same identities.
  const elsewhere = (e: LedgerEntry): void => {
    const other = chance(0.5) ? { ...e, account: '999999999999' } : { ...e, region: 'us-west-2' };
    record(other);
  };
  const bucket = pick(['data', 'data-2']);

  const jobCount = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < jobCount; i++) {
    const jid = id();
    const arn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:model-customization-job/amazon.titan-embed-image-v1:0/${jid}`;
    const root = pick(['out', 'out/', 'output/runs', '']);
    const status = pick(['InProgress', 'Completed', 'Failed', 'Stopped']);
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/${pick(['BedrockRole', 'ProdAdmin'])}`;
    const how = pick(['ledger', 'tag', 'unconfirmed', 'foreign', 'elsewhere'] as const);
    facts.jobs.push({ arn, name: pick(names), status, roleArn, outputS3Uri: `s3://${bucket}/${root}`, tagged: how === 'tag' });
    const entry = ledgerEntry('customization-job', { arn }, 'spec.bedrock-job.json');
    if (how === 'ledger') record(entry);
    if (how === 'unconfirmed') record(entry, false);
    if (how === 'elsewhere') elsewhere(entry);
    // A completed job made a model; a tagged model proves its job ours too (the job tagged it at launch).
    const modelTagged = status === 'Completed' && chance(0.3);
    const ours = how === 'ledger' || how === 'tag' || modelTagged;
    const related = ours || how === 'unconfirmed';
    if (ours && status === 'InProgress') ticked.add(key('customization-job', { arn }));
    if (related && status === 'InProgress') mayOffer.add(key('customization-job', { arn }));
    if (related) mayOffer.add(key('iam-role', { arn: roleArn }));
    // The job's own output folder, with objects; look-alike keys beside it that are never the folder.
    const folder = `${root === '' || root.endsWith('/') ? root : `${root}/`}model-customization-job-${jid}/`;
    if (chance(0.8)) {
      facts.prefixes.push({ bucket, prefix: folder, count: 1 + Math.floor(rand() * 50), bytes: 10, truncated: false });
      if (ours) ticked.add(key('s3-prefix', { bucket, prefix: folder }));
      if (related) mayOffer.add(key('s3-prefix', { bucket, prefix: folder }));
    }
    facts.prefixes.push({ bucket, prefix: `${folder.slice(0, -1)}2/`, count: 3, bytes: 3, truncated: false });
    facts.prefixes.push({ bucket, prefix: root === '' ? 'outbound/' : `${root.replace(/\/$/, '')}bound/`, count: 2, bytes: 2, truncated: false });
    // The model it made (its jobArn says so), and a same-named foreign model.
    if (status === 'Completed') {
      const marn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:custom-model/amazon.titan-embed-image-v1:0/${id()}`;
      facts.models.push({ arn: marn, name: pick(names), jobArn: arn, tagged: modelTagged });
      facts.jobs[facts.jobs.length - 1]!.outputModelArn = marn;
      if (ours) ticked.add(key('custom-model', { arn: marn }));
      if (related) mayOffer.add(key('custom-model', { arn: marn }));
    }
  }

  // Foreign models (same names, or made by a foreign job) and tagged ones.
  for (let i = 0; i < 1 + Math.floor(rand() * 3); i++) {
    const marn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:custom-model/amazon.titan-embed-image-v1:0/${id()}`;
    const tagged = chance(0.3);
    const foreignJob = `arn:aws:bedrock:${REGION}:${ACCOUNT}:model-customization-job/amazon.titan-embed-image-v1:0/${id()}`;
    facts.models.push({ arn: marn, name: pick(names), ...(chance(0.5) ? { jobArn: foreignJob } : {}), tagged });
    if (tagged) { ticked.add(key('custom-model', { arn: marn })); mayOffer.add(key('custom-model', { arn: marn })); }
  }

  // Throughputs: ours by ledger or tag; foreign ones, some serving an owned model.
  for (let i = 0; i < Math.floor(rand() * 4); i++) {
    const tarn = `arn:aws:bedrock:${REGION}:${ACCOUNT}:provisioned-model/${id()}`;
    const model = facts.models.length > 0 ? pick(facts.models) : undefined;
    const how = pick(['ledger', 'tag', 'foreign', 'elsewhere'] as const);
    facts.throughputs.push({ arn: tarn, name: pick(names), ...(model ? { modelArn: model.arn } : {}), tagged: how === 'tag' });
    const entry = ledgerEntry('provisioned-throughput', { arn: tarn }, 'provision');
    if (how === 'ledger') record(entry);
    if (how === 'elsewhere') elsewhere(entry);
    const k = key('provisioned-throughput', { arn: tarn });
    if (how === 'ledger' || how === 'tag') { ticked.add(k); mayOffer.add(k); }
    if (model && mayOffer.has(key('custom-model', { arn: model.arn }))) mayOffer.add(k); // a dependency, offered
  }

  // Collections: recorded (same id), tagged, made again under a recorded name (other id), foreign.
  for (let i = 0; i < Math.floor(rand() * 3); i++) {
    const name = `cmp-${pick(['a', 'b', 'ab'])}-${i}`;
    const cid = id();
    const endpoint = `https://${cid}.${REGION}.aoss.amazonaws.com`;
    const how = pick(['ledger', 'tag', 'recreated', 'foreign'] as const);
    facts.collections.push({ name, id: cid, arn: `arn:aws:aoss:${REGION}:${ACCOUNT}:collection/${cid}`, status: 'ACTIVE', endpoint, tagged: how === 'tag' });
    const scope = { account: ACCOUNT, region: REGION };
    if (how === 'ledger') record(ledgerEntry('aoss-collection', { name, id: cid }, 'asl.compare.json', scope));
    if (how === 'recreated') record(ledgerEntry('aoss-collection', { name, id: `old${cid}` }, 'asl.compare.json', scope));
    const ours = how === 'ledger' || how === 'tag';
    if (ours) { ticked.add(key('aoss-collection', { name })); mayOffer.add(key('aoss-collection', { name })); }
    // Policies exist under the collection's name; only those the ledger recorded are ours.
    for (const type of ['encryption', 'network', 'data'] as const) {
      facts.policies.push({ name, type });
      const kind = type === 'data' ? 'aoss-access-policy' : 'aoss-security-policy';
      if (chance(0.6)) {
        record(ledgerEntry(kind, { name, policyType: type }, 'asl.compare.json', scope));
        ticked.add(key(kind, { name, policyType: type }));
        mayOffer.add(key(kind, { name, policyType: type }));
      }
    }
    // An index recorded at this endpoint counts only when the collection is ours; one at a foreign endpoint never.
    const index = `idx-${i}`;
    facts.indexes.push({ endpoint, name: index });
    record(ledgerEntry('opensearch-index', { endpoint, name: index, service: 'aoss' }, 'asl.compare.json', scope));
    if (ours) { ticked.add(key('opensearch-index', { endpoint, name: index })); mayOffer.add(key('opensearch-index', { endpoint, name: index })); }
    facts.indexes.push({ endpoint: 'http://127.0.0.1:9/evil', name: index });
    record(ledgerEntry('opensearch-index', { endpoint: 'http://127.0.0.1:9/evil', name: index, service: 'aoss' }, 'hostile.json', scope));
  }

  // S3 prefixes the ledger recorded (with look-alikes sharing the string prefix), and ones the user added.
  for (let i = 0; i < Math.floor(rand() * 3); i++) {
    const prefix = `cache/run-${i}/`;
    facts.prefixes.push({ bucket, prefix, count: 5, bytes: 5, truncated: false });
    facts.prefixes.push({ bucket, prefix: `cache/run-${i}0/`, count: 5, bytes: 5, truncated: false });
    const how = pick(['ledger', 'elsewhere', 'manual-now', 'manual-setting'] as const);
    if (how === 'ledger') record(ledgerEntry('s3-prefix', { bucket, prefix: prefix.slice(0, -1) }, 'run', { account: ACCOUNT, region: REGION }));
    if (how === 'elsewhere') elsewhere(ledgerEntry('s3-prefix', { bucket, prefix }, 'run', { account: ACCOUNT, region: REGION }));
    if (how.startsWith('manual')) manual.push({ bucket, prefix: prefix.slice(0, -1), ticked: how === 'manual-now', detail: 'added by you' });
    const k = key('s3-prefix', { bucket, prefix });
    if (how === 'ledger' || how === 'manual-now') ticked.add(k);
    if (how !== 'elsewhere') mayOffer.add(k);
  }
  return { facts, ledger, manual, ticked, mayOffer };
}

test(`cleanup ownership property: in ${WORLDS} random accounts the plan ticks exactly this work's resources`, (t) => {
  const rand = seededRandom(20261201);
  let resources = 0;
  let foreignOffered = 0;
  let ledgerLines = 0;
  let existing = 0;
  for (let n = 0; n < WORLDS; n++) {
    const w = makeWorld(rand, n);
    const { candidates } = ownedCandidates(w.facts, { ledger: w.ledger, manual: w.manual });
    const { plan } = buildPlan(candidates, { account: ACCOUNT, region: REGION }, new Date(0));
    const ticked = new Set(plan.resources.filter((r) => r.selected).map((r) => r.key));
    assert.deepEqual([...ticked].sort(), [...w.ticked].sort(), `world ${n}: ticked resources differ`);
    for (const r of plan.resources) {
      assert.ok(w.mayOffer.has(r.key), `world ${n}: ${r.key} is in the plan but neither ours nor related (${r.reasons.map((x) => x.detail).join('; ')})`);
      if (!r.selected) foreignOffered += 1;
    }
    resources += plan.resources.length;
    ledgerLines += w.ledger.length;
    const f = w.facts;
    existing += f.jobs.length + f.models.length + f.throughputs.length + f.collections.length + f.policies.length + f.indexes.length + f.prefixes.length;
  }
  t.diagnostic(`${WORLDS} worlds: ${existing} resources and prefixes exist, ${ledgerLines} ledger lines; ${resources} planned, ${resources - foreignOffered} ticked, ${foreignOffered} offered unticked`);
  // The worlds are not trivial: thousands of planned resources, and unticked offers among them.
  assert.ok(resources > WORLDS * 3, `only ${resources} resources planned over ${WORLDS} worlds`);
  assert.ok(foreignOffered > WORLDS / 10, `only ${foreignOffered} unticked offers`);
});

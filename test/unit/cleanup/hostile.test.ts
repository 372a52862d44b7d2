// The hostile workspace against the clean-up (issue 13, findings 1 and 4), through `bedrock-mm cleanup` and the real
// AWS SDK against the in-process emulator: a spec naming a production model, an output root shared with other
// prefixes, a compare spec "creating" an existing collection, and hand-edited plan files (another account, a
// foreign model ticked by hand, an S3 prefix that grew). Nothing this work did not create is ever deleted.
import { after, afterEach, before, beforeEach, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsSession, type AwsSession } from '../../../src/aws/session';
import { resourceIdOf } from '../../../src/core/awsRules/arn';
import { LEDGER_PATH, ledgerEntry } from '../../../src/core/cleanup/ledger';
import { appendLedger } from '../../../src/core/cleanup/ledgerFile';
import { parsePlan } from '../../../src/core/cleanup/planFile';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { emulatorCliEnv, runCliCaptured, type CliResult } from '../../support/cliRun';

let emulator: RunningEmulator;
let session: AwsSession;
let dir: string;
const saved = { ...process.env };

before(async () => {
  emulator = await startEmulator({});
  const e = emulator.endpoints;
  Object.assign(process.env, emulatorCliEnv(e));
  session = createAwsSession({ region: 'us-east-1', endpoints: { bedrock: e.bedrock, s3: e.s3, opensearchServerless: e.opensearchServerless, sts: e.sts } });
});
beforeEach(async () => {
  await admin('/reset', {});
  dir = mkdtempSync(join(tmpdir(), 'bmc-hostile-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
after(async () => {
  session.dispose();
  await emulator.stop();
  process.env = saved;
});

async function admin(path: string, body: object): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulator.endpoints.admin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  assert.ok(res.ok, JSON.stringify(json));
  return json;
}

const cli = (...argv: string[]): Promise<CliResult> => runCliCaptured(['cleanup', ...argv, '--workspace', dir]);

async function count(bucket: string, prefix: string): Promise<number> {
  let n = 0;
  for await (const _ of session.s3.listObjects({ bucket, prefix })) n += 1;
  return n;
}

const spec = (o: object): string => JSON.stringify({
  jobName: 'never-launched', customModelName: 'prod-model', roleArn: 'arn:aws:iam::123456789012:role/ProdAdmin',
  trainingData: 's3://prod-data/train.jsonl', outputData: 's3://prod-data/out', hyperParameters: { epochCount: 2, batchSize: 256, learningRate: 0.00001 }, ...o,
});

test('hostile workspace (finding 1): a spec naming a pre-existing, untagged model plans nothing; --yes deletes nothing', async () => {
  const modelArn = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/prodmodel001';
  await admin('/seed', { customModels: [{ modelArn, modelName: 'prod-model' }], provisionedThroughputs: [{ modelArn, provisionedModelName: 'prod-pt' }] });
  writeFileSync(join(dir, 'prod.bedrock-job.json'), spec({}));
  writeFileSync(join(dir, 'report.json'), JSON.stringify({ createdResources: { opensearch: { collection: { name: 'prod-coll' } } }, s3Prefixes: ['s3://prod-data/'] }));
  const planFile = join(dir, 'plan.json');
  const first = await cli('--plan', planFile);
  assert.equal(first.code, 0, first.out + first.err);
  assert.match(first.out, /0 of 0 resource\(s\) ticked/);
  assert.doesNotMatch(readFileSync(planFile, 'utf8'), /prod-model|prod-pt|ProdAdmin/);
  const run = await cli('--plan', planFile, '--yes');
  assert.equal(run.code, 0);
  assert.equal((await session.bedrock.getCustomModel(modelArn)).modelName, 'prod-model');
});

test('hostile workspace (finding 1): a job\'s output is its own folder, never the output root or keys that share its string prefix', async () => {
  await session.s3.createBucket('work');
  const seeded = await admin('/seed', { jobs: [{ jobName: 'ours', status: 'Completed', outputDataConfig: { s3Uri: 's3://work/out' } }] }) as { jobArns: string[] };
  const jobArn = seeded.jobArns[0] ?? '';
  const folder = `out/model-customization-job-${resourceIdOf(jobArn)}/`;
  for (const key of [`${folder}a.csv`, `${folder}b.csv`, 'outbound/x', 'output-prod/y', 'out/other-job/z', `${folder.slice(0, -1)}2/w`]) await session.s3.putObject('work', key, 'x');
  appendLedger(join(dir, LEDGER_PATH), [ledgerEntry('customization-job', { arn: jobArn, name: 'ours' }, 'ours.bedrock-job.json')]);
  const planFile = join(dir, 'plan.json');
  await cli('--plan', planFile);
  const plan = parsePlan(readFileSync(planFile, 'utf8')).plan;
  assert.deepEqual(plan?.resources.filter((r) => r.kind === 's3-prefix').map((r) => `${r.label} ${r.selected}`), [`s3://work/${folder} true`]);
  const run = await cli('--plan', planFile, '--yes');
  assert.equal(run.code, 0, run.out + run.err);
  assert.equal(await count('work', folder), 0);
  for (const prefix of ['outbound/', 'output-prod/', 'out/other-job/', `${folder.slice(0, -1)}2/`]) assert.equal(await count('work', prefix), 1, prefix);
});

test('hostile workspace (finding 1): a compare spec with "create": true naming an existing collection does not plan it', async () => {
  await session.aoss.createSecurityPolicy('encryption', { name: 'prod-coll', policy: { Rules: [{ ResourceType: 'collection', Resource: ['collection/prod-coll'] }], AWSOwnedKey: true } });
  await session.aoss.createCollection({ name: 'prod-coll', type: 'VECTORSEARCH' });
  writeFileSync(join(dir, 'x.compare.json'), JSON.stringify({ vectorStore: { type: 'opensearch-serverless', collection: 'prod-coll', create: true } }));
  // A ledger entry under the name of a collection made again by someone else (another id) is not proof either.
  appendLedger(join(dir, LEDGER_PATH), [ledgerEntry('aoss-collection', { name: 'prod-coll', id: 'an-older-one' }, 'x.compare.json', { account: '123456789012', region: 'us-east-1' })]);
  const planFile = join(dir, 'plan.json');
  const r = await cli('--plan', planFile);
  assert.match(r.out, /0 of 0 resource\(s\) ticked/, r.out);
});

/** A plan file as `cleanup --plan` writes it, for hand edits. */
function writePlan(resources: object[], o: { account?: string } = {}): string {
  const file = join(dir, `edited-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify({ version: 2, createdAt: '2026-12-01T00:00:00Z', account: o.account ?? '123456789012', region: 'us-east-1', resources }));
  return file;
}

test('hostile plan file (finding 4): a plan made in another account is refused before anything is touched', async () => {
  const modelArn = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/samename0001';
  await admin('/seed', { customModels: [{ modelArn, modelName: 'same-name' }] });
  await session.bedrock.tagResource(modelArn, [{ key: 'created-by', value: 'bedrock-mm-customizer' }]);
  const file = writePlan([{ kind: 'custom-model', identity: { arn: modelArn }, selected: true }], { account: '210987654321' });
  const r = await cli('--plan', file, '--yes');
  assert.equal(r.code, 2);
  assert.match(r.err, /made in account 210987654321; these credentials are account 123456789012\. Nothing was deleted/);
  assert.equal((await session.bedrock.getCustomModel(modelArn)).modelName, 'same-name');
});

test('hostile plan file (finding 4): a foreign model ticked by hand is proved again, left alone and named; ours goes', async () => {
  const foreign = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/foreign00001';
  const ours = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/oursours0001';
  await admin('/seed', { customModels: [{ modelArn: foreign, modelName: 'prod-model' }, { modelArn: ours, modelName: 'ft-model' }] });
  await session.bedrock.tagResource(ours, [{ key: 'created-by', value: 'bedrock-mm-customizer' }]);
  const file = writePlan([
    { kind: 'custom-model', label: 'ft-model', identity: { arn: foreign }, selected: true, reasons: [{ source: 'tag', detail: 'trust me' }] },
    { kind: 'custom-model', identity: { arn: ours, name: 'ft-model' }, selected: true },
  ]);
  const r = await cli('--plan', file, '--yes');
  assert.equal(r.code, 1, 'the run did less than the plan asked');
  assert.match(r.err, /prod-model|foreign00001/);
  assert.match(r.err, /left alone: nothing proves this work created it/);
  assert.equal((await session.bedrock.getCustomModel(foreign)).modelName, 'prod-model');
  await assert.rejects(session.bedrock.getCustomModel(ours), /not found|ResourceNotFound|does not exist/i);
  // A name in the plan that disagrees with the live resource is not deleted either.
  const renamed = writePlan([{ kind: 'custom-model', identity: { arn: foreign, name: 'ft-model' }, selected: true }]);
  await session.bedrock.tagResource(foreign, [{ key: 'created-by', value: 'bedrock-mm-customizer' }]);
  const r2 = await cli('--plan', renamed, '--yes');
  assert.equal(r2.code, 1);
  assert.match(r2.err, /the plan names it ft-model, but .* is prod-model/);
  assert.equal((await session.bedrock.getCustomModel(foreign)).modelName, 'prod-model');
});

test('hostile plan file (finding 4): an entry without "selected" is kept; an S3 prefix that grew is asked about again', async () => {
  await session.s3.createBucket('cache');
  for (let i = 0; i < 3; i++) await session.s3.putObject('cache', `runs/r1/${i}.json`, '{}');
  appendLedger(join(dir, LEDGER_PATH), [ledgerEntry('s3-prefix', { bucket: 'cache', prefix: 'runs/r1/' }, 'asl.compare.json', { account: '123456789012', region: 'us-east-1' })]);
  const planFile = join(dir, 'plan.json');
  await cli('--plan', planFile);
  const plan = parsePlan(readFileSync(planFile, 'utf8')).plan;
  assert.ok(plan);
  const unticked = writePlan(plan.resources.map(({ selected: _s, ...r }) => r));
  const keep = await cli('--plan', unticked, '--yes');
  assert.match(keep.out, /Nothing is ticked in the plan/);
  assert.equal(await count('cache', 'runs/r1/'), 3);

  for (let i = 3; i < 5; i++) await session.s3.putObject('cache', `runs/r1/${i}.json`, '{}');
  const grown = await cli('--plan', planFile, '--yes');
  assert.equal(grown.code, 1);
  assert.match(grown.err, /s3:\/\/cache\/runs\/r1\/ holds 5 object\(s\) now, 3 when the plan was written/);
  assert.match(grown.out, /--yes-including-new/);
  assert.equal(await count('cache', 'runs/r1/'), 5);
  const all = await cli('--plan', planFile, '--yes-including-new');
  assert.equal(all.code, 0, all.out + all.err);
  assert.equal(await count('cache', 'runs/r1/'), 0);
});

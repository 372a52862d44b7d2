// The clean-up end to end over the real AWS SDK against the in-process emulator: discovery finds exactly what the
// workspace made, execution leaves none of it and nothing else is touched, a second run finds all gone, and the
// run survives 20% throttling and a model whose deletion first fails with ConflictException.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CreateRoleCommand, GetRoleCommand, IAMClient, PutRolePolicyCommand } from '@aws-sdk/client-iam';
import { createAwsSession, type AwsSession } from '../../../src/aws/session';
import { parsePlan } from '../../../src/core/cleanup/planFile';
import { AWS_ERRORS } from '../../../src/aws/cleanup/errors';
import { discoverPlan, runPlan } from '../../../src/aws/cleanup/run';
import { runSucceeded } from '../../../src/core/cleanup/executor';
import { formatRun } from '../../../src/core/cleanup/report';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { buildCleanupWorld, OBJECTS_UNDER_PREFIX, type CleanupWorld } from '../../support/cleanupWorld';

let emulator: RunningEmulator;
let session: AwsSession;
const instant = { sleep: async () => undefined, random: () => 0.5 };

before(async () => {
  emulator = await startEmulator({});
  const e = emulator.endpoints;
  session = createAwsSession({
    region: 'us-east-1', maxAttempts: 1, // no SDK retries: the clean-up's own retry is under test
    endpoints: { bedrock: e.bedrock, bedrockRuntime: e.bedrockRuntime, s3: e.s3, opensearchServerless: e.opensearchServerless, sts: e.sts, iam: e.iam },
    credentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }),
  });
});
after(async () => { session.dispose(); await emulator.stop(); });

function inputs(w: CleanupWorld) {
  return { ledger: w.ledger.map((entry) => ({ entry, confirmed: true })), manual: [] };
}

async function count(bucket: string, prefix: string): Promise<number> {
  let n = 0;
  for await (const _ of session.s3.listObjects({ bucket, prefix })) n += 1;
  return n;
}

async function admin(path: string, body: object): Promise<void> {
  const res = await fetch(`${emulator.endpoints.admin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.ok(res.ok, await res.text());
}

test('cleanup against the emulator: plan lists exactly what was made, run leaves none, unrelated untouched, re-run all gone', async () => {
  const w = await buildCleanupWorld(session, emulator.endpoints.admin);
  const n = w.names;
  const { plan, notes } = await discoverPlan(session, inputs(w));
  assert.deepEqual(notes, []);
  const listed = plan.resources.map((r) => `${r.kind} ${r.label}${r.selected ? '' : ' (unticked)'}`).sort();
  assert.deepEqual(listed, [
    `aoss-access-policy ${n.collection} (data policy)`,
    `aoss-collection ${n.collection}`,
    `aoss-security-policy ${n.collection} (encryption policy)`,
    `aoss-security-policy ${n.collection} (network policy)`,
    `custom-model ft-model-${w.suffix}`,
    `customization-job ft-live-${w.suffix}`,
    `iam-role ${n.role} (unticked)`,
    `opensearch-index ${n.index}`,
    `provisioned-throughput ft-pt-${w.suffix}`,
    `s3-prefix s3://${n.bucket}/${n.prefix}`,
  ]);
  const s3 = plan.resources.find((r) => r.kind === 's3-prefix');
  assert.deepEqual(s3?.cost, { kind: 's3-storage', objectCount: OBJECTS_UNDER_PREFIX, bytes: 2 * OBJECTS_UNDER_PREFIX, truncated: false });

  const dry = await runPlan(session, plan, { ...instant, dryRun: true });
  assert.equal(dry.results.length, 9);
  assert.equal(await count(n.bucket, n.prefix), OBJECTS_UNDER_PREFIX); // the preview touched nothing

  const first = await runPlan(session, plan, instant);
  assert.ok(runSucceeded(first), formatRun(first));
  assert.equal(first.results.find((r) => r.kind === 'customization-job')?.action, 'stopped');
  assert.equal(await count(n.bucket, n.prefix), 0);
  // Nothing outside the plan: the other model, collection, objects and buckets are all still there.
  assert.equal((await session.bedrock.getCustomModel(n.otherModelArn)).modelArn, n.otherModelArn);
  assert.equal((await session.aoss.batchGetCollections({ names: [n.otherCollection] })).collections.length, 1);
  assert.ok(await session.aoss.getSecurityPolicy('encryption', n.otherCollection));
  assert.equal(await count(n.bucket, 'manifests/'), 1);
  assert.equal(await count(n.bucket, `${n.prefix.slice(0, -1)}2/`), 1);
  assert.equal(await count(n.bucket, 'output/other-job-output.json'), 1, 'the output root is not the job\'s folder');
  assert.equal(await count(n.bucket, 'outbound/'), 1);
  assert.equal(await count(n.otherBucket, n.prefix), 1);
  assert.equal((await session.bedrock.getJob(n.completedJobArn)).status, 'Completed');

  const second = await runPlan(session, plan, instant);
  assert.ok(second.results.every((r) => r.action === 'already-gone' && r.verdict === 'gone'), formatRun(second));
  const again = await discoverPlan(session, inputs(w));
  assert.deepEqual(again.plan.resources.filter((r) => r.selected), [], 'a fresh plan finds nothing left to delete');
});

test('cleanup against the emulator: 20% throttling and a first ConflictException on DeleteCustomModel end fully deleted', async () => {
  const w = await buildCleanupWorld(session, emulator.endpoints.admin);
  const { plan } = await discoverPlan(session, inputs(w));
  // The throughput is being deleted outside this plan (unticked here); AWS finishes that while the run backs off.
  const pt = plan.resources.find((r) => r.kind === 'provisioned-throughput');
  assert.ok(pt);
  pt.selected = false;
  let conflicts = 0;
  let ptDeleted = false;
  const errors = { ...AWS_ERRORS, classify: (e: unknown) => { const c = AWS_ERRORS.classify(e); if (c === 'conflict') conflicts += 1; return c; } };
  const sleep = async (): Promise<void> => {
    if (conflicts > 0 && !ptDeleted) {
      ptDeleted = true;
      for (let i = 0; ; i += 1) { // the test's own call also meets the 20% throttling
        try { await session.bedrock.deleteProvisionedThroughput(w.names.throughputArn); break; } catch (e) { if (i > 20) throw e; }
      }
    }
  };
  await admin('/faults', { throttleRate: 0.2 });
  try {
    const report = await runPlan(session, plan, { sleep, random: () => 0.5, errors });
    assert.equal(conflicts, 1, 'DeleteCustomModel met exactly one ConflictException');
    const model = report.results.find((r) => r.kind === 'custom-model');
    assert.equal(model?.action, 'deleted');
    assert.ok((model?.attempts ?? 0) >= 2);
    for (const r of report.results) {
      assert.ok(r.verdict === 'gone' || (r.message ?? r.verdictDetail ?? '') !== '', `${r.label} is neither gone nor explained`);
    }
    assert.ok(runSucceeded(report), formatRun(report));
    const res = await fetch(`${emulator.endpoints.admin}/requests?service=bedrock`);
    const log = (await res.json()) as { requests: { method: string; path: string; status: number; fault?: string }[] };
    assert.ok(log.requests.some((r) => r.status === 429), 'throttling was injected on Bedrock');
  } finally {
    await admin('/faults', { throttleRate: 0 });
  }
  assert.equal(await count(w.names.bucket, w.names.prefix), 0);
});

test('cleanup against the emulator: a model still held by an unticked throughput is precisely reported, then a re-run finishes', async () => {
  const w = await buildCleanupWorld(session, emulator.endpoints.admin);
  const { plan } = await discoverPlan(session, inputs(w));
  const pt = plan.resources.find((r) => r.kind === 'provisioned-throughput');
  assert.ok(pt);
  pt.selected = false;
  const report = await runPlan(session, plan, { ...instant, retry: { throttleAttempts: 3, conflictAttempts: 2, baseMs: 1, maxMs: 1, conflictBaseMs: 1 } });
  const model = report.results.find((r) => r.kind === 'custom-model');
  assert.equal(model?.action, 'failed');
  assert.equal(model?.verdict, 'still-there');
  assert.match(model?.message ?? '', /in use by the provisioned throughput ft-pt-/);
  assert.match(model?.message ?? '', /delete it .* and re-run/);
  assert.ok(report.warnings.some((x) => /waits for ft-pt-.*not ticked/.test(x)));
  assert.ok(report.results.filter((r) => r.kind !== 'custom-model').every((r) => r.verdict === 'gone'), formatRun(report));
  pt.selected = true;
  const rerun = await runPlan(session, plan, instant);
  assert.ok(runSucceeded(rerun), formatRun(rerun));
  assert.equal(rerun.results.find((r) => r.kind === 'custom-model')?.action, 'deleted');
  assert.equal(rerun.results.filter((r) => r.action === 'already-gone').length, 7);
});

test('cleanup against the emulator: a ticked IAM role loses its inline policy, then the role; a re-run finds it gone', async () => {
  const iam = new IAMClient({ region: 'us-east-1', endpoint: emulator.endpoints.iam, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
  try {
    const RoleName = 'BedrockFtCleanupRole';
    await iam.send(new CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'bedrock.amazonaws.com' }, Action: 'sts:AssumeRole' }] }) }));
    await iam.send(new PutRolePolicyCommand({ RoleName, PolicyName: 's3-access', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }) }));
    const parsed = parsePlan(JSON.stringify({ version: 2, account: '123456789012', region: 'us-east-1', resources: [{ kind: 'iam-role', identity: { arn: `arn:aws:iam::123456789012:role/${RoleName}` }, selected: true }] }));
    assert.ok(parsed.plan, parsed.problems.join('; '));
    const first = await runPlan(session, parsed.plan, { ...instant, iamEndpoint: emulator.endpoints.iam, iamCredentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }) });
    assert.ok(runSucceeded(first), formatRun(first));
    assert.equal(first.results[0]?.action, 'deleted');
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName })), /NoSuchEntity|cannot be found/);
    const again = await runPlan(session, parsed.plan, { ...instant, iamEndpoint: emulator.endpoints.iam, iamCredentials: async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' }) });
    assert.equal(again.results[0]?.action, 'already-gone');
  } finally {
    iam.destroy();
  }
});

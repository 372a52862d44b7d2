// End to end against the in-process emulator (real AWS SDK clients, s3rver S3): the sample dataset, the base model
// and a fine-tuned model from an emulated customization job, both vector stores, throttling, interrupt and resume.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HASH_CACHE_FILE } from '../../../src/core/image/hashCache';
import { runCompare, type CompareOptions, type CompareOutcome } from '../../../src/aws/compare/runCompare';
import { CreationDeclined, SpecError } from '../../../src/aws/compare/runCompare';
import type { LedgerEntry } from '../../../src/core/cleanup/ledger';
import { readLedger } from '../../../src/core/cleanup/ledgerFile';
import { CREATED_BY_TAG } from '../../../src/core/lifecycle/tags';
import type { AwsSession } from '../../../src/aws';
import { startEmulator, type RunningEmulator } from '../../../emulator';
import { admin, aslSpec, emulatorRuntime, emulatorSession, requestCount, trainedModel, writeSpec } from '../../support/emulatorCompare';

const CLASSES = 10;
let emu: RunningEmulator;
let session: AwsSession;
let rt: ReturnType<typeof emulatorRuntime>;
let dir: string;
let spec: Record<string, unknown>;

before(async () => {
  emu = await startEmulator({ minTrainingRecords: 40, collectionDurationMs: 1_000, visibilityDelayMs: 300 });
  session = emulatorSession(emu);
  rt = emulatorRuntime(emu);
  const data = await emu.uploadSampleData({ imagesPerClass: 6, testPerClass: 3, classes: CLASSES });
  const tuned = await trainedModel(emu, session, data);
  dir = mkdtempSync(join(tmpdir(), 'bmc-compare-'));
  spec = aslSpec(data, tuned, 'tuned', { modes: ['text-to-image', 'image-to-image', 'classify'], k: [1, 5, 10], seed: 11 });
});

after(async () => {
  session?.dispose();
  rt?.dispose();
  await emu?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The user says yes to creating a collection, and what is created is recorded in memory. */
function confirmed(entries: LedgerEntry[] = []): Pick<CompareOptions, 'confirmCreate' | 'ledger'> {
  return { confirmCreate: () => Promise.resolve(true), ledger: { record: (e) => { entries.push(...e); return Promise.resolve(); } } };
}

const metricsOf = (o: CompareOutcome): unknown => o.report.modes.map((m) => ({ mode: m.mode, results: m.results.map((r) => ({ model: r.model, metrics: r.metrics, top: r.perQuery.map((q) => q.topIds) })), comparisons: m.comparisons }));

function cacheLines(cacheDir: string): string[] {
  // The embedding shards only (image-hashes.jsonl holds the leakage check's hashes, one per image).
  return readdirSync(cacheDir).filter((f) => f !== HASH_CACHE_FILE).flatMap((f) => readFileSync(join(cacheDir, f), 'utf8').split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { k: string }).k + '@' + f));
}

let exactRun: CompareOutcome;
const UNIQUE_INPUTS = 2 * (3 * CLASSES + CLASSES); // per model: the test images and one query per class

test('compare e2e: exact store scores both models; a cached rerun makes zero calls', async () => {
  const specPath = writeSpec(dir, { ...spec, cacheDir: 'cache-a' });
  exactRun = await runCompare({ specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000 });
  assert.equal(exactRun.calls, UNIQUE_INPUTS);
  const t2i = exactRun.report.modes.find((m) => m.mode === 'text-to-image');
  assert.equal(t2i?.queryCount, CLASSES);
  assert.equal(t2i?.corpusSize, 3 * CLASSES);
  const base = t2i?.results.find((r) => r.model === 'base')?.metrics['accuracy@1'] ?? 0;
  const tuned = t2i?.results.find((r) => r.model === 'tuned')?.metrics['accuracy@1'] ?? 0;
  assert.ok(tuned > base, `fine-tuned accuracy@1 ${tuned} should beat base ${base} on the emulated models`);
  assert.equal(typeof t2i?.comparisons[0]?.pValues.mcnemarExact, 'number');
  assert.ok(t2i?.warnings.some((w) => /identical to training captions/.test(w)), 'leak warning: the queries are the training captions');
  assert.deepEqual(exactRun.report.inputs.map((i) => i.role), ['spec', 'manifest', 'training']);
  assert.equal(JSON.parse(readFileSync(exactRun.reportPath, 'utf8')).schemaVersion, 2);
  // Leakage against the training manifest: every test and training image hashed once, none of them shared.
  assert.deepEqual(exactRun.report.leakage?.pairs, []);
  assert.equal(exactRun.report.leakage?.threshold, 6);
  const hashLines = (): number => readFileSync(join(dir, 'cache-a', HASH_CACHE_FILE), 'utf8').split('\n').filter((l) => l !== '').length;
  const hashed = hashLines();
  assert.ok(hashed > 3 * CLASSES, `${hashed} images hashed`);
  assert.ok(exactRun.report.embeddingMap && exactRun.report.modes.every((m) => m.results.every((r) => r.separation)));
  const again = await runCompare({ specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000 });
  assert.equal(again.calls, 0);
  assert.deepEqual(metricsOf(again), metricsOf(exactRun));
  assert.equal(hashLines(), hashed, 'a rerun hashes (and so reads) no image again');
});

test('compare e2e: OpenSearch Serverless store (private collection created on request) gives identical metrics', async () => {
  const specPath = writeSpec(dir, {
    ...spec,
    cacheDir: 'cache-a',
    vectorStore: { type: 'opensearch-serverless', collection: 'eval-test', create: true, principal: 'arn:aws:iam::123456789012:user/tester' },
  }, 'aoss.compare.json');
  const run = await runCompare({ specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000, ...confirmed() });
  assert.equal(run.report.vectorStore, 'opensearch');
  assert.equal(run.calls, 0, 'embeddings come from the cache');
  assert.deepEqual(metricsOf(run), metricsOf(exactRun));
  const network = (await session.aoss.batchGetCollections({ names: ['eval-test'] })).collections[0];
  assert.equal(network?.status, 'ACTIVE');
  assert.ok(!run.report.warnings.some((w) => /public internet/.test(w)));
});

test('compare e2e: when the OpenSearch index is approximate, the report says how many queries differ from exact search', async () => {
  await admin(emu, '/faults', { service: 'opensearch', knnMissRate: 0.5 });
  try {
    const specPath = writeSpec(dir, {
      ...spec,
      cacheDir: 'cache-a',
      vectorStore: { type: 'opensearch-serverless', collection: 'eval-approx', create: true, principal: 'arn:aws:iam::123456789012:user/tester' },
    }, 'approx.compare.json');
    const run = await runCompare({ specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000, ...confirmed() });
    const notes = run.report.warnings.filter((w) => /OpenSearch \(approximate HNSW\) top-\d+ differs from exact search for \d+ of \d+ queries/.test(w));
    assert.ok(notes.length > 0, run.report.warnings.join('\n'));
    assert.notDeepEqual(metricsOf(run), metricsOf(exactRun), 'the metrics follow OpenSearch\'s ranking');
  } finally {
    await admin(emu, '/faults', { service: 'opensearch', knnMissRate: 0 });
  }
});

test('compare e2e: with 20% throttling the metrics are identical and each vector is cached once', async () => {
  await admin(emu, '/faults', { service: 'bedrockRuntime', throttleRate: 0.2 });
  try {
    const specPath = writeSpec(dir, { ...spec, cacheDir: 'cache-b' }, 'throttled.compare.json');
    const run = await runCompare({ specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000 });
    assert.deepEqual(metricsOf(run), metricsOf(exactRun));
    const lines = cacheLines(join(dir, 'cache-b'));
    assert.equal(lines.length, UNIQUE_INPUTS);
    assert.equal(new Set(lines).size, lines.length, 'no vector cached twice');
  } finally {
    await admin(emu, '/faults', { service: 'bedrockRuntime', throttleRate: 0 });
  }
});

test('compare e2e: an interrupted run resumes without re-embedding anything cached', async () => {
  const specPath = writeSpec(dir, { ...spec, cacheDir: 'cache-c' }, 'resume.compare.json');
  const stop = new AbortController();
  const before = await requestCount(emu, 'bedrockRuntime', '/invoke');
  await assert.rejects(runCompare({
    specPath, session, runtime: rt.runtime, concurrency: 4, requestsPerMinute: 60_000, signal: stop.signal,
    onProgress: (model, done) => { if (model === 'tuned' && done >= 15) stop.abort(new Error('interrupted by the test')); },
  }), /interrupted by the test/);
  const cachedAfterInterrupt = cacheLines(join(dir, 'cache-c')).length;
  assert.ok(cachedAfterInterrupt >= UNIQUE_INPUTS / 2 + 15 && cachedAfterInterrupt < UNIQUE_INPUTS, `cached ${cachedAfterInterrupt}`);
  const mid = await requestCount(emu, 'bedrockRuntime', '/invoke');
  const resumed = await runCompare({ specPath, session, runtime: rt.runtime, concurrency: 4, requestsPerMinute: 60_000 });
  const end = await requestCount(emu, 'bedrockRuntime', '/invoke');
  assert.equal(resumed.calls, UNIQUE_INPUTS - cachedAfterInterrupt, 'only what was missing is embedded');
  assert.equal(end - mid, resumed.calls);
  assert.ok(mid - before >= cachedAfterInterrupt);
  const lines = cacheLines(join(dir, 'cache-c'));
  assert.equal(lines.length, UNIQUE_INPUTS);
  assert.equal(new Set(lines).size, UNIQUE_INPUTS);
  assert.deepEqual(metricsOf(resumed), metricsOf(exactRun));
});

test('compare e2e: bedrock-mm compare --spec through the bundled CLI, endpoints from BMC_EMULATOR', async () => {
  const specPath = writeSpec(dir, { ...spec, cacheDir: 'cache-a' }, 'cli.compare.json');
  const env = { ...process.env, BMC_EMULATOR: JSON.stringify(emu.endpoints), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1' };
  const run = (args: string[]): Promise<{ code: number | null; out: string; err: string }> => new Promise((resolve) => {
    const child = spawn(process.execPath, ['dist/cli.js', 'compare', ...args], { env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
  const ok = await run(['--spec', specPath, '--format', 'json', '--rpm', '6000', '--export-embeddings', join(dir, 'export')]);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.err, /embedding calls: 0 /);
  const report = JSON.parse(ok.out) as CompareOutcome['report'];
  assert.deepEqual(metricsOf({ report } as CompareOutcome), metricsOf(exactRun));
  assert.ok(existsSync(join(dir, 'cli.report.json')));
  // The exported embeddings rescore to the same numbers with `evaluate` (no AWS).
  const rescored = spawnSync(process.execPath, ['dist/cli.js', 'evaluate', '--mode', 'text-to-image,classify', '--k', '1,5,10', '--seed', '11', '--format', 'json',
    '--model', `base=${join(dir, 'export', 'base.embeddings.jsonl')}`, '--model', `tuned=${join(dir, 'export', 'tuned.embeddings.jsonl')}`], { encoding: 'utf8' });
  assert.equal(rescored.status, 0, rescored.stderr);
  const again = JSON.parse(rescored.stdout) as CompareOutcome['report'];
  for (const mode of ['text-to-image', 'classify']) {
    assert.deepEqual(again.modes.find((m) => m.mode === mode)?.results.map((r) => r.metrics), report.modes.find((m) => m.mode === mode)?.results.map((r) => r.metrics), mode);
  }
  // A collection created for the caller: the data policy's principal comes from STS GetCallerIdentity.
  const aossPath = writeSpec(dir, { ...spec, cacheDir: 'cache-a', vectorStore: { type: 'opensearch-serverless', collection: 'eval-cli', create: true } }, 'cli-aoss.compare.json');
  const viaAoss = await run(['--spec', aossPath, '--format', 'json', '--yes', '--workspace', dir]);
  assert.equal(viaAoss.code, 0, viaAoss.err);
  assert.deepEqual(metricsOf({ report: JSON.parse(viaAoss.out) } as CompareOutcome), metricsOf(exactRun));
  assert.ok((await requestCount(emu, 'sts', '/')) >= 1, 'the caller identity was asked for');
  const ledger = readLedger(join(dir, '.bedrock-mm', 'ledger.jsonl')).entries.filter((e) => e.identity.name === 'eval-cli');
  assert.deepEqual(ledger.map((e) => `${e.kind} ${e.identity.policyType ?? ''}`).sort(), ['aoss-access-policy data', 'aoss-collection ', 'aoss-security-policy encryption', 'aoss-security-policy network']);
  assert.ok(ledger.every((e) => e.source === 'cli-aoss.compare.json'), 'the source is the spec, relative to --workspace');
  const badPath = writeSpec(dir, { ...spec, embeddingLength: 512 }, 'bad.compare.json');
  const bad = await run(['--spec', badPath]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /bad\.compare\.json:\d+:\d+: embeddingLength: must be one of \[256,384,1024\]/);
});

// ---- issue 13, findings 6 and 7: where a spec may send signed requests, and the collection it may create.

interface Logged { seq: number; operation: string }
async function requests(service: string, since = 0): Promise<Logged[]> {
  const r = (await (await fetch(`${emu.endpoints.admin}/requests?service=${service}&since=${since}`)).json()) as { requests: Logged[] };
  return r.requests;
}
async function lastSeq(): Promise<number> {
  const r = (await (await fetch(`${emu.endpoints.admin}/requests`)).json()) as { requests: Logged[] };
  return r.requests.reduce((m, q) => Math.max(m, q.seq), 0);
}

test('compare trust: a spec naming an http endpoint the user did not configure is refused before any request; configured, it is used', async () => {
  const hits: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    hits.push(req.headers);
    req.resume();
    res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":{"type":"security_exception","reason":"test listener"},"status":403}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const specPath = writeSpec(dir, { ...spec, cacheDir: 'cache-a', vectorStore: { type: 'opensearch', endpoint, service: 'es' } }, 'hostile-endpoint.compare.json');
    const since = await lastSeq();
    const options = { specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000 };
    await assert.rejects(runCompare(options), (e: unknown) => {
      assert.ok(e instanceof SpecError);
      assert.match(e.message, /vectorStore\.endpoint: The endpoint "http:\/\/127\.0\.0\.1:\d+" is plain http to this machine but not one you configured.*bedrockCustomizer\.endpoints/);
      return true;
    });
    await assert.rejects(runCompare({ ...options, configuredEndpoints: [emu.endpoints.s3, `${endpoint}0`] }), SpecError, 'another port is another endpoint');
    assert.equal(hits.length, 0, 'nothing reached the listener');
    assert.equal((await requests('s3', since)).length + (await requests('bedrockRuntime', since)).length, 0, 'not even the manifests were read');
    // The user's own setting names it: the comparison goes there (and fails on the listener's 403, after signing).
    await assert.rejects(runCompare({ ...options, configuredEndpoints: [`${endpoint}/`] }), (e: unknown) => !(e instanceof SpecError));
    assert.ok(hits.length > 0, 'the configured endpoint was used');
    assert.match(String(hits[0]?.['authorization']), /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//, 'what is at stake: the request is signed');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('compare trust: a collection the user does not confirm is not created, and nothing is embedded', async () => {
  const specPath = writeSpec(dir, { ...spec, cacheDir: 'cache-declined', vectorStore: { type: 'opensearch-serverless', collection: 'eval-declined', create: true, principal: 'arn:aws:iam::123456789012:user/tester' } }, 'declined.compare.json');
  const since = await lastSeq();
  const entries: LedgerEntry[] = [];
  const asked: string[] = [];
  const base = { specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000, ledger: { record: (e: readonly LedgerEntry[]) => { entries.push(...e); return Promise.resolve(); } } };
  await assert.rejects(runCompare({ ...base, workspaceDir: dir, confirmCreate: (f) => { asked.push(`${f.name} ${f.region} ${f.spec}`); return Promise.resolve(false); } }), (e: unknown) => {
    assert.ok(e instanceof CreationDeclined);
    assert.match(e.notice.detail, /OCU-hours for as long as the collection exists/);
    assert.match(e.notice.detail, /Clean Up deletes it/);
    return true;
  });
  assert.deepEqual(asked, ['eval-declined us-east-1 declined.compare.json']);
  await assert.rejects(runCompare(base), CreationDeclined, 'no one to ask: not created either');
  const aoss = (await requests('opensearchServerless', since)).map((q) => q.operation);
  assert.ok(aoss.every((op) => op === 'BatchGetCollection'), `only looked: ${aoss.join(', ')}`);
  assert.equal((await session.aoss.batchGetCollections({ names: ['eval-declined'] })).collections.length, 0);
  assert.equal((await requests('bedrockRuntime', since)).length, 0, 'asked before embedding anything');
  assert.deepEqual(entries, []);
});

test('compare trust: a confirmed collection is tagged, and it and its policies are in the ledger before the first document is indexed', async () => {
  const specPath = writeSpec(dir, { ...spec, cacheDir: 'cache-a', vectorStore: { type: 'opensearch-serverless', collection: 'eval-ledger', create: true, principal: 'arn:aws:iam::123456789012:user/tester' } }, 'ledger.compare.json');
  const since = await lastSeq();
  const entries: LedgerEntry[] = [];
  let recordedAt = -1;
  let bulksWhenRecorded = -1;
  const run = await runCompare({
    specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000, workspaceDir: dir,
    confirmCreate: () => Promise.resolve(true),
    ledger: {
      record: async (e) => {
        recordedAt = await lastSeq();
        bulksWhenRecorded = (await requests('opensearch', since)).filter((q) => q.operation === '_bulk').length;
        entries.push(...e);
      },
    },
  });
  assert.equal(run.report.vectorStore, 'opensearch');
  assert.equal(bulksWhenRecorded, 0, 'no document was indexed when the ledger was written');
  const bulks = (await requests('opensearch', since)).filter((q) => q.operation === '_bulk');
  assert.ok(bulks.length > 0 && bulks.every((q) => q.seq > recordedAt), 'every _bulk came after the ledger entries');
  const c = (await session.aoss.batchGetCollections({ names: ['eval-ledger'] })).collections[0];
  assert.ok(c?.arn && c.id);
  assert.deepEqual(entries.map((e) => [e.kind, e.identity, e.account, e.region, e.source]), [
    ['aoss-collection', { name: 'eval-ledger', id: c.id, arn: c.arn }, '123456789012', 'us-east-1', 'ledger.compare.json'],
    ['aoss-security-policy', { name: 'eval-ledger', policyType: 'encryption' }, '123456789012', 'us-east-1', 'ledger.compare.json'],
    ['aoss-security-policy', { name: 'eval-ledger', policyType: 'network' }, '123456789012', 'us-east-1', 'ledger.compare.json'],
    ['aoss-access-policy', { name: 'eval-ledger', policyType: 'data' }, '123456789012', 'us-east-1', 'ledger.compare.json'],
  ]);
  const tags = await session.aoss.listTagsForResource(c.arn);
  assert.ok(tags.some((t) => t.key === CREATED_BY_TAG.key && t.value === CREATED_BY_TAG.value), JSON.stringify(tags));
  // The indexes the comparison made in it are gone (deleted on close), so none is recorded.
  assert.ok((await requests('opensearch', since)).some((q) => q.operation === 'DELETE index'));
  // A second run finds the collection: nothing is created, asked or recorded.
  const again: LedgerEntry[] = [];
  await runCompare({ specPath, session, runtime: rt.runtime, concurrency: 8, requestsPerMinute: 60_000, confirmCreate: () => Promise.reject(new Error('asked again')), ledger: { record: (e) => { again.push(...e); return Promise.resolve(); } } });
  assert.deepEqual(again, []);
});

test('compare trust: bedrock-mm compare refuses to create a collection without --yes and creates nothing', async () => {
  const specPath = writeSpec(dir, { ...spec, cacheDir: 'cache-a', vectorStore: { type: 'opensearch-serverless', collection: 'eval-cli-no', create: true } }, 'cli-no.compare.json');
  const since = await lastSeq();
  const env = { ...process.env, BMC_EMULATOR: JSON.stringify(emu.endpoints), AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1' };
  // Not spawnSync: the emulator answers from this process's event loop.
  const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['dist/cli.js', 'compare', '--spec', specPath, '--workspace', dir], { env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stderr }));
  });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /Create the OpenSearch Serverless collection "eval-cli-no"/);
  assert.match(r.stderr, /OCU-hours/);
  assert.match(r.stderr, /Nothing was created\. Run again with --yes to create it\./);
  const aoss = (await requests('opensearchServerless', since)).map((q) => q.operation);
  assert.ok(aoss.every((op) => op === 'BatchGetCollection'), `only looked: ${aoss.join(', ')}`);
  assert.equal((await session.aoss.batchGetCollections({ names: ['eval-cli-no'] })).collections.length, 0);
  assert.ok(!readLedger(join(dir, '.bedrock-mm', 'ledger.jsonl')).entries.some((e) => e.identity.name === 'eval-cli-no'));
});

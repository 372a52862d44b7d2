// The ledger of created resources: entries carry account and region, bad lines are reported and skipped, an S3
// prefix is always a folder, and the file is never written through a link out of the workspace.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { entriesFor, LEDGER_PATH, ledgerEntry, ledgerLines, parseLedger } from '../../../src/core/cleanup/ledger';
import { appendLedger, readLedger } from '../../../src/core/cleanup/ledgerFile';

const JOB = 'arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.titan-embed-image-v1:0/abc123def456';

test('ledger: an entry takes account and region from its ARN; without either it cannot be written', () => {
  const e = ledgerEntry('customization-job', { arn: JOB }, 'a.bedrock-job.json', { at: new Date('2026-12-01T10:00:00Z') });
  assert.deepEqual([e.account, e.region, e.source, e.at], ['123456789012', 'us-east-1', 'a.bedrock-job.json', '2026-12-01T10:00:00.000Z']);
  assert.throws(() => ledgerEntry('s3-prefix', { bucket: 'b', prefix: 'x' }, 'run'), /needs an account id and a region/);
  assert.equal(ledgerEntry('s3-prefix', { bucket: 'b', prefix: 'out' }, 'run', { account: '123456789012', region: 'us-east-1' }).identity.prefix, 'out/', 'a folder, never a string prefix');
});

test('ledger: bad lines are named by number and skipped; an ARN of another account than the entry is refused', () => {
  const good = ledgerEntry('customization-job', { arn: JOB }, 'x');
  const text = [
    ledgerLines([good]).trim(),
    '{not json',
    JSON.stringify({ ...good, account: '210987654321' }),
    JSON.stringify({ ...good, kind: 'custom-model' }),
    JSON.stringify({ ...good, kind: 's3-prefix', identity: { bucket: 'b', prefix: 'no-slash' } }),
    '',
  ].join('\n');
  const { entries, problems } = parseLedger(text);
  assert.equal(entries.length, 1);
  assert.deepEqual(problems.map((p) => p.split(':')[0]), ['line 2', 'line 3', 'line 4', 'line 5']);
  assert.match(problems[1] ?? '', /another account or region/);
  assert.deepEqual(entriesFor([good], '210987654321', 'us-east-1'), []);
  assert.deepEqual(entriesFor([good], '123456789012', 'us-west-2'), []);
});

test('ledger file: appended line by line and read back; a link out of the workspace is refused, nothing written there', () => {
  const ws = mkdtempSync(join(tmpdir(), 'bmc-ledger-'));
  const outside = mkdtempSync(join(tmpdir(), 'bmc-outside-'));
  try {
    const file = join(ws, LEDGER_PATH);
    const e = ledgerEntry('customization-job', { arn: JOB }, 'x');
    appendLedger(file, [e], ws);
    appendLedger(file, [e], ws);
    assert.equal(readLedger(file).entries.length, 2);
    const hostile = mkdtempSync(join(tmpdir(), 'bmc-hostile-ws-'));
    writeFileSync(join(outside, 'ledger.jsonl'), 'the user\'s own file\n');
    symlinkSync(outside, join(hostile, '.bedrock-mm'));
    assert.throws(() => appendLedger(join(hostile, LEDGER_PATH), [e], hostile), /resolves outside/);
    assert.equal(readFileSync(join(outside, 'ledger.jsonl'), 'utf8'), 'the user\'s own file\n');
    mkdirSync(join(ws, 'sub'));
    assert.deepEqual(readLedger(join(ws, 'sub', 'none.jsonl')), { entries: [], problems: [] });
    rmSync(hostile, { recursive: true, force: true });
  } finally {
    rmSync(ws, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});

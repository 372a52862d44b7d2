import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runPreflight, type PreflightInput } from '../../../src/core/lifecycle/preflight';
import { offersTmmeCustomization, TMME_CUSTOMIZATION_REGIONS } from '../../../src/core/awsRules/regions';

const region = (name: string): PreflightInput['region'] => ({ name, offered: offersTmmeCustomization(name), offeredIn: TMME_CUSTOMIZATION_REGIONS });

const good: PreflightInput = {
  region: region('us-east-1'),
  training: { uri: 's3://b/train.jsonl', records: 1200, errors: 0, warnings: 0 },
  validation: { uri: 's3://b/val.jsonl', records: 300, errors: 0, warnings: 0 },
  output: { uri: 's3://b/out/', writable: true },
};

test('a clean input launches without questions', () => {
  assert.deepEqual(runPreflight(good), { findings: [], canLaunch: true, needsConfirmation: false });
});

test('manifest errors block; warnings only ask for "launch anyway"', () => {
  const withErrors = runPreflight({ ...good, training: { ...good.training, errors: 3, samples: ['line 4: caption missing'] } });
  assert.equal(withErrors.canLaunch, false);
  assert.match(withErrors.findings[0]?.message ?? '', /3 error\(s\).*line 4: caption missing/);
  const withWarnings = runPreflight({ ...good, validation: { ...good.validation!, warnings: 2 } });
  assert.equal(withWarnings.canLaunch, true);
  assert.equal(withWarnings.needsConfirmation, true);
});

test('record counts outside Bedrock ranges block, at the exact bounds', () => {
  assert.equal(runPreflight({ ...good, training: { ...good.training, records: 1000 } }).canLaunch, true);
  assert.equal(runPreflight({ ...good, training: { ...good.training, records: 999 } }).canLaunch, false);
  assert.equal(runPreflight({ ...good, training: { ...good.training, records: 500_001 } }).canLaunch, false);
  assert.equal(runPreflight({ ...good, validation: { ...good.validation!, records: 8 } }).canLaunch, true);
  const few = runPreflight({ ...good, validation: { ...good.validation!, records: 7 } });
  assert.match(few.findings[0]?.message ?? '', /7 record\(s\); a validation set needs 8 to 50,000/);
});

test('region, unreadable manifests, missing validation set and unwritable output', () => {
  const wrongRegion = runPreflight({ ...good, region: region('eu-west-1') });
  assert.equal(wrongRegion.canLaunch, false);
  assert.match(wrongRegion.findings[0]?.message ?? '', /us-east-1 and us-west-2/);
  assert.equal(runPreflight({ ...good, region: region('us-west-2') }).canLaunch, true);
  assert.equal(runPreflight({ ...good, training: { uri: 's3://b/t', errors: 0, warnings: 0, readError: 'NoSuchKey' } }).canLaunch, false);
  const { validation: _v, ...noValidation } = good;
  const r = runPreflight(noValidation);
  assert.deepEqual([r.canLaunch, r.needsConfirmation], [true, true]);
  const out = runPreflight({ ...good, output: { uri: 's3://b/out/', writable: false, reason: 'AccessDenied' } });
  assert.equal(out.canLaunch, false);
  assert.match(out.findings[0]?.message ?? '', /Not writable: AccessDenied/);
});

test('missing sampled images block and name the first one', () => {
  const r = runPreflight({ ...good, training: { ...good.training, images: { checked: 20, missing: ['s3://b/img/A1.png', 's3://b/img/A2.png'] } } });
  assert.equal(r.canLaunch, false);
  assert.match(r.findings[0]?.message ?? '', /2 of 20 sampled images .*first: s3:\/\/b\/img\/A1\.png/);
  assert.equal(runPreflight({ ...good, training: { ...good.training, images: { checked: 20, missing: [] } } }).canLaunch, true);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runSteps, type Step } from '../../../src/core/lifecycle/steps';
import { ScriptedDriver } from '../../../src/vscode/jobs/scriptedDriver';
import { launchSteps, wizardResult, type WizardState } from '../../../src/vscode/jobs/launchWizard';
import { validateJobName } from '../../../src/core/lifecycle/validators';

interface S { a?: string; b?: string; c?: string }
const steps: Step<S>[] = [
  { kind: 'text', id: 'a', title: 't', prompt: 'a', apply: (s, v) => { s.a = v; } },
  { kind: 'text', id: 'b', title: 't', prompt: 'b', skip: (s) => s.a === 'skip-b', apply: (s, v) => { s.b = v; } },
  { kind: 'text', id: 'c', title: 't', prompt: 'c', validate: validateJobName, apply: (s, v) => { s.c = v; } },
];

test('Back returns to the previous asked step and its answer can change', async () => {
  const state: S = {};
  const driver = new ScriptedDriver(['first', 'b1', '<back>', 'b2', 'job-1']);
  assert.equal(await runSteps(steps, state, driver), true);
  assert.deepEqual(state, { a: 'first', b: 'b2', c: 'job-1' });
  assert.deepEqual(driver.asked, ['a', 'b', 'c', 'b', 'c']);
});

test('skipped steps are not asked, and Back skips over them too', async () => {
  const state: S = {};
  const driver = new ScriptedDriver(['skip-b', '<back>', 'skip-b', 'job-2']);
  assert.equal(await runSteps(steps, state, driver), true);
  assert.deepEqual(driver.asked, ['a', 'c', 'a', 'c']);
  assert.equal(state.b, undefined);
});

test('an answer failing validation cancels with the validator message; cancel returns false', async () => {
  const driver = new ScriptedDriver(['x', 'y', '-bad name']);
  assert.equal(await runSteps(steps, {}, driver), false);
  assert.match(driver.rejected[0] ?? '', /^c: Use letters/);
  assert.equal(await runSteps(steps, {}, new ScriptedDriver(['x', '<cancel>'])), false);
});

test('the launch wizard turns answers into a spec, with workspace manifests uploaded first', async () => {
  const env = {
    workspaceManifests: () => Promise.resolve([{ uri: 'file:///w/train.jsonl', name: 'train.jsonl' }]),
    lastRoleArn: () => 'arn:aws:iam::123456789012:role/R',
  };
  const state: WizardState = { tags: {} };
  const driver = new ScriptedDriver([
    's3://out-bucket/out/', 'file:///w/train.jsonl', '<default>', 's3://data-bucket/val.jsonl', '<default>',
    'asl-1', '<default>', 'auto', '<default>', '1e-5', 'team=ml', 'launch',
  ]);
  assert.equal(await runSteps(launchSteps(env), state, driver), true, driver.rejected.join('; '));
  const result = wizardResult(state);
  assert.deepEqual(result.uploads, [{ localUri: 'file:///w/train.jsonl', s3Uri: 's3://out-bucket/out/manifests/train.jsonl' }]);
  assert.equal(result.spec.trainingData, 's3://out-bucket/out/manifests/train.jsonl');
  assert.equal(result.spec.validationData, 's3://data-bucket/val.jsonl');
  assert.equal(result.spec.roleArn, 'arn:aws:iam::123456789012:role/R');
  assert.equal(result.spec.customModelName, 'asl-1-model');
  assert.deepEqual(result.spec.hyperParameters, { epochCount: 'auto', batchSize: '576', learningRate: '1e-5' });
  assert.deepEqual(result.spec.tags, { team: 'ml' });
});

test('started from a manifest, the wizard does not ask for it again', async () => {
  const env = { workspaceManifests: () => Promise.resolve([]), lastRoleArn: () => undefined };
  const state: WizardState = { tags: {}, preset: 'training', training: 'file:///w/train.jsonl' };
  const driver = new ScriptedDriver([
    's3://out-bucket/out/', '<default>', '<none>', 'arn:aws:iam::123456789012:role/R', 'j1', '<default>', '2', '<default>', '<default>', '', 'launch',
  ]);
  assert.equal(await runSteps(launchSteps(env), state, driver), true, driver.rejected.join('; '));
  assert.ok(!driver.asked.includes('training'));
  assert.deepEqual(wizardResult(state).uploads, [{ localUri: 'file:///w/train.jsonl', s3Uri: 's3://out-bucket/out/manifests/train.jsonl' }]);
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { runSteps, type Step } from '../../../src/core/lifecycle/steps';
import { ScriptedDriver } from '../../support/scriptedDriver';
import { launchSteps, wizardResult, type WizardState } from '../../../src/vscode/jobs/launchWizard';
import { validateJobName } from '../../../src/core/lifecycle/validators';
import { rolePrompt, roleOffer, roleSteps, TYPE_ROLE_ARN, type RoleOffer, type RoleState } from '../../../src/vscode/jobs/roleStep';

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
    // Listing failed: the typed step is asked, with its default from the last launch.
    serviceRoles: () => Promise.resolve({ error: 'iam:ListRoles denied' }),
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
  const env = {
    workspaceManifests: () => Promise.resolve([]), lastRoleArn: () => undefined,
    serviceRoles: () => Promise.resolve({ roles: [{ roleName: 'R', arn: 'arn:aws:iam::123456789012:role/R' }] }),
  };
  const state: WizardState = { tags: {}, preset: 'training', training: 'file:///w/train.jsonl' };
  const driver = new ScriptedDriver([
    's3://out-bucket/out/', '<default>', '<none>', 'arn:aws:iam::123456789012:role/R', 'j1', '<default>', '2', '<default>', '<default>', '', 'launch',
  ]);
  assert.equal(await runSteps(launchSteps(env), state, driver), true, driver.rejected.join('; '));
  assert.ok(!driver.asked.includes('training'));
  assert.deepEqual(wizardResult(state).uploads, [{ localUri: 'file:///w/train.jsonl', s3Uri: 's3://out-bucket/out/manifests/train.jsonl' }]);
});

const ROLE_A = 'arn:aws:iam::123456789012:role/BedrockA';
const listed: RoleOffer = { roles: [{ roleName: 'BedrockA', arn: ROLE_A }] };
const stepsFor = (offer: RoleOffer, calls: { n: number } = { n: 0 }) =>
  roleSteps<RoleState>('t', () => { calls.n += 1; return Promise.resolve(offer); }, () => undefined);

test('role step: a listed role is picked; listing happens once even after Back', async () => {
  const calls = { n: 0 };
  const steps = [{ kind: 'text', id: 'x', title: 't', prompt: 'x', apply: () => undefined } as Step<RoleState>, ...stepsFor(listed, calls)];
  const state: RoleState = {};
  const driver = new ScriptedDriver(['x', '<back>', 'x', ROLE_A]);
  assert.equal(await runSteps(steps, state, driver), true, driver.rejected.join('; '));
  assert.equal(state.roleArn, ROLE_A);
  assert.deepEqual(driver.asked, ['x', 'roleArn', 'x', 'roleArn']);
  assert.equal(calls.n, 1);
});

test('role step: "Enter a role ARN..." falls back to the typed input with its validator', async () => {
  const state: RoleState = {};
  const typed = 'arn:aws:iam::123456789012:role/service-role/Other';
  assert.equal(await runSteps(stepsFor(listed), state, new ScriptedDriver([TYPE_ROLE_ARN, typed])), true);
  assert.equal(state.roleArn, typed);
  const bad = new ScriptedDriver([TYPE_ROLE_ARN, 'not-an-arn']);
  assert.equal(await runSteps(stepsFor(listed), {}, bad), false);
  assert.match(bad.rejected[0] ?? '', /^roleArn: /);
});

test('role step: when listing fails the pick is skipped and the prompt says why', async () => {
  const state: RoleState = {};
  const driver = new ScriptedDriver([ROLE_A]);
  const offer = await roleOffer(() => Promise.reject(Object.assign(new Error('User: x is not authorized to perform: iam:ListRoles'), { kind: 'accessDenied' })));
  assert.equal(await runSteps(stepsFor(offer), state, driver), true);
  assert.equal(state.roleArn, ROLE_A);
  assert.equal(rolePrompt(state), 'Could not list roles (iam:ListRoles denied): type the role ARN');
  const offline = await roleOffer(() => Promise.reject(new Error('connect ECONNREFUSED')));
  assert.deepEqual(offline, { error: 'connect ECONNREFUSED' });
});

test('roleOffer keeps only the roles Bedrock can assume', async () => {
  const trust = (service: string) => ({ Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] });
  const offer = await roleOffer(() => Promise.resolve([
    { roleName: 'Ec2', arn: 'arn:aws:iam::123456789012:role/Ec2', assumeRolePolicyDocument: trust('ec2.amazonaws.com') },
    { roleName: 'BedrockA', arn: ROLE_A, assumeRolePolicyDocument: trust('bedrock.amazonaws.com') },
  ]));
  assert.deepEqual(offer, listed);
});

test('scripted checklist: the ticked defaults, an added value (validated by the checklist) or named keys', async () => {
  const list = {
    title: 'Clean Up (us-east-1): tick what to delete', placeholder: 'p',
    groups: [{ title: 'Jobs', entries: [{ key: 'j1', label: 'j1', picked: true }, { key: 'j2', label: 'j2', picked: false }] }],
    add: { tooltip: 'Add', title: 'Add', placeholder: 's3://', validate: (v: string) => (v.startsWith('s3://') ? undefined : 'not s3') },
  };
  const driver = new ScriptedDriver(['<ticked>', '+s3://b/p/', '+nope', 'j1,j2', '<cancel>']);
  assert.deepEqual(await driver.pickMany(list), ['j1']);
  assert.deepEqual(await driver.pickMany(list), { added: 's3://b/p/' });
  assert.equal(await driver.pickMany(list), undefined);
  assert.deepEqual(await driver.pickMany(list), ['j1', 'j2']);
  assert.equal(await driver.pickMany(list), undefined);
  assert.deepEqual(driver.rejected, ['checklist: not s3']);
  assert.equal(driver.asked[0], 'checklist: Clean Up (us-east-1): tick what to delete');
  assert.ok(driver.exhausted);
});

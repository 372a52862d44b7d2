// The poll loop in-process over a scripted target: transient AWS failures are outlasted (one note, not one per poll),
// expired credentials end the wait with exit 3 and "sign in again", a failed job with exit 1, --timeout with exit 4.
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { waitUntilDone, type WaitTarget } from '../../../src/cli/waiter';
import { AwsUserError, type AwsErrorKind } from '../../../src/core/awsRules/userError';
import { jobOutcome, type WaitSnapshot } from '../../../src/core/lifecycle/waitProgress';

const awsError = (kind: AwsErrorKind, message: string): AwsUserError => new AwsUserError(kind, message, { retryable: kind === 'throttled', iamAction: 'bedrock:GetModelCustomizationJob' });

function scripted(steps: (WaitSnapshot | Error)[]): WaitTarget & { reads: number } {
  const t = {
    reads: 0,
    subject: 'job j',
    read: async (): Promise<WaitSnapshot> => {
      const s = steps[Math.min(t.reads++, steps.length - 1)];
      if (s instanceof Error) throw s;
      return s ?? { status: 'InProgress' };
    },
    outcome: jobOutcome,
    resume: 'bedrock-mm wait j',
  };
  return t;
}

function io(): { stdout: { write(s: string): void }; stderr: { write(s: string): void }; err: () => string } {
  let err = '';
  return { stdout: { write: () => undefined }, stderr: { write: (s: string) => { err += s; } }, err: () => err };
}

describe('waitUntilDone', () => {
  it('throttling and dropped connections: noted once, the wait goes on to the end', async () => {
    const out = io();
    const target = scripted([{ status: 'InProgress' }, awsError('throttled', 'Rate exceeded'), awsError('network', 'socket hang up'), { status: 'Completed' }]);
    assert.equal(await waitUntilDone(target, { command: 'wait', pollMs: 1, io: out }), 0);
    assert.equal(target.reads, 4);
    assert.equal(out.err().match(/still waiting; retrying/g)?.length, 1, out.err());
    assert.match(out.err(), /job j: Completed/);
  });

  it('expired credentials: exit 3, sign in again', async () => {
    const out = io();
    const code = await waitUntilDone(scripted([{ status: 'InProgress' }, awsError('credentialsExpired', 'The AWS credentials have expired.')]), { command: 'wait', pollMs: 1, io: out });
    assert.equal(code, 3);
    assert.match(out.err(), /bedrock-mm wait: The AWS credentials have expired\. Sign in again and re-run the command\./);
  });

  it('a failed job: exit 1 with its message; a timeout: exit 4 with how to resume', async () => {
    const failed = io();
    assert.equal(await waitUntilDone(scripted([{ status: 'Failed', failureMessage: 'bad data' }]), { command: 'wait', pollMs: 1, io: failed }), 1);
    assert.match(failed.err(), /job j ended Failed: bad data/);
    const slow = io();
    assert.equal(await waitUntilDone(scripted([{ status: 'InProgress' }]), { command: 'wait', pollMs: 5, timeoutMs: 20, io: slow }), 4);
    assert.match(slow.err(), /Resume with: bedrock-mm wait j/);
  });
});

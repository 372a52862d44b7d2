// The batch route's questions in the editor: the service role (the launch wizard's picker: roles Bedrock can
// assume) and the working prefix, asked only for what the spec lacks; and the one confirmation before any job.
import { parseS3Uri } from '../../core/awsRules/s3Uri';
import { runSteps, type InputDriver, type Step } from '../../core/lifecycle/steps';
import type { RoleWithTrust } from '../../core/lifecycle/roles';
import { roleOffer, roleSteps, type RoleState } from '../jobs/roleStep';

export const SUBMIT_BATCH = 'Submit Batch Jobs';

interface BatchState extends RoleState { s3Uri?: string }

const TITLE = 'Batch inference for the comparison';
const ROLE_NEEDS = 'the role needs s3:GetObject and s3:ListBucket on the prefix, s3:PutObject on its output; you need iam:PassRole';

export async function askBatch(
  driver: InputDriver, known: { roleArn?: string; s3Uri?: string }, listRoles: () => Promise<RoleWithTrust[]>,
): Promise<{ roleArn?: string; s3Uri?: string } | undefined> {
  const state: BatchState = { ...known };
  const steps: Step<BatchState>[] = [
    ...roleSteps<BatchState>(`${TITLE} (${ROLE_NEEDS})`, () => roleOffer(listRoles), () => known.roleArn).map((s) => ({ ...s, skip: (st: BatchState) => known.roleArn !== undefined || (s.skip?.(st) ?? false) })),
    {
      kind: 'text', id: 's3Uri', title: TITLE, prompt: 'S3 prefix for the batch input and output files (each run writes under <prefix><run id>/)',
      placeholder: 's3://bucket/prefix/', skip: () => known.s3Uri !== undefined, initial: (s) => s.s3Uri ?? '',
      validate: (v) => (parseS3Uri(v) ? undefined : 'an S3 URI: s3://bucket/prefix/'), apply: (s, v) => { s.s3Uri = v; },
    },
  ];
  if (!(await runSteps(steps, state, driver))) return undefined;
  return { ...(state.roleArn ? { roleArn: state.roleArn } : {}), ...(state.s3Uri ? { s3Uri: state.s3Uri } : {}) };
}

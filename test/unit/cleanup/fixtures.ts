// A small realistic plan used by the clean-up unit tests.
import { buildPlan, type Candidate } from '../../../src/core/cleanup/planner';

export const NOW = new Date('2026-11-27T12:00:00Z');
const R = 'us-east-1';
const tag = { source: 'tag' as const, detail: 'tag created-by=bedrock-mm-customizer' };
export const MODEL_ARN = 'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-embed-image-v1:0/d37vhccs06ex';
export const PT_ARN = 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/uwknjwcllc0q';

export const CANDIDATES: Candidate[] = [
  { kind: 'iam-role', label: 'BedrockRole', identity: { name: 'BedrockRole', arn: 'arn:aws:iam::123456789012:role/BedrockRole' }, region: R, reason: { source: 'related', detail: 'service role of job a' }, cost: { kind: 'none' }, ticked: false },
  { kind: 'aoss-security-policy', label: 'cmp (encryption policy)', identity: { name: 'cmp', policyType: 'encryption' }, region: R, reason: tag, cost: { kind: 'none' }, collection: 'cmp', ticked: true },
  { kind: 'aoss-access-policy', label: 'cmp (data policy)', identity: { name: 'cmp', policyType: 'data' }, region: R, reason: tag, cost: { kind: 'none' }, collection: 'cmp', ticked: true },
  { kind: 'custom-model', label: 'my-model', identity: { arn: MODEL_ARN, name: 'my-model' }, region: R, reason: tag, cost: { kind: 'model-storage' }, ticked: true },
  { kind: 'aoss-collection', label: 'cmp', identity: { name: 'cmp', id: 'abc123' }, region: R, reason: { source: 'ledger', detail: 'created by this work (asl.compare.json)' }, cost: { kind: 'collection-ocu' }, ticked: true },
  { kind: 'provisioned-throughput', label: 'my-pt', identity: { arn: PT_ARN, name: 'my-pt' }, region: R, reason: tag, cost: { kind: 'throughput', modelUnits: 1 }, servesModel: MODEL_ARN, ticked: true },
  { kind: 'opensearch-index', label: 'idx-ft', identity: { name: 'idx-ft', endpoint: 'https://abc123.us-east-1.aoss.amazonaws.com', service: 'aoss' }, region: R, reason: { source: 'ledger', detail: 'created by this work (asl.compare.json)' }, cost: { kind: 'none' }, collection: 'cmp', ticked: true },
  { kind: 's3-prefix', label: 's3://b/out/', identity: { bucket: 'b', prefix: 'out/' }, region: R, reason: { source: 'ledger', detail: 'output of job a' }, cost: { kind: 's3-storage', objectCount: 1500 }, ticked: true },
  { kind: 'customization-job', label: 'job-running', identity: { arn: 'arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.titan-embed-image-v1:0/138lt3t14bay', name: 'job-running' }, region: R, reason: tag, cost: { kind: 'job-training' }, ticked: true },
];

export function samplePlan() {
  return buildPlan(CANDIDATES, { account: '123456789012', region: R }, NOW).plan;
}

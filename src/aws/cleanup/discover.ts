// Discovery: what a clean-up plan may contain, found three ways and nothing else:
//  - by the extension's tag `created-by=bedrock-mm-customizer` (Bedrock ListTagsForResource, AOSS ListTagsForResource),
//  - by name, from the workspace's job-spec files and the `createdResources` blocks of comparison runs,
//  - by hand (S3 prefixes the user adds).
// Throughputs serving a planned model join as dependencies. Only resources that exist now are returned.
import { CREATED_BY_TAG } from '../../core/lifecycle/tags';
import type { Candidate } from '../../core/cleanup/planner';
import { parseS3Prefix, roleNameFromArn, type Reason } from '../../core/cleanup/plan';
import type { CreatedResources, SpecRecord } from '../../core/cleanup/records';
import type { AwsSession } from '../session';
import { explainAwsError, orAbsent } from './errors';

export interface DiscoveryInput {
  specs: SpecRecord[];
  created: { file: string; resources: CreatedResources }[];
  /** `s3://bucket/prefix` URIs the user added. */
  manualPrefixes?: string[];
  /** Look for tagged resources too (default true). */
  byTag?: boolean;
  /** Stop counting objects of a prefix after this many (the count is then "N or more"). */
  s3CountCap?: number;
}

export interface Discovery { candidates: Candidate[]; notes: string[] }

const TAG_REASON: Reason = { source: 'tag', detail: `tag ${CREATED_BY_TAG.key}=${CREATED_BY_TAG.value}` };
const hasOurTag = (tags: readonly { key?: string | undefined; value?: string | undefined }[]): boolean =>
  tags.some((t) => t.key === CREATED_BY_TAG.key && t.value === CREATED_BY_TAG.value);

export async function discover(session: AwsSession, input: DiscoveryInput): Promise<Discovery> {
  const region = session.region;
  const candidates: Candidate[] = [];
  const notes: string[] = [];
  const guard = async (what: string, work: () => Promise<void>): Promise<void> => {
    try { await work(); } catch (err) {
      notes.push(`Could not ${what}: ${explainAwsError(err, { key: what, kind: 'custom-model', label: what, identity: {}, region, reasons: [], cost: { kind: 'none' }, after: [], selected: false })}`);
    }
  };
  const { bedrock, aoss } = session;

  const addModel = async (idOrName: string, reason: Reason): Promise<void> => {
    const m = await orAbsent(() => bedrock.getCustomModel(idOrName));
    if (m?.modelArn) candidates.push({ kind: 'custom-model', label: m.modelName ?? idOrName, identity: { arn: m.modelArn, name: m.modelName }, region, reason, cost: { kind: 'model-storage' } });
  };
  const addPrefix = async (bucket: string, prefix: string, reason: Reason): Promise<void> => {
    const cap = input.s3CountCap ?? 10_000;
    let count = 0;
    let bytes = 0;
    for await (const o of session.s3.listObjects({ bucket, prefix })) {
      if (!o.key.startsWith(prefix)) continue;
      count += 1;
      bytes += o.size;
      if (count >= cap) break;
    }
    if (count === 0) return;
    candidates.push({ kind: 's3-prefix', label: `s3://${bucket}/${prefix}`, identity: { bucket, prefix }, region, reason, cost: { kind: 's3-storage', objectCount: count, bytes, truncated: count >= cap } });
  };
  const addCollection = async (name: string, reason: Reason, policies?: { name: string; type: 'encryption' | 'network' | 'data' }[]): Promise<void> => {
    const { collections } = await aoss.batchGetCollections({ names: [name] });
    const c = collections.find((x) => x.name === name);
    if (c && c.status !== 'DELETING') {
      candidates.push({ kind: 'aoss-collection', label: name, identity: { name, id: c.id, arn: c.arn }, region, reason, cost: { kind: 'collection-ocu' } });
    }
    // Policies named for the collection (the extension names all three after it); only those that exist.
    const wanted = policies ?? [{ name, type: 'encryption' }, { name, type: 'network' }, { name, type: 'data' }];
    for (const p of wanted) {
      const found = p.type === 'data'
        ? await orAbsent(() => aoss.getAccessPolicy(p.name))
        : await orAbsent(() => aoss.getSecurityPolicy(p.type === 'network' ? 'network' : 'encryption', p.name));
      if (!found) continue;
      candidates.push({
        kind: p.type === 'data' ? 'aoss-access-policy' : 'aoss-security-policy', label: `${p.name} (${p.type} policy)`,
        identity: { name: p.name, policyType: p.type }, region, reason, cost: { kind: 'none', note: 'No charge; it goes with its collection.' }, collection: name,
      });
    }
  };

  if (input.byTag !== false) {
    await guard('list customization jobs', async () => {
      for await (const j of bedrock.listJobs({ statusEquals: 'InProgress' })) {
        if (j.jobArn && hasOurTag(await bedrock.listTagsForResource(j.jobArn))) {
          candidates.push({ kind: 'customization-job', label: j.jobName ?? j.jobArn, identity: { arn: j.jobArn, name: j.jobName }, region, reason: TAG_REASON, cost: { kind: 'job-training' } });
        }
      }
    });
    await guard('list custom models', async () => {
      for await (const m of bedrock.listCustomModels()) {
        if (m.modelArn && hasOurTag(await bedrock.listTagsForResource(m.modelArn))) {
          candidates.push({ kind: 'custom-model', label: m.modelName ?? m.modelArn, identity: { arn: m.modelArn, name: m.modelName }, region, reason: TAG_REASON, cost: { kind: 'model-storage' } });
        }
      }
    });
    await guard('list OpenSearch Serverless collections', async () => {
      for await (const c of aoss.listCollections()) {
        if (c.arn && c.name && c.status !== 'DELETING' && hasOurTag(await aoss.listTagsForResource(c.arn))) await addCollection(c.name, TAG_REASON);
      }
    });
  }

  for (const s of input.specs) {
    const reason: Reason = { source: 'job-spec', detail: `recorded in ${s.file}` };
    await guard(`read job ${s.jobName}`, async () => {
      const job = await orAbsent(() => bedrock.getJob(s.jobName));
      if (job?.status === 'InProgress' && job.jobArn) {
        candidates.push({ kind: 'customization-job', label: s.jobName, identity: { arn: job.jobArn, name: s.jobName }, region, reason, cost: { kind: 'job-training' } });
      }
      if (job?.outputModelArn) await addModel(job.outputModelArn, reason);
      await addModel(s.customModelName, reason);
    });
    if (s.outputPrefix) {
      const { bucket, prefix } = s.outputPrefix;
      await guard(`list s3://${bucket}/${prefix}`, () => addPrefix(bucket, prefix, { source: 'job-spec', detail: `job output of ${s.file}` }));
    }
    const roleName = roleNameFromArn(s.roleArn);
    if (roleName) candidates.push({ kind: 'iam-role', label: roleName, identity: { name: roleName, arn: s.roleArn }, region, reason: { source: 'job-spec', detail: `job role in ${s.file} (only if you tick it)` }, cost: { kind: 'none' } });
  }

  for (const { file, resources } of input.created) {
    const reason: Reason = { source: 'comparison-run', detail: `recorded by ${file}` };
    const os = resources.opensearch;
    for (const ix of os?.indexes ?? []) {
      await guard(`check index ${ix.name}`, async () => {
        if (await session.openSearch(ix.endpoint, ix.service ?? 'aoss').indexExists(ix.name)) {
          candidates.push({ kind: 'opensearch-index', label: ix.name, identity: { endpoint: ix.endpoint, name: ix.name, service: ix.service ?? 'aoss' }, region, reason, cost: { kind: 'none', note: 'Part of its collection\'s storage.' }, ...(os?.collection ? { collection: os.collection.name } : {}) });
        }
      });
    }
    if (os?.collection) {
      const name = os.collection.name;
      await guard(`read collection ${name}`, () => addCollection(name, reason, os.policies));
    }
    for (const uri of resources.s3Prefixes ?? []) {
      const p = parseS3Prefix(uri);
      if (p && p.prefix !== '') await guard(`list ${uri}`, () => addPrefix(p.bucket, p.prefix, reason));
    }
  }

  for (const uri of input.manualPrefixes ?? []) {
    const p = parseS3Prefix(uri);
    if (!p || p.prefix === '') { notes.push(`${uri} is not an s3://bucket/prefix URI with a non-empty prefix; left out.`); continue; }
    await guard(`list ${uri}`, () => addPrefix(p.bucket, p.prefix, { source: 'manual', detail: 'added by you' }));
  }

  // Throughputs serving any planned model must go first, whatever their tags say; tagged ones join on their own.
  const modelArns = new Set(candidates.filter((c) => c.kind === 'custom-model').map((c) => c.identity.arn));
  await guard('list provisioned throughputs', async () => {
    for await (const pt of bedrock.listProvisionedThroughputs()) {
      if (!pt.provisionedModelArn) continue;
      const serves = modelArns.has(pt.modelArn) || modelArns.has(pt.desiredModelArn);
      const tagged = input.byTag !== false && hasOurTag(await bedrock.listTagsForResource(pt.provisionedModelArn));
      if (!serves && !tagged) continue;
      candidates.push({
        kind: 'provisioned-throughput', label: pt.provisionedModelName ?? pt.provisionedModelArn,
        identity: { arn: pt.provisionedModelArn, name: pt.provisionedModelName }, region,
        reason: tagged ? TAG_REASON : { source: 'dependency', detail: 'serves a model in this plan' },
        cost: {
          kind: 'throughput', modelUnits: pt.modelUnits ?? 1,
          ...(pt.commitmentDuration ? { commitment: pt.commitmentDuration } : {}),
          ...(pt.commitmentExpirationTime ? { commitmentExpiresAt: pt.commitmentExpirationTime.toISOString() } : {}),
        },
        servesModel: pt.modelArn,
      });
    }
  });
  return { candidates, notes };
}

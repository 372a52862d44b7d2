// Gathers what the ownership rules (src/core/cleanup/ownership.ts) decide on: the caller's account, what carries
// our tag, the live state of everything the ledger names, and the object counts of the S3 folders in question.
// Reads only: nothing here changes anything. OpenSearch data endpoints are contacted only when they are the live
// endpoint of a collection this work owns (a file can never choose where a signed request goes).
import { CREATED_BY_TAG } from '../../core/lifecycle/tags';
import { asPrefix } from '../../core/awsRules/s3Uri';
import { jobOutputFolder } from '../../core/lifecycle/lossCurves';
import { ledgerOf, ownedEndpoints, type AccountFacts, type LedgerInput, type ManualPrefix } from '../../core/cleanup/ownership';
import type { AwsSession } from '../session';
import { explainAwsError, orAbsent } from './errors';

export interface FactsInput {
  ledger: readonly LedgerInput[];
  manual: readonly ManualPrefix[];
  /** Look for tagged resources too (default true). */
  byTag?: boolean;
  /** Stop counting objects of a prefix after this many (the count is then "N or more"). */
  s3CountCap?: number;
}

const hasOurTag = (tags: readonly { key?: string | undefined; value?: string | undefined }[]): boolean =>
  tags.some((t) => t.key === CREATED_BY_TAG.key && t.value === CREATED_BY_TAG.value);

export async function gatherFacts(session: AwsSession, input: FactsInput): Promise<{ facts: AccountFacts; notes: string[] }> {
  const { bedrock, aoss } = session;
  const { account } = await session.callerIdentity();
  const region = session.region;
  const facts: AccountFacts = { account, region, jobs: [], models: [], throughputs: [], collections: [], policies: [], indexes: [], prefixes: [] };
  const notes: string[] = [];
  const guard = async (what: string, work: () => Promise<void>): Promise<void> => {
    try { await work(); } catch (err) {
      notes.push(`Could not ${what}: ${explainAwsError(err, { key: what, kind: 'custom-model', label: what, identity: {}, region, reasons: [], cost: { kind: 'none' }, after: [], selected: false })}`);
    }
  };
  const mine = ledgerOf(input.ledger, account, region);
  const ledger = mine.map((l) => l.entry);
  const byTag = input.byTag !== false;

  const jobArns = new Set(ledger.filter((e) => e.kind === 'customization-job' && e.identity.arn).map((e) => e.identity.arn as string));
  const taggedJobs = new Set<string>();
  const modelArns = new Set<string>();
  const taggedModels = new Set<string>();
  if (byTag) {
    await guard('list customization jobs', async () => {
      for await (const j of bedrock.listJobs({ statusEquals: 'InProgress' })) {
        if (j.jobArn && hasOurTag(await bedrock.listTagsForResource(j.jobArn))) { taggedJobs.add(j.jobArn); jobArns.add(j.jobArn); }
      }
    });
    await guard('list custom models', async () => {
      for await (const m of bedrock.listCustomModels()) {
        if (m.modelArn && hasOurTag(await bedrock.listTagsForResource(m.modelArn))) { taggedModels.add(m.modelArn); modelArns.add(m.modelArn); }
      }
    });
  }
  // A tagged model's job (its output folder) and each owned job's model (is it really that job's?).
  const readModel = async (arn: string): Promise<void> => {
    if (facts.models.some((m) => m.arn === arn)) return;
    const m = await orAbsent(() => bedrock.getCustomModel(arn));
    if (m?.modelArn) {
      facts.models.push({ arn: m.modelArn, ...(m.modelName ? { name: m.modelName } : {}), ...(m.jobArn ? { jobArn: m.jobArn } : {}), tagged: taggedModels.has(m.modelArn) });
      if (m.jobArn && taggedModels.has(m.modelArn)) jobArns.add(m.jobArn);
    }
  };
  for (const arn of modelArns) await guard(`read model ${arn}`, () => readModel(arn));
  for (const arn of jobArns) {
    await guard(`read job ${arn}`, async () => {
      const j = await orAbsent(() => bedrock.getJob(arn));
      if (!j?.jobArn) return;
      facts.jobs.push({
        arn: j.jobArn, tagged: taggedJobs.has(j.jobArn),
        ...(j.jobName ? { name: j.jobName } : {}), ...(j.status ? { status: j.status } : {}), ...(j.roleArn ? { roleArn: j.roleArn } : {}),
        ...(j.outputDataConfig?.s3Uri ? { outputS3Uri: j.outputDataConfig.s3Uri } : {}), ...(j.outputModelArn ? { outputModelArn: j.outputModelArn } : {}),
      });
      if (j.outputModelArn) await readModel(j.outputModelArn);
    });
  }

  // Batch inference jobs: those the ledger names, and tagged ones still moving.
  const batchArns = new Set(ledger.filter((e) => e.kind === 'batch-job' && e.identity.arn).map((e) => e.identity.arn as string));
  const taggedBatch = new Set<string>();
  if (byTag) {
    await guard('list batch inference jobs', async () => {
      for (const status of ['Submitted', 'Validating', 'Scheduled', 'InProgress'] as const) {
        for await (const j of bedrock.listInvocationJobs({ statusEquals: status })) {
          if (j.jobArn && hasOurTag(await bedrock.listTagsForResource(j.jobArn))) { taggedBatch.add(j.jobArn); batchArns.add(j.jobArn); }
        }
      }
    });
  }
  facts.batchJobs = [];
  for (const arn of batchArns) {
    await guard(`read batch job ${arn}`, async () => {
      const j = await orAbsent(() => bedrock.getInvocationJob(arn));
      if (j?.jobArn) facts.batchJobs?.push({ arn: j.jobArn, tagged: taggedBatch.has(j.jobArn), ...(j.jobName ? { name: j.jobName } : {}), ...(j.status ? { status: j.status } : {}) });
    });
  }

  const ledgerThroughputs = new Set(ledger.filter((e) => e.kind === 'provisioned-throughput').map((e) => e.identity.arn));
  await guard('list provisioned throughputs', async () => {
    for await (const pt of bedrock.listProvisionedThroughputs()) {
      if (!pt.provisionedModelArn) continue;
      const serves = facts.models.some((m) => m.arn === pt.modelArn || m.arn === pt.desiredModelArn);
      const tagged = byTag && hasOurTag(await bedrock.listTagsForResource(pt.provisionedModelArn));
      if (!serves && !tagged && !ledgerThroughputs.has(pt.provisionedModelArn)) continue;
      facts.throughputs.push({
        arn: pt.provisionedModelArn, tagged,
        ...(pt.provisionedModelName ? { name: pt.provisionedModelName } : {}), ...(pt.modelArn ? { modelArn: pt.modelArn } : {}),
        ...(pt.desiredModelArn ? { desiredModelArn: pt.desiredModelArn } : {}), ...(pt.modelUnits ? { modelUnits: pt.modelUnits } : {}),
        ...(pt.commitmentDuration ? { commitment: pt.commitmentDuration } : {}),
        ...(pt.commitmentExpirationTime ? { commitmentExpiresAt: pt.commitmentExpirationTime.toISOString() } : {}),
      });
    }
  });

  const collectionNames = new Set(ledger.filter((e) => e.kind === 'aoss-collection' && e.identity.name).map((e) => e.identity.name as string));
  const taggedCollections = new Set<string>();
  if (byTag) {
    await guard('list OpenSearch Serverless collections', async () => {
      for await (const c of aoss.listCollections()) {
        if (c.arn && c.name && c.status !== 'DELETING' && hasOurTag(await aoss.listTagsForResource(c.arn))) { taggedCollections.add(c.name); collectionNames.add(c.name); }
      }
    });
  }
  if (collectionNames.size > 0) {
    await guard('read OpenSearch Serverless collections', async () => {
      const { collections } = await aoss.batchGetCollections({ names: [...collectionNames] });
      for (const c of collections) {
        if (!c.name) continue;
        facts.collections.push({ name: c.name, tagged: taggedCollections.has(c.name), ...(c.id ? { id: c.id } : {}), ...(c.arn ? { arn: c.arn } : {}), ...(c.status ? { status: c.status } : {}), ...(c.collectionEndpoint ? { endpoint: c.collectionEndpoint } : {}) });
      }
    });
  }
  for (const e of ledger) {
    const name = e.identity.name;
    const type = e.identity.policyType;
    if (!name || !type || (e.kind !== 'aoss-security-policy' && e.kind !== 'aoss-access-policy')) continue;
    await guard(`read policy ${name}`, async () => {
      const found = type === 'data' ? await orAbsent(() => aoss.getAccessPolicy(name)) : await orAbsent(() => aoss.getSecurityPolicy(type, name));
      if (found) facts.policies.push({ name, type });
    });
  }
  const endpoints = ownedEndpoints(facts, mine);
  for (const e of ledger) {
    const { endpoint, name } = e.identity;
    if (e.kind !== 'opensearch-index' || !endpoint || !name || !endpoints.has(endpoint)) continue;
    await guard(`check index ${name}`, async () => {
      if (await session.openSearch(endpoint, 'aoss').indexExists(name)) facts.indexes.push({ endpoint, name });
    });
  }

  // S3: each job's own output folder, the ledger's prefixes, the user's own.
  const folders = [
    ...facts.jobs.flatMap((j) => { const f = j.outputS3Uri ? jobOutputFolder(j.outputS3Uri, j.arn) : undefined; return f ? [{ bucket: f.bucket, prefix: f.key }] : []; }),
    ...ledger.filter((e) => e.kind === 's3-prefix').map((e) => ({ bucket: e.identity.bucket ?? '', prefix: asPrefix(e.identity.prefix ?? '') })),
    ...input.manual.map((m) => ({ bucket: m.bucket, prefix: asPrefix(m.prefix) })),
  ].filter((f) => f.bucket !== '' && f.prefix !== '');
  const seen = new Set<string>();
  for (const f of folders) {
    const key = `${f.bucket}/${f.prefix}`;
    if (seen.has(key)) continue;
    seen.add(key);
    await guard(`list s3://${key}`, async () => {
      const counted = await orAbsent(() => countPrefix(session, f.bucket, f.prefix, input.s3CountCap ?? 10_000)); // no bucket: nothing there
      if (counted) facts.prefixes.push(counted);
    });
  }
  return { facts, notes };
}

async function countPrefix(session: AwsSession, bucket: string, prefix: string, cap: number): Promise<AccountFacts['prefixes'][number]> {
  let count = 0;
  let bytes = 0;
  for await (const o of session.s3.listObjects({ bucket, prefix })) {
    if (!o.key.startsWith(prefix)) continue; // a misbehaving endpoint's extra keys never count
    count += 1;
    bytes += o.size;
    if (count >= cap) break;
  }
  return { bucket, prefix, count, bytes, truncated: count >= cap };
}

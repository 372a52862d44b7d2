// The batch route for one model: the records not yet cached go into batch inference jobs (split within the job
// limits), each job is found again by its fingerprint (the jobs file next to the spec, else its deterministic name)
// or submitted once (tagged, in the ledger at creation, clientRequestToken from the fingerprint), waited for through
// its statuses, and its output read into the same embedding cache the on-demand route fills.
import { AwsUserError } from '../../../core/awsRules/userError';
import { parseS3Uri, asPrefix } from '../../../core/awsRules/s3Uri';
import { resourceIdOf } from '../../../core/awsRules/arn';
import type { BatchLimits } from '../../../core/eval/batch/limits';
import type { OutputParser } from '../../../core/eval/batch/output';
import { batchRequestToken, jobFingerprint, jobNameFor, runIdOf, type BatchJobRecord } from '../../../core/eval/batch/jobsFile';
import { recordIdFor } from '../../../core/eval/batch/recordId';
import { hasResults, isDead, isRunning, statusWords } from '../../../core/eval/batch/status';
import type { EmbeddingCache } from '../../../core/eval/embeddingCache';
import type { Clock } from '../../../core/eval/pacer';
import { ledgerEntry, type LedgerSink } from '../../../core/cleanup/ledger';
import { resourceTags } from '../../../core/lifecycle/tags';
import type { BedrockControlPlane } from '../../bedrock';
import type { S3Storage } from '../../s3';
import type { JobsStore } from './jobsStore';
import { readBatchOutput, type RecordFailure } from './readOutput';
import { writeBatchInput } from './writeInput';

export interface BatchEmbedItem {
  key: string;
  kind: 'image' | 'text';
  /** The image's reference or the query's text, for the report's failed records. */
  label: string;
  /** The exact InvokeModel body (an image is read only when its record is written). */
  modelInput(): Promise<unknown>;
}

export interface BatchEmbedOptions {
  bedrock: BedrockControlPlane;
  s3: S3Storage;
  model: { name: string; modelId: string };
  length: number;
  cache: EmbeddingCache;
  /** The vector in one modelOutput (the family's response parser). */
  parse?: OutputParser;
  roleArn: string;
  /** The working prefix, `s3://bucket/prefix/`: each job writes under `<s3Uri><run id>/`. */
  s3Uri: string;
  limits: BatchLimits;
  concurrency: number;
  /** Time between GetModelInvocationJob calls while a job moves. */
  pollMs: number;
  clock: Clock;
  jobs: JobsStore;
  account(): Promise<string>;
  region: string;
  ledger?: LedgerSink | undefined;
  /** The spec (workspace-relative) for the ledger; the project tag. */
  source: string;
  project: string;
  timeoutHours?: number;
  signal?: AbortSignal | undefined;
  log?(message: string): void;
  onStatus?(job: { jobArn: string; status: string; processed?: number; total?: number }): void;
}

export interface BatchFailure extends RecordFailure {
  key: string;
  kind: 'image' | 'text';
  label: string;
  jobArn: string;
}

export interface BatchEmbedResult {
  jobArns: string[];
  /** Jobs this call submitted (0 when it re-attached or everything was cached). */
  submitted: number;
  embedded: number;
  failures: BatchFailure[];
}

export async function batchEmbed(items: readonly BatchEmbedItem[], o: BatchEmbedOptions): Promise<BatchEmbedResult> {
  const log = o.log ?? (() => undefined);
  const seen = new Set<string>();
  const todo = items.filter((it) => !o.cache.has(it.key) && !seen.has(it.key) && seen.add(it.key));
  const result: BatchEmbedResult = { jobArns: [], submitted: 0, embedded: 0, failures: [] };
  if (todo.length === 0) return result;
  const byId = new Map<string, BatchEmbedItem>();
  for (const it of todo) {
    const id = recordIdFor(o.model.modelId, o.length, it.key);
    if (byId.has(id)) throw new AwsUserError('internal', `two inputs of ${o.model.name} hash to the same batch record id ${id}; run this model on demand`, { retryable: false });
    byId.set(id, it);
  }
  const ids = [...byId.keys()].sort();
  for (let i = 0; i < ids.length; i += o.limits.recordsPerJob) {
    const group = ids.slice(i, i + o.limits.recordsPerJob);
    const job = await attachOrSubmit(group, byId, o, result);
    const status = await waitFor(job.jobArn, o);
    if (!hasResults(status.status)) {
      throw new AwsUserError('internal', `batch job ${job.jobArn} for ${o.model.name} ${statusWords(status.status)}${status.message ? `: ${status.message}` : ''}; run the comparison again to submit it again`, { retryable: false });
    }
    const inGroup = new Set(group);
    const out = parseS3Uri(job.outputUri);
    if (!out) throw new AwsUserError('validation', `not an S3 URI: ${job.outputUri}`, { retryable: false });
    const read = await readBatchOutput(o.s3, out.bucket, `${asPrefix(out.key)}${resourceIdOf(job.jobArn)}/`, (id) => (inGroup.has(id) ? byId.get(id)?.key : undefined), o.cache, o.parse);
    for (const b of read.bad) log(`${o.model.name}: ${job.jobArn}: ${b}`);
    result.embedded += read.vectors;
    for (const f of read.failures) {
      const it = byId.get(f.recordId) as BatchEmbedItem;
      result.failures.push({ ...f, key: it.key, kind: it.kind, label: it.label, jobArn: job.jobArn });
    }
    // A record with neither a vector nor an error line is lost output: listed, never silently scored.
    const errored = new Set(read.failures.map((f) => f.recordId));
    const missing = group.filter((id) => !o.cache.has((byId.get(id) as BatchEmbedItem).key) && !errored.has(id));
    for (const id of missing) {
      const it = byId.get(id) as BatchEmbedItem;
      result.failures.push({ recordId: id, code: 'missing', message: 'no output line for this record', key: it.key, kind: it.kind, label: it.label, jobArn: job.jobArn });
    }
    log(`${o.model.name}: ${job.jobArn} ${status.status}: ${read.vectors} vectors, ${read.failures.length + missing.length} failed${read.dropped > 0 ? `, ${read.dropped} padding records dropped` : ''}`);
  }
  return result;
}

async function attachOrSubmit(group: string[], byId: Map<string, BatchEmbedItem>, o: BatchEmbedOptions, result: BatchEmbedResult): Promise<BatchJobRecord> {
  const fingerprint = jobFingerprint(o.model.modelId, o.length, group);
  const recorded = (await o.jobs.read()).jobs.find((j) => j.fingerprint === fingerprint);
  const dead = recorded ? isDead((await o.bedrock.getInvocationJob(recorded.jobArn)).status ?? '') : false;
  if (recorded && !dead) {
    o.log?.(`${o.model.name}: re-attached to ${recorded.jobArn}`);
    result.jobArns.push(recorded.jobArn);
    return recorded;
  }
  // A new attempt after a dead job gets its own name and token; the first attempt's are the fingerprint's.
  const attempt = (recorded?.attempt ?? -1) + 1;
  const jobName = `${jobNameFor(o.model.name, fingerprint)}${attempt > 0 ? `-${attempt}` : ''}`.slice(0, 63);
  const base = `${asPrefix(o.s3Uri)}${runIdOf(fingerprint)}/`;
  const inputUri = `${base}input${attempt > 0 ? `-${attempt}` : ''}/`;
  const outputUri = `${base}output/`;
  // Submitted before the jobs file was written (a killed CLI): its name finds it.
  if (!recorded) {
    for await (const j of o.bedrock.listInvocationJobs({ nameContains: jobName })) {
      if (j.jobName === jobName && j.jobArn && !isDead(j.status ?? '')) {
        const rec = { fingerprint, model: o.model.name, modelId: o.model.modelId, jobArn: j.jobArn, inputUri, outputUri, records: group.length, submittedAt: new Date().toISOString(), attempt };
        await o.jobs.add(rec);
        result.jobArns.push(j.jobArn);
        return rec;
      }
    }
  }
  const input = parseS3Uri(inputUri);
  if (!input) throw new AwsUserError('validation', `batch.s3Uri is not an S3 URI: ${o.s3Uri}`, { retryable: false });
  const account = o.ledger ? await o.account() : undefined;
  // The run's folder is recorded before its first byte is written, so a clean-up finds what a crash leaves.
  if (o.ledger && account) await o.ledger.record([ledgerEntry('s3-prefix', { bucket: input.bucket, prefix: parseS3Uri(base)?.key ?? '' }, o.source, { account, region: o.region })]);
  const written = await writeBatchInput(group.map((id) => ({ recordId: id, modelInput: (byId.get(id) as BatchEmbedItem).modelInput })), {
    s3: o.s3, bucket: input.bucket, prefix: input.key, limits: o.limits, concurrency: o.concurrency, fingerprint, ...(o.signal ? { signal: o.signal } : {}),
  });
  o.log?.(`${o.model.name}: wrote ${written.records} records (${written.padding} padding) in ${written.files} file(s) to ${inputUri}`);
  const { jobArn } = await o.bedrock.createInvocationJob({
    jobName, roleArn: o.roleArn, modelId: o.model.modelId, clientRequestToken: batchRequestToken(`${fingerprint}:${attempt}`),
    inputDataConfig: { s3InputDataConfig: { s3Uri: inputUri, s3InputFormat: 'JSONL' } },
    outputDataConfig: { s3OutputDataConfig: { s3Uri: outputUri } },
    timeoutDurationInHours: o.timeoutHours ?? 24,
    tags: resourceTags(o.project),
  });
  await o.ledger?.record([ledgerEntry('batch-job', { arn: jobArn, name: jobName }, o.source, account ? { account, region: o.region } : {})]);
  const rec = { fingerprint, model: o.model.name, modelId: o.model.modelId, jobArn, inputUri, outputUri, records: group.length, submittedAt: new Date().toISOString(), attempt };
  await o.jobs.add(rec);
  result.submitted++;
  result.jobArns.push(jobArn);
  o.log?.(`${o.model.name}: submitted ${jobArn}`);
  return rec;
}

async function waitFor(jobArn: string, o: BatchEmbedOptions): Promise<{ status: string; message?: string }> {
  let last = '';
  for (;;) {
    const j = await o.bedrock.getInvocationJob(jobArn);
    const status = j.status ?? 'Submitted';
    o.onStatus?.({ jobArn, status, ...(j.processedRecordCount !== undefined ? { processed: j.processedRecordCount } : {}), ...(j.totalRecordCount !== undefined ? { total: j.totalRecordCount } : {}) });
    if (status !== last) o.log?.(`${o.model.name}: ${jobArn}: ${status} (${statusWords(status)})`);
    last = status;
    if (!isRunning(status)) return { status, ...(j.message ? { message: j.message } : {}) };
    await o.clock.sleep(o.pollMs, o.signal);
  }
}

// What the workspace recorded about resources it created: job-spec files (`*.bedrock-job.json`) name the job,
// the custom model, the output prefix and the role; comparison runs record the OpenSearch resources they made in
// a `createdResources` block. Pure: callers read the files and pass the text.
import { parseJobSpec } from '../lifecycle/jobSpec';
import { parseS3Prefix } from './plan';

/** The block a comparison run (or any tool of the extension) writes into its JSON output. */
export interface CreatedResources {
  region?: string;
  opensearch?: {
    collection?: { name: string; id?: string };
    /** Policies named for the collection; each `type` is encryption, network or data. */
    policies?: { name: string; type: 'encryption' | 'network' | 'data' }[];
    indexes?: { endpoint: string; name: string; service?: 'aoss' | 'es' }[];
  };
  s3Prefixes?: string[];
}

export interface SpecRecord {
  file: string;
  jobName: string;
  customModelName: string;
  roleArn: string;
  outputPrefix?: { bucket: string; prefix: string };
}

export function readSpecRecord(file: string, text: string): SpecRecord | undefined {
  const { spec } = parseJobSpec(text);
  if (!spec) return undefined;
  const out = parseS3Prefix(spec.outputData);
  return { file, jobName: spec.jobName, customModelName: spec.customModelName, roleArn: spec.roleArn, outputPrefix: out && out.prefix !== '' ? out : undefined };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
const str = (v: unknown): v is string => typeof v === 'string' && v !== '';

/** Cheap pre-filter for file scans: could this JSON text record resources? */
export function mayRecordResources(text: string): boolean {
  return text.includes('"createdResources"') || text.includes('"opensearch-serverless"');
}

/**
 * Reads what a JSON document records: its `createdResources` block, or, for a compare spec
 * (schemas/compare-spec.schema.json) whose vector store creates an OpenSearch Serverless collection, that collection
 * (its policies carry the collection's name, as the comparison creates them). Undefined when there is nothing.
 */
export function readCreatedResources(text: string): CreatedResources | undefined {
  let doc: unknown;
  try { doc = JSON.parse(text); } catch { return undefined; }
  if (!isRecord(doc)) return undefined;
  const vs = doc['vectorStore'];
  if (isRecord(vs) && vs['type'] === 'opensearch-serverless' && vs['create'] === true && str(vs['collection'])) {
    return { opensearch: { collection: { name: vs['collection'] } } };
  }
  const block = doc['createdResources'];
  if (!isRecord(block)) return undefined;
  const out: CreatedResources = {};
  if (str(block['region'])) out.region = block['region'];
  const os = block['opensearch'];
  if (isRecord(os)) {
    out.opensearch = {};
    const c = os['collection'];
    if (isRecord(c) && str(c['name'])) out.opensearch.collection = { name: c['name'], ...(str(c['id']) ? { id: c['id'] } : {}) };
    if (Array.isArray(os['policies'])) {
      out.opensearch.policies = os['policies'].filter((p): p is { name: string; type: 'encryption' | 'network' | 'data' } =>
        isRecord(p) && str(p['name']) && (p['type'] === 'encryption' || p['type'] === 'network' || p['type'] === 'data'));
    }
    if (Array.isArray(os['indexes'])) {
      out.opensearch.indexes = os['indexes'].filter((i): i is { endpoint: string; name: string; service?: 'aoss' | 'es' } =>
        isRecord(i) && str(i['endpoint']) && str(i['name']) && (i['service'] === undefined || i['service'] === 'aoss' || i['service'] === 'es'));
    }
  }
  if (Array.isArray(block['s3Prefixes'])) out.s3Prefixes = block['s3Prefixes'].filter(str);
  return out;
}

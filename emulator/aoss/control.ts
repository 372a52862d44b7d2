// The OpenSearch Serverless control plane (awsJson1_0): `POST /` with `x-amz-target: OpenSearchServerless.<Op>`,
// errors as `{__type, message}`, dates as epoch milliseconds (docs/reference/opensearch.md section 1).
import { json, type EmuRequest, type EmuResponse, type ServiceDefinition } from '../http';
import { paginate } from '../listing';
import type { AossState, Collection, Policy } from './state';
import { checkPolicyDocument, matchesCollection } from './policies';

class AossError extends Error {
  constructor(readonly code: string, readonly status: number, message: string) {
    super(message);
  }
}
const invalid = (m: string): AossError => new AossError('ValidationException', 400, m);
const missing = (m: string): AossError => new AossError('ResourceNotFoundException', 404, m);
const conflict = (m: string): AossError => new AossError('ConflictException', 409, m);

/** Versions look like AWS's: base64 of `<epoch ms>_<n>` (20 to 36 characters, the model's PolicyVersion). */
const policyVersion = (now: number): string => Buffer.from(`${now}_1`, 'utf8').toString('base64');

function aossError(code: string, status: number, message: string): EmuResponse {
  return json(status, { __type: code, message }, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-errortype': code });
}

type Body = Record<string, unknown>;
const str = (b: Body, k: string, required = true): string | undefined => {
  const v = b[k];
  if (v === undefined || v === null) {
    if (required) throw invalid(`1 validation error detected: Value null at '${k}' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }
  if (typeof v !== 'string') throw invalid(`${k} must be a string`);
  return v;
};

const POLICY_NAME = /^[a-z][a-z0-9-]{2,31}$/;
const COLLECTION_NAME = /^[a-z][a-z0-9-]{2,31}$/;

function policyName(b: Body): string {
  const name = str(b, 'name') as string;
  if (!POLICY_NAME.test(name)) throw invalid(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z][a-z0-9-]{2,31}$`);
  return name;
}

const policyDetail = (p: Policy): object => ({ ...p, policy: JSON.parse(p.policy) as unknown });

function createPolicy(state: AossState, b: Body, kind: 'security' | 'access'): object {
  const name = policyName(b);
  const type = str(b, 'type') as string;
  const allowed = kind === 'security' ? ['encryption', 'network'] : ['data'];
  if (!allowed.includes(type)) throw invalid(`1 validation error detected: Value '${type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [${allowed.join(', ')}]`);
  const policy = str(b, 'policy') as string;
  checkPolicyDocument(type, policy, invalid);
  const store = kind === 'security' ? state.securityPolicies : state.accessPolicies;
  const key = `${type}/${name}`;
  if (store.has(key)) throw conflict(`Policy with name ${name} and type ${type} already exists`);
  const now = state.clock.now();
  const p: Policy = { name, type, policy, description: str(b, 'description', false), policyVersion: policyVersion(now), createdDate: now, lastModifiedDate: now };
  store.set(key, p);
  return kind === 'security' ? { securityPolicyDetail: policyDetail(p) } : { accessPolicyDetail: policyDetail(p) };
}

function deletePolicy(state: AossState, b: Body, kind: 'security' | 'access'): object {
  const name = str(b, 'name') as string;
  const type = str(b, 'type') as string;
  const store = kind === 'security' ? state.securityPolicies : state.accessPolicies;
  if (!store.delete(`${type}/${name}`)) throw missing(`Policy with name ${name} and type ${type} is not found`);
  return {};
}

function getPolicy(state: AossState, b: Body, kind: 'security' | 'access'): object {
  const name = str(b, 'name') as string;
  const type = str(b, 'type') as string;
  const p = (kind === 'security' ? state.securityPolicies : state.accessPolicies).get(`${type}/${name}`);
  if (!p) throw missing(`Policy with name ${name} and type ${type} is not found`);
  return kind === 'security' ? { securityPolicyDetail: policyDetail(p) } : { accessPolicyDetail: policyDetail(p) };
}

function listPolicies(state: AossState, b: Body, kind: 'security' | 'access'): object {
  const type = str(b, 'type') as string;
  const items = [...(kind === 'security' ? state.securityPolicies : state.accessPolicies).values()]
    .filter((p) => p.type === type)
    .map((p) => ({ name: p.name, type: p.type, policyVersion: p.policyVersion, description: p.description, createdDate: p.createdDate, lastModifiedDate: p.lastModifiedDate }));
  const page = paginate(items, maxResults(b), str(b, 'nextToken', false), invalid);
  return { [kind === 'security' ? 'securityPolicySummaries' : 'accessPolicySummaries']: page.items, nextToken: page.nextToken };
}

function maxResults(b: Body): number {
  const v = b['maxResults'];
  if (v === undefined) return 20;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 100) throw invalid('maxResults must be an integer from 1 to 100');
  return v;
}

function createCollection(state: AossState, b: Body): object {
  const name = str(b, 'name') as string;
  if (!COLLECTION_NAME.test(name)) throw invalid(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z][a-z0-9-]+$ (3 to 32 characters)`);
  const type = str(b, 'type', false) ?? 'TIMESERIES';
  if (!['SEARCH', 'TIMESERIES', 'VECTORSEARCH'].includes(type)) throw invalid(`type must be SEARCH, TIMESERIES or VECTORSEARCH, not ${type}`);
  const standby = str(b, 'standbyReplicas', false) ?? 'ENABLED';
  if (!['ENABLED', 'DISABLED'].includes(standby)) throw invalid('standbyReplicas must be ENABLED or DISABLED');
  const tags = Array.isArray(b['tags']) ? (b['tags'] as Collection['tags']) : [];
  if ([...state.collections.values()].some((c) => c.name === name)) throw conflict(`Collection with name ${name} already exists`);
  const encryption = [...state.securityPolicies.values()].some((p) => p.type === 'encryption' && matchesCollection(p.policy, name));
  if (!encryption) {
    throw invalid(`No matching security policy of encryption type found for collection name: ${name}. Please create security policy of encryption type for this collection.`);
  }
  const c = state.addCollection(name, type, str(b, 'description', false), standby, tags);
  return { createCollectionDetail: { id: c.id, name: c.name, status: c.status, type: c.type, description: c.description, arn: c.arn, kmsKeyArn: c.kmsKeyArn, standbyReplicas: c.standbyReplicas, createdDate: c.createdDate, lastModifiedDate: c.lastModifiedDate } };
}

function batchGet(state: AossState, b: Body): object {
  const ids = b['ids'];
  const names = b['names'];
  if ((ids === undefined) === (names === undefined)) throw invalid('Give either ids or names, not both and not neither.');
  const wanted = (ids ?? names) as unknown;
  if (!Array.isArray(wanted) || wanted.length < 1 || wanted.length > 100 || wanted.some((x) => typeof x !== 'string')) {
    throw invalid(`${ids !== undefined ? 'ids' : 'names'} must be a list of 1 to 100 strings`);
  }
  const byId = ids !== undefined;
  const details: object[] = [];
  const errors: object[] = [];
  for (const w of wanted as string[]) {
    const c = byId ? state.collections.get(w) : [...state.collections.values()].find((x) => x.name === w);
    if (!c) {
      errors.push({ ...(byId ? { id: w } : { name: w }), errorCode: 'NOT_FOUND', errorMessage: `The collection ${w} was not found` });
      continue;
    }
    details.push({
      id: c.id, name: c.name, status: c.status, type: c.type, description: c.description, arn: c.arn, kmsKeyArn: c.kmsKeyArn,
      standbyReplicas: c.standbyReplicas, createdDate: c.createdDate, lastModifiedDate: c.lastModifiedDate,
      collectionEndpoint: state.collectionEndpoint(c.id), dashboardEndpoint: `${state.collectionEndpoint(c.id)}/_dashboards`,
    });
  }
  return { collectionDetails: details, collectionErrorDetails: errors };
}

function listCollections(state: AossState, b: Body): object {
  const filters = (b['collectionFilters'] ?? {}) as Body;
  const name = typeof filters['name'] === 'string' ? filters['name'] : undefined;
  const status = typeof filters['status'] === 'string' ? filters['status'] : undefined;
  const items = [...state.collections.values()]
    .filter((c) => (!name || c.name === name) && (!status || c.status === status))
    .sort((a, b2) => a.createdDate - b2.createdDate)
    .map((c) => ({ id: c.id, name: c.name, status: c.status, arn: c.arn, kmsKeyArn: c.kmsKeyArn }));
  const page = paginate(items, maxResults(b), str(b, 'nextToken', false), invalid);
  return { collectionSummaries: page.items, nextToken: page.nextToken };
}

function deleteCollection(state: AossState, b: Body): object {
  const id = str(b, 'id') as string;
  const c = state.collections.get(id);
  if (!c) throw missing(`Collection with id ${id} is not found`);
  if (c.status === 'CREATING') throw conflict(`Collection ${c.name} is still being created; delete it once it is ACTIVE.`);
  state.collections.delete(id);
  return { deleteCollectionDetail: { id: c.id, name: c.name, status: 'DELETING' } };
}

// The clean-up discovers collections by the extension's tag, as AWS's ListTagsForResource reports them.
function listTags(state: AossState, b: Body): object {
  const arn = str(b, 'resourceArn') as string;
  const c = [...state.collections.values()].find((x) => x.arn === arn);
  if (!c) throw missing(`Resource ${arn} is not found`);
  return { tags: c.tags };
}

const OPERATIONS: Record<string, (s: AossState, b: Body) => object> = {
  CreateSecurityPolicy: (s, b) => createPolicy(s, b, 'security'),
  GetSecurityPolicy: (s, b) => getPolicy(s, b, 'security'),
  ListSecurityPolicies: (s, b) => listPolicies(s, b, 'security'),
  DeleteSecurityPolicy: (s, b) => deletePolicy(s, b, 'security'),
  CreateAccessPolicy: (s, b) => createPolicy(s, b, 'access'),
  GetAccessPolicy: (s, b) => getPolicy(s, b, 'access'),
  ListAccessPolicies: (s, b) => listPolicies(s, b, 'access'),
  DeleteAccessPolicy: (s, b) => deletePolicy(s, b, 'access'),
  CreateCollection: createCollection,
  BatchGetCollection: batchGet,
  ListCollections: listCollections,
  DeleteCollection: deleteCollection,
  ListTagsForResource: listTags,
};

/** The operations this control plane answers (the conformance test covers each). */
export const AOSS_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

async function handle(state: AossState, req: EmuRequest): Promise<EmuResponse> {
  const target = String(req.headers['x-amz-target'] ?? '');
  const op = OPERATIONS[target.replace(/^OpenSearchServerless\./, '')];
  if (req.method !== 'POST' || req.rawPath !== '/' || !target.startsWith('OpenSearchServerless.') || !op) {
    return aossError('UnknownOperationException', 400, `Unknown operation ${target || '(no x-amz-target)'}`);
  }
  let body: unknown;
  try {
    body = req.body.length === 0 ? {} : JSON.parse(req.body.toString('utf8'));
  } catch {
    return aossError('SerializationException', 400, 'The request body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return aossError('SerializationException', 400, 'The request body must be a JSON object');
  try {
    state.refresh();
    return json(200, op(state, body as Body), { 'content-type': 'application/x-amz-json-1.0' });
  } catch (err) {
    if (err instanceof AossError) return aossError(err.code, err.status, err.message);
    throw err;
  }
}

export function aossControl(state: AossState): ServiceDefinition {
  return {
    name: 'opensearchServerless',
    handle: (req) => handle(state, req),
    iamPrefix: 'aoss',
    operation: (_method, _segments, target) => (target ?? '').replace(/^OpenSearchServerless\./, '') || 'unknown',
    errorResponse(kind, message) {
      switch (kind) {
        case 'denied': return aossError('AccessDeniedException', 403, message ?? 'Access denied');
        case 'throttle': return aossError('ThrottlingException', 400, 'Rate exceeded');
        case 'expired': return aossError('ExpiredTokenException', 403, 'The security token included in the request is expired');
        default: return aossError('InternalServerException', 500, message ?? 'Internal server error');
      }
    },
  };
}

// STS GetCallerIdentity and AssumeRole, and the IAM role operations the extension needs (the customization service role and its
// clean-up, the wizard's role list): CreateRole, GetRole, ListRoles, DeleteRole, Put/Get/Delete/ListRolePolicies, ListAttachedRolePolicies.
import type { Clock } from './clock';
import type { EmuRequest, EmuResponse, ServiceDefinition } from './http';
import { resourceId } from './ids';
import { QueryError, queryError, queryFault, queryParams, queryResult, xmlEscape } from './awsQuery';
import { ACCOUNT_ID, CALLER_ARN } from './services';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

interface Role { name: string; id: string; path: string; arn: string; created: number; trust: string; description: string; policies: Map<string, string> }

export class IamState {
  readonly roles = new Map<string, Role>();
  constructor(readonly clock: Clock) {}
  reset(): void {
    this.roles.clear();
  }
}

const action = (p: URLSearchParams): string => p.get('Action') ?? '';

/** The access key a request was signed with (SigV4 `Credential=<key>/...`). */
function accessKeyOf(req: EmuRequest): string | undefined {
  const auth = req.headers.authorization;
  return typeof auth === 'string' ? /Credential=([^/,\s]+)\//.exec(auth)?.[1] : undefined;
}

/**
 * GetCallerIdentity, and AssumeRole for roles in the emulator's account (profiles with `role_arn` +
 * `source_profile`): the temporary key it issues is remembered, so GetCallerIdentity signed with it answers with
 * the assumed-role ARN, as AWS does.
 */
export function stsService(clock: Clock): ServiceDefinition {
  const assumed = new Map<string, string>(); // temporary access key -> assumed-role ARN
  return {
    name: 'sts',
    iamPrefix: 'sts',
    operation: () => 'GetCallerIdentity',
    async handle(req) {
      const p = queryParams(req);
      if (action(p) === 'AssumeRole') return assumeRole(p, assumed, clock);
      if (action(p) !== 'GetCallerIdentity') return queryError('InvalidAction', 400, `The action ${action(p) || '(none)'} is not supported by the emulator`);
      const arn = assumed.get(accessKeyOf(req) ?? '') ?? CALLER_ARN;
      return queryResult('GetCallerIdentity', STS_NS, `<Arn>${xmlEscape(arn)}</Arn><UserId>AIDAEMULATOREXAMPLE</UserId><Account>${ACCOUNT_ID}</Account>`);
    },
    errorResponse: queryFault,
  };
}

function assumeRole(p: URLSearchParams, assumed: Map<string, string>, clock: Clock): EmuResponse {
  const roleArn = required(p, 'RoleArn');
  const session = required(p, 'RoleSessionName');
  const name = new RegExp(`^arn:aws:iam::${ACCOUNT_ID}:role/(?:[^/]+/)*([^/]+)$`).exec(roleArn)?.[1];
  if (!name) return queryError('AccessDenied', 403, `User: ${CALLER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
  const keyId = `ASIA${resourceId(16).toUpperCase()}`;
  const arn = `arn:aws:sts::${ACCOUNT_ID}:assumed-role/${name}/${session}`;
  assumed.set(keyId, arn);
  const expires = new Date(clock.now() + Number(p.get('DurationSeconds') ?? 3600) * 1000).toISOString();
  return queryResult('AssumeRole', STS_NS, `<Credentials><AccessKeyId>${keyId}</AccessKeyId><SecretAccessKey>emulator-secret</SecretAccessKey>`
    + `<SessionToken>emulator-session-token</SessionToken><Expiration>${expires}</Expiration></Credentials>`
    + `<AssumedRoleUser><AssumedRoleId>AROAEMULATOR:${xmlEscape(session)}</AssumedRoleId><Arn>${xmlEscape(arn)}</Arn></AssumedRoleUser>`);
}

function required(p: URLSearchParams, name: string): string {
  const v = p.get(name);
  if (!v) throw new QueryError('ValidationError', 400, `1 validation error detected: Value null at '${name}' failed to satisfy constraint: Member must not be null`);
  return v;
}

function role(state: IamState, p: URLSearchParams): Role {
  const name = required(p, 'RoleName');
  const r = state.roles.get(name);
  if (!r) throw new QueryError('NoSuchEntity', 404, `The role with name ${name} cannot be found.`);
  return r;
}

const roleXml = (r: Role): string => `<Role><Path>${xmlEscape(r.path)}</Path><RoleName>${xmlEscape(r.name)}</RoleName><RoleId>${r.id}</RoleId><Arn>${xmlEscape(r.arn)}</Arn><CreateDate>${new Date(r.created).toISOString()}</CreateDate><AssumeRolePolicyDocument>${encodeURIComponent(r.trust)}</AssumeRolePolicyDocument>${r.description ? `<Description>${xmlEscape(r.description)}</Description>` : ''}</Role>`;

function checkJson(doc: string, what: string): void {
  try {
    JSON.parse(doc);
  } catch {
    throw new QueryError('MalformedPolicyDocument', 400, `The ${what} is not valid JSON.`);
  }
}

const ACTIONS: Record<string, (s: IamState, p: URLSearchParams) => string> = {
  CreateRole: (s, p) => {
    const name = required(p, 'RoleName');
    if (!/^[\w+=,.@-]{1,64}$/.test(name)) throw new QueryError('ValidationError', 400, `The role name ${name} is not valid.`);
    const trust = required(p, 'AssumeRolePolicyDocument');
    checkJson(trust, 'assume role policy document');
    if (s.roles.has(name)) throw new QueryError('EntityAlreadyExists', 409, `Role with name ${name} already exists.`);
    const path = p.get('Path') ?? '/';
    const r: Role = { name, id: `AROA${resourceId(17).toUpperCase()}`, path, arn: `arn:aws:iam::${ACCOUNT_ID}:role${path}${name}`, created: s.clock.now(), trust, description: p.get('Description') ?? '', policies: new Map() };
    s.roles.set(name, r);
    return roleXml(r);
  },
  GetRole: (s, p) => roleXml(role(s, p)),
  DeleteRole: (s, p) => {
    const r = role(s, p);
    if (r.policies.size > 0) throw new QueryError('DeleteConflict', 409, 'Cannot delete entity, must delete policies first.');
    s.roles.delete(r.name);
    return '';
  },
  PutRolePolicy: (s, p) => {
    const r = role(s, p);
    const doc = required(p, 'PolicyDocument');
    checkJson(doc, 'policy document');
    r.policies.set(required(p, 'PolicyName'), doc);
    return '';
  },
  GetRolePolicy: (s, p) => {
    const r = role(s, p);
    const name = required(p, 'PolicyName');
    const doc = r.policies.get(name);
    if (doc === undefined) throw new QueryError('NoSuchEntity', 404, `The role policy with name ${name} cannot be found.`);
    return `<RoleName>${xmlEscape(r.name)}</RoleName><PolicyName>${xmlEscape(name)}</PolicyName><PolicyDocument>${encodeURIComponent(doc)}</PolicyDocument>`;
  },
  DeleteRolePolicy: (s, p) => {
    const r = role(s, p);
    const name = required(p, 'PolicyName');
    if (!r.policies.delete(name)) throw new QueryError('NoSuchEntity', 404, `The role policy with name ${name} cannot be found.`);
    return '';
  },
  // Pages in name order (as IAM does); the Marker is the last name returned.
  ListRoles: (s, p) => {
    const max = Number(p.get('MaxItems') ?? '100');
    if (!Number.isInteger(max) || max < 1 || max > 1000) throw new QueryError('ValidationError', 400, `MaxItems must be between 1 and 1000, got ${p.get('MaxItems') ?? ''}.`);
    const marker = p.get('Marker') ?? '';
    const prefix = p.get('PathPrefix') ?? '/';
    const all = [...s.roles.values()].filter((r) => r.path.startsWith(prefix) && r.name > marker).sort((x, y) => (x.name < y.name ? -1 : 1));
    const page = all.slice(0, max);
    const truncated = all.length > page.length;
    const last = page[page.length - 1];
    return `<Roles>${page.map((r) => roleXml(r).replace(/^<Role>/, '<member>').replace(/<\/Role>$/, '</member>')).join('')}</Roles><IsTruncated>${truncated}</IsTruncated>${truncated && last ? `<Marker>${xmlEscape(last.name)}</Marker>` : ''}`;
  },
  ListRolePolicies: (s, p) => `<PolicyNames>${[...role(s, p).policies.keys()].map((n) => `<member>${xmlEscape(n)}</member>`).join('')}</PolicyNames><IsTruncated>false</IsTruncated>`,
  ListAttachedRolePolicies: (s, p) => {
    role(s, p);
    return '<AttachedPolicies></AttachedPolicies><IsTruncated>false</IsTruncated>';
  },
};

export function iamService(state: IamState): ServiceDefinition {
  return {
    name: 'iam',
    iamPrefix: 'iam',
    operation: () => 'Query',
    async handle(req: EmuRequest) {
      const p = queryParams(req);
      const run = ACTIONS[action(p)];
      if (!run) return queryError('InvalidAction', 400, `The action ${action(p) || '(none)'} is not supported by the emulator`);
      try {
        return queryResult(action(p), IAM_NS, run(state, p));
      } catch (err) {
        if (err instanceof QueryError) return queryError(err.code, err.status, err.message);
        throw err;
      }
    },
    errorResponse: queryFault,
  };
}

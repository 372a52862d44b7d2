// Policy documents of OpenSearch Serverless (docs/reference/opensearch.md section 1): shape checks as AWS makes them,
// and the rule matching that decides whether an encryption policy covers a collection name.

type Invalid = (message: string) => Error;

interface Rule { ResourceType?: unknown; Resource?: unknown }

export function checkPolicyDocument(type: string, policy: string, invalid: Invalid): void {
  if (policy.length < 1 || policy.length > 20_480) throw invalid('The policy document must have from 1 to 20480 characters.');
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    throw invalid('Policy json is invalid, error: the policy is not valid JSON');
  }
  const statements = type === 'encryption' ? [doc] : doc;
  if (type === 'encryption' && (doc === null || typeof doc !== 'object' || Array.isArray(doc))) {
    throw invalid('Policy json is invalid, error: an encryption policy must be a JSON object');
  }
  if (type !== 'encryption' && !Array.isArray(doc)) throw invalid(`Policy json is invalid, error: a ${type} policy must be a JSON array`);
  for (const s of statements as Record<string, unknown>[]) {
    const rules = s['Rules'];
    if (!Array.isArray(rules) || rules.length === 0) throw invalid('Policy json is invalid, error: Rules must be a non-empty array');
    for (const r of rules as Rule[]) {
      if (typeof r.ResourceType !== 'string' || !Array.isArray(r.Resource) || r.Resource.length === 0) {
        throw invalid('Policy json is invalid, error: every rule needs ResourceType and a non-empty Resource list');
      }
    }
    if (type === 'encryption' && s['AWSOwnedKey'] !== true && typeof s['KmsARN'] !== 'string') {
      throw invalid('Policy json is invalid, error: an encryption policy needs AWSOwnedKey true or a KmsARN');
    }
    if (type === 'network' && typeof s['AllowFromPublic'] !== 'boolean') {
      throw invalid('Policy json is invalid, error: a network policy needs AllowFromPublic');
    }
    if (type === 'data' && (!Array.isArray(s['Principal']) || s['Principal'].length === 0)) {
      throw invalid('Policy json is invalid, error: a data access policy needs a non-empty Principal list');
    }
  }
}

/** Whether a stored encryption policy has a collection rule whose resource (`collection/<name>`, `*` allowed) matches. */
export function matchesCollection(policy: string, name: string): boolean {
  const doc = JSON.parse(policy) as { Rules?: Rule[] };
  return (doc.Rules ?? []).some((r) => r.ResourceType === 'collection' && Array.isArray(r.Resource)
    && r.Resource.some((res) => typeof res === 'string' && globMatch(res, `collection/${name}`)));
}

function globMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}

// Which IAM roles a customization job can run as: those whose trust policy lets Bedrock assume them.
// Pure: reads the decoded trust policy documents that IAM ListRoles returns.

export interface RoleWithTrust {
  readonly roleName: string;
  readonly arn: string;
  /** The trust (assume-role) policy, parsed JSON; anything else is treated as trusting no one. */
  readonly assumeRolePolicyDocument: unknown;
}

export const BEDROCK_SERVICE_PRINCIPAL = 'bedrock.amazonaws.com';

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An action pattern (`sts:AssumeRole`, `sts:*`, `*`) covers sts:AssumeRole; IAM matches actions case-insensitively. */
function coversAssumeRole(action: unknown): boolean {
  if (typeof action !== 'string') return false;
  const a = action.toLowerCase();
  return a === 'sts:assumerole' || a === 'sts:*' || a === '*';
}

function namesBedrock(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!isRecord(principal)) return false;
  return asList(principal['Service']).some((s) => s === BEDROCK_SERVICE_PRINCIPAL);
}

/** True when some Allow statement lets bedrock.amazonaws.com sts:AssumeRole and no Deny statement takes that away. */
export function trustsBedrock(policy: unknown): boolean {
  if (!isRecord(policy)) return false;
  const statements = asList(policy['Statement']).filter(isRecord);
  const matches = (s: Record<string, unknown>): boolean => namesBedrock(s['Principal']) && asList(s['Action']).some(coversAssumeRole);
  if (statements.some((s) => s['Effect'] === 'Deny' && matches(s))) return false; // an explicit Deny always wins
  return statements.some((s) => s['Effect'] === 'Allow' && matches(s));
}

/** The roles Bedrock can assume, sorted by name (the wizard's quick pick). */
export function bedrockAssumableRoles<R extends RoleWithTrust>(roles: Iterable<R>): R[] {
  return [...roles].filter((r) => trustsBedrock(r.assumeRolePolicyDocument)).sort((a, b) => a.roleName.localeCompare(b.roleName));
}

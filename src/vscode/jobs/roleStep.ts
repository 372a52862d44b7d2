// The wizard's service-role question: a quick pick of the roles Bedrock can assume when the user may list roles,
// else (or on "Enter a role ARN...") the typed ARN, with the reason in the prompt when listing failed.
import { bedrockAssumableRoles, type RoleWithTrust } from '../../core/lifecycle/roles';
import type { Step } from '../../core/lifecycle/steps';
import { validateRoleArn } from '../../core/lifecycle/validators';

/** What listing offered: the Bedrock-assumable roles, or why there is no list. */
export type RoleOffer = { roles: { roleName: string; arn: string }[] } | { error: string };

export interface RoleState {
  roleArn?: string;
  roleOffer?: RoleOffer;
  /** The user picked "Enter a role ARN..." (or listing failed): the typed step is asked. */
  roleTyped?: boolean;
}

export const TYPE_ROLE_ARN = '<type-role-arn>';
const PROMPT = 'IAM service role Bedrock assumes (reads the data, writes the output; you need iam:PassRole)';

/** Lists the roles once; any failure becomes the reason shown in the typed step's prompt (the wizard goes on). */
export async function roleOffer(listRoles: () => Promise<RoleWithTrust[]>): Promise<RoleOffer> {
  try {
    return { roles: bedrockAssumableRoles(await listRoles()).map((r) => ({ roleName: r.roleName, arn: r.arn })) };
  } catch (err) {
    const kind = (err as { kind?: unknown }).kind;
    if (kind === 'accessDenied' || kind === 'scpDenied') return { error: 'iam:ListRoles denied' };
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

/** The typed step's prompt, saying why there is no list when listing failed. */
export function rolePrompt(s: RoleState): string {
  return s.roleOffer && 'error' in s.roleOffer ? `Could not list roles (${s.roleOffer.error}): type the role ARN` : PROMPT;
}

const listingFailed = (s: RoleState): boolean => s.roleOffer !== undefined && 'error' in s.roleOffer;

export function roleSteps<S extends RoleState>(title: string, offer: () => Promise<RoleOffer>, lastRoleArn: () => string | undefined): Step<S>[] {
  return [
    {
      kind: 'pick', id: 'roleArn', title,
      placeholder: 'Service role Bedrock assumes (roles that trust bedrock.amazonaws.com); or type its ARN',
      prepare: async (s) => { s.roleOffer ??= await offer(); },
      skip: listingFailed,
      choices: (s) => [
        ...(s.roleOffer && 'roles' in s.roleOffer ? s.roleOffer.roles : []).map((r) => ({ label: r.roleName, value: r.arn, description: r.arn })),
        { label: 'Enter a role ARN...', value: TYPE_ROLE_ARN, description: 'a role not listed here (you need iam:PassRole on it)' },
      ],
      custom: validateRoleArn,
      apply: (s, v) => {
        s.roleTyped = v === TYPE_ROLE_ARN;
        if (!s.roleTyped) s.roleArn = v;
      },
    },
    {
      kind: 'text', id: 'roleArn', title,
      prompt: rolePrompt, placeholder: 'arn:aws:iam::123456789012:role/BedrockCustomizationRole', validate: validateRoleArn,
      skip: (s) => !listingFailed(s) && !s.roleTyped,
      initial: (s) => s.roleArn ?? lastRoleArn() ?? '', apply: (s, v) => { s.roleArn = v; },
    },
  ];
}

// Clean-up target for the IAM role (only when the user ticks it): IAM refuses to delete a role that still has
// policies, so managed policies are detached and inline ones deleted first, then the role.
import {
  DeleteRoleCommand, DeleteRolePolicyCommand, DetachRolePolicyCommand, GetRoleCommand, IAMClient,
  ListAttachedRolePoliciesCommand, ListRolePoliciesCommand,
} from '@aws-sdk/client-iam';
import type { CleanupTarget, Presence } from '../../core/cleanup/executor';
import { roleNameFromArn, type PlanResource } from '../../core/cleanup/plan';
import { callAws } from '../errors';
import { orAbsent } from './errors';

// The identity is the ARN: a name in the plan never chooses which role is deleted.
const roleName = (r: PlanResource): string => roleNameFromArn(r.identity.arn ?? '') ?? '';

export function iamRoleTarget(iam: IAMClient): CleanupTarget {
  const call = <T>(action: string, r: PlanResource, send: () => Promise<T>) => callAws({ action: `iam:${action}`, resource: roleName(r) }, send);
  return {
    async exists(r): Promise<Presence> {
      return (await orAbsent(() => call('GetRole', r, () => iam.send(new GetRoleCommand({ RoleName: roleName(r) }))))) ? { present: true } : { present: false };
    },
    async delete(r) {
      const RoleName = roleName(r);
      const attached = await call('ListAttachedRolePolicies', r, () => iam.send(new ListAttachedRolePoliciesCommand({ RoleName })));
      for (const p of attached.AttachedPolicies ?? []) {
        await call('DetachRolePolicy', r, () => iam.send(new DetachRolePolicyCommand({ RoleName, PolicyArn: p.PolicyArn })));
      }
      const inline = await call('ListRolePolicies', r, () => iam.send(new ListRolePoliciesCommand({ RoleName })));
      for (const PolicyName of inline.PolicyNames ?? []) {
        await call('DeleteRolePolicy', r, () => iam.send(new DeleteRolePolicyCommand({ RoleName, PolicyName })));
      }
      // A Bedrock service role has no instance profile; if one does, IAM's DeleteConflict error says so and the
      // report carries it (we do not detach roles from instance profiles other workloads may use).
      await call('DeleteRole', r, () => iam.send(new DeleteRoleCommand({ RoleName })));
    },
  };
}

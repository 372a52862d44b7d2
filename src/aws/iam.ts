// IAM, as much as the extension needs of it: listing the roles a customization job could run as. IAM is a global
// service; the session signs for us-east-1 unless an endpoint override says otherwise.
import { IAMClient, ListRolesCommand, type Role } from '@aws-sdk/client-iam';
import type { CallScope } from './bedrock';
import { callAws } from './errors';
import { iteratePages, type Page } from './pages';

/** A role as the wizard needs it. `assumeRolePolicyDocument` is the trust policy, decoded and parsed (undefined when unreadable). */
export interface IamRoleSummary {
  readonly roleName: string;
  readonly arn: string;
  readonly assumeRolePolicyDocument: unknown;
  readonly createDate: Date | undefined;
}

/** IAM returns the trust policy URL-encoded; a document that does not decode or parse becomes undefined (no trust). */
export function decodePolicyDocument(raw: string | undefined): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(decodeURIComponent(raw));
  } catch {
    try {
      return JSON.parse(raw); // some SDK paths hand it over already decoded
    } catch {
      return undefined;
    }
  }
}

const summary = (r: Role): IamRoleSummary => ({
  roleName: r.RoleName ?? '', arn: r.Arn ?? '', assumeRolePolicyDocument: decodePolicyDocument(r.AssumeRolePolicyDocument), createDate: r.CreateDate,
});

/** Each method is exactly one API call; `listRoles` walks the pages lazily, `listRolesPage` fetches one. */
export class IamRoles {
  constructor(private readonly client: IAMClient, private readonly scope: CallScope) {}

  async listRolesPage(marker?: string, maxItems?: number): Promise<Page<IamRoleSummary>> {
    const out = await callAws({ action: 'iam:ListRoles', profile: this.scope.profile, region: this.scope.region },
      () => this.client.send(new ListRolesCommand({ Marker: marker, MaxItems: maxItems })));
    return { items: (out.Roles ?? []).map(summary), nextToken: out.IsTruncated ? out.Marker : undefined };
  }

  listRoles(pageSize?: number): AsyncGenerator<IamRoleSummary> {
    return iteratePages((marker) => this.listRolesPage(marker, pageSize));
  }
}

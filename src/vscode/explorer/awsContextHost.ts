// The explorer's SourceHost over the extension's AwsContext: the session of the current profile + region, one
// source per session (lifetime "current profile/region"); a profile or region change resets the trees.
import type * as vscode from 'vscode';
import type { AwsSession } from '../../aws/index';
import type { AwsContext } from '../session/awsContext';
import { AwsExplorerSource } from './awsSource';
import type { ExplorerSource, SourceHost } from './source';

export class AwsContextHost implements SourceHost {
  private cached: { session: AwsSession; source: ExplorerSource } | undefined;

  constructor(private readonly aws: AwsContext) {}

  async current(): Promise<ExplorerSource> {
    const session = await this.aws.session();
    if (this.cached?.session !== session) this.cached = { session, source: new AwsExplorerSource(session, this.aws) };
    return this.cached.source;
  }

  /** True when the provider chain has no credentials: the views then stay empty so their welcome content shows. */
  noCredentials(): boolean { return this.aws.credentialState.kind === 'missing'; }

  onDidChange(listener: () => void): vscode.Disposable { return this.aws.onDidChangeSession(() => listener()); }

  onDidChangeCredentials(listener: () => void): vscode.Disposable { return this.aws.onDidChangeCredentialState(() => listener()); }
}

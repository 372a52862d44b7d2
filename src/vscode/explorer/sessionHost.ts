// The current AWS session for the explorer, rebuilt when the profile, region or an endpoint setting changes
// (lifetime "current profile/region", ARCHITECTURE habit 2). The SDK loads on the first call, never at activation.
import * as vscode from 'vscode';
import type { AwsSession } from '../../aws/index';
import { loadAws } from '../shell/awsLoader';
import type { Config, Settings } from '../shell/config';
import { AwsExplorerSource } from './awsSource';
import type { ExplorerSource, SourceHost } from './source';

const SESSION_KEYS: (keyof Settings)[] = [
  'profile', 'region', 'endpoints.bedrock', 'endpoints.bedrockRuntime', 'endpoints.s3', 'endpoints.opensearchServerless',
];

export class SessionSourceHost implements SourceHost, vscode.Disposable {
  private session: AwsSession | undefined;
  private source: ExplorerSource | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly watch: vscode.Disposable;

  constructor(private readonly config: Config) {
    this.watch = config.onDidChange(SESSION_KEYS, () => {
      this.session?.dispose();
      this.session = undefined;
      this.source = undefined;
      this.changed.fire();
    });
  }

  current(): Promise<ExplorerSource> {
    if (!this.source) {
      const c = this.config;
      this.session = loadAws().createAwsSession({
        profile: c.get('profile'),
        region: c.get('region'),
        endpoints: {
          bedrock: c.get('endpoints.bedrock'), bedrockRuntime: c.get('endpoints.bedrockRuntime'),
          s3: c.get('endpoints.s3'), opensearchServerless: c.get('endpoints.opensearchServerless'),
        },
      });
      this.source = new AwsExplorerSource(this.session);
    }
    return Promise.resolve(this.source);
  }

  onDidChange(listener: () => void): vscode.Disposable { return this.changed.event(listener); }

  dispose(): void {
    this.watch.dispose();
    this.changed.dispose();
    this.session?.dispose();
  }
}

import * as vscode from 'vscode';
import type { AwsSession, AwsUserError, AwsErrorContext } from '../../aws/index';
import { DEFAULT_REGION } from '../../core/awsRules/regions';
import { resolveRegion, type AwsProfile } from '../../core/awsRules/profiles';
import { loadAws } from '../shell/awsLoader';
import type { Config, Settings } from '../shell/config';
import type { Log } from '../shell/log';
import { credentialStateFor, guessNoCredentials, type CredentialState } from './credentialState';
import { ProfileCache } from './profileCache';
import { AwsStatusBar } from './statusBar';

/** The settings that define a session: a change to any of them rebuilds every client. */
export const SESSION_SETTINGS: readonly (keyof Settings)[] = [
  'profile', 'region', 'endpoints.bedrock', 'endpoints.bedrockRuntime', 'endpoints.s3', 'endpoints.opensearchServerless',
  'endpoints.iam', 'endpoints.sts', 'endpoints.serviceQuotas', 'maxAttempts',
];

export const NO_CREDENTIALS_CONTEXT_KEY = 'bedrockCustomizer.noCredentials';

/** The current profile and region as shown to the user. */
export interface SessionIdentity {
  /** The profile setting, or '' for the SDK default chain. */
  readonly profile: string;
  /** What to call it: the profile name, `AWS_PROFILE`, or `default`. */
  readonly profileLabel: string;
  readonly region: string;
  /** Increases with every rebuild; views compare it to drop stale results. */
  readonly generation: number;
}

/**
 * AWS for the rest of the extension, with two lifetimes (rust-analyzer's ctx.ts): this object lives as long as
 * the extension; the session (every SDK client) lives as long as the current profile + region + endpoints.
 * The SDK is loaded on the first `session()` call, never during activation.
 */
export class AwsContext implements vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<SessionIdentity>();
  private readonly stateEmitter = new vscode.EventEmitter<CredentialState>();
  /** Fires after profile, region or endpoints changed: the old session is disposed, views should refresh. */
  readonly onDidChangeSession = this.changeEmitter.event;
  /** Fires when the credential state changes (status bar, welcome view). */
  readonly onDidChangeCredentialState = this.stateEmitter.event;

  private readonly disposables: vscode.Disposable[] = [this.changeEmitter, this.stateEmitter];
  private readonly profiles: ProfileCache;
  private current: AwsSession | undefined;
  private generation = 0;
  private resolved: Promise<SessionIdentity>;
  private identityNow: SessionIdentity;
  private state: CredentialState = { kind: 'unknown' };
  private readonly statusBar: AwsStatusBar;

  constructor(private readonly config: Config, private readonly log: Log, private readonly env: NodeJS.ProcessEnv = process.env) {
    this.profiles = new ProfileCache(env);
    this.identityNow = this.provisionalIdentity();
    this.resolved = this.resolveIdentity();
    this.disposables.push(config.onDidChange(SESSION_SETTINGS, (keys) => this.rebuild(keys)));
    this.statusBar = new AwsStatusBar(this);
    this.disposables.push(this.statusBar);
  }

  /** The status bar's text, `AWS: <profile> · <region>` (tests read it through the extension API). */
  statusText(): string {
    return this.statusBar.text;
  }

  statusIsError(): boolean {
    return this.statusBar.isError;
  }

  /** Profile and region right now (the region may still be the provisional one until the profile file is read). */
  get identity(): SessionIdentity {
    return this.identityNow;
  }

  get credentialState(): CredentialState {
    return this.state;
  }

  /** The session for the current profile and region, built on first use. */
  async session(): Promise<AwsSession> {
    const generation = this.generation;
    const identity = await this.resolved;
    if (generation !== this.generation) return this.session(); // settings changed while resolving
    if (!this.current) {
      const aws = loadAws();
      this.current = aws.createAwsSession({
        profile: identity.profile,
        region: identity.region,
        endpoints: {
          bedrock: this.config.get('endpoints.bedrock'),
          bedrockRuntime: this.config.get('endpoints.bedrockRuntime'),
          s3: this.config.get('endpoints.s3'),
          opensearchServerless: this.config.get('endpoints.opensearchServerless'),
          iam: this.config.get('endpoints.iam'),
          sts: this.config.get('endpoints.sts'),
          serviceQuotas: this.config.get('endpoints.serviceQuotas'),
        },
        maxAttempts: this.config.get('maxAttempts'),
      });
      this.log.info(`AWS session built for profile ${identity.profileLabel} in ${identity.region} (generation ${identity.generation})`);
      void this.verify(this.current, generation);
    }
    return this.current;
  }

  /** The profiles of the AWS config files (read once per change of the files). */
  listProfiles(): Promise<AwsProfile[]> {
    return this.profiles.get();
  }

  /**
   * Translates an error into an actionable one and, when it says the credentials do not work, updates the
   * status bar and welcome view. Views call this for every failure they show.
   */
  toUserError(err: unknown, ctx: AwsErrorContext): AwsUserError {
    const error = loadAws().toUserError(err, { profile: this.identityNow.profileLabel, region: this.identityNow.region, ...ctx });
    const state = credentialStateFor(error);
    if (state) this.setState(state);
    return error;
  }

  /** After the user signed in again (the error presenter's "Sign in again"): the next call builds fresh clients. */
  reloadCredentials(): void {
    this.rebuild(['credentials']);
  }

  /** Resolves once the current identity (region from the profile file) is known. */
  whenResolved(): Promise<SessionIdentity> {
    return this.resolved;
  }

  dispose(): void {
    this.current?.dispose();
    this.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private rebuild(keys: readonly string[]): void {
    this.generation += 1;
    this.current?.dispose();
    this.current = undefined;
    this.setState({ kind: 'unknown' });
    this.identityNow = this.provisionalIdentity();
    this.log.info(`AWS settings changed (${keys.join(', ')}): rebuilding clients`);
    this.resolved = this.resolveIdentity();
    void this.resolved.then((identity) => {
      if (identity.generation === this.generation) this.changeEmitter.fire(identity);
    });
  }

  private provisionalIdentity(): SessionIdentity {
    const profile = this.config.get('profile').trim();
    return {
      profile,
      profileLabel: profile || this.env['AWS_PROFILE'] || 'default',
      region: resolveRegion(this.config.get('region'), undefined, this.env, DEFAULT_REGION),
      generation: this.generation,
    };
  }

  /** Reads the profile files (asynchronously, cached) to learn the profile's region and guess missing credentials. */
  private async resolveIdentity(): Promise<SessionIdentity> {
    const provisional = this.provisionalIdentity();
    let profiles: AwsProfile[] = [];
    try {
      profiles = await this.profiles.get();
    } catch (err) {
      this.log.warn(`Could not read the AWS config files: ${String(err)}`);
    }
    const profile = profiles.find((p) => p.name === provisional.profileLabel);
    const identity = { ...provisional, region: resolveRegion(this.config.get('region'), profile, this.env, DEFAULT_REGION) };
    if (provisional.generation === this.generation) {
      this.identityNow = identity;
      if (this.state.kind === 'unknown' && guessNoCredentials(this.env, profiles.map((p) => p.name), provisional.profile)) {
        this.setState({ kind: 'missing', message: `No AWS credentials found for profile "${provisional.profileLabel}".` });
      } else {
        this.stateEmitter.fire(this.state); // the region may have changed: let the status bar redraw
      }
    }
    return identity;
  }

  private async verify(session: AwsSession, generation: number): Promise<void> {
    try {
      await session.verifyCredentials();
      if (generation === this.generation) this.setState({ kind: 'ok' });
    } catch (err) {
      if (generation !== this.generation) return;
      const error = this.toUserError(err, { action: 'sts:GetCallerIdentity' });
      this.log.warn(error.message);
    }
  }

  private setState(state: CredentialState): void {
    this.state = state;
    void vscode.commands.executeCommand('setContext', NO_CREDENTIALS_CONTEXT_KEY, state.kind === 'missing');
    this.stateEmitter.fire(state);
  }
}

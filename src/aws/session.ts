import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { IAMClient } from '@aws-sdk/client-iam';
import { STSClient } from '@aws-sdk/client-sts';
import { OpenSearchServerlessClient } from '@aws-sdk/client-opensearchserverless';
import { S3Client } from '@aws-sdk/client-s3';
import { ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { AossControlPlane } from './aoss';
import { BedrockControlPlane, type CallScope } from './bedrock';
import { clientConfig, type ClientSettings } from './clientConfig';
import { credentialsFor, regionForProfile } from './credentials';
import { toUserError } from './errors';
import { IamRoles } from './iam';
import { OpenSearchDataPlane, type OpenSearchService } from './openSearch';
import { BedrockRuntime } from './runtime';
import { S3Storage } from './s3';
import { ServiceQuotas } from './serviceQuotas';
import { callerIdentityOf } from './sts';

/** Endpoint overrides (VPC endpoints, or the local emulator). Empty or missing: AWS's public endpoint. */
export interface AwsEndpoints {
  readonly bedrock?: string | undefined;
  readonly bedrockRuntime?: string | undefined;
  readonly s3?: string | undefined;
  readonly opensearchServerless?: string | undefined;
  readonly iam?: string | undefined;
  readonly sts?: string | undefined;
  /** Service Quotas (the account's applied batch-inference quotas). */
  readonly serviceQuotas?: string | undefined;
}

export interface AwsSessionOptions {
  /** A profile name; empty or missing: the SDK default chain (environment, `AWS_PROFILE`, `default`). */
  readonly profile?: string | undefined;
  /** Empty or missing: the profile's region, else `AWS_REGION`, else us-east-1. */
  readonly region?: string | undefined;
  readonly endpoints?: AwsEndpoints | undefined;
  /** Attempts per call including adaptive retries (default 8, as the setting). */
  readonly maxAttempts?: number | undefined;
  /**
   * `adaptive` (default): exponential backoff with jitter plus a client-side rate limiter that slows down while
   * AWS throttles. `standard`: the same backoff without the rate limiter.
   */
  readonly retryMode?: 'adaptive' | 'standard' | undefined;
  readonly requestTimeoutMs?: number | undefined;
  /** Use these credentials instead of the provider chain (tests, the CLI with explicit keys). */
  readonly credentials?: AwsCredentialIdentityProvider | undefined;
}

export const DEFAULT_MAX_ATTEMPTS = 8;
const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/**
 * Every AWS client for one profile + region + endpoint set. Clients are created on first use and cached;
 * `dispose()` closes them. A change of profile, region or endpoints means a new session (the VS Code glue
 * disposes the old one).
 */
export class AwsSession {
  readonly profile: string | undefined;
  readonly region: string;
  readonly endpoints: AwsEndpoints;
  private readonly settings: ClientSettings;
  private readonly scope: CallScope;
  private readonly disposers: (() => unknown)[] = [];
  private readonly openSearchClients = new Map<string, OpenSearchDataPlane>();
  private cached: { bedrock?: BedrockControlPlane; runtime?: BedrockRuntime; s3?: S3Storage; aoss?: AossControlPlane; iam?: IamRoles; iamClient?: IAMClient; sts?: STSClient; serviceQuotas?: ServiceQuotas } = {};
  private disposed = false;
  private identity: Promise<{ arn: string; account: string }> | undefined;

  constructor(options: AwsSessionOptions = {}) {
    this.profile = options.profile || undefined;
    this.region = regionForProfile(this.profile, options.region || undefined);
    this.endpoints = options.endpoints ?? {};
    this.settings = {
      region: this.region,
      credentials: options.credentials ?? credentialsFor(this.profile),
      maxAttempts: Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS),
      retryMode: options.retryMode ?? 'adaptive',
      requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    };
    this.scope = { profile: this.profile, region: this.region };
  }

  get bedrock(): BedrockControlPlane {
    return (this.cached.bedrock ??= new BedrockControlPlane(this.track(new BedrockClient(clientConfig(this.settings, this.endpoints.bedrock))), this.scope));
  }

  get runtime(): BedrockRuntime {
    return (this.cached.runtime ??= new BedrockRuntime(this.track(new BedrockRuntimeClient(clientConfig(this.settings, this.endpoints.bedrockRuntime))), this.scope));
  }

  get s3(): S3Storage {
    // An endpoint override (emulator, VPC endpoint) is addressed path-style: no bucket-name DNS needed.
    return (this.cached.s3 ??= new S3Storage(
      this.track(new S3Client({ ...clientConfig(this.settings, this.endpoints.s3), forcePathStyle: Boolean(this.endpoints.s3) })),
      this.scope,
    ));
  }

  get aoss(): AossControlPlane {
    return (this.cached.aoss ??= new AossControlPlane(this.track(new OpenSearchServerlessClient(clientConfig(this.settings, this.endpoints.opensearchServerless))), this.scope));
  }

  /** IAM is global: without an endpoint override it is signed for us-east-1, whatever the session's region. */
  get iamClient(): IAMClient {
    const region = this.endpoints.iam ? this.region : 'us-east-1';
    return (this.cached.iamClient ??= this.track(new IAMClient(clientConfig({ ...this.settings, region }, this.endpoints.iam))));
  }

  get iam(): IamRoles {
    return (this.cached.iam ??= new IamRoles(this.iamClient, this.scope));
  }

  get serviceQuotas(): ServiceQuotas {
    return (this.cached.serviceQuotas ??= new ServiceQuotas(this.track(new ServiceQuotasClient(clientConfig(this.settings, this.endpoints.serviceQuotas))), this.scope));
  }

  /**
   * Why Service Quotas is not to be contacted, or undefined: when other services are redirected (an emulator, VPC
   * endpoints) and Service Quotas is not, its calls would carry the credentials to AWS's public endpoint.
   */
  get serviceQuotasUnavailable(): string | undefined {
    if (this.endpoints.serviceQuotas) return undefined;
    const redirected = Object.entries(this.endpoints).filter(([, v]) => Boolean(v)).map(([k]) => k);
    return redirected.length > 0 ? `no Service Quotas endpoint is set while ${redirected.join(', ')} ${redirected.length === 1 ? 'is' : 'are'} redirected (bedrockCustomizer.endpoints.serviceQuotas; the CLI: AWS_ENDPOINT_URL_SERVICE_QUOTAS)` : undefined;
  }

  /** The caller's IAM ARN (STS GetCallerIdentity, through the `sts` endpoint override when set). */
  async callerArn(): Promise<string> {
    return (await this.callerIdentity()).arn;
  }

  /** The caller's ARN and account id (one STS GetCallerIdentity call per session; the answer does not change). */
  callerIdentity(): Promise<{ arn: string; account: string }> {
    const sts = (this.cached.sts ??= this.track(new STSClient(clientConfig(this.settings, this.endpoints.sts))));
    this.identity ??= callerIdentityOf(sts, this.scope);
    this.identity.catch(() => { this.identity = undefined; }); // a failure is not remembered: the next call retries
    return this.identity;
  }

  /** The data plane of a collection (`collectionEndpoint` from BatchGetCollection) or domain; cached per endpoint. */
  openSearch(endpoint: string, service: OpenSearchService = 'aoss'): OpenSearchDataPlane {
    this.assertLive();
    const key = `${service} ${endpoint}`;
    let client = this.openSearchClients.get(key);
    if (!client) {
      client = new OpenSearchDataPlane({
        endpoint, service, region: this.region, credentials: this.settings.credentials,
        maxRetries: this.settings.maxAttempts - 1, requestTimeoutMs: this.settings.requestTimeoutMs,
      }, this.scope);
      this.openSearchClients.set(key, client);
    }
    return client;
  }

  /** Resolves the credentials once (no AWS API call for static keys); throws an AwsUserError saying what is wrong. */
  async verifyCredentials(): Promise<Pick<AwsCredentialIdentity, 'expiration'>> {
    try {
      const identity = await this.settings.credentials();
      return { expiration: identity.expiration }; // never hand the keys themselves out
    } catch (err) {
      throw toUserError(err, { action: 'sts:GetCallerIdentity', profile: this.profile, region: this.region });
    }
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    for (const client of this.openSearchClients.values()) void client.close();
    this.openSearchClients.clear();
    this.cached = {};
  }

  private track<C extends { destroy(): void }>(client: C): C {
    this.assertLive();
    this.disposers.push(() => client.destroy());
    return client;
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('This AWS session was disposed (the profile, region or endpoints changed); use the current session.');
  }
}

/** Builds the session for a profile + region + endpoints. Synchronous: nothing is contacted until the first call. */
export function createAwsSession(options: AwsSessionOptions = {}): AwsSession {
  return new AwsSession(options);
}

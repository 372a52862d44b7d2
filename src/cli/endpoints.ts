// The one reader of endpoint overrides for every subcommand that calls AWS. Endpoints follow the AWS convention:
// what the SDK itself reads (AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the config file's `services`), asked of
// the SDK; the older BEDROCK_MM_ENDPOINT_* names still work as aliases, with one deprecation line. A run that
// redirects some of the services it calls but not others would send the rest (credentials included) to AWS's
// public endpoints, so it refuses to start and names both sides. Each subcommand passes the services it may call.
import type { AwsEndpoints } from '../aws/session';
import { loadAwsLayer } from './awsLayer';

export type EndpointService = keyof AwsEndpoints;

/** The SDK's own variables: AWS_ENDPOINT_URL_ + the client's service id ('Bedrock Runtime' -> BEDROCK_RUNTIME). */
export const ENDPOINT_VARIABLES: Readonly<Record<EndpointService, string>> = {
  bedrock: 'AWS_ENDPOINT_URL_BEDROCK',
  bedrockRuntime: 'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  s3: 'AWS_ENDPOINT_URL_S3',
  opensearchServerless: 'AWS_ENDPOINT_URL_OPENSEARCHSERVERLESS',
  iam: 'AWS_ENDPOINT_URL_IAM',
  sts: 'AWS_ENDPOINT_URL_STS',
  serviceQuotas: 'AWS_ENDPOINT_URL_SERVICE_QUOTAS',
};

/** The names earlier versions introduced: still read, deprecated. */
export const ALIAS_VARIABLES: Readonly<Record<EndpointService, string>> = {
  bedrock: 'BEDROCK_MM_ENDPOINT_BEDROCK',
  bedrockRuntime: 'BEDROCK_MM_ENDPOINT_BEDROCK_RUNTIME',
  s3: 'BEDROCK_MM_ENDPOINT_S3',
  opensearchServerless: 'BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS',
  iam: 'BEDROCK_MM_ENDPOINT_IAM',
  sts: 'BEDROCK_MM_ENDPOINT_STS',
  serviceQuotas: 'BEDROCK_MM_ENDPOINT_SERVICE_QUOTAS',
};

/** Spellings older versions read: an error, never silently ignored (the run would go to the public endpoint). */
const RENAMED: Readonly<Record<string, string>> = { BEDROCK_MM_ENDPOINT_OPENSEARCHSERVERLESS: ALIAS_VARIABLES.opensearchServerless };

export const ENDPOINTS_HELP = `Endpoints (VPC endpoints, the local emulator), as the AWS SDK reads them:
  ${Object.values(ENDPOINT_VARIABLES).join(', ')}
  (AWS_ENDPOINT_URL for all), or a services section of the shared config file (of AWS_PROFILE's profile);
  BMC_EMULATOR (the emulator's JSON line) fills in services nothing else redirects. BEDROCK_MM_ENDPOINT_* (the
  old names) still work, deprecated. Redirect every service the command calls, or none (Service Quotas, which
  compare only reads for the batch limits, may stay unset: its limits then come from the defaults, and it says so).
`;

export class EndpointError extends Error {}

export interface EndpointNotes { stderr: { write(s: string): unknown } }

function emulatorLine(env: NodeJS.ProcessEnv): Partial<Record<string, unknown>> {
  const raw = env['BMC_EMULATOR'];
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new EndpointError('BMC_EMULATOR is not the emulator\'s JSON line (npm run emulator prints it)');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new EndpointError('BMC_EMULATOR is not the emulator\'s JSON line (npm run emulator prints it)');
  return value as Record<string, unknown>;
}

/** Names the SDK would silently ignore (a misspelt service id) or that this tool does not know: each stops the run. */
function checkNames(env: NodeJS.ProcessEnv): void {
  const aliases = new Set(Object.values(ALIAS_VARIABLES));
  const squash = (n: string): string => n.replace(/_/g, '');
  for (const name of Object.keys(env).filter((n) => env[n]).sort()) {
    if (name.startsWith('BEDROCK_MM_ENDPOINT_')) {
      const renamed = RENAMED[name];
      if (renamed) throw new EndpointError(`${name} is not read any more: set ${renamed} instead`);
      if (!aliases.has(name)) throw new EndpointError(`unknown endpoint variable ${name}: use ${Object.values(ENDPOINT_VARIABLES).join(', ')}`);
    } else if (name.startsWith('AWS_ENDPOINT_URL_')) {
      const meant = Object.values(ENDPOINT_VARIABLES).find((v) => v !== name && squash(v) === squash(name));
      if (meant) throw new EndpointError(`the AWS SDK does not read ${name}: set ${meant} instead`);
    }
  }
}

/**
 * The overrides for `services` (what `command` calls), or an EndpointError: a misspelt or renamed variable, an
 * alias that disagrees with the SDK's own setting, or some services redirected and others not. A redirect of a
 * service the command does not call counts too: the user meant to stay off the public endpoints. Call it once per
 * run (it prints the deprecation line). The values equal what the SDK resolves; they are passed to every client
 * explicitly anyway, because S3's path-style addressing, IAM's signing region and the OpenSearch data plane (no
 * SDK client) must know them as well. `optional` services are passed on when set and never counted as missing: the
 * session then leaves them uncalled (AwsSession.serviceQuotasUnavailable) rather than call a public endpoint.
 */
export async function endpointsFor(command: string, services: readonly EndpointService[], notes: EndpointNotes, optional: readonly EndpointService[] = []): Promise<AwsEndpoints> {
  const env = process.env; // the environment the SDK reads too
  checkNames(env);
  const emulator = emulatorLine(env);
  let sdk: Awaited<ReturnType<ReturnType<typeof loadAwsLayer>['sdkConfiguredEndpoints']>>;
  try { sdk = await loadAwsLayer().sdkConfiguredEndpoints(); } catch (e) { throw new EndpointError(`the AWS config file's endpoint settings: ${(e as Error).message}`); }
  const deprecated = (Object.keys(ALIAS_VARIABLES) as EndpointService[]).filter((s) => env[ALIAS_VARIABLES[s]]);
  if (deprecated.length > 0) {
    notes.stderr.write(`${command}: ${deprecated.map((s) => ALIAS_VARIABLES[s]).join(', ')} ${deprecated.length === 1 ? 'is' : 'are'} deprecated: set ${deprecated.map((s) => ENDPOINT_VARIABLES[s]).join(', ')} (the AWS SDK's own ${deprecated.length === 1 ? 'variable' : 'variables'}) instead.\n`);
  }
  const endpoints: Partial<Record<EndpointService, string>> = {};
  const redirected: string[] = [];
  let viaSdk = false;
  for (const service of Object.keys(ENDPOINT_VARIABLES) as EndpointService[]) {
    const fromSdk = sdk[service].url;
    const alias = env[ALIAS_VARIABLES[service]] || undefined;
    const fromEmulator = typeof emulator[service] === 'string' && emulator[service] ? emulator[service] : undefined;
    if (fromSdk && alias && fromSdk !== alias) throw new EndpointError(`${ALIAS_VARIABLES[service]} (${alias}) and the AWS SDK's ${sdkSource(service, env)} (${fromSdk}) disagree: unset ${ALIAS_VARIABLES[service]}`);
    const value = fromSdk ?? alias ?? fromEmulator;
    if (!value) continue;
    viaSdk ||= fromSdk !== undefined;
    redirected.push(fromSdk ? sdkSource(service, env) : alias ? ALIAS_VARIABLES[service] : `${service} (BMC_EMULATOR)`);
    if (services.includes(service) || optional.includes(service)) endpoints[service] = value;
  }
  // Name what is missing in the family the user writes: the deprecated names only for someone who uses only them.
  const family = viaSdk || deprecated.length === 0 ? ENDPOINT_VARIABLES : ALIAS_VARIABLES;
  const missing = services.filter((s) => !endpoints[s]).map((s) => family[s]);
  if (redirected.length > 0 && missing.length > 0) {
    throw new EndpointError(
      `${command} calls ${services.join(', ')}; endpoints are redirected by ${[...new Set(redirected)].join(', ')} but not by ${missing.join(', ')}. ` +
        'Set those too (or BMC_EMULATOR), or unset the others: a partly redirected run would send the rest to AWS\'s public endpoints.',
    );
  }
  return endpoints;
}

/** Which of the SDK's sources set this service's endpoint (in the SDK's order: service variable, global, config). */
function sdkSource(service: EndpointService, env: NodeJS.ProcessEnv): string {
  if (env[ENDPOINT_VARIABLES[service]]) return ENDPOINT_VARIABLES[service];
  if (env['AWS_ENDPOINT_URL']) return 'AWS_ENDPOINT_URL';
  return `${service} (the shared config file's services or endpoint_url)`;
}

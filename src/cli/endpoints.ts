// The one reader of endpoint overrides for every subcommand that calls AWS. A run that redirects some of the
// services it calls but not others would send the rest (credentials included) to AWS's public endpoints, so it
// refuses to start and names both sides. Each subcommand passes the services it may call, no more.
import type { AwsEndpoints } from '../aws/session';

export type EndpointService = keyof AwsEndpoints;

/** One variable per service; `BMC_EMULATOR` (the emulator's JSON line) fills any of them not set. */
export const ENDPOINT_VARIABLES: Readonly<Record<EndpointService, string>> = {
  bedrock: 'BEDROCK_MM_ENDPOINT_BEDROCK',
  bedrockRuntime: 'BEDROCK_MM_ENDPOINT_BEDROCK_RUNTIME',
  s3: 'BEDROCK_MM_ENDPOINT_S3',
  opensearchServerless: 'BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS',
  iam: 'BEDROCK_MM_ENDPOINT_IAM',
  sts: 'BEDROCK_MM_ENDPOINT_STS',
};

/** Spellings older versions read: an error, never silently ignored (the run would go to the public endpoint). */
const RENAMED: Readonly<Record<string, string>> = { BEDROCK_MM_ENDPOINT_OPENSEARCHSERVERLESS: ENDPOINT_VARIABLES.opensearchServerless };

export const ENDPOINTS_HELP = `Endpoints (VPC endpoints or the local emulator) come from the environment: ${Object.values(ENDPOINT_VARIABLES).join(', ')},
or BMC_EMULATOR (the emulator's JSON line). Redirect every service the command calls, or none.`;

export class EndpointError extends Error {}

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

/**
 * The overrides for `services` (what `command` calls), or an EndpointError: an unknown or renamed
 * BEDROCK_MM_ENDPOINT_* variable, or some services redirected and others not. A variable for a service the command
 * does not call counts as a redirect too: the user meant to stay off the public endpoints.
 */
export function endpointsFor(command: string, services: readonly EndpointService[], env: NodeJS.ProcessEnv = process.env): AwsEndpoints {
  const known = new Set(Object.values(ENDPOINT_VARIABLES));
  for (const name of Object.keys(env).filter((n) => n.startsWith('BEDROCK_MM_ENDPOINT_') && env[n]).sort()) {
    const renamed = RENAMED[name];
    if (renamed) throw new EndpointError(`${name} is not read any more: set ${renamed} instead`);
    if (!known.has(name)) throw new EndpointError(`unknown endpoint variable ${name}: use ${[...known].join(', ')}`);
  }
  const emulator = emulatorLine(env);
  const endpoints: Partial<Record<EndpointService, string>> = {};
  const redirected: string[] = [];
  for (const [service, name] of Object.entries(ENDPOINT_VARIABLES) as [EndpointService, string][]) {
    const fromEmulator = emulator[service];
    const value = env[name] || (typeof fromEmulator === 'string' && fromEmulator ? fromEmulator : undefined);
    if (!value) continue;
    redirected.push(env[name] ? name : `${service} (BMC_EMULATOR)`);
    if (services.includes(service)) endpoints[service] = value;
  }
  const missing = services.filter((s) => !endpoints[s]).map((s) => ENDPOINT_VARIABLES[s]);
  if (redirected.length > 0 && missing.length > 0) {
    throw new EndpointError(
      `${command} calls ${services.join(', ')}; endpoints are redirected by ${redirected.join(', ')} but not by ${missing.join(', ')}. ` +
        'Set those too (or BMC_EMULATOR), or unset the others: a partly redirected run would send the rest to AWS\'s public endpoints.',
    );
  }
  return endpoints;
}

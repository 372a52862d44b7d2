// The AWS session of the lifecycle subcommands (launch, wait, provision, jobs, models, throughputs): the one
// endpoint reader, then the lazily loaded AWS layer. Listing and waiting call Bedrock; launch reads S3 as well.
import { loadAwsLayer, type AwsLayer } from './awsLayer';
import { endpointsFor, type EndpointService } from './endpoints';
import type { CliIo } from './run';
import { UsageError } from './usage';

export const BEDROCK_ONLY: readonly EndpointService[] = ['bedrock'];
export const BEDROCK_AND_S3: readonly EndpointService[] = ['bedrock', 's3'];

export interface SessionFlags { profile?: string | undefined; region?: string | undefined }

export const SESSION_HELP = `  --profile NAME  an AWS profile (default: the SDK's chain: AWS_PROFILE, environment, default)
  --region R      the region (default: the profile's, AWS_REGION, else us-east-1)
`;

export const WAIT_HELP = `  --poll S        seconds between status reads while waiting (default 30)
  --timeout S     stop waiting after S seconds: exit 4, the job goes on
`;

export const EXIT_HELP = `Exit: 0 completed, 1 the job or throughput failed or was stopped, 2 usage or input error (nothing created),
  3 AWS refused (the message names the IAM action; expired credentials: sign in again), 4 --timeout, 130 Ctrl-C
  (the wait stops, never the job).
`;

export async function lifecycleSession(command: string, services: readonly EndpointService[], flags: SessionFlags, io: CliIo): Promise<AwsLayer.AwsSession> {
  const endpoints = await endpointsFor(`bedrock-mm ${command}`, services, io);
  return loadAwsLayer().createAwsSession({ profile: flags.profile, region: flags.region, endpoints });
}

/** Seconds as a flag value (`--poll 30`, `--timeout 3600`, fractions allowed); undefined when absent. */
export function seconds(name: string, v: string | undefined, usage: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number of seconds, got "${v}"`, usage);
  return n * 1000;
}

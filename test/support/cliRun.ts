// Runs `bedrock-mm` in-process, as its tests drive it: the output captured, and the environment that points every
// service the CLI may call at the emulator (dummy keys, the BEDROCK_MM_ENDPOINT_* names).
import { runCli } from '../../src/cli/run';
import type { RunningEmulator } from '../../emulator';

export interface CliResult { code: number; out: string; err: string }

export async function runCliCaptured(argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

export function emulatorCliEnv(e: RunningEmulator['endpoints']): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_REGION: 'us-east-1',
    BEDROCK_MM_ENDPOINT_BEDROCK: e.bedrock, BEDROCK_MM_ENDPOINT_BEDROCK_RUNTIME: e.bedrockRuntime, BEDROCK_MM_ENDPOINT_S3: e.s3,
    BEDROCK_MM_ENDPOINT_OPENSEARCH_SERVERLESS: e.opensearchServerless, BEDROCK_MM_ENDPOINT_IAM: e.iam, BEDROCK_MM_ENDPOINT_STS: e.sts,
  };
}

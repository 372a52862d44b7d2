// bench/cli-startup: time from process start to the first AWS request of `bedrock-mm jobs list` (target < 300 ms on
// this machine: the AWS layer loads only for subcommands that call AWS), as a ratio to a bare Node process that
// makes one HTTP request to the same local server (the anchor: Node's own start-up plus one request).
// Run: node scripts/build.mjs && node out/bench/cli-startup/main.js [--runs N]
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const RUNS = argv.includes('--runs') ? Number(argv[argv.indexOf('--runs') + 1]) : 9;
const root = resolve(__dirname, '..', '..', '..');
const cli = join(root, 'dist', 'cli.js');

let onRequest: (() => void) | undefined;
const server = createServer((req, res) => {
  onRequest?.();
  onRequest = undefined;
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-requestid': 'bench' });
  res.end(JSON.stringify({ modelCustomizationJobSummaries: [] }));
});

/** Milliseconds from spawning `args` to its first request reaching the server; the process is then left to finish. */
function firstRequest(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    let ms: number | undefined;
    onRequest = () => { ms = performance.now() - started; };
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => { err += b.toString(); });
    child.on('close', (code) => (ms === undefined ? fail(new Error(`no request (exit ${code}): ${err}`)) : done(ms)));
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const env = {
    AWS_ENDPOINT_URL_BEDROCK: url, AWS_ACCESS_KEY_ID: 'bench', AWS_SECRET_ACCESS_KEY: 'bench', AWS_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true',
  };
  const cliMs: number[] = [];
  const bareMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    cliMs.push(await firstRequest([cli, 'jobs', 'list'], env));
    bareMs.push(await firstRequest(['-e', `require('http').get(${JSON.stringify(url)}, (r) => r.resume())`], {}));
  }
  server.close();
  const c = median(cliMs);
  const b = median(bareMs);
  console.log(`bedrock-mm jobs list: first AWS request after ${c.toFixed(0)} ms (median of ${RUNS}; runs ${cliMs.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`bare node, one request: ${b.toFixed(0)} ms (median of ${RUNS})`);
  console.log(`RESULT cli-startup ratio=${(c / b).toFixed(2)} anchor=bare-node-one-request(${b.toFixed(0)}ms) target=jobs-list<300ms(${c.toFixed(0)}ms)`);
  if (!(c < 300)) process.exitCode = 1;
}

void main();

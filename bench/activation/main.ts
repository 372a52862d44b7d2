// bench/activation: time spent in `activate` inside real VS Code, and the size of the activation bundle.
// Anchor (same run, same extension host): loading dist/aws.js, i.e. what an eager AWS SDK load would add.
import { statSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs helper shared with the test harness
import { runInVsCode } from '../../scripts/lib/run-in-vscode.mjs';

interface BenchResults { bench?: { activationMs: number; awsLoadedAtActivation: boolean; awsLoadMs: number } }

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  const runs = 3;
  const samples: { activationMs: number; awsLoadMs: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const { results } = (await runInVsCode({
      extensionPath: root,
      testsPath: join(root, 'out', 'bench', 'activation', 'host.js'),
      folder: mkdtempSync(join(tmpdir(), 'bmc-bench-')),
      artifactsDir: join(root, 'bench-results', 'activation'),
    })) as { results?: BenchResults };
    if (!results?.bench) throw new Error('the extension host did not report activation numbers');
    if (results.bench.awsLoadedAtActivation) throw new Error('activation loaded the AWS layer');
    samples.push(results.bench);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const activationMs = median(samples.map((s) => s.activationMs));
  const awsLoadMs = median(samples.map((s) => s.awsLoadMs));
  const bundleBytes = statSync(join(root, 'dist', 'extension.js')).size;
  const awsBytes = statSync(join(root, 'dist', 'aws.js')).size;
  console.log(`activate (median of ${runs} VS Code starts): ${activationMs.toFixed(2)} ms (target < 20 ms)`);
  console.log(`dist/extension.js: ${(bundleBytes / 1024).toFixed(1)} KiB (target < 1 MiB); dist/aws.js (lazy): ${(awsBytes / 1024).toFixed(1)} KiB`);
  console.log(`anchor: loading dist/aws.js in the same extension host: ${awsLoadMs.toFixed(2)} ms`);
  console.log(`RESULT activation ratio=${(activationMs / awsLoadMs).toFixed(3)} anchor=eager-aws-layer-load(${awsLoadMs.toFixed(1)}ms) target=activate<20ms,bundle<1MiB`);
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });

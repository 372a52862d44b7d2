// bench/explorer: the Customization Jobs view with 2,000 jobs in the emulator, inside real VS Code.
// Measures time to the first page and to all pages (clicking "Load more" through), and the AWS calls made while
// idle with nothing in progress (target 0), counted by the emulator's request log.
// Anchor (same run, same extension host): paging the same 2,000 jobs through the AWS layer alone, no tree.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error -- a plain .mjs helper shared with the test harness
import { runInVsCode } from '../../scripts/lib/run-in-vscode.mjs';
import { startEmulator } from '../../emulator/index';

export interface ExplorerBenchResult {
  jobs: number; pageSize: number; firstPageMs: number; allPagesMs: number; anchorMs: number;
  idleSeconds: number; idleCalls: number; listCalls: number;
}

const JOBS = 2000;

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..', '..');
  const emulator = await startEmulator();
  try {
    const admin = async (path: string, body: unknown): Promise<void> => {
      const res = await fetch(`${emulator.endpoints.admin}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    };
    const base = Date.parse('2026-01-01T00:00:00Z');
    await admin('/seed', {
      jobs: Array.from({ length: JOBS }, (_, i) => ({
        jobName: `bench-job-${i}`, status: i % 10 === 0 ? 'Failed' : 'Completed', creationTime: new Date(base + i * 60_000).toISOString(),
      })),
    });
    const { results } = (await runInVsCode({
      extensionPath: root,
      testsPath: join(root, 'out', 'bench', 'explorer', 'host.js'),
      folder: mkdtempSync(join(tmpdir(), 'bmc-bench-')),
      artifactsDir: join(root, 'bench-results', 'explorer'),
      settings: {
        'bedrockCustomizer.endpoints.bedrock': emulator.endpoints.bedrock,
        'bedrockCustomizer.endpoints.s3': emulator.endpoints.s3,
        'bedrockCustomizer.explorer.pollSeconds': 1,
      },
      env: {
        BMC_EMULATOR: JSON.stringify(emulator.endpoints), BMC_BENCH_JOBS: String(JOBS),
        AWS_ACCESS_KEY_ID: 'AKIAEMULATOREXAMPLE', AWS_SECRET_ACCESS_KEY: 'emulator-secret-key', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true',
      },
    })) as { results?: { bench?: ExplorerBenchResult; error?: string } };
    const r = results?.bench;
    if (!r) throw new Error(`the extension host reported no numbers: ${results?.error ?? 'no results'}`);
    console.log(`jobs: ${r.jobs} (page size ${r.pageSize}, ${r.listCalls} List calls for all pages)`);
    console.log(`first page: ${r.firstPageMs.toFixed(1)} ms; all pages through "Load more": ${r.allPagesMs.toFixed(1)} ms`);
    console.log(`anchor: the AWS layer paging the same jobs without the tree: ${r.anchorMs.toFixed(1)} ms`);
    console.log(`idle ${r.idleSeconds} s (poll interval 1 s) with nothing in progress: ${r.idleCalls} AWS call(s) (target 0)`);
    console.log(`RESULT explorer ratio=${(r.allPagesMs / r.anchorMs).toFixed(3)} anchor=aws-layer-paging(${r.anchorMs.toFixed(1)}ms) `
      + `target=ratio<1.5,idleCalls=0 firstPageMs=${r.firstPageMs.toFixed(1)} allPagesMs=${r.allPagesMs.toFixed(1)} idleCalls=${r.idleCalls}`);
    if (r.idleCalls !== 0) process.exitCode = 1;
  } finally {
    await emulator.stop();
  }
}

main().catch((err: unknown) => { console.error(err); process.exitCode = 1; });

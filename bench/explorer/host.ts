// Runs inside the real VS Code extension host for bench/explorer (see main.ts); writes its numbers to the
// harness's results file.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/extension';
import type { ExplorerBenchResult } from './main';

async function requestCount(admin: string): Promise<{ all: number; lists: number }> {
  const res = await fetch(`${admin}/requests?service=bedrock`);
  const { requests } = (await res.json()) as { requests: { method: string; path: string }[] };
  return { all: requests.length, lists: requests.filter((r) => r.method === 'GET' && r.path === '/model-customization-jobs').length };
}

async function measure(): Promise<ExplorerBenchResult> {
  const extension = vscode.extensions.getExtension<ExtensionApi | undefined>('bedrock-mm.bedrock-mm-customizer');
  if (!extension) throw new Error('extension not loaded');
  const api = await extension.activate();
  if (!api) throw new Error('no API: the extension gives one only in Test mode (run through the harness)');
  const hooks = api.testing.explorer;
  if (!hooks) throw new Error('no explorer hooks');
  const admin = (JSON.parse(process.env['BMC_EMULATOR'] ?? '{}') as { admin: string }).admin;
  const jobs = Number(process.env['BMC_BENCH_JOBS']);
  const pageSize = vscode.workspace.getConfiguration('bedrockCustomizer').get<number>('explorer.pageSize') ?? 50;

  // Anchor: the AWS layer paging alone. One untimed pass first so the SDK and the emulator are warm for both.
  const session = await api.testing.aws.session();
  const pageAll = async (): Promise<number> => {
    let token: string | undefined;
    let count = 0;
    do {
      const page = await session.bedrock.listJobsPage({ maxResults: pageSize, sortBy: 'CreationTime', sortOrder: 'Descending' }, token);
      count += page.items.length;
      token = page.nextToken;
    } while (token);
    return count;
  };
  await pageAll();
  let started = performance.now();
  const anchorCount = await pageAll();
  const anchorMs = performance.now() - started;
  if (anchorCount !== jobs) throw new Error(`anchor saw ${anchorCount} jobs, expected ${jobs}`);

  const listsBefore = (await requestCount(admin)).lists;
  hooks.refresh();
  started = performance.now();
  const first = await hooks.snapshot('job');
  const firstPageMs = performance.now() - started;
  if (first.filter((i) => i.arn).length !== Math.min(pageSize, jobs)) throw new Error(`first page had ${first.length} items`);
  const total = await hooks.loadAll('job');
  const allPagesMs = performance.now() - started;
  if (total !== jobs) throw new Error(`the tree holds ${total} jobs, expected ${jobs}`);
  const listCalls = (await requestCount(admin)).lists - listsBefore;

  // Idle: everything loaded, nothing in progress. Count what reaches Bedrock over several poll intervals.
  const idleSeconds = 5;
  const before = (await requestCount(admin)).all;
  await new Promise((resolve) => setTimeout(resolve, idleSeconds * 1000)); // a benchmark measures an interval on purpose
  const idleCalls = (await requestCount(admin)).all - before;
  return { jobs, pageSize, firstPageMs, allPagesMs, anchorMs, idleSeconds, idleCalls, listCalls };
}

export async function run(): Promise<void> {
  const out = process.env['BMC_TEST_RESULTS'];
  try {
    const bench = await measure();
    if (out) fs.writeFileSync(out, JSON.stringify({ passed: 1, failed: 0, tests: [], bench }));
  } catch (err) {
    if (out) fs.writeFileSync(out, JSON.stringify({ passed: 0, failed: 1, tests: [], error: String(err) }));
    throw err;
  }
}

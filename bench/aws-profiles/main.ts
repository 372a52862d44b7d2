// Benchmark: reading a 5,000-profile ~/.aws/config (AWS Toolkit users reported editor slow-downs with such files).
// Measured: ProfileCache's first read (read + parse into profiles) and a cached read (two stats, no parse).
// Anchor, measured in the same run: reading the same files and splitting them into lines (the I/O floor).
// Prints `RESULT aws-profiles ratio=<first read / anchor> anchor=read+split target=<=20`.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileCache } from '../../src/vscode/session/profileCache';

const PROFILES = 5000;
const RUNS = 15;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bmc-bench-profiles-'));
  try {
    const config = join(dir, 'config');
    const credentials = join(dir, 'credentials');
    writeFileSync(config, Array.from({ length: PROFILES }, (_, i) => [
      `[profile team-${i}]`, 'region = us-west-2', `role_arn = arn:aws:iam::123456789012:role/role-${i}`, 'source_profile = default', 'output = json', '',
    ].join('\n')).join('\n'));
    writeFileSync(credentials, '[default]\naws_access_key_id = AKIAEXAMPLEEXAMPLE00\naws_secret_access_key = example\n');
    const env = { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };

    const anchor: number[] = [];
    const first: number[] = [];
    const cached: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      anchor.push(await time(async () => {
        const [a, b] = await Promise.all([readFile(config, 'utf8'), readFile(credentials, 'utf8')]);
        return a.split('\n').length + b.split('\n').length;
      }));
      const cache = new ProfileCache(env);
      let count = 0;
      first.push(await time(async () => { count = (await cache.get()).length; }));
      if (count !== PROFILES + 1) throw new Error(`expected ${PROFILES + 1} profiles, got ${count}`);
      cached.push(await time(() => cache.get()));
    }
    const ratio = median(first) / median(anchor);
    console.log(`profiles: ${PROFILES + 1}`);
    console.log(`anchor (read + split lines): median ${median(anchor).toFixed(2)} ms`);
    console.log(`ProfileCache first read (read + parse): median ${median(first).toFixed(2)} ms`);
    console.log(`ProfileCache cached read (stat only): median ${median(cached).toFixed(2)} ms`);
    console.log(`RESULT aws-profiles ratio=${ratio.toFixed(2)} anchor=read+split target=<=20`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

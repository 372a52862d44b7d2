// bench/validate: `bedrock-mm validate` on a generated 500,000-line manifest (Bedrock's maximum), as a ratio to a
// bare Node loop that reads the same file and JSON.parses each line (target <= 1.5x), peak memory as a multiple of
// the file size (target <= 3x), and the ratio to the notebook way: Python jsonschema per line (Debian python3).
// `bedrock-mm validate` runs as users get it (a file this big is checked on one thread per core) and on one thread
// (BEDROCK_MM_THREADS=1), which is also the CPU-time comparison.
// Run: node scripts/build.mjs && node out/bench/validate/main.js [--lines N] [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name: string, def: number): number => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : def);
const LINES = opt('--lines', 500_000);
const RUNS = opt('--runs', 7);
const root = resolve(__dirname, '..', '..', '..');
const dir = join(tmpdir(), 'bmc-bench-validate');
mkdirSync(dir, { recursive: true });
const manifest = join(dir, `train-${LINES}.jsonl`);

function generate(): void {
  const parts: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const letter = String.fromCharCode(65 + (i % 26));
    parts.push(JSON.stringify({ 'image-ref': `s3://asl-letters-data/train/${letter}/${letter}${i}_${i % 3}.jpg`, caption: `The letter ${letter} in sign language` }));
  }
  writeFileSync(manifest, `${parts.join('\n')}\n`);
}
if (!existsSync(manifest)) generate();
const size = statSync(manifest).size;

const bareScript = join(dir, 'bare.js');
writeFileSync(bareScript, `const fs = require('fs');
const text = fs.readFileSync(process.argv[2]).toString('utf8');
let n = 0;
for (const line of text.split('\\n')) { if (line.length > 0) { JSON.parse(line); n++; } }
console.log(n);
`);
const pyScript = join(dir, 'jsonschema_lines.py');
writeFileSync(pyScript, `import json, sys
from jsonschema import Draft7Validator
schema = json.load(open(sys.argv[1]))
v = Draft7Validator(schema)
errors = 0
with open(sys.argv[2], encoding='utf-8') as f:
    for line in f:
        line = line.rstrip('\\n')
        if not line:
            continue
        try:
            obj = json.loads(line)
        except ValueError:
            errors += 1
            continue
        for _ in v.iter_errors(obj):
            errors += 1
print(errors)
`);

interface Run { ms: number; cpuMs: number; maxRssKb: number; stdout: string }

/** Wall time, CPU time (user + system) and peak RSS of one child process (GNU time reports CPU and RSS). */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Run {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  const ms = performance.now() - started;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const [rss, user, sys] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { ms, cpuMs: ((user ?? NaN) + (sys ?? NaN)) * 1000, maxRssKb: rss ?? NaN, stdout: r.stdout };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const cli = join(root, 'dist', 'cli.js');
const bare: Run[] = [];
const ours: Run[] = [];
const single: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  // Alternate so all see the same machine load.
  bare.push(timed(process.execPath, [bareScript, manifest]));
  ours.push(timed(process.execPath, [cli, 'validate', manifest, '--format', 'json'], { BEDROCK_MM_THREADS: '' }));
  single.push(timed(process.execPath, [cli, 'validate', manifest, '--format', 'json'], { BEDROCK_MM_THREADS: '1' }));
}
for (const run of [ours[0], single[0]]) {
  const out = JSON.parse(run?.stdout ?? '{}') as { files: { records: number; errors: number }[] };
  if (out.files[0]?.records !== LINES || out.files[0]?.errors !== 0) throw new Error(`unexpected validator output: ${JSON.stringify(out.files[0])}`);
}
if (ours[0]?.stdout !== single[0]?.stdout) throw new Error('the threaded and the one-thread reports differ');
const ms = (runs: Run[]): number => median(runs.map((r) => r.ms));
const cpu = (runs: Run[]): number => median(runs.map((r) => r.cpuMs));
const peakMb = (runs: Run[]): number => Math.max(...runs.map((r) => r.maxRssKb)) / 1024;
const ratio = ms(ours) / ms(bare);
const memRatio = (peakMb(ours) * 1024 * 1024) / size;

let pyLine = 'python jsonschema: skipped (/usr/bin/python3 with jsonschema not found)';
const hasPy = existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import jsonschema'], { encoding: 'utf8' }).status === 0;
if (hasPy && !argv.includes('--no-python')) {
  const py = timed('/usr/bin/python3', [pyScript, join(root, 'schemas', 'manifest-line.schema.json'), manifest]);
  pyLine = `python jsonschema per line: ${py.ms.toFixed(0)} ms (${(py.ms / ms(ours)).toFixed(1)}x slower than bedrock-mm validate, ${(py.ms / ms(single)).toFixed(1)}x on one thread)`;
}

console.log(`manifest: ${LINES.toLocaleString('en-US')} lines, ${(size / 1e6).toFixed(1)} MB; ${RUNS} alternating runs, medians`);
console.log(`bare node loop (read + split + JSON.parse): ${ms(bare).toFixed(0)} ms, peak RSS ${peakMb(bare).toFixed(0)} MB`);
console.log(`bedrock-mm validate --format json:           ${ms(ours).toFixed(0)} ms = ${ratio.toFixed(2)}x, peak RSS ${peakMb(ours).toFixed(0)} MB = ${memRatio.toFixed(2)}x file size (target <= 3)`);
console.log(`  the same on one thread:                     ${ms(single).toFixed(0)} ms = ${(ms(single) / ms(bare)).toFixed(2)}x, peak RSS ${peakMb(single).toFixed(0)} MB = ${((peakMb(single) * 1024 * 1024) / size).toFixed(2)}x file size`);
console.log(`CPU time (user + system), medians: bare ${cpu(bare).toFixed(0)} ms, ours ${cpu(ours).toFixed(0)} ms = ${(cpu(ours) / cpu(bare)).toFixed(2)}x, one thread ${cpu(single).toFixed(0)} ms = ${(cpu(single) / cpu(bare)).toFixed(2)}x`);
console.log(`all runs (ms): bare ${bare.map((r) => r.ms.toFixed(0)).join(' ')} | ours ${ours.map((r) => r.ms.toFixed(0)).join(' ')} | one thread ${single.map((r) => r.ms.toFixed(0)).join(' ')}`);
console.log(pyLine);
console.log(`RESULT validate ratio=${ratio.toFixed(2)} anchor=bare-node-JSON.parse-loop target=1.5`);

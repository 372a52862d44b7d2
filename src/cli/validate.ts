// `bedrock-mm validate FILE... [--role training|validation|auto] [--deep] [--format text|json] [--max-diagnostics N] [--stats]`
// The editor's validator (src/core/manifest) over files, for CI. Exit 0 no errors, 1 errors, 2 usage or I/O.
import { readFileSync } from 'node:fs';
import { roleFromFileName, seekableInput, spoolStream, validateFileOnThreads, type ManifestDiagnostic, type ManifestRole, type SpooledInput } from '../core/manifest';
import type { CliIo } from './run';
import { endpointsFor } from './endpoints';
import { parseFlags, UsageError } from './usage';
import { deepCheckFile, sharedImagesCheck } from './validateDeep';

export const VALIDATE_USAGE = `Usage: bedrock-mm validate FILE... [--role training|validation|auto] [--deep]
                            [--format text|json] [--max-diagnostics N] [--stats]
  --role             record-count limits to apply (auto: from the file name, *train* / *valid*)
  --deep             also read every image (S3 or local): format, size, sides, pixels, aspect ratio
                     (S3 through the default AWS credential chain; AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the
                     config file's services or BMC_EMULATOR redirect it; any other service redirected needs it too)
  --format           text (file:line:col: severity code: message) or json
  --max-diagnostics  print at most N diagnostics per file (default 1000; counts still cover all)
  --stats            print each file's size, time and threads, then the peak memory, to stderr
FILE - reads standard input; pipes and FIFOs are read to their end (copied to a temporary file first).
Lines of 1 MiB or more are reported as line-too-long with their length, without being read into memory.
Files of 16 MB and more are checked on several threads (one per core, 8 MB each at least);
BEDROCK_MM_THREADS=N sets the number of threads.
`;

interface Args { files: string[]; role: ManifestRole | 'auto'; deep: boolean; format: 'text' | 'json'; max: number; stats: boolean }

/** The flags and files, or a UsageError; `undefined` for --help. */
function readArgs(argv: string[]): Args | undefined {
  const { values: v, positionals: files } = parseFlags(argv, {
    role: { type: 'string', default: 'auto' },
    deep: { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
    'max-diagnostics': { type: 'string', default: '1000' },
    stats: { type: 'boolean', default: false },
  }, VALIDATE_USAGE, true);
  if (v.help) return undefined;
  const fail = (m: string): never => { throw new UsageError(m, VALIDATE_USAGE); };
  const role = v.role;
  if (role !== 'training' && role !== 'validation' && role !== 'auto') return fail(`--role must be training, validation or auto (got '${role}')`);
  if (v.format !== 'text' && v.format !== 'json') return fail(`--format must be text or json (got '${v.format}')`);
  const max = Number(v['max-diagnostics']);
  if (!Number.isInteger(max) || max < 0) return fail('--max-diagnostics needs a whole number >= 0');
  if (files.length === 0) return fail('no FILE given');
  return { files, role, deep: v.deep, format: v.format, max, stats: v.stats };
}

/** `-` is standard input; a pipe, FIFO or device is copied to a temporary file first (see core/manifest/spool). */
async function openInput(path: string, io: CliIo): Promise<SpooledInput> {
  if (path !== '-') return seekableInput(path);
  if (!io.stdin) throw new Error('no standard input here');
  return spoolStream(io.stdin);
}

interface FileResult {
  path: string;
  role: ManifestRole | null;
  records: number;
  errors: number;
  warnings: number;
  diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
}

/** Core records are 0-based; people and compilers count from 1. */
function toOneBased(d: ManifestDiagnostic): FileResult['diagnostics'][number] {
  return { line: d.line + 1, column: d.column + 1, endLine: d.endLine + 1, endColumn: d.endColumn + 1, severity: d.severity, code: d.code, message: d.message };
}

export async function validateCommand(argv: string[], io: CliIo): Promise<number> {
  const args = readArgs(argv);
  if (!args) { io.stdout.write(VALIDATE_USAGE); return 0; }
  // Read once, before any file is read: a partial redirect is refused here (EndpointError, exit 2 in runCli).
  const endpoints = args.deep ? await endpointsFor('bedrock-mm validate --deep', ['s3'], io) : undefined;
  const results: FileResult[] = [];
  const read: { truncated: boolean; bytes?: Uint8Array }[] = [];
  let ioFailed = false;
  for (const path of args.files) {
    const role = args.role === 'auto' ? roleFromFileName(path) : args.role;
    let report;
    let input: SpooledInput | undefined;
    const started = performance.now();
    try {
      input = await openInput(path, io);
      const run = await validateFileOnThreads(input.path, { role, maxDiagnostics: args.max }, io.threadScript); // streams the file in chunks
      report = run.report;
      if (args.stats) io.stderr.write(`${path}: ${(run.bytes / 1e6).toFixed(1)} MB in ${(performance.now() - started).toFixed(0)} ms on ${run.threads} thread${run.threads === 1 ? '' : 's'}\n`);
    } catch (err) {
      io.stderr.write(`bedrock-mm validate: cannot read ${path}: ${(err as Error).message}\n`);
      ioFailed = true;
      input?.dispose();
      continue;
    }
    const result: FileResult = {
      path, role: role ?? null, records: report.records, errors: report.errors, warnings: report.warnings,
      diagnostics: report.diagnostics.map(toOneBased),
    };
    const bytes = args.deep ? readFileSync(input.path) : undefined;
    if (bytes) {
      const deep = await deepCheckFile(path, bytes, io, endpoints ?? {});
      if (typeof deep === 'string') { io.stderr.write(`bedrock-mm validate --deep: ${deep}\n`); ioFailed = true; }
      else {
        for (const d of deep) {
          if (d.severity === 'error') result.errors++; else if (d.severity === 'warning') result.warnings++;
          if (result.diagnostics.length < args.max) result.diagnostics.push(toOneBased(d));
        }
        result.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
      }
    }
    input.dispose();
    results.push(result);
    read.push({ truncated: report.truncated, ...(bytes ? { bytes } : {}) });
    // --deep compares the files with each other after the last one; without it each file prints as it is checked.
    if (args.format === 'text' && !args.deep) io.stdout.write(formatText(result, report.truncated));
  }
  if (args.deep) {
    if (!await addSharedImages(results, read, endpoints ?? {}, args.max, io)) ioFailed = true;
    if (args.format === 'text') results.forEach((r, i) => io.stdout.write(formatText(r, read[i]?.truncated ?? false)));
  }
  if (args.stats) io.stderr.write(`peak memory: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
  if (args.format === 'json') io.stdout.write(`${JSON.stringify({ files: results })}\n`);
  if (ioFailed) return 2;
  return results.some((r) => r.errors > 0) ? 1 : 0;
}

/** One training and one validation file: warnings on the validation lines whose images the training file has. */
async function addSharedImages(results: FileResult[], read: { bytes?: Uint8Array }[], endpoints: Parameters<typeof sharedImagesCheck>[2], max: number, io: CliIo): Promise<boolean> {
  const t = results.filter((r) => r.role === 'training');
  const v = results.filter((r) => r.role === 'validation');
  if (t.length !== 1 || v.length !== 1) return true;
  const [train, valid] = [t[0] as FileResult, v[0] as FileResult];
  const bytesOf = (r: FileResult): Uint8Array => read[results.indexOf(r)]?.bytes ?? new Uint8Array(0);
  const shared = await sharedImagesCheck({ path: train.path, bytes: bytesOf(train) }, { path: valid.path, bytes: bytesOf(valid) }, endpoints);
  if (typeof shared === 'string') { io.stderr.write(`bedrock-mm validate --deep: ${shared}\n`); return false; }
  for (const d of shared) {
    valid.warnings++;
    if (valid.diagnostics.length < max) valid.diagnostics.push(toOneBased(d));
  }
  valid.diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return true;
}

function formatText(r: FileResult, truncated: boolean): string {
  const lines = r.diagnostics.map((d) => `${r.path}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}\n`);
  const shown = truncated || r.diagnostics.length < r.errors + r.warnings ? ` (showing ${r.diagnostics.length})` : '';
  lines.push(`${r.path}: ${r.records.toLocaleString('en-US')} records (${r.role ?? 'role unknown'}), ${r.errors} errors, ${r.warnings} warnings${shown}\n`);
  return lines.join('');
}

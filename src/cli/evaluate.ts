// `bedrock-mm evaluate`: scores imported embeddings (one JSONL file per model) with no AWS at all and prints the
// comparison report as JSON or a text table.

import { EVAL_MODES, type EvalMode } from '../protocol/report';
import { kProblem } from '../core/eval/kValues';
import { compileLabelRule } from '../core/eval/labels';
import { scoreFiles, ScoreInputError } from '../core/eval/scoreFiles';
import { DEFAULT_K } from '../core/eval/spec';
import { formatReportText } from './reportText';
import type { CliIo } from './run';
import { parseFlags, UsageError } from './usage';

export const EVALUATE_USAGE = `Usage: bedrock-mm evaluate --mode MODE --model NAME=EMBEDDINGS.jsonl [--model NAME=FILE ...]
                          [--baseline NAME] [--k 1,3,5,10] [--format json|text] [--label-regex R]
                          [--seed N] [--train MANIFEST.jsonl]

  --mode          text-to-image | image-to-image | classify (repeat or comma-separate for several)
  --model         a model's embeddings: JSONL lines {"id","label","kind":"image"|"text","vector":[...]}
  --baseline      the model the others are compared with (default: the first --model)
  --k             cut-offs for the @k metrics, integers 1 to 1000 (default ${DEFAULT_K.join(',')}; accuracy@1 is always given)
  --label-regex   class = group 1 of this regex on each label, e.g. "The letter (\\w) in sign language"
                  (default: the whole label)
  --seed          seed for the bootstrap and randomization tests (default 20240901)
  --train         training manifest; warns when text queries equal its captions
`;

/** A wrong command line: runCli prints it with this command's usage, exit 2. */
const usage = (message: string): UsageError => new UsageError(message, EVALUATE_USAGE);

function parseKs(text: string): number[] {
  const ks = text.split(',').map((s) => {
    const t = s.trim();
    const problem = kProblem(t === '' ? Number.NaN : Number(t), JSON.stringify(t));
    if (problem) throw usage(`--k: each value ${problem} (in "${text}")`);
    return Number(t);
  });
  return [...new Set(ks)].sort((a, b) => a - b);
}

function parseModes(values: string[]): EvalMode[] {
  const modes = values.flatMap((v) => v.split(',')).map((m) => m.trim());
  if (modes.length === 0) throw usage(`--mode is required: one of ${EVAL_MODES.join(', ')}`);
  for (const m of modes) if (!EVAL_MODES.includes(m as EvalMode)) throw usage(`unknown --mode "${m}": use ${EVAL_MODES.join(', ')}`);
  return [...new Set(modes)] as EvalMode[];
}

export async function evaluateCommand(args: string[], io: CliIo): Promise<number> {
  const parsed = parseFlags(args, {
    mode: { type: 'string', multiple: true },
    model: { type: 'string', multiple: true },
    baseline: { type: 'string' },
    k: { type: 'string', default: DEFAULT_K.join(',') },
    format: { type: 'string', default: 'text' },
    'label-regex': { type: 'string' },
    seed: { type: 'string' },
    train: { type: 'string' },
  }, EVALUATE_USAGE).values;
  if (parsed.help) {
    io.stdout.write(EVALUATE_USAGE);
    return 0;
  }
  const modes = parseModes(parsed.mode ?? []);
  const ks = parseKs(parsed.k ?? '');
  if (parsed.format !== 'json' && parsed.format !== 'text') throw usage(`--format must be json or text, got "${parsed.format}"`);
  const seed = parsed.seed === undefined ? undefined : Number(parsed.seed);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) throw usage(`--seed must be an integer from 0 to 4294967295, got "${parsed.seed}"`);
  const rule = compileLabelRule(parsed['label-regex']);
  if ('error' in rule) throw usage(rule.error);
  const specs = parsed.model ?? [];
  if (specs.length === 0) throw usage('give at least one --model NAME=EMBEDDINGS.jsonl');

  const models: { name: string; embeddings: string }[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) throw usage(`--model must be NAME=EMBEDDINGS.jsonl, got "${spec}"`);
    const name = spec.slice(0, eq);
    if (models.some((m) => m.name === name)) throw usage(`model name "${name}" is given twice`);
    models.push({ name, embeddings: spec.slice(eq + 1) });
  }
  const baseline = parsed.baseline ?? (models[0] as { name: string }).name;
  if (!models.some((m) => m.name === baseline)) throw usage(`--baseline "${baseline}" is not one of the --model names (${models.map((m) => m.name).join(', ')})`);

  let report;
  try {
    report = await scoreFiles({
      models, baseline, modes, ks, labelRule: rule,
      ...(seed !== undefined ? { seed } : {}),
      ...(parsed.train !== undefined ? { trainingManifest: parsed.train } : {}),
    });
  } catch (e) {
    if (!(e instanceof ScoreInputError)) throw e;
    const p = e.problem;
    if (p.kind === 'unreadable') throw usage(`cannot read ${p.model !== undefined ? `embeddings of model ${p.model}` : 'training manifest'} "${p.path}": ${p.code}`);
    if (p.kind === 'empty') throw usage(`${p.path}: no embeddings in the file`);
    for (const err of p.errors.slice(0, 20)) io.stderr.write(`${p.path}:${err.line}: ${err.message}\n`);
    if (p.errors.length > 20) io.stderr.write(`${p.path}: ... and ${p.errors.length - 20} more\n`);
    return 2;
  }
  if (!report) return 2; // not cancellable from the CLI
  io.stdout.write(parsed.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(report));
  return 0;
}

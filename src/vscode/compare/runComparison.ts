// Runs the comparison engine over an embeddings spec inside VS Code: a cancellable progress notification with the
// stage and counts, the report written next to the spec, every input problem reported with its file and line.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { evaluate, type ModelEmbeddings } from '../../core/eval/evaluate';
import { compileLabelRule } from '../../core/eval/labels';
import { parseEmbeddingsJsonl } from '../../core/eval/records';
import type { ComparisonReport, InputFingerprint } from '../../protocol/report';
import type { EmbeddingsSpec } from './spec';

export class ComparisonInputError extends Error {}

export interface Progress {
  report(stage: string, done: number, total: number): void;
}

/** Reads, scores and writes; returns undefined when cancelled (nothing is written then). */
export async function runComparison(spec: EmbeddingsSpec, progress: Progress, token: vscode.CancellationToken): Promise<ComparisonReport | undefined> {
  const rule = compileLabelRule(spec.labelRegex);
  if ('error' in rule) throw new ComparisonInputError(`labelRegex: ${rule.error}`);
  const models: ModelEmbeddings[] = [];
  const inputs: InputFingerprint[] = [];
  const total = spec.models.length + 2;
  for (const [i, m] of spec.models.entries()) {
    if (token.isCancellationRequested) return undefined;
    progress.report(`Reading embeddings of ${m.name}`, i, total);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(m.embeddings));
    } catch (err) {
      throw new ComparisonInputError(`Cannot read the embeddings of ${m.name} (${m.embeddings}): ${err instanceof Error ? err.message : String(err)}`);
    }
    const parsed = parseEmbeddingsJsonl(new TextDecoder().decode(bytes));
    const first = parsed.errors[0];
    if (first) throw new ComparisonInputError(`${m.embeddings}:${first.line}: ${first.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}`);
    if (parsed.records.length === 0) throw new ComparisonInputError(`${m.embeddings}: no embeddings in the file`);
    inputs.push({ role: 'embeddings', source: m.embeddings, model: m.name, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    models.push({ model: { name: m.name, modelId: m.embeddings, embeddingLength: parsed.dim, baseline: m.name === spec.baseline }, records: parsed.records });
  }
  if (token.isCancellationRequested) return undefined;
  progress.report(`Scoring ${spec.modes.length} mode(s) for ${models.length} models, with bootstrap and randomization tests`, spec.models.length, total);
  const report = await evaluate({ models, baseline: spec.baseline, modes: spec.modes, ks: spec.k, labelRule: rule, inputs });
  if (token.isCancellationRequested) return undefined;
  progress.report('Writing the report', spec.models.length + 1, total);
  await vscode.workspace.fs.writeFile(vscode.Uri.file(spec.output), new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`));
  return report;
}

/** Runs `work` under VS Code's cancellable progress notification, reporting stage and counts. */
export function withProgress<T>(work: (progress: Progress, token: vscode.CancellationToken) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Comparing models', cancellable: true },
    (p, token) => {
      let last = 0;
      return work({
        report: (stage, done, total) => {
          const pct = total > 0 ? (done / total) * 100 : 0;
          p.report({ message: `${stage} (${done}/${total})`, increment: Math.max(0, pct - last) });
          last = Math.max(last, pct);
        },
      }, token);
    },
  );
}

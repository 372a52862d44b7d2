// Runs an embeddings spec inside VS Code: the one scoring path (core/eval/scoreFiles, as `bedrock-mm evaluate`)
// under a cancellable progress notification, the report written where the spec says, every input problem reported
// with its file and line.
import { mapSettings } from '../../core/eval/projection/embeddingMap';
import * as vscode from 'vscode';
import { compileLabelRule } from '../../core/eval/labels';
import { scoreFiles, ScoreInputError } from '../../core/eval/scoreFiles';
import type { EmbeddingsSpec } from '../../core/eval/spec';
import type { ComparisonReport } from '../../protocol/report';

export class ComparisonInputError extends Error {}

export interface Progress {
  report(stage: string, done: number, total: number): void;
}

/** Reads, scores and writes; returns undefined when cancelled (nothing is written then). */
export async function runComparison(spec: EmbeddingsSpec, progress: Progress, token: vscode.CancellationToken): Promise<ComparisonReport | undefined> {
  const rule = compileLabelRule(spec.labelRegex);
  if ('error' in rule) throw new ComparisonInputError(`labelRegex: ${rule.error}`);
  const total = spec.models.length + 2;
  let report: ComparisonReport | undefined;
  try {
    report = await scoreFiles({
      models: spec.models, baseline: spec.baseline, modes: spec.modes, ks: spec.k, labelRule: rule,
      ...(spec.seed !== undefined ? { seed: spec.seed } : {}),
      ...(spec.trainingManifest !== undefined ? { trainingManifest: spec.trainingManifest } : {}),
      map: mapSettings(spec.map),
      onStage: (stage, done) => progress.report(stage, done, total),
      cancelled: () => token.isCancellationRequested,
    });
  } catch (err) {
    if (!(err instanceof ScoreInputError)) throw err;
    const p = err.problem;
    if (p.kind === 'unreadable') throw new ComparisonInputError(`Cannot read ${p.model !== undefined ? `the embeddings of ${p.model}` : 'the training manifest'} (${p.path}): ${p.message}`);
    if (p.kind === 'empty') throw new ComparisonInputError(`${p.path}: no embeddings in the file`);
    const [first] = p.errors;
    throw new ComparisonInputError(`${p.path}:${first?.line ?? 0}: ${first?.message ?? ''}${p.errors.length > 1 ? ` (and ${p.errors.length - 1} more)` : ''}`);
  }
  if (!report || token.isCancellationRequested) return undefined;
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

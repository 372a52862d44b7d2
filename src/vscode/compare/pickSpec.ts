// Where "Compare Models..." gets its spec: a compare-spec file (argument, CodeLens or picked from the workspace),
// a spec object passed by another command, or embeddings files the user picks now.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EVAL_MODES, type EvalMode } from '../../protocol/report';
import { modeLabel } from '../../protocol/modeLabel';
import { DEFAULT_K, parseCompareSpec, parseCompareSpecValue, placeOfFile, type EmbeddingsSpec, type SpecProblem, type SpecResult } from '../../core/eval/spec';

/**
 * An embeddings spec this feature scores itself (with the file it came from, whose workspace folder its report
 * must stay in), a spec of models by id for the pipeline, or what is wrong. Both forms are parsed by core/eval/spec.
 */
export type SpecSource = { spec: EmbeddingsSpec; from?: vscode.Uri } | { pipeline: vscode.Uri } | { errors: string[]; where: string } | undefined;

const located = (p: SpecProblem): string => `${p.line}:${p.column}: ${p.message}`;

function toSource(parsed: SpecResult, where: string, uri?: vscode.Uri): SpecSource {
  if ('problems' in parsed) return { errors: parsed.problems.map(uri ? located : (p) => p.message), where };
  if (parsed.spec.kind === 'models') return uri ? { pipeline: uri } : { errors: ['models given by "modelId" are compared from a *.compare.json file (the pipeline reads its manifests beside it)'], where };
  return uri ? { spec: parsed.spec, from: uri } : { spec: parsed.spec };
}

export async function specFromFile(uri: vscode.Uri): Promise<SpecSource> {
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (err) {
    return { errors: [`not readable: ${err instanceof Error ? err.message : String(err)}`], where: uri.fsPath };
  }
  return toSource(parseCompareSpec(text, placeOfFile(uri.fsPath)), uri.fsPath, uri);
}

export function specFromObject(value: unknown): SpecSource {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? process.cwd();
  return toSource(parseCompareSpecValue(value, { baseDir: folder, defaultOutput: path.join(folder, 'comparison.report.json') }), 'the compare spec');
}

const PICK_FILES = '$(files) Choose embeddings files...';

export async function pickSpec(): Promise<SpecSource> {
  const specs = await vscode.workspace.findFiles('**/*.compare.json', '**/node_modules/**', 50);
  if (specs.length > 0) {
    const choice = await vscode.window.showQuickPick(
      [...specs.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u as vscode.Uri | undefined })), { label: PICK_FILES, uri: undefined }],
      { title: 'Compare Models: choose a compare spec', placeHolder: 'A *.compare.json in the workspace, or embeddings files' });
    if (!choice) return undefined;
    if (choice.uri) return specFromFile(choice.uri);
  }
  const files = await vscode.window.showOpenDialog({
    title: 'Compare Models: choose one embeddings JSONL per model (at least two)', canSelectMany: true,
    filters: { 'Embeddings (JSONL)': ['jsonl'] }, openLabel: 'Compare',
  });
  if (!files) return undefined;
  if (files.length < 2) return { errors: ['choose at least two embeddings files: the baseline and a model to compare with it'], where: 'Compare Models' };
  const names = files.map((f) => path.basename(f.fsPath).replace(/(\.embeddings)?\.jsonl$/i, ''));
  const baseline = await vscode.window.showQuickPick(names, { title: 'Compare Models: which one is the baseline?' });
  if (!baseline) return undefined;
  const modes = await vscode.window.showQuickPick(
    EVAL_MODES.map((m) => ({ label: modeLabel(m), mode: m, picked: true })),
    { title: 'Compare Models: evaluation modes', canPickMany: true });
  if (!modes || modes.length === 0) return undefined;
  const labelRegex = await vscode.window.showInputBox({
    title: 'Compare Models: label rule (optional)',
    prompt: 'A regex whose group 1 is the class, e.g. The letter (\\w) in sign language. Empty: the whole caption is the class.',
    validateInput: (v) => { try { if (v) new RegExp(v); return undefined; } catch (e) { return `Not a valid regex: ${(e as Error).message}`; } },
  });
  if (labelRegex === undefined) return undefined;
  const folder = path.dirname(files[0]?.fsPath ?? '.');
  return specFromObject({
    models: files.map((f, i) => ({ name: names[i], embeddings: f.fsPath, ...(names[i] === baseline ? { baseline: true } : {}) })),
    modes: modes.map((m) => m.mode as EvalMode), k: [...DEFAULT_K],
    ...(labelRegex ? { labelRegex } : {}), output: path.join(folder, 'comparison.report.json'),
  });
}

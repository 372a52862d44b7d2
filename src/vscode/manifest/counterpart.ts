// Which manifest goes with the one being validated (a training manifest's validation manifest, or the reverse), so
// Validate Images can report the images they share. A job spec names its manifests by S3 URI, not by the workspace
// files the editor shows, so the pair is found where a user keeps it: the same folder, the other role (file name or
// bedrockCustomizer.manifest.role(s)), the same name apart from the role word (train.jsonl + valid.jsonl,
// letters-train.jsonl + letters-validation.jsonl). Only when that leaves a choice is the user asked.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Choice, InputDriver, PickStep } from '../../core/lifecycle/steps';
import type { ManifestRole } from '../../core/manifest';

export const NO_COUNTERPART = '<none>';

/** The name without its role word and extension: `letters-train.jsonl` and `letters-valid.jsonl` give `letters-`. */
function stem(name: string): string {
  return name.toLowerCase().replace(/\.jsonl$/, '').replace(/validation|valid|training|train/g, '');
}

/** The other manifest, or undefined (no role, none found, or the user chose none). */
export async function findCounterpart(
  doc: vscode.Uri, role: ManifestRole | undefined, roleOf: (uri: vscode.Uri) => ManifestRole | undefined, driver: () => InputDriver,
): Promise<{ uri: vscode.Uri; role: ManifestRole } | undefined> {
  if (role === undefined || doc.scheme !== 'file') return undefined;
  const other: ManifestRole = role === 'training' ? 'validation' : 'training';
  const folder = vscode.Uri.file(path.dirname(doc.fsPath));
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
  const mine = path.basename(doc.fsPath);
  const candidates = entries
    .filter(([name, type]) => type === vscode.FileType.File && name !== mine && name.toLowerCase().endsWith('.jsonl'))
    .map(([name]) => vscode.Uri.joinPath(folder, name))
    .filter((uri) => roleOf(uri) === other)
    .sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  const same = candidates.filter((uri) => stem(path.basename(uri.fsPath)) === stem(mine));
  const only = same.length === 1 ? same[0] : candidates.length === 1 ? candidates[0] : undefined;
  if (only) return { uri: only, role: other };
  if (candidates.length === 0) return undefined;
  const choices: Choice[] = [
    ...candidates.map((uri) => ({ label: path.basename(uri.fsPath), value: uri.fsPath, description: other })),
    { label: 'None', value: NO_COUNTERPART, description: `check only ${mine}'s images` },
  ];
  const step: PickStep<object> = {
    kind: 'pick', id: 'sharedImages.counterpart', title: 'Validate Images',
    placeholder: `Which ${other} manifest goes with ${mine}? Images they share are reported at both lines.`,
    choices: () => choices, apply: () => undefined,
  };
  const answer = await driver().pick(step, choices, {}, { step: 1, total: 1 });
  if (typeof answer !== 'string' || answer === NO_COUNTERPART) return undefined;
  return { uri: vscode.Uri.file(answer), role: other };
}

// Dataset tools: "Create manifest from folder" (upload a class-per-subfolder image tree to S3 with bounded
// concurrency and progress, write the manifest) and "Split into training and validation" (seeded, stratified,
// near-duplicate copies kept together; the seed and counts go to a `.split.json` sidecar, since a comment line
// would be invalid JSON Lines).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { mapBounded } from '../../core/concurrency';
import { manifestLine, planFolderManifest } from '../../core/dataset/folder';
import { splitRecords, type SplitRecord } from '../../core/dataset/split';
import { isOurSplitOutput, isOurSplitSidecar } from '../../core/files/ours';
import { describeIssue, writeIssues } from '../../core/files/placement';
import type { InputDriver } from '../../core/lifecycle/steps';
import { splitLines } from '../../core/manifest';
import type { Commands } from '../commands/registry';
import type { Config } from '../shell/config';
import type { Log } from '../shell/log';
import type { Services } from '../shell/services';
import { approveWrites, placeWrite, rootFor } from '../shell/writeGuard';
import type { ImageSources } from './imageSources';

/** Every file below `dir`, as paths relative to `root` (into `out`: no spreading of 100,000-file folders). */
async function listFiles(root: vscode.Uri, dir = '', out: string[] = []): Promise<string[]> {
  for (const [name, type] of await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, dir))) {
    const rel = dir ? `${dir}/${name}` : name;
    if (type === vscode.FileType.Directory) await listFiles(root, rel, out);
    else if (type === vscode.FileType.File) out.push(rel);
  }
  return out;
}

export interface CreateFromFolderArgs { folder?: vscode.Uri; s3Prefix?: string; captionTemplate?: string; output?: vscode.Uri }

export async function createManifestFromFolder(config: Config, log: Log, sources: ImageSources, driver: () => InputDriver, args: CreateFromFolderArgs = {}): Promise<vscode.Uri | undefined> {
  const folder = args.folder ?? (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Use this image folder' }))?.[0];
  if (!folder) return undefined;
  const s3Prefix = args.s3Prefix ?? await vscode.window.showInputBox({
    title: 'Create manifest from folder (1/2): S3 prefix to upload to', value: config.get('manifest.s3Prefix'), placeHolder: 's3://bucket/prefix',
    validateInput: (v) => (/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(v.trim()) ? undefined : 'Write an S3 prefix like s3://bucket/prefix'),
  });
  if (!s3Prefix) return undefined;
  const template = args.captionTemplate ?? await vscode.window.showInputBox({
    title: 'Create manifest from folder (2/2): caption template', value: config.get('manifest.captionTemplate'),
    prompt: '{label} is replaced by the image\'s subfolder name',
  });
  if (template === undefined) return undefined;
  const plan = planFolderManifest(await listFiles(folder), s3Prefix, template);
  if (typeof plan === 'string') throw new Error(`Create manifest: ${plan}`); // presented by the command registry
  if (plan.entries.length === 0) {
    void vscode.window.showWarningMessage('No PNG or JPEG images in subfolders of that folder: put each class in its own subfolder (A/A1.jpg, B/B1.jpg, ...).');
    return undefined;
  }
  const proposed = args.output ?? vscode.Uri.file(path.join(path.dirname(folder.fsPath), `${path.basename(folder.fsPath)}-manifest.jsonl`));
  // Asked before uploading anything: the manifest stays in the workspace and replaces no existing file unasked.
  const output = await placeWrite(proposed, { root: rootFor(folder), isOurs: () => false, what: 'the manifest', driver: driver(), filters: { 'Manifest (JSONL)': ['jsonl'] } });
  if (!output) { log.info(`Create manifest: not written to ${proposed.fsPath} (not approved).`); return undefined; }
  const failures: string[] = [];
  const uploaded = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Uploading ${plan.entries.length} images to ${s3Prefix}`, cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const sub = token.onCancellationRequested(() => abort.abort());
      let done = 0;
      try {
        return await mapBounded(plan.entries, config.get('manifest.uploadConcurrency'), async (entry) => {
          try {
            const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, entry.relativePath));
            await sources.upload(entry.bucket, entry.key, bytes, /\.png$/i.test(entry.key) ? 'image/png' : 'image/jpeg');
            return entry;
          } catch (err) {
            failures.push(`${entry.relativePath}: ${(err as Error).message}`);
            return undefined;
          } finally {
            done++;
            progress.report({ increment: 100 / plan.entries.length, message: `${done} of ${plan.entries.length}` });
          }
        }, abort.signal);
      } finally {
        sub.dispose();
      }
    },
  );
  const lines = uploaded.filter((e) => e !== undefined).map(manifestLine);
  await vscode.workspace.fs.writeFile(output, Buffer.from(`${lines.join('\n')}\n`));
  for (const f of failures) log.error(`Upload failed: ${f}`);
  const note = [`${lines.length} images uploaded and written to ${path.basename(output.fsPath)}`];
  if (failures.length > 0) note.push(`${failures.length} failed (see the log)`);
  if (lines.length < plan.entries.length - failures.length) note.push('cancelled before the end');
  if (plan.skipped.length > 0) note.push(`${plan.skipped.length} files skipped (not PNG/JPEG in a subfolder)`);
  void vscode.window.showInformationMessage(`${note.join('; ')}.`);
  await vscode.window.showTextDocument(output);
  return output;
}

export interface SplitArgs { manifest?: vscode.Uri; seed?: number; validationFraction?: number }

export interface SplitOutput { training: vscode.Uri; validation: vscode.Uri; sidecar: vscode.Uri }

export async function splitManifest(config: Config, log: Log, driver: () => InputDriver, args: SplitArgs = {}): Promise<SplitOutput | undefined> {
  const source = args.manifest ?? vscode.window.activeTextEditor?.document.uri;
  if (!source) { void vscode.window.showWarningMessage('Open the manifest to split first.'); return undefined; }
  let seed = args.seed;
  if (seed === undefined) {
    const typed = await vscode.window.showInputBox({
      title: 'Split into training and validation: seed', value: String(config.get('manifest.splitSeed')),
      validateInput: (v) => (Number.isInteger(Number(v)) ? undefined : 'A whole number: the same seed gives the same split'),
    });
    if (typed === undefined) return undefined;
    seed = Number(typed);
  }
  const fraction = args.validationFraction ?? config.get('manifest.validationFraction');
  const text = Buffer.from(await vscode.workspace.fs.readFile(source)).toString('utf8');
  const records: SplitRecord[] = [];
  let skipped = 0;
  for (const line of splitLines(text)) {
    if (line.trim() === '') continue;
    try {
      const v = JSON.parse(line) as Record<string, unknown>;
      const ref = v['image-ref'];
      if (typeof ref === 'string') records.push({ text: line, imageRef: ref, caption: typeof v['caption'] === 'string' ? v['caption'] : '' });
      else skipped++;
    } catch { skipped++; }
  }
  const result = splitRecords(records, { seed, validationFraction: fraction });
  const base = source.fsPath.replace(/\.jsonl$/i, '');
  const out: SplitOutput = {
    training: vscode.Uri.file(`${base}-train.jsonl`),
    validation: vscode.Uri.file(`${base}-validation.jsonl`),
    sidecar: vscode.Uri.file(`${base}.split.json`),
  };
  // The outputs stay in the workspace; existing ones are replaced without asking only when an earlier split's
  // sidecar names them (a hand-made `x-train.jsonl` is the user's).
  const ours = (file: string): boolean => file === out.sidecar.fsPath ? isOurSplitSidecar(file) : isOurSplitOutput(out.sidecar.fsPath, file);
  const root = rootFor(source);
  const issues = [out.training, out.validation, out.sidecar].flatMap((u) => writeIssues(root, u.fsPath, ours));
  if (!(await approveWrites(driver(), issues, 'the split manifests'))) {
    log.info(`Split not written: ${issues.map(describeIssue).join('; ')}`);
    return undefined;
  }
  await vscode.workspace.fs.writeFile(out.training, Buffer.from(`${result.training.join('\n')}\n`));
  await vscode.workspace.fs.writeFile(out.validation, Buffer.from(`${result.validation.join('\n')}\n`));
  const sidecar = {
    source: path.basename(source.fsPath), seed, validationFraction: fraction, groups: result.groups,
    training: { file: path.basename(out.training.fsPath), records: result.training.length },
    validation: { file: path.basename(out.validation.fsPath), records: result.validation.length },
    skippedLines: skipped, perLabel: result.perLabel,
  };
  await vscode.workspace.fs.writeFile(out.sidecar, Buffer.from(`${JSON.stringify(sidecar, null, 2)}\n`));
  void vscode.window.showInformationMessage(`Split ${records.length} records (seed ${seed}): ${result.training.length} training, ${result.validation.length} validation; details in ${path.basename(out.sidecar.fsPath)}.`);
  return out;
}

/** "Create Manifest from Folder" and "Split Manifest" (a Uri from the explorer's context menu, or the args). */
export function datasetCommands({ config, log, input }: Services, sources: ImageSources): Commands<'createFromFolder' | 'splitManifest'> {
  const driver = (): InputDriver => input.driver();
  return {
    createFromFolder: (arg?: vscode.Uri | CreateFromFolderArgs) =>
      createManifestFromFolder(config, log, sources, driver, arg instanceof vscode.Uri ? { folder: arg } : arg),
    splitManifest: (arg?: vscode.Uri | SplitArgs) =>
      splitManifest(config, log, driver, arg instanceof vscode.Uri ? { manifest: arg } : arg),
  };
}

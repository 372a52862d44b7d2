// Keeps one IncrementalManifest per open manifest document: built on open, patched line by line on every change
// (so a 100,000-line file re-checks only the edited lines), republished to the one DiagnosticCollection after a
// short debounce, and dropped (diagnostics cleared) on close.
import * as vscode from 'vscode';
import { imageRefRange, IncrementalManifest, placeDeepProblems, roleFromFileName, type DeepProblem, type ManifestDiagnostic, type ManifestRole } from '../../core/manifest';
import { placeSharedWarnings, type SharedImageWarning } from '../../core/manifest/sharedImages';
import type { Config } from '../shell/config';
import type { Log } from '../shell/log';
import { toDiagnostics } from './toVscode';

const DEBOUNCE_MS = 120;

export class ManifestDocuments implements vscode.Disposable {
  private readonly models = new Map<string, IncrementalManifest>();
  /** Deep-check findings per document, per image-ref: they follow the ref through edits. */
  private readonly deep = new Map<string, ReadonlyMap<string, readonly DeepProblem[]>>();
  /**
   * Images each document shares with another manifest (Validate Images over a training + validation pair), by the
   * other's URI. Kept when a document closes: an unshown counterpart VS Code closes shows them again when reopened.
   */
  private readonly shared = new Map<string, Map<string, readonly SharedImageWarning[]>>();
  /** What was last published per document (quick fixes read their edits from here). */
  private readonly published = new Map<string, ManifestDiagnostic[]>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were republished. */
  readonly onDidUpdate = this.changed.event;

  constructor(private readonly collection: vscode.DiagnosticCollection, private readonly config: Config, private readonly log: Log) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.open(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.change(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d)),
      config.onDidChange(['manifest.include', 'manifest.role', 'manifest.roles', 'manifest.maxDiagnostics', 'manifest.s3Prefix'], () => this.reopenAll()),
      this.changed,
    );
    for (const d of vscode.workspace.textDocuments) this.open(d);
  }

  model(uri: vscode.Uri): IncrementalManifest | undefined {
    return this.models.get(uri.toString());
  }

  lastPublished(uri: vscode.Uri): readonly ManifestDiagnostic[] {
    return this.published.get(uri.toString()) ?? [];
  }

  /**
   * Publishes the report of a file validated on disk (not open, or too big for VS Code to hand to extensions).
   * An open document's live diagnostics win: returns false and leaves them.
   */
  publishFileReport(uri: vscode.Uri, records: ManifestDiagnostic[], total: number): boolean {
    if (this.models.has(uri.toString())) return false;
    this.published.set(uri.toString(), records);
    this.collection.set(uri, toDiagnostics(records, uri, this.config.get('manifest.maxDiagnostics'), total));
    this.changed.fire(uri);
    return true;
  }

  setDeepResults(uri: vscode.Uri, byRef: ReadonlyMap<string, readonly DeepProblem[]>): void {
    this.deep.set(uri.toString(), byRef);
    this.publish(uri);
  }

  /** The warnings for the images `uri` shares with `other` (replacing that pair's last result). */
  setSharedResults(uri: vscode.Uri, other: vscode.Uri, warnings: readonly SharedImageWarning[]): void {
    const key = uri.toString();
    const mine = this.shared.get(key) ?? new Map<string, readonly SharedImageWarning[]>();
    mine.set(other.toString(), warnings);
    this.shared.set(key, mine);
    this.publish(uri);
  }

  /** Forgets every shared-image result this manifest is part of, on both sides (a rerun found no counterpart). */
  clearSharedResults(uri: vscode.Uri): void {
    const key = uri.toString();
    const mine = this.shared.get(key);
    if (!mine) return;
    this.shared.delete(key);
    this.publish(uri);
    for (const other of mine.keys()) {
      if (this.shared.get(other)?.delete(key)) this.publish(vscode.Uri.parse(other));
    }
  }

  isManifest(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return false;
    if (!doc.fileName.toLowerCase().endsWith('.jsonl') && doc.languageId !== 'jsonl') return false;
    const globs = this.config.get('manifest.include');
    if (globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0)) return true;
    // Any other JSON Lines file that looks like a manifest: its first line names an image-ref.
    return doc.lineCount > 0 && doc.lineAt(0).text.includes('"image-ref"');
  }

  role(doc: vscode.TextDocument): ManifestRole | undefined {
    return this.roleFor(doc.fileName, (pattern) => vscode.languages.match({ pattern }, doc) > 0);
  }

  /**
   * The role of a file that is not open: the setting, else the file name. The glob map is skipped: VS Code matches
   * globs only against documents it has handed to extensions.
   */
  roleOfFile(uri: vscode.Uri): ManifestRole | undefined {
    return this.roleFor(uri.fsPath, () => false);
  }

  private roleFor(fileName: string, matches: (pattern: string) => boolean): ManifestRole | undefined {
    const fixed = this.config.get('manifest.role');
    if (fixed !== 'auto') return fixed;
    for (const [pattern, role] of Object.entries(this.config.get('manifest.roles'))) {
      if (matches(pattern)) return role;
    }
    return roleFromFileName(fileName);
  }

  /** Validates now and publishes (used on open, by commands and by tests through the change event). */
  private open(doc: vscode.TextDocument): void {
    if (!this.isManifest(doc)) return;
    try {
      const model = new IncrementalManifest(doc.getText(), { role: this.role(doc), s3Prefix: this.config.get('manifest.s3Prefix') || undefined });
      this.models.set(doc.uri.toString(), model);
      this.publish(doc.uri);
    } catch (err) {
      this.log.error(`Manifest validation failed for ${doc.uri.fsPath}: ${String(err)}`);
    }
  }

  private change(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const model = this.models.get(key);
    if (!model) {
      // A file can start to look like a manifest as it is typed.
      if (e.contentChanges.length > 0 && this.isManifest(e.document)) this.open(e.document);
      return;
    }
    if (e.contentChanges.length === 0) return;
    const doc = e.document;
    const only = e.contentChanges.length === 1 ? e.contentChanges[0] : undefined;
    if (only) {
      // The old lines start..end were replaced by the lines the new text now covers.
      const start = only.range.start.line;
      const oldCount = only.range.end.line - start + 1;
      let newCount = 1;
      for (let i = only.text.indexOf('\n'); i >= 0; i = only.text.indexOf('\n', i + 1)) newCount++;
      const lines: string[] = [];
      for (let k = 0; k < newCount && start + k < doc.lineCount; k++) lines.push(doc.lineAt(start + k).text);
      model.replaceLines(start, oldCount, lines);
    } else {
      model.setText(doc.getText()); // several cursors at once: rare, re-check all
    }
    if (model.lineCount !== doc.lineCount) {
      this.log.warn(`Manifest model out of step with ${doc.uri.fsPath} (${model.lineCount} vs ${doc.lineCount} lines): re-checking all`);
      model.setText(doc.getText());
    }
    this.schedule(doc.uri);
  }

  private close(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    this.models.delete(key);
    this.deep.delete(key);
    this.published.delete(key);
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.delete(key);
    this.collection.delete(doc.uri);
  }

  private reopenAll(): void {
    this.collection.clear();
    this.models.clear();
    for (const d of vscode.workspace.textDocuments) this.open(d);
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.timers.get(key);
    if (t) clearTimeout(t);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.publish(uri);
      // The manifests sharing images with this one link its lines: they move with the edit.
      for (const other of this.shared.get(key)?.keys() ?? []) this.publish(vscode.Uri.parse(other));
    }, DEBOUNCE_MS));
  }

  private publish(uri: vscode.Uri): void {
    const model = this.models.get(uri.toString());
    if (!model) return;
    let records = model.diagnostics();
    const deep = this.deep.get(uri.toString());
    const shared = [...this.shared.get(uri.toString()) ?? []];
    if (deep && deep.size > 0) {
      records = records.concat(placeDeepProblems(deep, (ref) => model.linesOf(ref), (line) => model.lineText(line), imageRefRange));
    }
    for (const [other, warnings] of shared) records = records.concat(placeSharedWarnings(warnings, model, this.models.get(other)));
    if ((deep && deep.size > 0) || shared.length > 0) records.sort((a, b) => a.line - b.line || a.column - b.column);
    this.published.set(uri.toString(), records);
    this.collection.set(uri, toDiagnostics(records, uri, this.config.get('manifest.maxDiagnostics')));
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

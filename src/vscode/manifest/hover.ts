// Hover on an image-ref: the image itself (a local file by URI, an S3 object up to 1 MB inlined as a data: URI,
// fetched once and cached), its format, size and sides, and what Bedrock would object to.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { checkImage, imageRefRange } from '../../core/manifest';
import type { ImageSources } from './imageSources';
import type { ManifestDocuments } from './manifestDocuments';

const PREVIEW_MAX_BYTES = 1024 * 1024;

function kb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

export class ManifestHover implements vscode.HoverProvider {
  private readonly previews = new Map<string, string | undefined>();

  constructor(private readonly docs: ManifestDocuments, private readonly sources: ImageSources) {}

  async provideHover(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const model = this.docs.model(doc.uri);
    const ref = model?.imageRefAt(pos.line);
    if (!model || ref === undefined) return undefined;
    const [start, end] = imageRefRange(doc.lineAt(pos.line).text);
    if (pos.character < start || pos.character > end) return undefined;
    const range = new vscode.Range(pos.line, start, pos.line, end);
    // Our own words are Markdown; anything from the file or S3 (refs, messages quoting them) goes in with
    // appendText, escaped, so a ref like `[x](command:...)` shows as text, never as a link or HTML. Not trusted.
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    md.supportHtml = false;
    try {
      const verdict = await checkImage(this.sources.forDocument(doc), ref, this.sources.limits(), this.sources.cache);
      if (verdict.kind !== 'facts') {
        md.appendMarkdown(`**${verdict.kind === 'missing' ? 'Image not found' : verdict.kind === 'denied' ? 'Access denied' : 'Cannot read the image'}**: `);
        md.appendText(verdict.message);
        return new vscode.Hover(md, range);
      }
      const f = verdict.facts;
      const src = await this.previewSource(doc, ref, f.size, f.format);
      if (src) md.appendMarkdown(`![image](${src}|height=160)\n\n`);
      const sides = f.width && f.height ? `${f.width} × ${f.height} px` : 'size unknown';
      md.appendMarkdown(`**${f.format?.toUpperCase() ?? 'Unknown format'}** · ${sides} · ${kb(f.size)}`);
      for (const p of f.problems) {
        md.appendMarkdown(`\n\n$(error) \`${p.code}\` `);
        md.appendText(p.message);
      }
    } catch (err) {
      md.appendMarkdown('Cannot read the image: ');
      md.appendText((err as Error).message);
    }
    return new vscode.Hover(md, range);
  }

  private async previewSource(doc: vscode.TextDocument, ref: string, size: number, format: string | undefined): Promise<string | undefined> {
    if (!format) return undefined;
    if (!ref.startsWith('s3://')) {
      const file = path.isAbsolute(ref) ? ref : path.join(path.dirname(doc.uri.fsPath), ref);
      return vscode.Uri.file(file).toString();
    }
    if (size > PREVIEW_MAX_BYTES) return undefined;
    if (!this.previews.has(ref)) {
      const bytes = await this.sources.readSmall(ref, PREVIEW_MAX_BYTES);
      this.previews.set(ref, bytes ? `data:image/${format};base64,${Buffer.from(bytes).toString('base64')}` : undefined);
    }
    return this.previews.get(ref);
  }
}

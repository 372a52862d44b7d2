// What the open workspace recorded: job specs (`*.bedrock-job.json`) and `createdResources` blocks of comparison
// runs, read through VS Code's file system so remote workspaces work too.
import * as vscode from 'vscode';
import { mayRecordResources, readCreatedResources, readSpecRecord, type CreatedResources, type SpecRecord } from '../../core/cleanup/records';

const EXCLUDE = '{**/node_modules/**,**/.git/**,**/dist/**,**/out/**}';
const MAX_JSON_FILES = 2000;

export async function readWorkspaceRecords(): Promise<{ specs: SpecRecord[]; created: { file: string; resources: CreatedResources }[] }> {
  const decoder = new TextDecoder();
  const read = async (uri: vscode.Uri): Promise<string> => decoder.decode(await vscode.workspace.fs.readFile(uri));
  const specs: SpecRecord[] = [];
  for (const uri of await vscode.workspace.findFiles('**/*.bedrock-job.json', EXCLUDE)) {
    const spec = readSpecRecord(vscode.workspace.asRelativePath(uri), await read(uri).catch(() => ''));
    if (spec) specs.push(spec);
  }
  const created: { file: string; resources: CreatedResources }[] = [];
  for (const uri of await vscode.workspace.findFiles('**/*.json', EXCLUDE, MAX_JSON_FILES)) {
    if (uri.path.endsWith('.bedrock-job.json')) continue;
    const text = await read(uri).catch(() => '');
    if (!mayRecordResources(text)) continue;
    const resources = readCreatedResources(text);
    if (resources) created.push({ file: vscode.workspace.asRelativePath(uri), resources });
  }
  return { specs, created };
}

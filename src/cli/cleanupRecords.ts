// Finds what a workspace folder recorded (job specs, `createdResources` blocks) for `bedrock-mm cleanup`.
// The extension does the same through vscode.workspace.findFiles; both hand the texts to src/core/cleanup/records.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { mayRecordResources, readCreatedResources, readSpecRecord, type CreatedResources, type SpecRecord } from '../core/cleanup/records';

const SKIP = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test']);
const MAX_JSON_BYTES = 20 * 1024 * 1024;

function* jsonFiles(dir: string, depth: number): Generator<string> {
  if (depth < 0) return;
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) yield* jsonFiles(p, depth - 1);
    else if (name.endsWith('.json') && st.size <= MAX_JSON_BYTES) yield p;
  }
}

export function readWorkspaceRecords(root: string): { specs: SpecRecord[]; created: { file: string; resources: CreatedResources }[] } {
  const specs: SpecRecord[] = [];
  const created: { file: string; resources: CreatedResources }[] = [];
  for (const path of jsonFiles(root, 6)) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    if (path.endsWith('.bedrock-job.json')) {
      const spec = readSpecRecord(file, text);
      if (spec) specs.push(spec);
    } else if (mayRecordResources(text)) {
      const resources = readCreatedResources(text);
      if (resources) created.push({ file, resources });
    }
  }
  return { specs, created };
}

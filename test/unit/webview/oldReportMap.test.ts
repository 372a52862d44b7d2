// A schema-1 report's map is computed again from the embeddings files it names (checked by SHA-256), equal to the
// map a schema-2 run writes; a changed file or a report scored from Bedrock embeddings is refused with the reason.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../../../src/core/eval/evaluate';
import { WHOLE_CAPTION } from '../../../src/core/eval/labels';
import { parseEmbeddingsJsonl } from '../../../src/core/eval/records';
import { computeOldReportMap } from '../../../src/vscode/compare/oldReportMap';
import { writeCompareFixture } from '../../support/compareFixture';

async function schema1Report(): Promise<{ file: string; report: Awaited<ReturnType<typeof evaluate>>; tuned: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'old-report-'));
  const f = writeCompareFixture(dir);
  const files = [['base', f.base], ['fine-tuned', f.tuned]] as const;
  const report = await evaluate({
    models: files.map(([name, file]) => ({ model: { name, baseline: name === 'base' }, records: parseEmbeddingsJsonl(readFileSync(file, 'utf8')).records })),
    baseline: 'base', modes: ['text-to-image'], ks: [1, 5], labelRule: WHOLE_CAPTION,
    inputs: files.map(([name, file]) => ({ role: 'embeddings', source: file, model: name, sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), bytes: 0 })),
  });
  return { file: join(dir, 'letters.report.json'), report, tuned: f.tuned };
}

test('old report: the map is computed from the recorded embeddings files, as a new run writes it', async () => {
  const { file, report } = await schema1Report();
  const expected = report.embeddingMap;
  assert.ok(expected, 'a schema-2 run writes a map');
  const old = { ...report, schemaVersion: 1 };
  delete old.embeddingMap;
  assert.deepEqual(await computeOldReportMap(old, file), expected);
});

test('old report: a changed embeddings file or Bedrock embeddings are refused with the reason', async () => {
  const { file, report, tuned } = await schema1Report();
  await assert.rejects(computeOldReportMap({ ...report, inputs: [] }, file), /No embeddings file is recorded for base, fine-tuned \(the report was scored from Bedrock embeddings\)/);
  appendFileSync(tuned, '\n');
  await assert.rejects(computeOldReportMap(report, file), /fine-tuned\.embeddings\.jsonl changed since the report was written/);
});

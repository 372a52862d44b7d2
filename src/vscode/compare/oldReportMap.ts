// The embedding map for a report written before schema 2 (no `embeddingMap`): recomputed on the extension host by the
// report's own projection (core/eval/projection) from the embeddings files the report names, after checking each
// file is byte for byte the one scored (its SHA-256 in `inputs`). A report scored from Bedrock embeddings names no
// such file: that case fails with a message saying so rather than drawing anything else. No vscode import.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { compileLabelRule, WHOLE_CAPTION, type LabelRule } from '../../core/eval/labels';
import { buildEmbeddingMap, DEFAULT_MAP } from '../../core/eval/projection/embeddingMap';
import { parseEmbeddingsJsonl } from '../../core/eval/records';
import type { ComparisonReport, EmbeddingMap } from '../../protocol/report';

/** The label rule a report states in its conventions, compiled again (`regex /.../, group 1` or the whole caption). */
export function labelRuleOf(report: ComparisonReport): LabelRule {
  const m = /^regex \/(.*)\/, group 1$/.exec(report.conventions.labelRule);
  if (!m) return WHOLE_CAPTION;
  const rule = compileLabelRule(m[1]);
  if ('error' in rule) throw new Error(`The report's label rule cannot be compiled again: ${rule.error}`);
  return rule;
}

export async function computeOldReportMap(report: ComparisonReport, reportFile: string): Promise<EmbeddingMap> {
  const folder = path.dirname(reportFile);
  const files = report.models.map((m) => ({ model: m.name, input: report.inputs.find((i) => i.role === 'embeddings' && i.model === m.name) }));
  const missing = files.filter((f) => !f.input).map((f) => f.model);
  if (missing.length > 0) {
    throw new Error(`No embeddings file is recorded for ${missing.join(', ')} (the report was scored from Bedrock embeddings): `
      + 'the map cannot be computed for it here yet; run the comparison again to get a report with its map.');
  }
  const models = [];
  for (const { model, input } of files) {
    if (!input) continue;
    const file = path.resolve(folder, input.source);
    const bytes = await readFile(file).catch((err: unknown) => { throw new Error(`Cannot read ${file} for the map: ${(err as Error).message}`); });
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (sha !== input.sha256) throw new Error(`${file} changed since the report was written (SHA-256 ${sha.slice(0, 12)}..., report ${input.sha256.slice(0, 12)}...): the map would not show what was scored.`);
    models.push({ name: model, records: parseEmbeddingsJsonl(bytes.toString('utf8')).records });
  }
  const map = buildEmbeddingMap(models, labelRuleOf(report), DEFAULT_MAP);
  if (!map) throw new Error('The embeddings files hold no item every model has with a label the rule matches.');
  return map;
}

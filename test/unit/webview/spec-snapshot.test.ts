import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { defaultReportPath, parseEmbeddingsSpec } from '../../../src/vscode/compare/spec';
import { buildSnapshot } from '../../../src/vscode/compare/snapshot';
import { arnOf, BASE_MODEL_ID, modelSpecText } from '../../../src/vscode/compare/modelSpec';
import { parseCompareSpec } from '../../../src/core/eval/spec';
import { reportProblem } from '../../../src/vscode/compare/reportProblem';
import { REPORT_SCHEMA_VERSION, type ComparisonReport } from '../../../src/protocol/report';

const DIR = path.resolve('/work/specs');

test('compare spec: defaults, resolved paths, baseline flag', () => {
  const r = parseEmbeddingsSpec({ models: [{ name: 'base', embeddings: 'b.jsonl' }, { name: 'tuned', embeddings: '/abs/t.jsonl', baseline: true }] }, DIR, '/out.json');
  assert.ok('spec' in r);
  assert.deepEqual(r.spec.models.map((m) => m.embeddings), [path.join(DIR, 'b.jsonl'), '/abs/t.jsonl']);
  assert.equal(r.spec.baseline, 'tuned');
  assert.deepEqual(r.spec.k, [1, 3, 5, 10]);
  assert.deepEqual(r.spec.modes, ['text-to-image', 'image-to-image', 'classify']);
  assert.equal(r.spec.output, '/out.json');
  assert.equal(defaultReportPath('/a/letters.compare.json'), '/a/letters.report.json');
});

test('compare spec: every problem is named with its place', () => {
  const r = parseEmbeddingsSpec({ models: [{ name: 'a', embeddings: 'x' }, { name: 'a' }], baseline: 'zz', modes: ['t2i'], k: [0] }, DIR, '/o');
  assert.ok('errors' in r);
  assert.deepEqual(r.errors, [
    'models[1] ("a") needs "embeddings": the path of its embeddings JSONL (comparing by model id needs the comparison pipeline)',
    '"baseline" is "zz", which is not one of the models (a)',
    '"modes" must be a non-empty list of text-to-image, image-to-image, classify',
    '"k"[0] must be an integer from 1 to 1,000, got 0',
  ]);
  assert.deepEqual(parseEmbeddingsSpec([], DIR, '/o'), { errors: ['the spec must be a JSON object with "models"'] });
});

test('report file: problems say what to do', () => {
  assert.match(reportProblem({ schemaVersion: REPORT_SCHEMA_VERSION + 1, modes: [], models: [] }) ?? '', /newer version.*update the extension/);
  assert.match(reportProblem({ rows: [] }) ?? '', /no "schemaVersion"/);
  assert.match(reportProblem([1]) ?? '', /expected a JSON object/);
  assert.equal(reportProblem({ schemaVersion: REPORT_SCHEMA_VERSION, modes: [], models: [] }), undefined);
});

test('snapshot: inline bundle under a nonce CSP, report as inert JSON, hostile text escaped', () => {
  const hostile = '</script><img src=x onerror=alert(1)>';
  const report = { schemaVersion: REPORT_SCHEMA_VERSION, models: [{ name: hostile, baseline: true }], modes: [] } as unknown as ComparisonReport;
  const html = buildSnapshot({ report, source: 'r.json', state: {}, js: 'console.log(1)', css: 'body{}', thumbnails: {} });
  const csp = (/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
  assert.match(csp, /^default-src 'none'; script-src 'nonce-[^']+'; style-src 'nonce-[^']+'; img-src data:; font-src 'none'$/);
  assert.ok(!html.includes('<img'), 'no markup from the report');
  assert.ok(html.includes('console.log(1)'));
  const data = /<script type="application\/json" id="bmc-data"[^>]*>([^<]*)<\/script>/.exec(html)?.[1] ?? '';
  assert.equal((JSON.parse(data) as { report: ComparisonReport }).report.models[0]?.name, hostile);
});

test('spec from a tree item: the written spec passes the compare-spec schema and names both models', () => {
  const arn = 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123';
  assert.equal(arnOf({ arn, label: 'x' }), arn);
  assert.equal(arnOf(arn), arn);
  assert.equal(arnOf({ label: 'x' }), undefined);
  const parsed = parseCompareSpec(modelSpecText(arn, 'data/test.jsonl', 'file:///ext/schemas/compare-spec.schema.json'));
  assert.ok('spec' in parsed, JSON.stringify(parsed));
  assert.deepEqual(parsed.spec.models, [{ name: 'base', modelId: BASE_MODEL_ID, baseline: true }, { name: 'fine-tuned', modelId: arn }]);
  assert.equal(parsed.spec.testSet.manifest, 'data/test.jsonl');
});

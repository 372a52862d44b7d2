import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildSnapshot } from '../../../src/vscode/compare/snapshot';
import { arnOf, BASE_MODEL_ID, modelSpecText } from '../../../src/core/eval/modelSpec';
import { parseCompareSpec, parseCompareSpecValue, reportPathFor as defaultReportPath } from '../../../src/core/eval/spec';
import { reportProblem } from '../../../src/core/eval/reportProblem';
import { REPORT_SCHEMA_VERSION, type ComparisonReport } from '../../../src/protocol/report';

const DIR = path.resolve('/work/specs');

test('compare spec: defaults, resolved paths, baseline flag', () => {
  const r = parseCompareSpecValue({ models: [{ name: 'base', embeddings: 'b.jsonl' }, { name: 'tuned', embeddings: '/abs/t.jsonl', baseline: true }] }, { baseDir: DIR, defaultOutput: '/out.json' });
  assert.ok('spec' in r && r.spec.kind === 'embeddings');
  assert.deepEqual(r.spec.models.map((m) => m.embeddings), [path.join(DIR, 'b.jsonl'), '/abs/t.jsonl']);
  assert.equal(r.spec.baseline, 'tuned');
  assert.deepEqual(r.spec.k, [1, 3, 5, 10]);
  assert.deepEqual(r.spec.modes, ['text-to-image', 'image-to-image', 'classify']);
  assert.equal(r.spec.output, '/out.json');
  assert.equal(defaultReportPath('/a/letters.compare.json'), '/a/letters.report.json');
});

test('compare spec: every problem is named with its place', () => {
  const r = parseCompareSpecValue({ models: [{ name: 'a', embeddings: 'x' }, { name: 'a' }], baseline: 'zz', modes: ['t2i'], k: [0] }, { baseDir: DIR, defaultOutput: '/o' });
  assert.ok('problems' in r);
  // The one parser's wording (core/eval/spec.ts) for the same four problems the embeddings parser named.
  const messages = r.problems.map((p) => p.message);
  for (const expected of [
    'models.1: missing required property "modelId" (a model id or ARN, embedded through Bedrock) or "embeddings" (an embeddings JSONL file)',
    '"baseline" is "zz", which is not one of the models (a)',
    'modes.0: must be one of ["text-to-image","image-to-image","classify"]',
    'k.0: must be an integer from 1 to 1,000, got 0',
  ]) assert.ok(messages.includes(expected), `${expected} in ${JSON.stringify(messages)}`);
  const notObject = parseCompareSpecValue([], { baseDir: DIR, defaultOutput: '/o' });
  assert.deepEqual('problems' in notObject && notObject.problems.map((p) => p.message), ['the spec must be a JSON object with "models"']);
});

test('report file: problems say what to do', () => {
  assert.match(reportProblem({ schemaVersion: REPORT_SCHEMA_VERSION + 1, modes: [], models: [] }) ?? '', /newer version.*update the extension/);
  assert.match(reportProblem({ rows: [] }) ?? '', /no "schemaVersion"/);
  assert.match(reportProblem([1]) ?? '', /expected a JSON object/);
  assert.equal(reportProblem({ schemaVersion: REPORT_SCHEMA_VERSION, modes: [], models: [] }), undefined);
  // A schema-1 report (before the embedding map) still opens; schema 0 never existed.
  assert.equal(reportProblem({ schemaVersion: 1, modes: [], models: [] }), undefined);
  assert.match(reportProblem({ schemaVersion: 0, modes: [], models: [] }) ?? '', /needs one of 1, 2/);
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

test('snapshot: thumbnails, their problems and the map pictures are embedded; a map picture that is not a PNG data: URI is dropped', () => {
  const report = { schemaVersion: REPORT_SCHEMA_VERSION, models: [], modes: [] } as unknown as ComparisonReport;
  const png = 'data:image/png;base64,iVBORw0KGgo=';
  const html = buildSnapshot({
    report, source: 'r.json', state: {}, js: '', css: '', thumbnails: { 'A/0.jpg': png }, thumbnailProblems: { 'B/0.jpg': 'File not found' },
    mapImages: { base: png, tuned: 'https://example.com/map.png', evil: 'data:image/svg+xml;base64,PHN2Zz4=' },
  });
  const data = JSON.parse(/<script type="application\/json" id="bmc-data"[^>]*>([^<]*)<\/script>/.exec(html)?.[1] ?? '') as Record<string, unknown>;
  assert.deepEqual(data['thumbnails'], { 'A/0.jpg': png });
  assert.deepEqual(data['thumbnailProblems'], { 'B/0.jpg': 'File not found' });
  assert.deepEqual(data['mapImages'], { base: png });
});

test('spec from a tree item: the written spec passes the compare-spec schema and names both models', () => {
  const arn = 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abc123';
  assert.equal(arnOf({ arn, label: 'x' }), arn);
  assert.equal(arnOf(arn), arn);
  assert.equal(arnOf({ label: 'x' }), undefined);
  const parsed = parseCompareSpec(modelSpecText(arn, 'data/test.jsonl', 'file:///ext/schemas/compare-spec.schema.json'));
  assert.ok('spec' in parsed && parsed.spec.kind === 'models', JSON.stringify(parsed));
  assert.deepEqual(parsed.spec.models, [{ name: 'base', modelId: BASE_MODEL_ID, baseline: true }, { name: 'fine-tuned', modelId: arn }]);
  assert.equal(parsed.spec.testSet.manifest, 'data/test.jsonl');
});

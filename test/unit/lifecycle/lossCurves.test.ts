import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { jobIdFromArn, lossChartSvg, parseMetricsCsv, pickMetricsKeys } from '../../../src/core/lifecycle/lossCurves';

test('finds both metrics CSVs wherever the validation one sits', () => {
  const base = 'out/model-customization-job-abc123def456';
  assert.deepEqual(pickMetricsKeys([
    `${base}/training_artifacts/step_wise_training_metrics.csv`,
    `${base}/validation_artifacts/post_fine_tuning_validation/validation/validation_metrics.csv`,
    `${base}/other.txt`,
  ]), {
    training: `${base}/training_artifacts/step_wise_training_metrics.csv`,
    validation: `${base}/validation_artifacts/post_fine_tuning_validation/validation/validation_metrics.csv`,
  });
  assert.deepEqual(pickMetricsKeys([]), {});
  assert.equal(jobIdFromArn('arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.titan-embed-image-v1:0/138lt3t14bay'), '138lt3t14bay');
});

test('parses loss CSVs by header, skipping malformed rows', () => {
  const { points, problems } = parseMetricsCsv('step_number, epoch_number, training_loss, perplexity\n1,0,2.5,12.1\n2,0,2.0,7.4\nbad,row\n3,1,,\n', 'training_loss');
  assert.deepEqual(points, [{ step: 1, epoch: 0, loss: 2.5, perplexity: 12.1 }, { step: 2, epoch: 0, loss: 2, perplexity: 7.4 }]);
  assert.match(problems[0] ?? '', /2 malformed row/);
  assert.match(parseMetricsCsv('a,b\n1,2', 'validation_loss').problems[0] ?? '', /No "step_number" and "validation_loss"/);
});

test('the chart is static SVG with one path per series', () => {
  const svg = lossChartSvg({ training: [{ step: 1, epoch: 0, loss: 2 }, { step: 2, epoch: 0, loss: 1 }], validation: [{ step: 2, epoch: 0, loss: 1.5 }], problems: [] });
  assert.equal((svg.match(/<path /g) ?? []).length, 2);
  assert.doesNotMatch(svg, /<script|href=/);
  assert.match(lossChartSvg({ training: [], validation: [], problems: [] }), /No loss values/);
});

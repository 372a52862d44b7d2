// Images a validation manifest shares with its training one (core/manifest/sharedImages.ts): one warning at each of
// the two lines, each linking the other line (and its file), in the CLI's words; distinct images give none.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageRefsAt, placeSharedWarnings, sharedImageDiagnostics, sharedImageWarnings, type ImageAt, type LinesView } from '../../../src/core/manifest/sharedImages';

const line = (ref: string): string => JSON.stringify({ 'image-ref': ref, caption: 'c' });

test('imageRefsAt: each parsed line\'s image-ref with its value columns; bad lines are skipped', () => {
  const text = [line('s3://b/a.png'), '{not json', '', `  ${line('s3://b/c.png')}`].join('\n');
  assert.deepEqual(imageRefsAt(text), [
    { ref: 's3://b/a.png', line: 0, column: 13, endColumn: 27 },
    { ref: 's3://b/c.png', line: 3, column: 15, endColumn: 29 },
  ]);
});

test('sharedImageWarnings: exact and near pairs warn on both lines, each linking the other; the CLI gets the validation side', () => {
  const at = (uri: string, line: number, id: Partial<ImageAt>): ImageAt => ({ uri, line, column: 13, endColumn: 13 + uri.length + 2, ...id });
  const training = { path: 'train.jsonl', file: '/w/train.jsonl', images: [
    at('s3://b/t0.png', 0, { sha256: 'aa', phash: '0000000000000000' }),
    at('s3://b/t1.png', 1, { sha256: 'bb', phash: 'ffffffff00000000' }),
    at('s3://b/t2.png', 2, { sha256: 'cc', phash: '00000000ffffffff' }),
  ] };
  const validation = { path: 'valid.jsonl', file: '/w/valid.jsonl', images: [
    at('s3://b/v0.png', 0, { sha256: 'dd', phash: '0f0f0f0f0f0f0f0f' }), // distinct
    at('s3://b/copy.png', 1, { sha256: 'aa', phash: '0000000000000000' }), // exact copy of t0
    at('s3://b/t2.png', 2, { sha256: 'cc', phash: '00000000ffffffff' }), // the same key
    at('s3://b/q70.jpg', 3, { sha256: 'ee', phash: 'ffffffff00000003' }), // 2 bits from t1
  ] };
  const w = sharedImageWarnings(validation, training, 6);
  assert.deepEqual(w.validation.map((d) => [d.line, d.severity, d.code, d.ref, d.related.file, d.related.line, d.related.ref]), [
    [1, 'warning', 'image-shared', 's3://b/copy.png', '/w/train.jsonl', 0, 's3://b/t0.png'],
    [2, 'warning', 'image-shared', 's3://b/t2.png', '/w/train.jsonl', 2, 's3://b/t2.png'],
    [3, 'warning', 'image-shared', 's3://b/q70.jpg', '/w/train.jsonl', 1, 's3://b/t1.png'],
  ]);
  assert.deepEqual(w.training.map((d) => [d.line, d.ref, d.related.file, d.related.line, d.related.ref]), [
    [0, 's3://b/t0.png', '/w/valid.jsonl', 1, 's3://b/copy.png'],
    [2, 's3://b/t2.png', '/w/valid.jsonl', 2, 's3://b/t2.png'],
    [1, 's3://b/t1.png', '/w/valid.jsonl', 3, 's3://b/q70.jpg'],
  ]);
  assert.equal(w.validation[0]?.message, 'valid.jsonl:2:14 is the same image (same content) as training train.jsonl:1:14 (s3://b/t0.png): validation scores would count an image the model trained on');
  assert.equal(w.training[2]?.message, 'train.jsonl:2:14 is a near duplicate (perceptual hash distance 2 of 64, at most 6) as validation valid.jsonl:4:14 (s3://b/q70.jpg): validation scores would count an image the model trained on');
  assert.equal(w.validation[2]?.related.message, 'training train.jsonl:2:14: a near duplicate (distance 2)');
  assert.deepEqual(sharedImageDiagnostics(validation, training, 6).map((d) => d.message), w.validation.map((d) => d.message));
  assert.deepEqual(sharedImageWarnings(validation, training, 1).validation.map((d) => d.line), [1, 2], 'the near pair needs distance <= threshold');
});

test('placeSharedWarnings: warnings and their links follow the refs through edits; a removed ref drops its warning', () => {
  const view = (lines: string[]): LinesView => ({
    linesOf: (ref) => lines.flatMap((l, i) => (l.includes(`"${ref}"`) ? [i] : [])),
    lineText: (i) => lines[i],
  });
  const training = { path: 't.jsonl', file: '/w/t.jsonl', images: imageRefsAt([line('s3://b/a.png'), line('s3://b/b.png')].join('\n')).map((r) => ({ ...r, uri: r.ref, sha256: r.ref })) };
  const validation = { path: 'v.jsonl', file: '/w/v.jsonl', images: imageRefsAt([line('s3://b/a.png'), line('s3://b/b.png')].join('\n')).map((r) => ({ ...r, uri: r.ref, sha256: r.ref })) };
  const w = sharedImageWarnings(validation, training, 6);
  // The validation file got a line inserted at the top and lost its b.png line; the training file moved b.png down.
  const placed = placeSharedWarnings(w.validation, view(['{}', line('s3://b/a.png')]), view([line('s3://b/a.png'), '', line('s3://b/b.png')]));
  assert.deepEqual(placed.map((d) => [d.ref, d.line, d.column, d.related.line]), [['s3://b/a.png', 1, 13, 0]]);
  const back = placeSharedWarnings(w.training, view([line('s3://b/a.png'), '', line('s3://b/b.png')]));
  assert.deepEqual(back.map((d) => [d.ref, d.line, d.related.line]), [['s3://b/a.png', 0, 0], ['s3://b/b.png', 2, 1]], 'without the other file open its link stays where it was');
});

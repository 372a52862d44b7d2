import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFlags, UsageError } from '../cli';

describe('emulator command-line flags', () => {
  it('maps flags to options', () => {
    assert.deepEqual(parseFlags(['--job-duration-ms', '500', '--min-training-records', '10', '--throttle-rate', '0.2', '--expired-credentials', '--collection-kind', 'nextgen', '--sample-data', '--manual-clock']), {
      jobDurationMs: 500,
      minTrainingRecords: 10,
      collectionKind: 'nextgen',
      faults: { throttleRate: 0.2, expiredCredentials: true },
      sampleData: true,
      manualClock: true,
    });
    assert.deepEqual(parseFlags(['--sample-images-per-class', '3', '--sample-bucket', 'b-1']).sampleData, { imagesPerClass: 3, bucket: 'b-1' });
  });

  it('refuses unknown flags, missing values and bad numbers', () => {
    assert.throws(() => parseFlags(['--nope']), UsageError);
    assert.throws(() => parseFlags(['--seed']), /needs a value/);
    assert.throws(() => parseFlags(['--latency-ms', 'abc']), /non-negative number/);
    assert.throws(() => parseFlags(['--collection-kind', 'x']), /classic or nextgen/);
  });
});

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { billingClockWording, formatAge, formatDuration, jobTimeWording } from '../../../src/core/lifecycle/time';
import { commitmentConsequence, throughputCostWording } from '../../../src/core/lifecycle/commitment';

const now = new Date('2026-01-10T12:00:00Z');
const ago = (ms: number): Date => new Date(now.getTime() - ms);
const MIN = 60_000;
const H = 60 * MIN;

test('durations use the two largest units', () => {
  assert.equal(formatDuration(45_000), '45 s');
  assert.equal(formatDuration(12 * MIN), '12 min');
  assert.equal(formatDuration(72 * MIN), '1 h 12 min');
  assert.equal(formatDuration(2 * H), '2 h');
  assert.equal(formatDuration(76 * H), '3 d 4 h');
  assert.equal(formatDuration(-5), '0 s');
  assert.equal(formatAge(ago(30_000), now), 'just now');
  assert.equal(formatAge(ago(5 * MIN), now), '5 min ago');
  assert.equal(formatAge(new Date(now.getTime() + H), now), 'just now');
});

test('job wording: running time, or duration and end', () => {
  assert.equal(jobTimeWording({ status: 'InProgress', creationTime: ago(90 * MIN) }, now), 'running 1 h 30 min');
  assert.equal(jobTimeWording({ status: 'Completed', creationTime: ago(3 * H), endTime: ago(2 * H) }, now), 'took 1 h, ended 2 h ago');
});

test('billing clock: hourly without commitment, nothing while creating', () => {
  assert.equal(billingClockWording({ status: 'Creating', creationTime: ago(H) }, now), '');
  assert.equal(billingClockWording({ status: 'InService', creationTime: ago(26 * H) }, now), 'billing hourly for 1 d 2 h');
  assert.equal(billingClockWording({
    status: 'InService', creationTime: ago(2 * H), commitmentDuration: 'OneMonth', commitmentExpirationTime: new Date(now.getTime() + 48 * H),
  }, now), 'billing for 2 h, commitment ends in 2 d');
});

test('commitment consequences are spelled out and prices come only from settings', () => {
  assert.match(commitmentConsequence(undefined), /every hour until you delete it/);
  assert.match(commitmentConsequence('SixMonths'), /six full months/);
  assert.match(throughputCostWording(1, undefined, undefined, 'bedrockCustomizer.pricing.x'), /Price unknown: set bedrockCustomizer\.pricing\.x/);
  assert.match(throughputCostWording(2, undefined, 10, 's'), /\$20\.00 per hour .* \$480\.00 per day/);
  assert.match(throughputCostWording(1, 'OneMonth', 10, 's'), /\$7300\.00 over the commitment term/);
});

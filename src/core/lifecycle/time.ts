// Wording for durations, ages and the billing clock of a provisioned throughput. `now` is always a parameter so
// the wording is testable and follows the emulator's simulated clock when asked to.

/** "45 s", "12 min", "1 h 12 min", "3 d 4 h": the two largest units, the way people read elapsed time. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 s';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 24) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

/** "5 min ago"; "just now" under a minute; a time in the future (clock skew) reads as "just now". */
export function formatAge(then: Date | undefined, now: Date): string {
  if (then === undefined) return '';
  const ms = now.getTime() - then.getTime();
  return ms < 60_000 ? 'just now' : `${formatDuration(ms)} ago`;
}

/**
 * The description of a job: running jobs show how long they have run, finished ones how long they took and when
 * they ended, so the list answers "is it stuck?" and "when did it finish?" at a glance.
 */
export function jobTimeWording(job: { status: string; creationTime?: Date; endTime?: Date }, now: Date): string {
  if (job.creationTime === undefined) return '';
  if (job.endTime === undefined) return `running ${formatDuration(now.getTime() - job.creationTime.getTime())}`;
  return `took ${formatDuration(job.endTime.getTime() - job.creationTime.getTime())}, ended ${formatAge(job.endTime, now)}`;
}

/**
 * How long a provisioned throughput has been billing. A throughput bills from creation until it is deleted;
 * one still being created or failed is not described as billing.
 */
export function billingClockWording(
  t: { status: string; creationTime?: Date; commitmentDuration?: string; commitmentExpirationTime?: Date },
  now: Date,
): string {
  if (t.status !== 'InService' && t.status !== 'Updating') return '';
  if (t.creationTime === undefined) return 'billing';
  const running = formatDuration(now.getTime() - t.creationTime.getTime());
  if (t.commitmentDuration === undefined || t.commitmentDuration === '') return `billing hourly for ${running}`;
  const ends = t.commitmentExpirationTime !== undefined && t.commitmentExpirationTime.getTime() > now.getTime()
    ? `, commitment ends in ${formatDuration(t.commitmentExpirationTime.getTime() - now.getTime())}`
    : '';
  return `billing for ${running}${ends}`;
}

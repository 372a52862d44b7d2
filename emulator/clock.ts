// Simulated time. Every time-driven state (job phases, throughput provisioning, collection creation, document
// visibility) is computed lazily from this clock when read, so nothing keeps the process busy while idle, and tests
// can jump ahead with `POST /clock` instead of sleeping. A manual clock stands still between advances, which makes
// state-by-state assertions independent of machine load.

export class Clock {
  private offsetMs = 0;
  private frozenAt: number;

  constructor(private readonly manual = false) {
    this.frozenAt = Date.now();
  }

  now(): number {
    return (this.manual ? this.frozenAt : Date.now()) + this.offsetMs;
  }

  /** Moves simulated time forward; negative values are refused because states never move backwards. */
  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advanceMs must be a non-negative number');
    this.offsetMs += ms;
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = Date.now();
  }
}

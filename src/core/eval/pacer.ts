// Requests-per-minute cap with adaptive slow-down: start times are spaced 60,000 / rpm ms apart; a throttling error
// halves the rate for a while, successes restore it gradually (additive increase, multiplicative decrease).

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const t = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = (): void => {
        clearTimeout(t);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export class Pacer {
  private next = 0;
  private rate: number;

  constructor(private readonly maxRpm: number, private readonly clock: Clock = realClock) {
    if (!(maxRpm > 0)) throw new RangeError(`requests per minute must be positive, got ${maxRpm}`);
    this.rate = maxRpm;
  }

  get currentRpm(): number {
    return this.rate;
  }

  /** Resolves when the caller may start its request. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.next);
    this.next = at + 60_000 / this.rate;
    if (at > now) await this.clock.sleep(at - now, signal);
  }

  throttled(): void {
    this.rate = Math.max(this.maxRpm / 64, this.rate / 2);
  }

  succeeded(): void {
    this.rate = Math.min(this.maxRpm, this.rate + this.maxRpm / 50);
  }
}

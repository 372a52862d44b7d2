// On-demand InvokeModel requests per minute (Service Quotas L-DF0E34D4), counted over a sliding minute of
// simulated time, so the extension's own rate setting can be tested against a real limit.

export class RateLimiter {
  private times: number[] = [];

  constructor(private readonly perMinute: number) {}

  /** Records a request at `now` and says whether it is within the quota (0 per minute means unlimited). */
  admit(now: number): boolean {
    if (this.perMinute <= 0) return true;
    this.times = this.times.filter((t) => t > now - 60_000 && t <= now);
    if (this.times.length >= this.perMinute) return false;
    this.times.push(now);
    return true;
  }

  reset(): void {
    this.times = [];
  }
}

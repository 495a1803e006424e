/**
 * Counts requests per key (an IP address) in fixed windows. In memory, per instance: enough to
 * stop one page from minting tokens in a loop; a city's load balancer may add its own limit.
 */
export class FixedWindowRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns 0 when allowed, else the seconds until the next window. */
  take(key: string): number {
    const now = this.now();
    if (this.windows.size > 10_000) {
      this.prune(now);
    }
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    if (window.count >= this.limit) {
      return Math.ceil((window.start + this.windowMs - now) / 1000);
    }
    window.count += 1;
    return 0;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) {
        this.windows.delete(key);
      }
    }
  }
}

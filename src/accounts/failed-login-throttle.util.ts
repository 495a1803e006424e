/**
 * Failed sign-ins per client address in fixed windows: the per-account lockout does not stop one
 * machine from trying one password against many accounts. In memory and per instance; behind a
 * load balancer each instance counts on its own, which still caps the rate.
 */
export class FailedLoginThrottle {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly maxFailures = 20,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(clientKey: string): boolean {
    const window = this.current(clientKey);
    return window !== undefined && window.failures >= this.maxFailures;
  }

  recordFailure(clientKey: string): void {
    if (this.windows.size > 10_000) {
      this.prune();
    }
    const window = this.current(clientKey);
    if (window) {
      window.failures += 1;
    } else {
      this.windows.set(clientKey, { start: this.now(), failures: 1 });
    }
  }

  private current(clientKey: string): { start: number; failures: number } | undefined {
    const window = this.windows.get(clientKey);
    return window && this.now() - window.start < this.windowMs ? window : undefined;
  }

  private prune(): void {
    for (const [key, window] of this.windows) {
      if (this.now() - window.start >= this.windowMs) {
        this.windows.delete(key);
      }
    }
  }
}

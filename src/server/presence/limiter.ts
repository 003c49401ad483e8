// Per-socket and per-address limits: token buckets for messages, a counter of open sockets per
// address, and a count of failed PIN attempts per address. Clocks are injected for the tests.

export class Bucket {
  private tokens: number;
  private last: number;

  /** `burst` tokens at most, refilled at `perSecond`. */
  constructor(private readonly burst: number, private readonly perSecond: number, private readonly now: () => number = Date.now) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts things per key (open sockets per address); keys at zero are forgotten. */
export class KeyCounter {
  private readonly counts = new Map<string, number>();

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  add(key: string): void {
    this.counts.set(key, this.get(key) + 1);
  }

  remove(key: string): void {
    const n = this.get(key) - 1;
    if (n > 0) this.counts.set(key, n);
    else this.counts.delete(key);
  }

  get size(): number {
    return this.counts.size;
  }
}

/** Failed attempts per key within a window; past the limit the key is locked out until the window ends. */
export class Attempts {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(private readonly max: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {}

  blocked(key: string): boolean {
    const f = this.failures.get(key);
    if (!f) return false;
    if (this.now() - f.since >= this.windowMs) {
      this.failures.delete(key);
      return false;
    }
    return f.count >= this.max;
  }

  fail(key: string): void {
    const t = this.now();
    const f = this.failures.get(key);
    if (!f || t - f.since >= this.windowMs) this.failures.set(key, { count: 1, since: t });
    else f.count++;
    // A scan from many addresses must not grow the map without end.
    if (this.failures.size > 10_000) {
      for (const [k, v] of this.failures) if (t - v.since >= this.windowMs) this.failures.delete(k);
    }
  }
}

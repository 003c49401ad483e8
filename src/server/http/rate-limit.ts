// Per-client rate limiting: one token bucket per client address and class of route. A bucket
// holds `max` requests and refills evenly over `windowMs`, so a burst (a page load fetching 40
// models) passes while a client hammering the API gets 429 with Retry-After. In memory: one
// process serves one MPP, and a restart forgetting the buckets harms nobody.
export interface BucketLimit {
  /** Requests a client may make in a burst, and per window on average. */
  max: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** The JSON API and the HTML fallback (database work). */
  api: BucketLimit;
  /** Built app, models and scene files (served from memory). */
  static: BucketLimit;
}

/** Generous: a lobby kiosk, a family on one phone or the browser tests never meet them. */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  api: { max: 300, windowMs: 60_000 },
  static: { max: 3000, windowMs: 60_000 },
};

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket { tokens: number; at: number }

/** Above this many clients, buckets that have refilled completely are dropped (they hold nothing). */
const SWEEP_ABOVE = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly limit: BucketLimit, private readonly now: () => number = Date.now) {
    if (!(Number.isInteger(limit.max) && limit.max >= 1)) throw new RangeError(`rate-limit: max must be an integer >= 1, got ${limit.max}`);
    if (!(limit.windowMs > 0)) throw new RangeError(`rate-limit: windowMs must be positive, got ${limit.windowMs}`);
    this.perMs = limit.max / limit.windowMs;
  }

  get size(): number {
    return this.buckets.size;
  }

  take(key: string): Take {
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(t);
      b = { tokens: this.limit.max, at: t };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(this.limit.max, b.tokens + (t - b.at) * this.perMs);
      b.at = t;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.perMs / 1000)) };
  }

  private sweep(t: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + (t - b.at) * this.perMs >= this.limit.max) this.buckets.delete(key);
    }
  }
}

/** The API answers from the database; everything else is a file held in memory. */
export function routeClass(url: string): keyof RateLimitOptions {
  return url.startsWith("/api/") || url === "/api" || url.startsWith("/layanan") ? "api" : "static";
}

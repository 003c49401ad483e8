// Rate limits of the queue's citizen routes, on top of the server's per-class limits: per client
// address and kind of request, token buckets (a burst of `max`, refilled evenly over `windowMs`).
// Lookups are the tightest after bookings, since a code is a key: guessing one live code among
// 100,000 takes some 550,000 tries on average, which 30 lookups per 10 minutes make a matter of
// decades per address. Kept in this process: the per-phone and per-address caps on active bookings
// are the database's (every node), these limits only slow a single client down.
export interface Bucket { max: number; windowMs: number }

export interface QueueRateLimits {
  /** POST and DELETE /queue/bookings. */
  booking: Bucket;
  /** GET /queue/bookings/{code}. */
  lookup: Bucket;
  /** POST /queue/tickets: a lobby screen gives many numbers from one address. */
  walkIn: Bucket;
}

export const DEFAULT_QUEUE_RATE_LIMITS: QueueRateLimits = {
  booking: { max: 10, windowMs: 10 * 60_000 },
  lookup: { max: 30, windowMs: 10 * 60_000 },
  walkIn: { max: 120, windowMs: 10 * 60_000 },
};

const SWEEP_ABOVE = 10_000;

export class QueueLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limits: QueueRateLimits, private readonly now: () => number = Date.now) {
    for (const [k, b] of Object.entries(limits)) {
      if (!Number.isInteger(b.max) || b.max < 1 || !(b.windowMs > 0)) throw new RangeError(`queue limits: ${k} needs max >= 1 and windowMs > 0`);
    }
  }

  /** Takes one request; null when allowed, else the seconds to wait. */
  take(kind: keyof QueueRateLimits, address: string): number | null {
    const limit = this.limits[kind];
    const key = `${kind} ${address}`;
    const t = this.now();
    const perMs = limit.max / limit.windowMs;
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= SWEEP_ABOVE) this.sweep(t);
      b = { tokens: limit.max, at: t };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(limit.max, b.tokens + (t - b.at) * perMs);
      b.at = t;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
  }

  private sweep(t: number): void {
    for (const [key, b] of this.buckets) {
      const kind = key.slice(0, key.indexOf(" ")) as keyof QueueRateLimits;
      const limit = this.limits[kind];
      if (b.tokens + (t - b.at) * (limit.max / limit.windowMs) >= limit.max) this.buckets.delete(key);
    }
  }
}

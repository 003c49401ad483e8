// "Send only when changed, at most N Hz": the app offers its current pose every frame; the throttle
// says when to send. The last change is never lost: a change that arrives too early is sent as soon
// as the interval has passed (by offer() or poll()), so a visitor who stops is seen where they stopped.

export interface ThrottleOptions<T> {
  /** Highest send rate, per second. */
  maxHz: number;
  /** True when `next` differs enough from what was last sent. */
  changed: (sent: T, next: T) => boolean;
}

export class ChangeThrottle<T> {
  private readonly intervalMs: number;
  private sent: T | null = null;
  private sentAt = Number.NEGATIVE_INFINITY;
  private pending: T | null = null;

  constructor(private readonly o: ThrottleOptions<T>) {
    if (!(o.maxHz > 0 && o.maxHz <= 1000)) throw new Error("throttle: maxHz must be in (0, 1000]");
    this.intervalMs = 1000 / o.maxHz;
  }

  /** Offers the current value at time `now` (ms); returns it when it should be sent now, else null. */
  offer(value: T, now: number): T | null {
    if (this.sent !== null && !this.o.changed(this.sent, value)) {
      this.pending = null;
      return null;
    }
    if (now - this.sentAt >= this.intervalMs) return this.commit(value, now);
    this.pending = value;
    return null;
  }

  /** For callers that do not offer every frame: the held-back change, once it is due. */
  poll(now: number): T | null {
    if (this.pending === null || now - this.sentAt < this.intervalMs) return null;
    return this.commit(this.pending, now);
  }

  /** Milliseconds until poll() can send the held-back change, or null if none is held. */
  dueIn(now: number): number | null {
    return this.pending === null ? null : Math.max(0, this.sentAt + this.intervalMs - now);
  }

  /** Forget what was sent (after a reconnect the server knows nothing): the next offer is sent. */
  reset(): void {
    this.sent = null;
    this.pending = null;
    this.sentAt = Number.NEGATIVE_INFINITY;
  }

  private commit(value: T, now: number): T {
    this.sent = value;
    this.sentAt = now;
    this.pending = null;
    return value;
  }
}

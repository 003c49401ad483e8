// What the app does when its presence socket closes: read the close code, then either reconnect
// after a backoff with jitter (and rejoin with the resume token, so the visitor keeps their id,
// number and name) or stop and say why. Pure: time and randomness come in as arguments.
import { CLOSE } from "./limits";

export interface ReconnectOptions {
  /** First delay, ms. */
  baseMs: number;
  /** Longest delay, ms. */
  maxMs: number;
  factor: number;
  /** After being joined this long (ms) a close counts as the first failure again. */
  stableMs: number;
  /** Least delay after a close for too many messages (ms). */
  rateLimitedMs: number;
}

export const DEFAULT_RECONNECT: ReconnectOptions = { baseMs: 500, maxMs: 30_000, factor: 2, stableMs: 10_000, rateLimitedMs: 15_000 };

export type CloseKind = "retry" | "retry-slow" | "stop";

/**
 * Which closes are worth a reconnect. Retry: the server restarted or went away (1001, 1012), an
 * internal error or overload (1011, 1013), the network failed (1005, 1006, 4408). Stop: the visitor
 * left (1000), was removed (4403), joined from another window (4409), or the client broke the
 * protocol (4400, 4413, 1009): reconnecting would only repeat it.
 */
export function closeKind(code: number): CloseKind {
  switch (code) {
    case CLOSE.normal:
    case CLOSE.removed:
    case CLOSE.replaced:
    case CLOSE.malformed:
    case CLOSE.tooLarge:
    case CLOSE.tooBig:
      return "stop";
    case CLOSE.rate:
      return "retry-slow";
    default:
      return "retry";
  }
}

export type ReconnectDecision =
  | { action: "retry"; delayMs: number; attempt: number }
  | { action: "stop"; code: number };

export class ReconnectPolicy {
  private readonly o: ReconnectOptions;
  private attempt = 0;
  private joinedAt: number | null = null;
  private resumeToken: string | null = null;

  constructor(options: Partial<ReconnectOptions> = {}, private readonly random: () => number = Math.random) {
    this.o = { ...DEFAULT_RECONNECT, ...options };
    if (!(this.o.baseMs > 0 && this.o.maxMs >= this.o.baseMs && this.o.factor >= 1)) {
      throw new Error("reconnect: need baseMs > 0, maxMs >= baseMs, factor >= 1");
    }
  }

  /** The token to send as `join.resume`, or null for a fresh join. */
  get token(): string | null {
    return this.resumeToken;
  }

  /** The server welcomed us into a room. */
  onWelcome(token: string, now: number): void {
    this.resumeToken = token;
    this.joinedAt = now;
  }

  /** The socket closed with `code` (1006 when it never opened). */
  onClose(code: number, now: number): ReconnectDecision {
    const kind = closeKind(code);
    if (this.joinedAt !== null && now - this.joinedAt >= this.o.stableMs) this.attempt = 0;
    this.joinedAt = null;
    if (kind === "stop") {
      // A removed visitor must not slip back in under the same identity.
      if (code === CLOSE.removed) this.resumeToken = null;
      return { action: "stop", code };
    }
    const attempt = this.attempt++;
    const ceiling = Math.min(this.o.maxMs, this.o.baseMs * this.o.factor ** attempt);
    // "Equal jitter": half fixed, half random, so a restart's hundreds of clients spread out but none retries at once.
    let delayMs = ceiling / 2 + this.random() * (ceiling / 2);
    if (kind === "retry-slow") delayMs = Math.max(delayMs, this.o.rateLimitedMs);
    return { action: "retry", delayMs: Math.round(delayMs), attempt: attempt + 1 };
  }

  /** The server refused the resume (unknown or expired token): join afresh next time. */
  forgetToken(): void {
    this.resumeToken = null;
  }
}

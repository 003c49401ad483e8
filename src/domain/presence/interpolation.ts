// Smooth remote avatars from poses that arrive 10-20 times a second, late, bunched or out of order.
// Each peer gets a buffer of timestamped samples (server time of the tick that carried them); the app
// renders every peer at "server now - delay" (about 100 ms), interpolating between the two samples
// around that instant: linear position, slerp orientation.
//
// Approaches weighed: extrapolating from the last velocity (no delay, but avatars overshoot and snap
// back whenever a visitor stops, which happens constantly: poses are only sent when they change);
// a fixed delay buffer (Source engine, Hubs' networked-aframe) trades 100 ms of latency for motion
// that is never wrong. Comfort and legibility matter more than 100 ms here.
import { distance, interpolatePose, type PeerPose } from "./pose";

export interface InterpolationOptions {
  /** How far behind the server clock peers are drawn, ms. Default 100. */
  delayMs: number;
  /**
   * Clients send only when a pose changed, so a long silence means "stood still". The next sample
   * then starts a move that lasted at most this long (ms), not a slide across the whole silence.
   */
  maxSegmentMs: number;
  /** A jump farther than this (metres) between two samples is a teleport: shown as a cut, not a slide. */
  snapDistance: number;
  /** Samples kept per peer at most; older ones are dropped first. */
  maxSamples: number;
}

export const DEFAULT_INTERPOLATION: InterpolationOptions = { delayMs: 100, maxSegmentMs: 150, snapDistance: 1.5, maxSamples: 32 };

interface Sample extends PeerPose { at: number }

export class InterpolationBuffer {
  private readonly o: InterpolationOptions;
  private samples: Sample[] = [];

  constructor(options: Partial<InterpolationOptions> = {}) {
    this.o = { ...DEFAULT_INTERPOLATION, ...options };
    if (!(this.o.delayMs >= 0) || !(this.o.maxSegmentMs > 0) || !(this.o.maxSamples >= 2)) {
      throw new Error("interpolation: delayMs >= 0, maxSegmentMs > 0 and maxSamples >= 2 are required");
    }
  }

  get size(): number {
    return this.samples.length;
  }

  get delayMs(): number {
    return this.o.delayMs;
  }

  /** Adds a sample taken at server time `at`. Out-of-order samples are put in place; a repeat of a time replaces it. */
  push(at: number, pose: PeerPose): void {
    if (!Number.isFinite(at)) return;
    const s = this.samples;
    let i = s.length;
    while (i > 0 && s[i - 1]!.at > at) i--;
    const sample: Sample = { at, h: pose.h, l: pose.l, r: pose.r };
    if (i > 0 && s[i - 1]!.at === at) s[i - 1] = sample;
    else s.splice(i, 0, sample);
    if (s.length > this.o.maxSamples) s.splice(0, s.length - this.o.maxSamples);
  }

  /**
   * The pose to draw for server time `serverNow` (the buffer subtracts its delay), or null before any
   * sample. Before the first sample it holds the first; after the last it holds the last (a peer that
   * sends nothing stands still). Samples no longer needed are dropped.
   */
  sample(serverNow: number): PeerPose | null {
    const s = this.samples;
    if (s.length === 0) return null;
    const t = serverNow - this.o.delayMs;
    if (t <= s[0]!.at) return s[0]!;
    let i = 0;
    while (i + 1 < s.length && s[i + 1]!.at <= t) i++;
    // Everything before the sample in use is history now.
    if (i > 0) s.splice(0, i);
    const a = s[0]!;
    const b = s[1];
    if (!b) return a;
    const start = Math.max(a.at, b.at - this.o.maxSegmentMs);
    if (t <= start) return a;
    if (distance(a.h, b.h) > this.o.snapDistance) return t >= b.at ? b : a;
    const u = (t - start) / (b.at - start);
    const near = u < 0.5 ? a : b;
    return {
      h: interpolatePose(a.h, b.h, u),
      l: a.l && b.l ? interpolatePose(a.l, b.l, u) : near.l,
      r: a.r && b.r ? interpolatePose(a.r, b.r, u) : near.r,
    };
  }

  clear(): void {
    this.samples = [];
  }
}

/**
 * The server's clock as seen from here: offset = local - server, estimated from the least-delayed
 * recent message (network delay only ever adds). Recomputed over a sliding window so a changed
 * route or a drifting clock is followed.
 */
export class ServerClock {
  private readonly window: number[] = [];
  private offset: number | null = null;

  constructor(private readonly windowSize = 60) {}

  observe(serverAt: number, localNow: number): void {
    if (!Number.isFinite(serverAt) || !Number.isFinite(localNow)) return;
    this.window.push(localNow - serverAt);
    if (this.window.length > this.windowSize) this.window.shift();
    this.offset = Math.min(...this.window);
  }

  /** Server time now, or null before any observation. */
  now(localNow: number): number | null {
    return this.offset === null ? null : localNow - this.offset;
  }

  reset(): void {
    this.window.length = 0;
    this.offset = null;
  }
}

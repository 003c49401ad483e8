// How the API bench orders its runs and reads them as ratios. On a shared 2-core machine the
// bare route alone moves by half between runs a minute apart, so a ratio of medians taken minutes
// apart says more about the machine than about the route. Each run of a data route is therefore
// bracketed by runs of the bare route (bare, route A, bare, route B, bare, route C, bare, ...: each
// bare run serves the routes on both sides of it), each round gives one ratio per route, the
// route's requests/s over the mean of the two bare runs next to it (drift that is linear over
// those seconds cancels), and the figure reported is the median of those per-round ratios.
import { summarize, type Summary } from "./stats";

export const BARE = "bare";

/** The order of runs: the bare route before every data route run and once more at the end. */
export function runOrder(routes: readonly string[], rounds: number): string[] {
  const order: string[] = [];
  for (let r = 0; r < rounds; r++) for (const name of routes) order.push(BARE, name);
  if (order.length > 0) order.push(BARE);
  return order;
}

export interface Sample {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface RouteRatios {
  /** One ratio per round: requests/s over the bracketing bare runs' mean (higher is better). */
  requestsPerSecond: number[];
  /** Latency over the bracketing bare runs' mean (lower is better). */
  p50: number[];
  p99: number[];
}

const bracket = (value: number, before: number, after: number): number | null => {
  const base = (before + after) / 2;
  return Number.isFinite(value) && Number.isFinite(base) && base > 0 ? value / base : null;
};

/**
 * Per-round ratios of each data route from the runs in runOrder's order (`names[i]` measured as
 * `samples[i]`). A data run must have a bare run on each side; ratios that cannot be formed (a
 * zero baseline) are left out.
 */
export function roundRatios(names: readonly string[], samples: readonly Sample[]): Record<string, RouteRatios> {
  if (names.length !== samples.length) throw new Error(`api-rounds: ${names.length} names for ${samples.length} samples`);
  const out: Record<string, RouteRatios> = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === BARE) continue;
    const before = samples[i - 1];
    const after = samples[i + 1];
    if (names[i - 1] !== BARE || names[i + 1] !== BARE || !before || !after) {
      throw new Error(`api-rounds: run ${i} (${name}) is not between two runs of the bare route`);
    }
    const r = (out[name] ??= { requestsPerSecond: [], p50: [], p99: [] });
    const s = samples[i]!;
    const push = (list: number[], v: number | null) => { if (v !== null) list.push(v); };
    push(r.requestsPerSecond, bracket(s.requestsPerSecond, before.requestsPerSecond, after.requestsPerSecond));
    push(r.p50, bracket(s.p50Ms, before.p50Ms, after.p50Ms));
    push(r.p99, bracket(s.p99Ms, before.p99Ms, after.p99Ms));
  }
  return out;
}

/** The summary (median, min, max) of per-round ratios, or null when there are none. */
export function ratioSummary(ratios: readonly number[]): Summary | null {
  return ratios.length ? summarize(ratios) : null;
}

// Summaries for the bench: every figure is a median of several runs with its min and max, and
// timings are read as a ratio to a baseline measured in the same run.

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function summarize(values: readonly number[]): Summary {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) throw new Error(`summarize: no finite values among ${values.length}`);
  const s = [...finite].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, runs: s.length };
}

/** value / baseline, or null when the baseline is zero (a ratio to nothing means nothing). */
export function ratio(value: number, baseline: number): number | null {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return null;
  return value / baseline;
}

export function median(values: readonly number[]): number {
  return summarize(values).median;
}

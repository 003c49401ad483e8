// The API bench's order of runs and its per-round ratios (bench/api-rounds.ts): every data run sits
// between two bare runs, each round gives a ratio to the mean of those two, and drift of the machine
// between rounds does not reach the ratio.
import assert from "node:assert/strict";
import { BARE, ratioSummary, roundRatios, runOrder, type Sample } from "../../bench/api-rounds";

const sample = (rps: number, p50 = 1, p99 = 2): Sample => ({ requestsPerSecond: rps, p50Ms: p50, p99Ms: p99 });

describe("bench/api-rounds", () => {
  it("brackets every data run by bare runs, round after round, sharing each bare run between neighbours", () => {
    assert.deepEqual(runOrder(["a", "b"], 2), [BARE, "a", BARE, "b", BARE, "a", BARE, "b", BARE], "bare, a, bare, b, ... bare");
    assert.deepEqual(runOrder(["a"], 0), [], "no rounds, no runs");
  });

  it("takes each round's ratio against the mean of the bare runs on either side", () => {
    const order = runOrder(["a"], 1);
    const r = roundRatios(order, [sample(10_000, 1, 4), sample(6_000, 2, 6), sample(14_000, 1, 2)]);
    assert.deepEqual(r.a!.requestsPerSecond, [0.5], "6,000 over the mean of 10,000 and 14,000");
    assert.deepEqual(r.a!.p50, [2], "latency over the bare runs' mean latency");
    assert.deepEqual(r.a!.p99, [2], "p99 6 over the mean of 4 and 2");
    assert.equal(r[BARE], undefined, "the bare route has no ratio to itself");
  });

  it("keeps the ratio when the whole machine slows down between rounds", () => {
    // The route always does 70% of the bare route's rate at the same moment, while the machine
    // halves its speed after the first rounds.
    const speeds = [1, 1, 1, 0.5, 0.5, 0.5, 0.5];
    const order = runOrder(["route"], speeds.length);
    const samples: Sample[] = [];
    order.forEach((name, i) => {
      const speed = speeds[Math.min(speeds.length - 1, Math.floor(i / 2))]!;
      samples.push(sample((name === BARE ? 20_000 : 14_000) * speed));
    });
    const perRound = roundRatios(order, samples).route!.requestsPerSecond;
    assert.equal(perRound.length, speeds.length, "one ratio per round");
    const s = ratioSummary(perRound)!;
    assert.ok(Math.abs(s.median - 0.7) < 1e-9, `median of per-round ratios is 0.70 (${s.median})`);
    assert.ok(s.max > 0.7 && s.min === s.median, "only the round that straddles the slow-down is off, and the median ignores it");
  });

  it("refuses samples that do not match the order, and a data run without bare runs around it", () => {
    assert.throws(() => roundRatios([BARE, "a", BARE], [sample(1)]), /3 names for 1 samples/, "counts must agree");
    assert.throws(() => roundRatios(["a", BARE], [sample(1), sample(1)]), /not between two runs of the bare route/, "a data run first has no bare run before it");
  });

  it("summarizes per-round ratios, leaving out none and inventing none", () => {
    assert.deepEqual(ratioSummary([0.9, 0.7, 0.8]), { median: 0.8, min: 0.7, max: 0.9, runs: 3 }, "median, min, max");
    assert.equal(ratioSummary([]), null, "no ratios, no figure");
    const zero = roundRatios(runOrder(["a"], 1), [sample(0), sample(5), sample(0)]);
    assert.deepEqual(zero.a!.requestsPerSecond, [], "a zero baseline gives no ratio");
  });
});

import assert from "node:assert/strict";
import { summarize, ratio, median } from "../../bench/stats";

describe("bench/stats", () => {
  it("gives the median, min and max of an odd number of runs", () => {
    assert.deepEqual(summarize([5, 1, 3]), { median: 3, min: 1, max: 5, runs: 3 }, "sorted middle value and extremes");
  });
  it("averages the two middle values of an even number of runs", () => {
    assert.equal(median([4, 1, 3, 2]), 2.5, "mean of 2 and 3");
  });
  it("ignores non-finite values and refuses when none is left", () => {
    assert.equal(summarize([1, NaN, 3]).runs, 2, "NaN is not a run");
    assert.throws(() => summarize([NaN]), /no finite values/, "nothing to summarize is an error");
  });
  it("gives a ratio to the baseline, and null for a zero baseline", () => {
    assert.equal(ratio(30, 10), 3, "30 / 10");
    assert.equal(ratio(1, 0), null, "no ratio to nothing");
  });
});

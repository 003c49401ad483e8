import assert from "node:assert/strict";
import { EXAMPLE_WEEKLY_HOURS, intervalsOn, isOpenAt, OpeningHoursError, parseWeeklyHours } from "../../../src/domain/queue/hours";

const week = (monday: unknown[]) => [[], monday, [], [], [], [], []];

describe("domain/queue/hours", () => {
  it("accepts a week with a lunch break and closed days, sorting each day's intervals", () => {
    const h = parseWeeklyHours(week([{ open: "13:00", close: "15:00" }, { open: "08:00", close: "12:00" }]));
    assert.deepEqual(h[1], [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }], "Monday's intervals sorted by opening");
    assert.deepEqual(h[0], [], "Sunday closed");
    assert.deepEqual(intervalsOn(h, "2026-03-02"), [{ open: 480, close: 720 }, { open: 780, close: 900 }], "2 March 2026 is a Monday, in minutes");
    assert.deepEqual(parseWeeklyHours(week([{ open: "00:00", close: "24:00" }]))[1], [{ open: "00:00", close: "24:00" }], "a whole day up to 24:00");
  });

  it("knows when the counters are open", () => {
    assert.equal(isOpenAt(EXAMPLE_WEEKLY_HOURS, "2026-03-02", 480), true, "08:00 Monday is open (start included)");
    assert.equal(isOpenAt(EXAMPLE_WEEKLY_HOURS, "2026-03-02", 720), false, "12:00 Monday is the break (end excluded)");
    assert.equal(isOpenAt(EXAMPLE_WEEKLY_HOURS, "2026-03-06", 700), false, "11:40 Friday is after the Friday morning closes");
    assert.equal(isOpenAt(EXAMPLE_WEEKLY_HOURS, "2026-03-07", 600), false, "Saturday closed");
  });

  it("refuses malformed, inverted and overlapping hours with the weekday's path", () => {
    const cases: Array<[unknown, RegExp, string]> = [
      [[[]], /at \/: Expected array length to be greater or equal to 7/, "fewer than 7 days"],
      [week([{ open: "8:00", close: "12:00" }]), /at \/1\/0\/open/, "a time without a leading zero"],
      [week([{ open: "08:00", close: "24:30" }]), /at \/1\/0\/close/, "a time past 24:00"],
      [week([{ open: "12:00", close: "08:00" }]), /at \/1: 12:00-08:00 closes before it opens/, "an inverted interval"],
      [week([{ open: "08:00", close: "08:00" }]), /closes before it opens/, "an empty interval"],
      [week([{ open: "08:00", close: "12:00" }, { open: "11:00", close: "15:00" }]), /08:00-12:00 and 11:00-15:00 overlap/, "overlapping intervals"],
      [week([{ open: "08:00", close: "12:00", note: "x" }]), /Unexpected property/, "unknown fields"],
    ];
    for (const [input, pattern, what] of cases) {
      assert.throws(() => parseWeeklyHours(input), (e: unknown) => e instanceof OpeningHoursError && pattern.test(e.message), what);
    }
  });
});

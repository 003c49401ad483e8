import assert from "node:assert/strict";
import fc from "fast-check";
import { EXAMPLE_WEEKLY_HOURS } from "../../../src/domain/queue/hours";
import { slotCapacities, slotsOfIntervals, slotsOn } from "../../../src/domain/queue/slots";

describe("domain/queue/slots", () => {
  it("cuts open intervals into 30-minute slots that never span the break", () => {
    const monday = slotsOn(EXAMPLE_WEEKLY_HOURS, "2026-03-02");
    assert.equal(monday.length, 12, "08:00-12:00 and 13:00-15:00 give 8 + 4 slots");
    assert.deepEqual(monday[0], { start: "08:00", end: "08:30", startMinutes: 480, endMinutes: 510 }, "the first slot");
    assert.deepEqual(monday.map((s) => s.start).slice(7, 9), ["11:30", "13:00"], "no slot in the lunch break");
    assert.equal(slotsOn(EXAMPLE_WEEKLY_HOURS, "2026-03-07").length, 0, "no slots on a closed Saturday");
  });

  it("drops a remainder too short for a whole slot, and takes other lengths", () => {
    assert.deepEqual(slotsOfIntervals([{ open: 480, close: 705 }]).map((s) => s.end).at(-1), "11:30", "08:00-11:45 ends at the last whole slot");
    assert.equal(slotsOfIntervals([{ open: 480, close: 900 }], 15).length, 28, "15-minute slots over 7 hours");
    assert.throws(() => slotsOfIntervals([{ open: 480, close: 900 }], 0), /5\.\.240/, "a zero-length slot is refused");
    assert.throws(() => slotsOfIntervals([{ open: 480, close: 900 }], 7.5), /whole number/, "fractional minutes are refused");
  });

  it("spreads the daily quota evenly with the remainder to the earliest slots", () => {
    assert.deepEqual(slotCapacities(20, 7), [3, 3, 3, 3, 3, 3, 2], "20 over 7");
    assert.deepEqual(slotCapacities(3, 5), [1, 1, 1, 0, 0], "a quota below the slot count fills the first slots");
    assert.deepEqual(slotCapacities(0, 3), [0, 0, 0], "quota 0");
    assert.deepEqual(slotCapacities(10, 0), [], "no slots");
    assert.throws(() => slotCapacities(-1, 3), /quota/, "a negative quota is refused");
  });

  it("keeps the capacities summing to the quota, never rising later in the day, at most one apart", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 96 }), (quota, n) => {
      const caps = slotCapacities(quota, n);
      assert.equal(caps.length, n, "one capacity per slot");
      assert.equal(caps.reduce((a, b) => a + b, 0), quota, "the capacities add up to the quota");
      for (let i = 1; i < n; i++) assert.ok(caps[i]! <= caps[i - 1]!, "a later slot never has more places");
      assert.ok(Math.max(...caps) - Math.min(...caps) <= 1, "the split is even");
    }));
  });

  it("makes slots that are contiguous, inside the intervals and of the given length", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 440 }), fc.integer({ min: 5, max: 240 }), (open, len, minutes) => {
      const iv = { open, close: open + len };
      const slots = slotsOfIntervals([iv], minutes);
      assert.equal(slots.length, Math.floor(len / minutes), "as many whole slots as fit");
      slots.forEach((s, i) => {
        assert.equal(s.endMinutes - s.startMinutes, minutes, "each slot has the given length");
        assert.equal(s.startMinutes, open + i * minutes, "slots follow each other from the opening");
        assert.ok(s.endMinutes <= iv.close, "no slot runs past closing");
      });
    }));
  });
});

import assert from "node:assert/strict";
import { watchRecovery } from "../../../src/app/offline/recovery";

function setup() {
  let age: Date | null = null;
  const ageListeners = new Set<(d: Date | null) => void>();
  let healthCalls = 0;
  const api = {
    dataAge: () => age,
    onDataAge: (l: (d: Date | null) => void) => { ageListeners.add(l); return () => { ageListeners.delete(l); }; },
    health: async () => { healthCalls++; },
  };
  const setAge = (d: Date | null) => { age = d; for (const l of ageListeners) l(d); };
  const winListeners = new Map<string, () => void>();
  const win = {
    addEventListener: (t: string, fn: () => void) => { winListeners.set(t, fn); },
    removeEventListener: (t: string) => { winListeners.delete(t); },
  } as unknown as Pick<Window, "addEventListener" | "removeEventListener">;
  const intervals = new Map<number, () => void>();
  let seq = 0;
  const stop = watchRecovery({
    api, win, intervalMs: 1000,
    setInterval: (fn) => { intervals.set(++seq, fn); return seq; },
    clearInterval: (h) => { intervals.delete(h as number); },
  });
  return { setAge, health: () => healthCalls, intervals, winListeners, stop, tick: () => { for (const fn of intervals.values()) fn(); } };
}

describe("offline/recovery", () => {
  it("polls only while the data is old, and stops at the first live answer", () => {
    const s = setup();
    assert.equal(s.intervals.size, 0, "no polling while live");
    s.setAge(new Date("2025-03-01T08:00:00Z"));
    assert.equal(s.intervals.size, 1, "polling while offline");
    s.tick();
    assert.equal(s.health(), 1, "an attempt per interval");
    s.setAge(null);
    assert.equal(s.intervals.size, 0, "polling stops once live");
  });

  it("tries at once when the browser is back online, only if the data is old", () => {
    const s = setup();
    s.winListeners.get("online")!();
    assert.equal(s.health(), 0, "live data: nothing to do");
    s.setAge(new Date());
    s.winListeners.get("online")!();
    assert.equal(s.health(), 1, "old data: one attempt");
    s.stop();
    assert.equal(s.winListeners.size, 0, "online listener removed");
    assert.equal(s.intervals.size, 0, "interval cleared");
  });
});

import assert from "node:assert/strict";
import { createIdleTimer, warningMsFor, type Clock, type LobbyState } from "../../../src/app/lobby/idle-timer";

/** A clock that only moves when told; due timers fire in time order. */
function fakeClock() {
  let t = 1_000_000;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const clock: Clock = {
    now: () => t,
    setTimeout: (fn, ms) => { const id = ++seq; timers.set(id, { at: t + ms, fn }); return id; },
    clearTimeout: (h) => { timers.delete(h as number); },
  };
  return {
    clock,
    pending: () => timers.size,
    advance(ms: number) {
      const end = t + ms;
      for (;;) {
        const next = [...timers.entries()].filter(([, v]) => v.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        timers.delete(next[0]);
        t = next[1].at;
        next[1].fn();
      }
      t = end;
    },
  };
}

function setup(idleMs = 10_000, warningMs = 3_000) {
  const c = fakeClock();
  const timer = createIdleTimer({ idleMs, warningMs, clock: c.clock });
  const states: LobbyState[] = [];
  const countdown: number[] = [];
  let resets = 0;
  timer.onState((s) => states.push(s));
  timer.onCountdown((n) => countdown.push(n));
  timer.onReset(() => resets++);
  return { ...c, timer, states, countdown, resets: () => resets };
}

describe("lobby/idle-timer", () => {
  it("starts in the attract state and ignores activity there", () => {
    const s = setup();
    assert.equal(s.timer.state, "attract", "initial state is the attract loop");
    s.timer.activity();
    s.advance(60_000);
    assert.equal(s.timer.state, "attract", "activity alone does not start a session");
    assert.equal(s.resets(), 0, "no reset without a session");
    assert.equal(s.pending(), 0, "no timer runs in the attract state");
  });

  it("warns after the idle time, counts down each second, then resets to attract", () => {
    const s = setup(10_000, 3_000);
    s.timer.start();
    assert.equal(s.timer.state, "active", "a touch starts the session");
    s.advance(9_999);
    assert.equal(s.timer.state, "active", "still active 1 ms before the idle time");
    s.advance(1);
    assert.equal(s.timer.state, "warning", "warning exactly at the idle time");
    assert.equal(s.timer.secondsLeft(), 3, "the countdown starts at the warning length");
    s.advance(2_000);
    assert.deepEqual(s.countdown, [3, 2, 1], "one countdown tick per second");
    assert.equal(s.resets(), 0, "no reset before the countdown ends");
    s.advance(1_000);
    assert.equal(s.resets(), 1, "reset once when the countdown ends");
    assert.equal(s.timer.state, "attract", "back to the attract loop");
    assert.deepEqual(s.states, ["active", "warning", "attract"], "state sequence");
    assert.equal(s.pending(), 0, "no timer left running after the reset");
  });

  it("activity pushes the warning back by a full idle time", () => {
    const s = setup(10_000, 3_000);
    s.timer.start();
    s.advance(8_000);
    s.timer.activity();
    s.advance(9_000);
    assert.equal(s.timer.state, "active", "17 s in, but only 9 s since the last touch");
    s.advance(1_000);
    assert.equal(s.timer.state, "warning", "warning 10 s after the last touch");
  });

  it("a touch during the warning continues the session", () => {
    const s = setup(10_000, 3_000);
    s.timer.start();
    s.advance(11_000);
    assert.equal(s.timer.state, "warning", "in the warning");
    s.timer.activity();
    assert.equal(s.timer.state, "active", "the visitor is still here");
    s.advance(5_000);
    assert.equal(s.resets(), 0, "the old countdown does not reset the new session");
    s.advance(5_000);
    assert.equal(s.timer.state, "warning", "a new warning after a new idle time");
  });

  it("resetNow ends the session at once; start() twice is one session", () => {
    const s = setup();
    s.timer.start();
    s.timer.start();
    assert.deepEqual(s.states, ["active"], "a second start while active changes nothing");
    s.timer.resetNow();
    assert.equal(s.timer.state, "attract", "reset to attract");
    assert.equal(s.resets(), 1, "reset listeners called");
    assert.equal(s.pending(), 0, "idle timer cancelled");
  });

  it("dispose stops every timer and listener", () => {
    const s = setup();
    s.timer.start();
    s.timer.dispose();
    s.advance(100_000);
    assert.equal(s.resets(), 0, "no reset after dispose");
    assert.equal(s.pending(), 0, "no timer after dispose");
  });

  it("rejects a non-positive idle or warning time", () => {
    assert.throws(() => createIdleTimer({ idleMs: 0, warningMs: 1000 }), /idleMs must be a positive number/, "zero idle");
    assert.throws(() => createIdleTimer({ idleMs: 1000, warningMs: Number.NaN }), /warningMs must be a positive number/, "NaN warning");
  });

  it("sizes the warning to a sixth of the idle time, within 5..15 s", () => {
    assert.equal(warningMsFor(90_000), 15_000, "default 90 s idle: 15 s warning");
    assert.equal(warningMsFor(3_000), 5_000, "short test idle: at least 5 s to reach the button");
    assert.equal(warningMsFor(600_000), 15_000, "long idle: at most 15 s");
    assert.equal(warningMsFor(48_000), 8_000, "48 s idle: 8 s");
  });
});

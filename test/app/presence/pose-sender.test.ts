// The own pose on the socket (presence/pose-sender.ts): only changes, at most poseMaxHz, a held-back
// change sent from a timer when due.
import assert from "node:assert/strict";
import type { ClientMessage, PeerPose } from "../../../src/domain/presence";
import { createPoseSender } from "../../../src/app/presence/pose-sender";

function setup() {
  let now = 0;
  const sent: ClientMessage[] = [];
  const timers: { at: number; fn: () => void }[] = [];
  const sender = createPoseSender({
    now: () => now,
    setTimeout: (fn, ms) => { const t = { at: now + ms, fn }; timers.push(t); return t; },
    clearTimeout: (h) => { const i = timers.indexOf(h as never); if (i >= 0) timers.splice(i, 1); },
    send: (m) => { sent.push(m); return true; },
  });
  const advance = (ms: number) => {
    now += ms;
    for (const t of timers.filter((x) => x.at <= now)) { timers.splice(timers.indexOf(t), 1); t.fn(); }
  };
  return { sender, sent, timers, advance };
}

const at = (x: number): PeerPose => ({ h: [x, 1.6, 0, 0, 0, 0, 1], l: null, r: null });

describe("presence/pose-sender", () => {
  it("sends a change at once, not an unchanged pose, and holds a too-early change until due", () => {
    const { sender, sent, timers, advance } = setup();
    sender.offer(at(1));
    assert.equal(sent.length, 1, "the first pose goes out");
    assert.deepEqual(sent[0], { t: "pose", h: [1, 1.6, 0, 0, 0, 0, 1] }, "head only, no hands");
    sender.offer(at(1));
    assert.equal(sent.length, 1, "unchanged: nothing sent");
    advance(10);
    sender.offer(at(2));
    assert.equal(sent.length, 1, "a change 10 ms later is held (20 Hz)");
    assert.equal(timers.length, 1, "a timer will send it");
    advance(60);
    assert.equal(sent.length, 2, "sent when due, with no new offer");
    assert.equal((sent[1] as { h: number[] }).h[0], 2, "the held change");
  });

  it("resends after a reset, and stop drops a held change", () => {
    const { sender, sent, timers, advance } = setup();
    sender.offer(at(1));
    sender.reset();
    advance(100);
    sender.offer(at(1));
    assert.equal(sent.length, 2, "after a reset (a new welcome) the same pose goes out again");
    advance(5);
    sender.offer(at(3));
    sender.stop();
    assert.equal(timers.length, 0, "stop clears the timer");
    advance(100);
    assert.equal(sent.length, 2, "and the held change is not sent");
  });
});

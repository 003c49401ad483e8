// Send only when changed, at most N Hz; a held-back change is sent once due.
import assert from "node:assert/strict";
import { ChangeThrottle } from "../../../src/domain/presence/throttle";
import { peerPoseChanged, type PeerPose } from "../../../src/domain/presence/pose";

const at = (x: number): PeerPose => ({ h: [x, 1.6, 0, 0, 0, 0, 1], l: null, r: null });
const make = () => new ChangeThrottle<PeerPose>({ maxHz: 10, changed: (a, b) => peerPoseChanged(a, b) });

describe("presence change throttle", () => {
  it("sends the first value, then nothing while it does not change", () => {
    const t = make();
    assert.ok(t.offer(at(0), 0), "first value sent");
    for (let now = 16; now < 2000; now += 16) assert.equal(t.offer(at(0), now), null, `unchanged at ${now} ms`);
  });

  it("sends changes at most maxHz", () => {
    const t = make();
    let sent = 0;
    for (let now = 0, x = 0; now < 1000; now += 16, x += 0.01) if (t.offer(at(x), now)) sent++;
    assert.ok(sent >= 9 && sent <= 10, `10 Hz over one second while moving: ${sent}`);
  });

  it("does not lose the last change: poll sends it once the interval has passed", () => {
    const t = make();
    t.offer(at(0), 0);
    assert.equal(t.offer(at(1), 30), null, "too early");
    assert.equal(t.dueIn(30), 70, "due in 70 ms");
    assert.equal(t.poll(60), null, "still too early");
    assert.deepEqual(t.poll(100)?.h[0], 1, "the stop position is sent");
    assert.equal(t.poll(300), null, "only once");
  });

  it("ignores movements below the thresholds (1 mm jitter)", () => {
    const t = make();
    t.offer(at(0), 0);
    assert.equal(t.offer(at(0.001), 500), null, "1 mm is noise");
    assert.ok(t.offer(at(0.01), 600), "1 cm is a move");
  });

  it("sends a hand appearing, and sends again after reset (a reconnect)", () => {
    const t = make();
    t.offer(at(0), 0);
    assert.ok(t.offer({ ...at(0), l: [0, 1, 0, 0, 0, 0, 1] }, 200), "a hand appeared");
    t.reset();
    assert.ok(t.offer({ ...at(0), l: [0, 1, 0, 0, 0, 0, 1] }, 210), "after reset the same pose is sent again");
  });

  it("refuses a rate of 0", () => {
    assert.throws(() => new ChangeThrottle({ maxHz: 0, changed: () => true }), /throttle:/, "maxHz 0");
  });
});

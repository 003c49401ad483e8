// The interpolation buffer: delay, linear position, slerp orientation, gaps, teleports, out-of-order samples.
import assert from "node:assert/strict";
import { InterpolationBuffer, ServerClock } from "../../../src/domain/presence/interpolation";
import { angleBetween, type PeerPose } from "../../../src/domain/presence/pose";
import type { PoseTuple } from "../../../src/domain/presence/messages";

const yaw = (rad: number): [number, number, number, number] => [0, Math.sin(rad / 2), 0, Math.cos(rad / 2)];
const head = (x: number, y = 1.6, z = 0, r = 0): PoseTuple => [x, y, z, ...yaw(r)];
const pose = (x: number, r = 0): PeerPose => ({ h: head(x, 1.6, 0, r), l: null, r: null });
const close = (a: number, b: number, eps = 1e-6) => Math.abs(a - b) <= eps;

describe("presence interpolation buffer", () => {
  it("draws 100 ms behind: half-way between two samples 100 ms apart at their midpoint + delay", () => {
    const b = new InterpolationBuffer();
    b.push(1000, pose(0));
    b.push(1100, pose(1));
    const p = b.sample(1150)!;
    assert.ok(close(p.h[0], 0.5), `x is interpolated linearly: ${p.h[0]}`);
    assert.equal(b.delayMs, 100, "default delay is 100 ms");
  });

  it("slerps the orientation: half of a 90 degree turn is 45 degrees", () => {
    const b = new InterpolationBuffer({ delayMs: 0 });
    b.push(0, pose(0, 0));
    b.push(100, pose(0, Math.PI / 2));
    const p = b.sample(50)!;
    assert.ok(close(angleBetween(p.h, head(0, 1.6, 0, 0)), Math.PI / 4, 1e-6), "45 degrees from the start");
    assert.ok(close(Math.hypot(p.h[3], p.h[4], p.h[5], p.h[6]), 1), "unit quaternion");
  });

  it("takes the short way round when the quaternions have opposite signs", () => {
    const b = new InterpolationBuffer({ delayMs: 0 });
    const q = yaw(0.2);
    b.push(0, { h: [0, 0, 0, ...q], l: null, r: null });
    b.push(100, { h: [0, 0, 0, -q[0], -q[1], -q[2], -q[3]], l: null, r: null });
    const p = b.sample(50)!;
    assert.ok(angleBetween(p.h, [0, 0, 0, ...q]) < 1e-6, "q and -q are the same orientation: no spin in between");
  });

  it("holds the first sample before it and the last after it (a silent peer stands still)", () => {
    const b = new InterpolationBuffer();
    assert.equal(b.sample(0), null, "nothing before any sample");
    b.push(1000, pose(2));
    b.push(1100, pose(3));
    assert.equal(b.sample(500)!.h[0], 2, "before the first: the first");
    assert.equal(b.sample(60_000)!.h[0], 3, "long after the last: the last, no extrapolation");
  });

  it("puts out-of-order samples in place", () => {
    const b = new InterpolationBuffer({ delayMs: 0 });
    b.push(0, pose(0));
    b.push(200, pose(2));
    b.push(100, pose(1)); // arrived late
    assert.ok(close(b.sample(150)!.h[0], 1.5), "between the late sample and the next");
    assert.equal(b.sample(50)!.h[0], 1, "a later call for an earlier time holds the oldest kept sample: history was dropped");
  });

  it("after a long silence the move starts shortly before the next sample, not at the old one", () => {
    const b = new InterpolationBuffer({ delayMs: 0, maxSegmentMs: 100 });
    b.push(0, pose(0));
    b.push(5000, pose(1)); // stood still for 5 s, then moved
    assert.equal(b.sample(2500)!.h[0], 0, "half-way through the silence the peer is still at the old place");
    assert.ok(close(b.sample(4950)!.h[0], 0.5), "the move is interpolated over the last 100 ms");
  });

  it("shows a teleport as a cut, not a slide", () => {
    const b = new InterpolationBuffer({ delayMs: 0, snapDistance: 1.5 });
    b.push(0, pose(0));
    b.push(100, pose(10));
    assert.equal(b.sample(99)!.h[0], 0, "just before the teleport's sample: still at the start");
    assert.equal(b.sample(100)!.h[0], 10, "at it: at the destination");
  });

  it("interpolates hands when both samples have them and takes the nearer one otherwise", () => {
    const b = new InterpolationBuffer({ delayMs: 0 });
    b.push(0, { h: head(0), l: head(0), r: null });
    b.push(100, { h: head(0), l: head(1), r: head(5) });
    const early = b.sample(20)!;
    assert.ok(close(early.l![0], 0.2), "left hand interpolated");
    assert.equal(early.r, null, "right hand not yet tracked near the first sample");
    assert.equal(b.sample(80)!.r![0], 5, "right hand shown once nearer the sample that has it");
  });

  it("keeps at most maxSamples and drops consumed history", () => {
    const b = new InterpolationBuffer({ delayMs: 0, maxSamples: 4 });
    for (let i = 0; i < 10; i++) b.push(i * 10, pose(i));
    assert.equal(b.size, 4, "capped");
    b.sample(85);
    assert.ok(b.size <= 2, `consumed samples dropped: ${b.size}`);
  });

  it("ignores non-finite times and refuses nonsense options", () => {
    const b = new InterpolationBuffer();
    b.push(Number.NaN, pose(1));
    assert.equal(b.size, 0, "NaN time ignored");
    assert.throws(() => new InterpolationBuffer({ maxSamples: 1 }), /interpolation:/, "maxSamples 1");
  });
});

describe("presence server clock", () => {
  it("takes the least-delayed message as the offset and follows a changed route after the window", () => {
    const c = new ServerClock(3);
    assert.equal(c.now(5), null, "unknown before any message");
    c.observe(1000, 1050); // 50 ms late
    c.observe(1100, 1120); // 20 ms late
    c.observe(1200, 1290);
    assert.equal(c.now(2000), 1980, "offset 20 ms from the fastest message");
    c.observe(1300, 1400); c.observe(1400, 1500); c.observe(1500, 1600);
    assert.equal(c.now(2000), 1900, "the old fast sample left the window");
  });
});

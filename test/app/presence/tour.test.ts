// Where gathered and following visitors stand (presence/tour.ts): around the guide, never on it,
// and behind a follower's guide, whatever way the guide faces.
import assert from "node:assert/strict";
import { behindSpot, ringSpot, spotOrGuide } from "../../../src/app/presence/tour";

describe("presence/tour spots", () => {
  it("puts gathered visitors on a ring 1.6-2.2 m around the guide, different spots for different numbers", () => {
    const spots = Array.from({ length: 30 }, (_, i) => ringSpot(i + 1, { x: 5, z: -3 }));
    for (const s of spots) {
      const r = Math.hypot(s.x - 5, s.z + 3);
      assert.ok(r >= 1.6 - 1e-9 && r <= 2.2 + 1e-9, `radius ${r.toFixed(2)} within 1.6-2.2 m`);
    }
    let closest = Infinity;
    for (let i = 0; i < 10; i++) for (let j = i + 1; j < 10; j++) closest = Math.min(closest, Math.hypot(spots[i]!.x - spots[j]!.x, spots[i]!.z - spots[j]!.z));
    assert.ok(closest > 0.4, `the first ten visitors stand at least 0.4 m apart (closest ${closest.toFixed(2)} m)`);
  });

  it("puts a follower behind the guide: opposite to where the guide looks", () => {
    for (const yaw of [0, Math.PI / 2, Math.PI, -2]) {
      const fx = -Math.sin(yaw), fz = -Math.cos(yaw); // the guide's forward in a right-handed scene
      for (let n = 1; n <= 9; n++) {
        const s = behindSpot(n, { x: 0, z: 0 }, yaw);
        const along = s.x * fx + s.z * fz;
        assert.ok(along <= -1.8 + 1e-9, `visitor ${n} at yaw ${yaw} stands at least 1.8 m behind (${along.toFixed(2)})`);
      }
    }
  });

  it("sends a visitor next to the guide when the spot behind or around is in a doorway or has no floor", () => {
    // The interior as entered: the guide 1.6 m inside the exit (z 6.4) facing in (-z); the exit's
    // doorway reaches 1.4 m around z 8, so a follower 1.8 m behind would be carried out to the plaza.
    const guide = { x: 0, z: 6.4 };
    const yawFacingIn = 0; // forward (-sin 0, -cos 0) = -z
    const inExit = (x: number, z: number) => Math.hypot(x, z - 8) <= 1.4;
    const standable = (x: number, z: number) => !inExit(x, z) && z < 8.5; // no floor past the wall
    const behind = behindSpot(1, guide, yawFacingIn);
    assert.ok(inExit(behind.x, behind.z), "the spot behind this guide lies in the exit doorway (the case checked)");
    assert.deepEqual(spotOrGuide(behind, guide, standable), guide, "so the follower stands at the guide's spot instead");
    const clear = behindSpot(1, { x: 0, z: 0 }, yawFacingIn);
    assert.deepEqual(spotOrGuide(clear, { x: 0, z: 0 }, standable), clear, "a spot with floor and no doorway is kept");
    const outside = { x: 0, z: 9 };
    assert.deepEqual(spotOrGuide(outside, guide, standable), guide, "a spot with no floor gives the guide's spot too");
  });
});

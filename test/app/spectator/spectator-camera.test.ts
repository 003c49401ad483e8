// The spectator screen's camera maths (spectator/spectator-camera.ts): behind and above the guide
// whatever way they face, an orbit at its radius, smoothing independent of the frame rate.
import assert from "node:assert/strict";
import { chaseShot, follow, groundForward, orbitShot } from "../../../src/app/spectator/spectator-camera";
import type { PoseTuple } from "../../../src/domain/presence";

const headFacing = (yaw: number, at: [number, number, number] = [4, 1.6, -2]): PoseTuple => [...at, 0, Math.sin(yaw / 2), 0, Math.cos(yaw / 2)];

describe("spectator/spectator-camera", () => {
  it("reads the guide's heading on the ground (right-handed: yaw 0 looks along -Z)", () => {
    const [fx, fz] = groundForward(headFacing(0));
    assert.ok(Math.abs(fx) < 1e-9 && Math.abs(fz + 1) < 1e-9, "yaw 0: -Z");
    const [gx, gz] = groundForward(headFacing(Math.PI / 2));
    assert.ok(Math.abs(gx + 1) < 1e-9 && Math.abs(gz) < 1e-9, "yaw +90°: -X");
    const tilted: PoseTuple = [0, 1.6, 0, Math.sin(-0.4), 0, 0, Math.cos(-0.4)]; // looking down
    const [tx, tz] = groundForward(tilted);
    assert.ok(Math.abs(Math.hypot(tx, tz) - 1) < 1e-9 && tz < -0.99, "looking down still gives a unit heading forward");
  });

  it("stands the camera behind and above the guide, looking past them", () => {
    for (const yaw of [0, 1, Math.PI, -2.5]) {
      const head = headFacing(yaw);
      const s = chaseShot(head);
      const [fx, fz] = groundForward(head);
      const along = (s.eye[0] - head[0]) * fx + (s.eye[2] - head[2]) * fz;
      assert.ok(along < -3, `yaw ${yaw}: behind the guide (${along.toFixed(2)} m along their heading)`);
      assert.ok(s.eye[1] > head[1] + 1 && s.eye[1] < head[1] + 2, `yaw ${yaw}: a little above the head`);
      const lookAlong = (s.look[0] - head[0]) * fx + (s.look[2] - head[2]) * fz;
      assert.ok(lookAlong > 1, `yaw ${yaw}: looks ahead of the guide`);
    }
  });

  it("orbits at its radius and height, looking at the center", () => {
    for (const t of [0, 1, 4]) {
      const s = orbitShot([10, 0, -5], 20, 8, t);
      assert.ok(Math.abs(Math.hypot(s.eye[0] - 10, s.eye[2] + 5) - 20) < 1e-9, "radius 20");
      assert.equal(s.eye[1], 8, "height 8");
      assert.deepEqual([s.look[0], s.look[2]], [10, -5], "looks at the center");
    }
  });

  it("smooths by time, not by frames: two half steps make one whole", () => {
    const whole = follow(0.1, 0.7);
    const half = follow(0.05, 0.7);
    const twoHalves = 1 - (1 - half) * (1 - half);
    assert.ok(Math.abs(whole - twoHalves) < 1e-12, "frame-rate independent");
    assert.ok(whole > 0 && whole < 0.2, "a tenth of a second moves a part of the way");
    assert.equal(follow(0.1, 0), 1, "no smoothing: all the way");
  });
});

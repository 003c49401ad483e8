// Where gathered and following visitors stand (presence/tour.ts): around the guide, never on it,
// and behind a follower's guide, whatever way the guide faces.
import assert from "node:assert/strict";
import { behindSpot, ringSpot } from "../../../src/app/presence/tour";

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
});

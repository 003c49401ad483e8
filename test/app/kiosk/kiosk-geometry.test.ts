import assert from "node:assert/strict";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { counterPanelPose, panelAheadPose, standingSpot } from "../../../src/app/kiosk/kiosk-geometry";

const round = (v: Vector3) => v.asArray().map((x) => Math.round(x * 1000) / 1000 + 0);

describe("kiosk/kiosk-geometry", () => {
  const kiosk = { center: new Vector3(2, 1.4, -5), normal: new Vector3(0, 0, 1) };

  it("floats a counter's panel just in front of its label, facing out of the counter", () => {
    const pose = counterPanelPose(kiosk);
    assert.deepEqual(round(pose.center), [2, 1.4, -4.88], "12 cm in front of the label");
    assert.deepEqual(round(pose.facing), [2, 1.4, -3.88], "turned toward the room");
  });

  it("opens a panel 1.3 m ahead of the eye and 20 cm below it, facing the eye", () => {
    const eye = new Vector3(0, 1.6, 0);
    const pose = panelAheadPose(eye, new Vector3(1, 0, 0));
    assert.deepEqual(round(pose.center), [1.3, 1.4, 0], "ahead and below");
    assert.deepEqual(round(pose.facing), [0, 1.6, 0], "facing the eye");
    assert.notEqual(pose.facing, eye, "a copy: the eye vector moves on");
  });

  it("stands a visitor 2.6 m straight in front of a kiosk (room to see the counter)", () => {
    assert.deepEqual(round(standingSpot(kiosk)), [2, 1.4, -2.4], "straight in front");
    assert.deepEqual(round(standingSpot(kiosk, 1.6)), [2, 1.4, -3.4], "closer where the hall has no room");
  });
});

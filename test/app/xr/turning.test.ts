import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { createTurning } from "../../../src/app/xr/turning";
import type { StickState } from "../../../src/app/xr/thumbstick";
import { fakeXr } from "./fake-xr";

describe("xr/turning", () => {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  scene.useRightHandedSystem = true;
  after(() => {
    scene.dispose();
    engine.dispose();
  });

  it("snaps by Babylon's teleport rotation, and turns smoothly itself only in smooth mode", () => {
    const fake = fakeXr();
    const sticks: StickState[] = [{ controllerId: "right", use: "turn", x: 1, y: 0 }];
    const turning = createTurning(scene, fake.xr, sticks, { snapAngle: Math.PI / 4, smoothSpeed: Math.PI / 2 });
    assert.equal(fake.raw.teleportation.rotationAngle, Math.PI / 4, "snap angle given to the teleport feature");
    const q = fake.raw.baseExperience.camera.rotationQuaternion;
    turning.tick(0.1);
    assert.equal(q.toEulerAngles().y, 0, "snap mode: no smooth turn");
    turning.setMode("smooth");
    assert.equal(fake.raw.teleportation.rotationAngle, 0, "smooth mode: no snapping");
    turning.tick(0.1);
    assert.ok(Math.abs(Math.abs(q.toEulerAngles().y) - Math.PI / 20) < 1e-6, "a tenth of a second at full deflection turns pi/20");
  });

  it("turns only from a stick that turns", () => {
    const fake = fakeXr();
    const sticks: StickState[] = [{ controllerId: "right", use: "aim", x: 1, y: -1 }, { controllerId: "left", use: "scroll", x: 1, y: 0 }];
    const turning = createTurning(scene, fake.xr, sticks, { mode: "smooth" });
    turning.tick(0.1);
    assert.equal(fake.raw.baseExperience.camera.rotationQuaternion.toEulerAngles().y, 0, "aiming and scrolling sticks do not turn");
  });
});

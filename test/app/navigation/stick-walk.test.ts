import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createStickWalk } from "../../../src/app/navigation/stick-walk";

describe("navigation/stick-walk", () => {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  scene.useRightHandedSystem = true;
  const camera = new FreeCamera("walk", new Vector3(0, 1.6, 0), scene);
  scene.activeCamera = camera;
  after(() => {
    scene.dispose();
    engine.dispose();
  });
  const reset = () => {
    camera.cameraDirection.setAll(0);
    camera.cameraRotation.set(0, 0);
    camera.rotation.set(0, 0, 0);
  };

  it("pushed forward, walks along the view at the keyboard's speed, in proportion to the frame's dt", () => {
    reset();
    const walk = createStickWalk(camera, { x: 0, y: 1 });
    walk.tick(1 / 60);
    const d = camera.cameraDirection.clone();
    assert.equal(walk.active, true, "the stick is walking");
    assert.ok(Math.abs(d.x) < 1e-9, `no sideways step (${d.x})`);
    // FreeCamera's keyboard at a steady 60 fps: speed * sqrt(16.7 / (60 * 100)).
    const keyboard = camera.speed * Math.sqrt((1000 / 60) / (60 * 100));
    assert.ok(Math.abs(Math.abs(d.z) - keyboard) < 1e-6, `step ${Math.abs(d.z)} = the keyboard's ${keyboard}`);
    walk.tick(1 / 60);
    assert.ok(Math.abs(camera.cameraDirection.z - 2 * d.z) < 1e-9, "two frames, twice the push");
  });

  it("takes the dt it is given, not the engine's: a hitch the frame loop capped stays capped", () => {
    reset();
    const walk = createStickWalk(camera, { x: 0, y: 1 });
    walk.tick(0.1);
    const capped = Math.abs(camera.cameraDirection.z);
    reset();
    walk.tick(1 / 60);
    const steady = Math.abs(camera.cameraDirection.z);
    assert.ok(Math.abs(capped / steady - 6) < 1e-6, `a 100 ms frame walks 6 frames' worth (${(capped / steady).toFixed(3)})`);
  });

  it("turns with the sideways push and stands still at rest", () => {
    reset();
    const stick = { x: 0.5, y: 0 };
    const walk = createStickWalk(camera, stick, { turnRate: 2 });
    walk.tick(0.1);
    assert.ok(Math.abs(Math.abs(camera.cameraRotation.y) - 0.1) < 1e-9, "half push for 0.1 s at 2 rad/s turns 0.1 rad");
    assert.equal(camera.cameraDirection.length(), 0, "a sideways push does not walk");
    reset();
    stick.x = 0;
    walk.tick(0.1);
    assert.equal(walk.active, false, "a centred stick is not walking");
    assert.equal(camera.cameraDirection.length() + Math.abs(camera.cameraRotation.y), 0, "nothing moves at rest");
  });
});

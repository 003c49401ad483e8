import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createViewerSlot, horizontalForward, type Viewer } from "../../../src/app/viewer/viewer";

const still = (kind: Viewer["kind"]): Viewer => ({
  kind,
  eye: () => Vector3.Zero(),
  forward: (out) => out.set(0, 0, -1),
  foot: (out) => out.setAll(0),
  placeAt: () => {},
});

describe("viewer/viewer", () => {
  it("horizontalForward flattens a camera's direction and keeps its length 1", () => {
    const engine = new NullEngine();
    const scene = new Scene(engine);
    scene.useRightHandedSystem = true;
    const cam = new FreeCamera("c", new Vector3(0, 2, 0), scene);
    cam.setTarget(new Vector3(3, 0, -3)); // looking down and to the side
    cam.computeWorldMatrix();
    const f = horizontalForward(cam, true, new Vector3());
    assert.equal(f.y, 0, "on the ground plane");
    assert.ok(Math.abs(f.length() - 1) < 1e-9, "length 1");
    assert.ok(Vector3.Distance(f, new Vector3(Math.SQRT1_2, 0, -Math.SQRT1_2)) < 1e-6, `toward the target (${f.asArray()})`);
    scene.dispose();
    engine.dispose();
  });

  it("the slot holds the walking viewer until another is used, and returns to it on null", () => {
    const walking = still("walking");
    const xr = still("xr");
    const slot = createViewerSlot(walking);
    assert.equal(slot.current, walking, "walking first");
    slot.use(xr);
    assert.equal(slot.current, xr, "the headset while XR runs");
    slot.use(null);
    assert.equal(slot.current, walking, "walking again");
  });
});

import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { WebXRCamera } from "@babylonjs/core/XR/webXRCamera";
import { HEIGHT_EVERY_FRAMES, createXrViewer, yawFor } from "../../../src/app/viewer/xr-viewer";

describe("viewer/xr-viewer", () => {
  it("yawFor turns a camera to look along a direction, in either handedness", () => {
    // A right-handed camera looks along its -Z: yaw 0 looks at -Z, a half turn at +Z.
    assert.ok(Math.abs(yawFor({ x: 0, z: -1 }, true)) < 1e-12, "RH: -Z is straight ahead");
    assert.ok(Math.abs(Math.abs(yawFor({ x: 0, z: 1 }, true)) - Math.PI) < 1e-12, "RH: +Z is a half turn");
    assert.equal(yawFor({ x: -1, z: 0 }, true), Math.PI / 2, "RH: -X is a quarter turn left");
    assert.equal(yawFor({ x: 0, z: 1 }, false), 0, "LH: +Z is straight ahead");
    assert.equal(yawFor({ x: 1, z: 0 }, false), Math.PI / 2, "LH: +X is a quarter turn");
  });

  it("places the head above the foot point facing the way asked, and reads the height only in XR frames", () => {
    const engine = new NullEngine();
    const scene = new Scene(engine);
    scene.useRightHandedSystem = true;
    // A camera standing in for the headset: position, rotation and the measured height.
    const camera = Object.assign(new FreeCamera("head", Vector3.Zero(), scene), { realWorldHeight: 1.75 });
    const session = { inXRFrameLoop: false };
    const viewer = createXrViewer(camera as unknown as WebXRCamera, session, true, 1.6);
    viewer.placeAt(new Vector3(2, 0.5, 3), new Vector3(1, 0, 0));
    assert.deepEqual(camera.position.asArray(), [2, 2.1, 3], "head 1.6 m (default) above the foot point");
    camera.computeWorldMatrix();
    const fwd = viewer.forward(new Vector3());
    assert.ok(Vector3.Distance(fwd, new Vector3(1, 0, 0)) < 1e-6, `looks along +X (${fwd.asArray()})`);
    viewer.tick();
    assert.equal(viewer.foot(new Vector3()).y, 0.5, "outside an XR frame the height is not read");
    session.inXRFrameLoop = true;
    viewer.tick();
    assert.ok(Math.abs(viewer.foot(new Vector3()).y - (2.1 - 1.75)) < 1e-9, "inside one the measured 1.75 m counts");
    camera.realWorldHeight = 1.2; // the visitor sat down
    for (let i = 1; i < HEIGHT_EVERY_FRAMES; i++) viewer.tick();
    assert.ok(Math.abs(viewer.foot(new Vector3()).y - (2.1 - 1.75)) < 1e-9, `between reads (every ${HEIGHT_EVERY_FRAMES} frames) the height is kept`);
    viewer.tick();
    assert.ok(Math.abs(viewer.foot(new Vector3()).y - (2.1 - 1.2)) < 1e-9, "the next read takes the new 1.2 m");
    camera.realWorldHeight = 0.1; // the headset put down on a table
    for (let i = 0; i < HEIGHT_EVERY_FRAMES; i++) viewer.tick();
    assert.ok(Math.abs(viewer.foot(new Vector3()).y - (2.1 - 1.2)) < 1e-9, "an implausible height is ignored");
    scene.dispose();
    engine.dispose();
  });
});

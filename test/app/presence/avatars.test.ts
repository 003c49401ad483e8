// Other visitors' figures (presence/avatars.ts) cost nothing while nobody else is there: before the
// first sync and with no one to show, none of the three meshes is enabled, so none is drawn (a
// mesh without thin instances would otherwise be drawn as itself, at the origin).
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import "../../support/node-babylon";
import { createAvatars } from "../../../src/app/presence/avatars";

function world() {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  // Looking at the origin from the hub's eye height, where the figure mesh was drawn.
  const camera = new FreeCamera("eye", new Vector3(0, 1.6, -4), scene);
  camera.setTarget(Vector3.Zero());
  return { engine, scene };
}

const drawn = (scene: Scene) => scene.getActiveMeshes().data.slice(0, scene.getActiveMeshes().length).map((m) => m.name);

describe("presence/avatars", () => {
  it("enables and draws none of its meshes before anyone is synced", () => {
    const { engine, scene } = world();
    const avatars = createAvatars(scene);
    assert.deepEqual(avatars.meshes.filter((m) => m.isEnabled()).map((m) => m.name), [], "no avatar mesh is enabled before the first sync");
    scene.render();
    assert.deepEqual(drawn(scene).filter((n) => n.startsWith("presence-")), [], "no avatar mesh is drawn");
    avatars.dispose();
    engine.dispose();
  });

  it("stays hidden when the room has no one else", () => {
    const { engine, scene } = world();
    const avatars = createAvatars(scene);
    avatars.sync([]);
    avatars.commit();
    assert.equal(avatars.count, 0, "no figures");
    assert.deepEqual(avatars.meshes.filter((m) => m.isEnabled()).map((m) => m.name), [], "no avatar mesh is enabled for an empty room");
    avatars.dispose();
    engine.dispose();
  });
});

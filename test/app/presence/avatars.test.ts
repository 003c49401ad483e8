// Avatars draw only while there is someone to show: three meshes of thin instances, which without
// instances would each be drawn once at the origin (a figure under the hub's floor and two wasted
// draw calls from the moment presence loads, after the page's ready frame).
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { installFakeCanvas } from "../../support/fake-canvas";
import { Scene } from "@babylonjs/core/scene";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createAvatars } from "../../../src/app/presence/avatars";

installFakeCanvas();

describe("presence/avatars", () => {
  let scene: Scene;
  beforeEach(() => {
    scene = new Scene(new NullEngine());
    scene.useRightHandedSystem = true;
    new FreeCamera("eye", new Vector3(0, 1.6, 5), scene).setTarget(Vector3.Zero());
  });
  afterEach(() => scene.getEngine().dispose());

  /** Names of the avatar meshes Babylon chose to draw in a frame rendered now. */
  function drawn(meshes: readonly { name: string }[]): string[] {
    scene.render();
    const active = new Set(scene.getActiveMeshes().data.slice(0, scene.getActiveMeshes().length));
    return meshes.filter((m) => active.has(m as never)).map((m) => m.name);
  }

  it("draws nothing while nobody is shown, before and after visitors came and went", () => {
    const avatars = createAvatars(scene);
    assert.deepEqual(drawn(avatars.meshes), [], "no avatar mesh drawn before anyone joined");
    avatars.sync([{ id: "a", label: "Pengunjung 1", guide: false }]);
    avatars.place("a", [0, 1.6, 0, 0, 0, 0, 1], null, null);
    avatars.commit();
    assert.deepEqual(drawn(avatars.meshes).sort(), ["presence-figures", "presence-name-tags"], "a visitor without hands: figure and name tag");
    avatars.sync([]);
    assert.deepEqual(drawn(avatars.meshes), [], "nothing drawn once the last visitor left");
    avatars.dispose();
  });
});

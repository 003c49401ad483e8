// Babylon walks only the meshes that can be drawn (world/mesh-candidates.ts): disabled meshes and
// invisible pick proxies (visibility 0) are not candidates, and what is drawn stays the same.
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import "../../support/node-babylon";
// Side effect: Mesh.createInstance.
import "@babylonjs/core/Meshes/instancedMesh";
import { useDrawableCandidates } from "../../../src/app/world/mesh-candidates";

function world() {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  const camera = new FreeCamera("eye", new Vector3(0, 0, -10), scene);
  camera.setTarget(Vector3.Zero());
  const material = new StandardMaterial("m", scene);
  const box = (name: string) => {
    const b = CreateBox(name, { size: 1 }, scene);
    b.material = material;
    return b;
  };
  const shown = box("shown");
  const disabled = box("disabled");
  disabled.setEnabled(false);
  const proxy = box("proxy");
  proxy.visibility = 0;
  const parent = new TransformNode("closed-panel", scene);
  const child = box("child-of-disabled");
  child.parent = parent;
  parent.setEnabled(false);
  const source = box("instanced-source");
  source.visibility = 0;
  const instance = source.createInstance("instance");
  instance.position.x = 2;
  return { engine, scene, shown, disabled, proxy, child, source, instance };
}

const names = (list: { length: number; data: { name: string }[] }) => list.data.slice(0, list.length).map((m) => m.name).sort();

describe("world/mesh-candidates", () => {
  it("leaves disabled meshes, meshes under a disabled node and visibility-0 proxies out of the candidates", () => {
    const w = world();
    assert.equal(w.scene.getActiveMeshCandidates().length, w.scene.meshes.length, "by default every mesh is a candidate");
    useDrawableCandidates(w.scene);
    assert.deepEqual(names(w.scene.getActiveMeshCandidates()), ["shown"], "only meshes that can be drawn (an instance has its source's visibility 0)");
    w.proxy.visibility = 1;
    w.disabled.setEnabled(true);
    assert.deepEqual(names(w.scene.getActiveMeshCandidates()), ["disabled", "proxy", "shown"], "a mesh shown again is a candidate again at once");
    w.engine.dispose();
  });

  it("draws the same meshes as Babylon's default candidates", () => {
    const a = world();
    a.scene.render();
    const before = a.scene.getActiveMeshes().data.slice(0, a.scene.getActiveMeshes().length).map((m) => m.name).sort();
    const undo = useDrawableCandidates(a.scene);
    a.scene.render();
    const after = a.scene.getActiveMeshes().data.slice(0, a.scene.getActiveMeshes().length).map((m) => m.name).sort();
    assert.ok(before.length > 0, `something is drawn (${before.join(", ")})`);
    assert.deepEqual(after, before, "the same active meshes with fewer candidates");
    undo();
    assert.equal(a.scene.getActiveMeshCandidates().length, a.scene.meshes.length, "the undo gives Babylon's default back");
    a.engine.dispose();
  });
});

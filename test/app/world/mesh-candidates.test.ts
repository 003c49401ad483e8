// Babylon walks only the meshes that can be drawn (world/mesh-candidates.ts): disabled and hidden
// meshes, invisible pick proxies (visibility 0) and nodes without geometry are not candidates, the
// list is chosen once per frame, and what is drawn stays the same.
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
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
  const hidden = box("hidden");
  hidden.isVisible = false;
  const parent = new TransformNode("closed-panel", scene);
  const child = box("child-of-disabled");
  child.parent = parent;
  parent.setEnabled(false);
  const source = box("instanced-source");
  source.visibility = 0;
  const instance = source.createInstance("instance");
  instance.position.x = 2;
  // A glTF root: a mesh with no geometry whose child is drawn where the root puts it.
  const root = new Mesh("__root__", scene);
  const part = box("part-of-root");
  part.parent = root;
  return { engine, scene, camera, shown, disabled, proxy, hidden, child, source, instance, root, part };
}

const names = (list: { length: number; data: { name: string }[] }) => list.data.slice(0, list.length).map((m) => m.name).sort();
const activeNames = (scene: Scene) => names(scene.getActiveMeshes());

describe("world/mesh-candidates", () => {
  it("leaves disabled and hidden meshes, meshes under a disabled node, visibility-0 proxies and nodes without geometry out", () => {
    const w = world();
    assert.equal(w.scene.getActiveMeshCandidates().length, w.scene.meshes.length, "by default every mesh is a candidate");
    useDrawableCandidates(w.scene);
    assert.deepEqual(names(w.scene.getActiveMeshCandidates()), ["part-of-root", "shown"], "only meshes that can be drawn (an instance has its source's visibility 0)");
    w.engine.dispose();
  });

  it("chooses the candidates once per frame: a mesh shown again is a candidate from the next frame", () => {
    const w = world();
    useDrawableCandidates(w.scene);
    w.scene.render();
    const first = w.scene.getActiveMeshCandidates();
    w.proxy.visibility = 1;
    w.disabled.setEnabled(true);
    w.hidden.isVisible = true;
    assert.equal(w.scene.getActiveMeshCandidates(), first, "the second view of a frame gets the list the first one chose");
    assert.deepEqual(names(first), ["part-of-root", "shown"], "within the frame the list is the one chosen at its start");
    w.scene.render();
    assert.deepEqual(names(w.scene.getActiveMeshCandidates()), ["disabled", "hidden", "part-of-root", "proxy", "shown"], "the next frame sees the meshes shown again");
    assert.deepEqual(activeNames(w.scene), ["disabled", "hidden", "part-of-root", "proxy", "shown"], "and draws them");
    w.engine.dispose();
  });

  it("drops a mesh disposed within the frame from the list the next view gets", () => {
    const w = world();
    useDrawableCandidates(w.scene);
    w.scene.render();
    assert.ok(names(w.scene.getActiveMeshCandidates()).includes("shown"), "the mesh is a candidate before");
    w.shown.dispose();
    assert.ok(!names(w.scene.getActiveMeshCandidates()).includes("shown"), "a disposed mesh is never offered");
    w.engine.dispose();
  });

  it("draws the same meshes as Babylon's default candidates, children of a root without geometry where the root moves them", () => {
    const a = world();
    a.root.position.x = -2;
    a.scene.render();
    const before = activeNames(a.scene).filter((n) => n !== "__root__"); // nothing of the root itself is drawn
    const partAt = a.part.getAbsolutePosition().clone();
    const undo = useDrawableCandidates(a.scene);
    a.root.position.x = -3;
    a.scene.render();
    const after = activeNames(a.scene);
    assert.ok(before.length > 0, `something is drawn (${before.join(", ")})`);
    assert.deepEqual(after, before, "the same active meshes with fewer candidates");
    assert.equal(a.part.getWorldMatrix().getTranslation().x, partAt.x - 1, "the root's move reached its child's world matrix in the render");
    undo();
    assert.equal(a.scene.getActiveMeshCandidates().length, a.scene.meshes.length, "the undo gives Babylon's default back");
    a.engine.dispose();
  });
});

import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { CreatePlane } from "@babylonjs/core/Meshes/Builders/planeBuilder";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import "../../support/node-babylon";
// Side effect: Mesh.createInstance (as the glTF loader registers it).
import "@babylonjs/core/Meshes/instancedMesh";
import { alignSideOrientation, mergeMeshes, mergeByMaterial } from "../../../src/app/world/merge-meshes";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";

/** Per triangle, the direction its front face looks: the winding normal, negated for the other orientation. */
function fronts(mesh: Mesh): Vector3[] {
  const p = mesh.getVerticesData(VertexBuffer.PositionKind)!;
  const idx = mesh.getIndices()!;
  const v = (i: number) => new Vector3(p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!);
  const out: Vector3[] = [];
  for (let t = 0; t < idx.length; t += 3) {
    const a = v(idx[t]!), b = v(idx[t + 1]!), c = v(idx[t + 2]!);
    const n = Vector3.Cross(b.subtract(a), c.subtract(a)).normalize();
    out.push(mesh.sideOrientation === 0 ? n : n.negate());
  }
  return out;
}

describe("world/merge-meshes", () => {
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
    scene.useRightHandedSystem = true;
  });
  afterEach(() => engine.dispose());

  /** A glTF-like mesh: the loader's counter-clockwise orientation, its winding reversed to match. */
  function gltfLike(name: string): Mesh {
    const m = CreatePlane(name, { size: 1 }, scene);
    const idx = Array.from(m.getIndices()!);
    for (let t = 0; t < idx.length; t += 3) [idx[t + 1], idx[t + 2]] = [idx[t + 2]!, idx[t + 1]!];
    m.setIndices(idx);
    m.sideOrientation = 1;
    return m;
  }

  it("brings meshes to the first one's orientation without turning any face around", () => {
    const a = gltfLike("gltf");
    const b = CreateBox("builder", { size: 1 }, scene);
    assert.notEqual(a.sideOrientation, b.sideOrientation, "the two start with different orientations");
    const before = fronts(b);
    alignSideOrientation([a, b]);
    assert.equal(b.sideOrientation, a.sideOrientation, "the builder mesh took the glTF orientation");
    const after = fronts(b);
    after.forEach((n, i) => assert.ok(n.equalsWithEpsilon(before[i]!, 1e-6), `triangle ${i} still faces ${before[i]}`));
  });

  it("leaves a mesh sharing the flipped mesh's geometry untouched", () => {
    const a = gltfLike("gltf");
    const b = CreateBox("builder", { size: 1 }, scene);
    const twin = b.clone("twin")!;
    const twinBefore = Array.from(twin.getIndices()!);
    alignSideOrientation([a, b]);
    assert.deepEqual(Array.from(twin.getIndices()!), twinBefore, "the clone's triangles keep their winding");
    assert.equal(twin.sideOrientation, 0, "and its orientation");
  });

  it("merges meshes of both origins, where Babylon alone refuses", () => {
    const refused = Mesh.MergeMeshes([gltfLike("g1"), CreatePlane("b1", { size: 1 }, scene)], true, true);
    assert.equal(refused, null, "Mesh.MergeMeshes refuses mixed orientations");
    const merged = mergeMeshes([gltfLike("g2"), CreatePlane("b2", { size: 1 }, scene)]);
    assert.ok(merged, "merged after alignment");
    assert.equal(merged!.getTotalVertices(), 8, "both quads are in the merged mesh");
  });

  it("merges meshes per material into one mesh each, keeping chosen sources as invisible proxies", () => {
    const facade = new StandardMaterial("facade", scene);
    const paving = new StandardMaterial("paving", scene);
    const bodies = [0, 1, 2].map((i) => {
      const b = CreateBox(`body-${i}`, { size: 1 }, scene);
      b.position.x = i * 10;
      b.material = facade;
      return b;
    });
    const decor = CreateBox("decor", { size: 1 }, scene);
    decor.material = facade;
    const floorA = CreatePlane("floor-a", { size: 1 }, scene);
    const floorB = CreatePlane("floor-b", { size: 1 }, scene);
    floorA.material = paving;
    floorB.material = paving;
    const alone = CreateBox("alone", { size: 1 }, scene);
    alone.material = new StandardMaterial("other", scene);
    const trees = CreateBox("trees", { size: 1 }, scene);
    trees.material = facade;
    // (NullEngine has no instanced arrays for thin instances; instances take the same path.)
    trees.createInstance("tree-2").position.x = 5;

    const r = mergeByMaterial([...bodies, decor, floorA, floorB, alone, trees], "batch", (m) => bodies.includes(m as Mesh));
    assert.equal(r.meshes.length, 2, "one merged mesh per shared material");
    const facadeMesh = r.meshes.find((m) => m.material === facade)!;
    assert.equal(facadeMesh.getTotalVertices(), 4 * 24, "the three bodies and the decor in one mesh");
    const xs = facadeMesh.getBoundingInfo().boundingBox.maximumWorld.x;
    assert.ok(Math.abs(xs - 20.5) < 1e-6, `world transforms baked in (max x ${xs})`);
    for (const b of bodies) {
      assert.equal(b.isDisposed(), false, `${b.name} is kept`);
      assert.equal(b.visibility, 0, `${b.name} is not drawn any more`);
      assert.equal(b.isVisible, true, `${b.name} can still be picked and collided with`);
    }
    assert.equal(decor.isDisposed(), true, "a source nobody needs is disposed");
    assert.equal(alone.isDisposed(), false, "a mesh alone with its material is left as it is");
    assert.ok(!r.sources.has(trees) && !trees.isDisposed(), "instanced meshes are left as they are");
    assert.ok(r.sources.has(floorA) && r.sources.has(floorB), "both floors went into a merged mesh");
  });
});

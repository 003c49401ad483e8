// world/plaza in Node (NullEngine, the real models): few draw calls, buildings still themselves to
// pick and walk into, and nothing counted as loaded before it can be drawn.
import assert from "node:assert/strict";
import { Ray } from "@babylonjs/core/Culling/ray";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { startNodeExperience, type NodeExperience } from "../../support/node-experience";
import { extrasOf } from "../../../src/app/world/roles";
import { anchorPose } from "../../../src/app/world/plaza";
import { drawable } from "../../../src/app/world/when-ready";

describe("world/plaza (NullEngine)", function () {
  this.timeout(180_000);
  let ctx: NodeExperience;
  before(async () => {
    ctx = await startNodeExperience();
  });
  after(async () => {
    await ctx?.close();
  });

  const bodiesOf = (root: AbstractMesh["parent"]) =>
    (root as { getChildMeshes(d: boolean): AbstractMesh[] }).getChildMeshes(false).filter((m) => extrasOf(m)?.role === "blocker");

  it("is only returned once every mesh it shows can be drawn (shaders and textures ready)", () => {
    const notReady = drawable(ctx.exp.scene.meshes).filter((m) => !m.isReady(true)).map((m) => m.name);
    assert.deepEqual(notReady, [], "no mesh waits for a shader or a texture");
  });

  it("draws the bodies of all 27 buildings with the plaza's static parts as one mesh", () => {
    const { plaza } = ctx.exp;
    const shown = drawable(plaza.root.getChildMeshes(false));
    const statics = shown.filter((m) => m.name.startsWith("plaza-static"));
    assert.equal(statics.length, 1, `one merged static mesh (${statics.map((m) => m.name)})`);
    const bodyTriangles = plaza.buildings.flatMap((b) => bodiesOf(b.root)).reduce((n, m) => n + m.getTotalIndices() / 3, 0);
    assert.ok(statics[0]!.getTotalIndices() / 3 >= bodyTriangles, `it holds every body's ${bodyTriangles} triangles`);
    assert.equal(statics[0]!.isPickable, false, "the merged mesh is drawn, not picked");
    assert.ok(shown.length <= 14, `${shown.length} meshes drawn for the whole plaza: ${shown.map((m) => m.name).join(", ")}`);
  });

  it("keeps each building's own body as an invisible, solid, pickable proxy", () => {
    for (const b of ctx.exp.plaza.buildings) {
      const bodies = bodiesOf(b.root);
      assert.ok(bodies.length > 0, `${b.region} has its body`);
      for (const m of bodies) {
        assert.equal(m.visibility, 0, `${b.region}: not drawn twice`);
        assert.ok(m.isPickable && m.isVisible && m.checkCollisions, `${b.region}: pickable and solid`);
      }
    }
  });

  it("tells which building a ray from its forecourt hits", () => {
    const b = ctx.exp.plaza.buildings.find((x) => x.region === "3273")!;
    const door = anchorPose(b.entrance);
    const from = door.position.add(door.forward.scale(6)).add(new Vector3(0, 2.5, 0));
    const pick = ctx.exp.scene.pickWithRay(new Ray(from, door.forward.scale(-1), 30), (m) => m.isPickable && m.isEnabled() && m.isVisible && !ctx.exp.walker.isFloor(m));
    assert.ok(pick?.pickedMesh, "the ray hits something");
    assert.ok(pick!.pickedMesh!.isDescendantOf(b.root), `it is building 3273's own mesh (${pick!.pickedMesh!.name})`);
  });

  it("merges the floors of plaza and buildings per material, still walkable", () => {
    const { plaza, walker } = ctx.exp;
    assert.ok(plaza.floors.length <= 3, `${plaza.floors.length} floor meshes (grass, paving, ...)`);
    for (const b of plaza.buildings) {
      const door = anchorPose(b.entrance);
      const ground = walker.floorBelow(door.position.x + door.forward.x, door.position.y + 1, door.position.z + door.forward.z);
      assert.notEqual(ground, null, `there is floor in front of ${b.region}'s door`);
    }
  });
});

// world/plaza in Node (NullEngine, the real models): few draw calls, buildings still themselves to
// pick and walk into, and nothing counted as loaded before it can be drawn.
import assert from "node:assert/strict";
import { Ray } from "@babylonjs/core/Culling/ray";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
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

  it("draws bodies, map table and props baked into one mesh for the hub and one for the ring around it", () => {
    const { plaza } = ctx.exp.places;
    const shown = drawable(plaza.root.getChildMeshes(false));
    const batches = shown.filter((m) => m.name.startsWith("plaza-static"));
    const cells = batches.map((m) => (m.metadata as { batch: string }).batch);
    assert.equal(new Set(cells).size, cells.length, `one batch per place for the one material (${cells.join(", ")})`);
    assert.deepEqual(cells.sort(), ["hub", "s0"], `the hub and the ring, one draw call each (${cells.join(", ")})`);
    const bodyTriangles = plaza.buildings.flatMap((b) => bodiesOf(b.root)).reduce((n, m) => n + m.getTotalIndices() / 3, 0);
    const batchTriangles = batches.reduce((n, m) => n + m.getTotalIndices() / 3, 0);
    assert.ok(batchTriangles > bodyTriangles, `the batches hold every body's ${bodyTriangles} triangles and the props (${batchTriangles})`);
    assert.ok(shown.every((m) => !(m as { hasThinInstances?: boolean }).hasThinInstances), "no thin-instanced prop is drawn on its own any more");
    assert.ok(batches.every((m) => !m.isPickable), "batches are drawn, not picked");
    assert.ok(shown.length <= 16, `${shown.length} meshes drawn for the whole plaza: ${shown.map((m) => m.name).join(", ")}`);
  });

  it("keeps the hub's batch to the hub, so a visitor out on the plaza looking away from it does not draw it", () => {
    const batches = drawable(ctx.exp.places.plaza.root.getChildMeshes(false)).filter((x) => x.name.startsWith("plaza-static"));
    const radii = (batch: string) => {
      const m = batches.find((x) => (x.metadata as { batch: string }).batch === batch)!;
      const p = m.getVerticesData(VertexBuffer.PositionKind)!;
      const r: number[] = [];
      for (let i = 0; i < p.length; i += 3) r.push(Math.hypot(p[i]!, p[i + 2]!));
      return r;
    };
    // A piece belongs where its centre is, so a long one (a path) may reach far beyond the 30 m edge.
    const hub = radii("hub").sort((a, b) => a - b);
    const hubMedian = hub[Math.floor(hub.length / 2)]!;
    const ringMin = Math.min(...radii("s0"));
    assert.ok(hubMedian < 30, `most of the hub's batch is within its 30 m (median ${hubMedian.toFixed(1)} m)`);
    assert.ok(ringMin > 15, `every vertex of the ring's batch beyond 15 m (nearest ${ringMin.toFixed(1)} m)`);
  });

  it("draws the legend and the directory kiosk's face with the building signs: one mesh, one texture", () => {
    const { plaza } = ctx.exp.places;
    const shown = drawable(plaza.root.getChildMeshes(false)).filter((m) => /sign|legend|directory/.test(m.name) || m.material?.name === "legend");
    assert.deepEqual(shown.map((m) => m.name), ["plaza-signs"], `one mesh draws every sign, the legend and the directory (${shown.map((m) => m.name).join(", ")})`);
    assert.notEqual(plaza.legendPanel, null, "the legend has its panel");
    assert.ok(plaza.directory, "the directory kiosk has its panel");
    // 27 buildings' sign quads (4 vertices each, some buildings have two) plus the legend and the kiosk's face.
    const signs = plaza.signs.mesh!;
    assert.ok(signs.getTotalVertices() >= 27 * 4 + 8, `${signs.getTotalVertices()} vertices hold the signs, legend and directory`);
    const proxy = plaza.directory!.proxy;
    assert.equal(proxy.visibility, 0, "the kiosk's pickable twin is never drawn");
    assert.ok(proxy.isPickable && proxy.isEnabled(), "but it is picked");
    const from = plaza.directory!.center.add(plaza.directory!.normal.scale(2));
    const hit = ctx.exp.scene.pickWithRay(new Ray(from, plaza.directory!.normal.scale(-1), 5), (m) => m.isPickable);
    assert.equal(hit?.pickedMesh, proxy, "a ray at the kiosk's face hits its twin");
    assert.equal(ctx.exp.kioskInfos().find((k) => k.id === "directory")?.center[1].toFixed(2), plaza.directory!.center.y.toFixed(2), "the kiosk stands where its face is drawn");
  });

  it("keeps each building's own body as an invisible, solid, pickable proxy", () => {
    for (const b of ctx.exp.places.plaza.buildings) {
      const bodies = bodiesOf(b.root);
      assert.ok(bodies.length > 0, `${b.region} has its body`);
      for (const m of bodies) {
        assert.equal(m.visibility, 0, `${b.region}: not drawn twice`);
        assert.ok(m.isPickable && m.isVisible && m.checkCollisions, `${b.region}: pickable and solid`);
      }
    }
  });

  it("tells which building a ray from its forecourt hits", () => {
    const b = ctx.exp.places.plaza.buildings.find((x) => x.region === "3273")!;
    const door = anchorPose(b.entrance);
    const from = door.position.add(door.forward.scale(6)).add(new Vector3(0, 2.5, 0));
    const pick = ctx.exp.scene.pickWithRay(new Ray(from, door.forward.scale(-1), 30), (m) => m.isPickable && m.isEnabled() && m.isVisible && !ctx.exp.walking.isFloor(m));
    assert.ok(pick?.pickedMesh, "the ray hits something");
    assert.ok(pick!.pickedMesh!.isDescendantOf(b.root), `it is building 3273's own mesh (${pick!.pickedMesh!.name})`);
  });

  it("merges the floors of plaza and buildings per material, still walkable", () => {
    const { plaza } = ctx.exp.places;
    const walker = ctx.exp.walking;
    assert.ok(plaza.floors.length <= 3, `${plaza.floors.length} floor meshes (grass, paving, ...)`);
    for (const b of plaza.buildings) {
      const door = anchorPose(b.entrance);
      const ground = walker.floorBelow(door.position.x + door.forward.x, door.position.y + 1, door.position.z + door.forward.z);
      assert.notEqual(ground, null, `there is floor in front of ${b.region}'s door`);
    }
  });

  it("has a map table at the hub (role map): solid, and a point on it stands for the building there", () => {
    const { plaza } = ctx.exp.places;
    const map = plaza.map!;
    assert.ok(map, "the plaza model's map table carries its scale and centre");
    assert.ok(map.meshes.length > 0 && map.meshes.every((m) => plaza.blockers.includes(m)), "the table is solid (a blocker)");
    for (const b of plaza.buildings) {
      const at = b.root.getAbsolutePosition();
      const onTable = map.onTable(at.x, at.z);
      assert.ok(Math.hypot(onTable.x, onTable.z) < 4, `${b.region}: its mark lies on the table at the hub`);
      const back = map.toPlaza(onTable.x, onTable.z);
      assert.ok(Math.hypot(back.x - at.x, back.z - at.z) < 1e-6, `${b.region}: the table point stands for the building`);
      assert.equal(ctx.exp.travel.nearestBuilding(back.x, back.z), b.region, `${b.region}: a tap on its mark travels to it`);
    }
  });

  it("starts the visitor in front of the map table, looking down onto it, not into its side", () => {
    ctx.exp.places.goToSpawn();
    const eye = ctx.exp.viewer.current.eye();
    const f = ctx.exp.walking.camera.getDirection(new Vector3(0, 0, -1));
    assert.ok(f.y < -0.1 && f.y > -0.5, `looking down a little (${f.y.toFixed(2)})`);
    const ray = new Ray(eye.clone(), f, 12);
    const hit = ctx.exp.scene.pickWithRay(ray, (m) => ctx.exp.places.plaza.map!.meshes.includes(m));
    assert.ok(hit?.hit && hit.pickedPoint, "the view's centre falls on the map table");
    assert.ok(hit.pickedPoint.y > 0.9, `on its top, not its side (y ${hit.pickedPoint.y.toFixed(2)})`);
  });
});

// world/static-batch: fixed geometry baked into one mesh per material and place.
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import "../../support/node-babylon";
// Side effect: Mesh.createInstance (as the glTF loader registers it).
import "@babylonjs/core/Meshes/instancedMesh";
import { batchStatic, sectorCells } from "../../../src/app/world/static-batch";

describe("world/static-batch", () => {
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
  });
  afterEach(() => engine.dispose());

  it("cuts the plaza into the hub and sectors clockwise from north (-Z)", () => {
    const cell = sectorCells({ sectors: 8, hubRadius: 30 });
    assert.equal(cell(5, -5), "hub", "near the centre: the hub");
    assert.equal(cell(0, -100), "s0", "straight north");
    assert.equal(cell(100, -100), "s1", "north-east");
    assert.equal(cell(100, 0), "s2", "east");
    assert.equal(cell(0, 100), "s4", "south");
    assert.equal(cell(-100, 0), "s6", "west");
    assert.equal(cell(-100, -100), "s7", "north-west");
    const rings = sectorCells({ sectors: 8, hubRadius: 30, rings: [100] });
    assert.equal(rings(0, -60), "s0r0", "north, near ring");
    assert.equal(rings(0, -160), "s0r1", "north, far ring");
    assert.equal(rings(0, 10), "hub", "the hub has no rings");
  });

  it("bakes meshes and instances into one mesh per material and place, world transforms included", () => {
    const wood = new StandardMaterial("wood", scene);
    const stone = new StandardMaterial("stone", scene);
    const near = CreateBox("near", { size: 2 }, scene);
    near.material = wood;
    near.position.set(0, 0, -100);
    const chair = CreateBox("chair", { size: 1 }, scene);
    chair.material = wood;
    chair.position.set(10, 0, -100);
    const chair2 = chair.createInstance("chair-2");
    chair2.position.set(-10, 0, -100);
    const far = CreateBox("far", { size: 1 }, scene);
    far.material = wood;
    far.position.set(0, 0, 100);
    const wall = CreateBox("wall", { size: 1 }, scene);
    wall.material = stone;
    wall.position.set(0, 0, -100);

    const r = batchStatic([near, chair, chair2, far, wall], "b", { cellOf: sectorCells({ sectors: 8, hubRadius: 30 }) });
    const byKey = new Map(r.meshes.map((m) => [`${m.material!.name}/${(m.metadata as { batch: string }).batch}`, m]));
    assert.deepEqual([...byKey.keys()].sort(), ["stone/s0", "wood/s0", "wood/s4"], "one mesh per material and sector");
    const north = byKey.get("wood/s0")!;
    assert.equal(north.getTotalVertices(), 24 * 3, "the box, the chair and its instance");
    const box = north.getBoundingInfo().boundingBox;
    assert.ok(Math.abs(box.minimumWorld.x + 10.5) < 1e-5 && Math.abs(box.maximumWorld.x - 10.5) < 1e-5, "the instance sits where it stood");
    assert.ok(Math.abs(box.centerWorld.z + 100) < 1e-5, "at z = -100");
    assert.ok([near, chair, far, wall].every((m) => m.isDisposed()), "sources nobody keeps are disposed");
  });

  it("keeps chosen sources as invisible proxies, and an instance's source with it", () => {
    const wood = new StandardMaterial("wood", scene);
    const counter = CreateBox("counter", { size: 1 }, scene);
    counter.material = wood;
    const twin = counter.createInstance("counter-2");
    twin.position.x = 3;
    const chair = CreateBox("chair", { size: 1 }, scene);
    chair.material = wood;
    const r = batchStatic([counter, twin, chair], "b", { keep: (m) => m.name.startsWith("counter") });
    assert.equal(r.meshes.length, 1, "one batch");
    assert.equal((r.meshes[0] as Mesh).getTotalVertices(), 72, "all three drawn in it");
    assert.equal(counter.isDisposed() || twin.isDisposed(), false, "the counters stay, as nodes");
    assert.equal(twin.visibility, 0, "invisible (an instance's visibility is its source's)");
    assert.equal(chair.isDisposed(), true, "the chair is gone");
  });
});

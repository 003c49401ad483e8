import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { extrasOf, indexRoles, nodesWithRole, surfacesWithRole } from "../../../src/app/world/roles";

const tag = (node: TransformNode, extras: Record<string, unknown>) => {
  node.metadata = { gltf: { extras } };
};

describe("world/roles", () => {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  after(() => {
    scene.dispose();
    engine.dispose();
  });

  it("indexes nodes by their role and meshes by the surface role they inherit, never by name", () => {
    const building = new TransformNode("anything", scene);
    tag(building, { role: "building", region: "3273" });
    const floorGroup = new TransformNode("named-wall-on-purpose", scene);
    floorGroup.parent = building;
    tag(floorGroup, { role: "floor" });
    const tile = CreateBox("tile", { size: 1 }, scene);
    tile.parent = floorGroup; // no extras of its own: a primitive of the floor node
    const wall = CreateBox("floor-by-name", { size: 1 }, scene);
    wall.parent = building;
    tag(wall, { role: "blocker" });
    const door = new TransformNode("door", scene);
    door.parent = building;
    tag(door, { role: "entrance" });
    const empty = new Mesh("empty", scene); // no vertices: not a surface
    empty.parent = floorGroup;

    const index = indexRoles([building, floorGroup, door], [tile, wall, empty]);
    assert.deepEqual(nodesWithRole(index, "building"), [building], "the building node");
    assert.deepEqual(nodesWithRole(index, "entrance"), [door], "the entrance node");
    assert.deepEqual(surfacesWithRole(index, "floor"), [tile], "the tile is floor through its parent, not by its name");
    assert.deepEqual(surfacesWithRole(index, "blocker"), [wall], "the wall is a blocker by its role, whatever its name");
    assert.deepEqual(nodesWithRole(index, "counter"), [], "no counters");
  });

  it("a non-surface role stops inheritance, and an unknown role is no role", () => {
    const kiosk = new TransformNode("k", scene);
    tag(kiosk, { role: "kiosk", kind: "service", slot: 3 });
    const screen = CreateBox("screen", { size: 1 }, scene);
    screen.parent = kiosk;
    const odd = new TransformNode("odd", scene);
    tag(odd, { role: "teleporter", region: "3273" });
    const index = indexRoles([kiosk, odd], [screen]);
    assert.equal(index.surfaces.size, 0, "a mesh under a kiosk anchor is not a surface");
    assert.deepEqual(nodesWithRole(index, "kiosk"), [kiosk], "the kiosk node");
    assert.equal(extrasOf(odd)?.role, undefined, "an unknown role is dropped");
    assert.equal(extrasOf(odd)?.region, "3273", "its other extras stay");
    assert.equal(extrasOf(new TransformNode("plain", scene)), null, "no extras at all");
  });
});

// Loads every model with Babylon's NullEngine and glTF loader (as the app will) and checks the
// roles it finds in node extras, on meshes, instances and mesh-less TransformNodes alike.
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../support/node-babylon";
import { LoadAssetContainerAsync } from "@babylonjs/core/Loading/sceneLoader";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Scene } from "@babylonjs/core/scene";
// Side effect: registers the glTF 2.0 loader plugin for ".glb".
import "@babylonjs/loaders/glTF/2.0";
// The app's loader setup: compression extensions and the meshopt decoder from our origin.
import { useLocalMeshoptDecoder } from "../../src/app/world/model-loader";
import { buildOnce } from "./build-once";

type Extras = Record<string, unknown> & { role?: string };
interface Found {
  node: TransformNode;
  extras: Extras;
  className: string;
}

let engine: NullEngine;
let scene: Scene;
useLocalMeshoptDecoder("/assets/");

async function load(bytes: Uint8Array): Promise<Found[]> {
  const c = await LoadAssetContainerAsync(bytes, scene, { pluginExtension: ".glb" });
  const all: TransformNode[] = [...c.transformNodes, ...c.meshes];
  return all
    .map((node) => ({ node, extras: (node.metadata?.gltf?.extras ?? {}) as Extras, className: node.getClassName() }))
    .filter((f) => typeof f.extras.role === "string");
}

const withRole = (found: Found[], role: string): Found[] => found.filter((f) => f.extras.role === role);

describe("models in Babylon (NullEngine + glTF loader)", () => {
  before(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
  });
  after(() => {
    scene.dispose();
    engine.dispose();
  });

  it("every building has its building root with region, floor, entrance and signage", async () => {
    const { files, params } = await buildOnce();
    for (const p of params) {
      const found = await load(files.get(`assets/models/building-${p.code}.glb`)!);
      const root = withRole(found, "building");
      assert.equal(root.length, 1, `${p.code}: one building root`);
      assert.equal(root[0]!.extras.region, p.code, `${p.code}: root carries the region code`);
      assert.equal(root[0]!.extras.physicalMpp, p.physicalMpp, `${p.code}: root carries physicalMpp`);
      assert.equal(root[0]!.className, "TransformNode", `${p.code}: extras arrive on a mesh-less TransformNode`);
      assert.equal(withRole(found, "floor").length, 1, `${p.code}: one floor mesh`);
      assert.equal(withRole(found, "blocker").length, 1, `${p.code}: one blocker mesh`);
      assert.equal(withRole(found, "entrance").length, 1, `${p.code}: one entrance`);
      const sign = withRole(found, "signage");
      assert.equal(sign.length, 1, `${p.code}: one signage mesh`);
      const bb = (sign[0]!.node as unknown as { getBoundingInfo(): { boundingBox: { extendSize: { x: number; y: number; z: number } } } }).getBoundingInfo().boundingBox.extendSize;
      assert.ok(Math.abs(bb.x / bb.y - 4) < 1e-3 && bb.z < 1e-3, `${p.code}: signage is a flat 4:1 quad in the XY plane`);
    }
  });

  it("the plaza has floor, spawn, a directory kiosk and the legend", async () => {
    const { files } = await buildOnce();
    const found = await load(files.get("assets/models/plaza.glb")!);
    assert.equal(withRole(found, "floor").length, 2, "plaza floors: the grass and the paving");
    assert.equal(withRole(found, "spawn").length, 1, "one spawn");
    assert.equal(withRole(found, "legend").length, 1, "one legend");
    const kiosks = withRole(found, "kiosk");
    assert.equal(kiosks.length, 1, "one kiosk");
    assert.equal(kiosks[0]!.extras.kind, "directory", "the plaza kiosk is the directory");
    const y = kiosks[0]!.node.getAbsolutePosition().y;
    assert.ok(y > 1.3 && y < 1.7, `directory kiosk centre ${y} m high`);
  });

  it("loads the plaza's trees, lamps, benches and flags as thin instances of a few meshes", async () => {
    const { files } = await buildOnce();
    const c = await LoadAssetContainerAsync(files.get("assets/models/plaza.glb")!, scene, { pluginExtension: ".glb" });
    const counts = new Map(c.meshes.filter((m) => (m as { thinInstanceCount?: number }).thinInstanceCount).map((m) => [m.name, (m as unknown as { thinInstanceCount: number }).thinInstanceCount]));
    for (const name of ["trees", "palms", "lamps", "benches", "flags"]) assert.ok((counts.get(name) ?? 0) > 0, `${name}: thin instances (${[...counts].join(", ")})`);
    assert.ok((counts.get("trees") ?? 0) + (counts.get("palms") ?? 0) >= 100, "a hundred trees or more");
  });

  it("the interior has one counter and one service kiosk per slot 0..15, floor, blocker, entrance, spawn", async () => {
    const { files } = await buildOnce();
    const found = await load(files.get("assets/models/interior.glb")!);
    const counters = withRole(found, "counter");
    const kiosks = withRole(found, "kiosk");
    assert.deepEqual(counters.map((c) => c.extras.slot).sort((a, b) => Number(a) - Number(b)), [...Array(16).keys()], "counter slots 0..15");
    assert.deepEqual(kiosks.map((c) => c.extras.slot).sort((a, b) => Number(a) - Number(b)), [...Array(16).keys()], "kiosk slots 0..15");
    assert.ok(kiosks.every((k) => k.extras.kind === "service"), "interior kiosks are service kiosks");
    assert.ok(counters.every((c) => typeof c.extras.agency === "string"), "every counter has a default agency");
    assert.ok(counters.some((c) => c.className === "InstancedMesh"), "counters load as instances of one mesh");
    const signs = withRole(found, "signage");
    assert.deepEqual(signs.map((c) => c.extras.slot).sort((a, b) => Number(a) - Number(b)), [...Array(16).keys()].flatMap((i) => [i, i]), "two agency sign quads (board and front) per counter slot 0..15");
    assert.ok(signs.every((c) => c.className === "Mesh"), "each sign is a mesh of its own (an instance could not show its own text)");
    for (const role of ["floor", "blocker", "entrance", "spawn", "waiting", "queue-machine", "help-desk", "queue-display"]) {
      assert.equal(withRole(found, role).length, 1, `interior: one ${role}`);
    }
    const officers = withRole(found, "officer").map((o) => (o.node as unknown as { thinInstanceCount: number }).thinInstanceCount);
    assert.equal(officers.length, 3, "three officer variants");
    assert.equal(officers.reduce((a, b) => a + b, 0), 16, "an officer behind each of the 16 counters, as thin instances");
  });
});

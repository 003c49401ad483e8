// world/model-loader: our models load without building PBR materials; each primitive carries the
// description of its glTF material (metadata.look) for the palette, atlas URLs on our origin.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import "../../support/node-babylon";
import { fsFetch } from "../../support/fs-fetch";
import { createModelLoader, readGlbJson, type MaterialLook } from "../../../src/app/world/model-loader";
import { createMaterialPalette } from "../../../src/app/world/material-palette";

const ASSETS = resolve(import.meta.dirname, "..", "..", "..", "assets");

describe("world/model-loader", function () {
  this.timeout(60_000);
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
  });
  afterEach(() => engine.dispose());

  const loader = () => createModelLoader({ baseUrl: "/assets/", fetch: fsFetch({ "/assets/": ASSETS }) });
  const lookOf = (m: { metadata: unknown }) => (m.metadata as { look?: MaterialLook } | null)?.look;

  it("reads the JSON chunk of a .glb, and refuses a chunk that is not JSON", () => {
    const bytes = new Uint8Array(readFileSync(resolve(ASSETS, "models", "interior.glb")));
    const json = readGlbJson(bytes);
    assert.ok(json && Array.isArray(json.materials) && json.materials.length > 0, "the interior's materials are listed");
    const broken = bytes.slice();
    broken[16] = 0; // chunk type no longer "JSON"
    assert.equal(readGlbJson(broken), null, "a wrong chunk type gives null");
  });

  it("loads a model with no PBR material built, every drawn primitive described by its glTF material", async () => {
    const container = await loader().load(scene, "models/plaza.glb");
    assert.deepEqual(container.materials.map((m) => m.getClassName()), [], "the loader built no material");
    const drawn = container.meshes.filter((m) => m.getTotalVertices() > 0 && m.getClassName() !== "InstancedMesh");
    const without = drawn.filter((m) => !lookOf(m)).map((m) => m.name);
    assert.deepEqual(without, [], "every drawn primitive has its look");
    const paving = drawn.map(lookOf).find((l) => l?.name === "paving")!;
    assert.equal(paving.atlasUrl, "/assets/textures/paving.png", "extras.atlas resolved on our origin");
    assert.equal(paving.unlit, true, "KHR_materials_unlit read");
  });

  it("gives the palette's shared materials to a loaded model: one per look, no material of the loader's", async () => {
    const palette = createMaterialPalette(scene);
    const container = await loader().load(scene, "models/interior.glb");
    container.addAllToScene();
    const replaced = palette.apply(container.meshes);
    assert.deepEqual(replaced, [], "nothing to dispose: no loader material was made");
    const drawn = container.meshes.filter((m) => m.getTotalVertices() > 0 && lookOf(m));
    assert.ok(drawn.every((m) => palette.materials.includes(m.material!)), "every described mesh has a palette material");
    const looks = new Set(drawn.map((m) => lookOf(m)!.name));
    assert.equal(palette.size, looks.size, `one palette material per look (${[...looks].join(", ")})`);
    assert.ok(!scene.materials.some((m) => m.getClassName() === "PBRMaterial"), "no PBR material in the scene");
    palette.dispose();
  });
});

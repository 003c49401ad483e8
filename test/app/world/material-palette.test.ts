// world/material-palette: shared unlit materials, glTF's linear vertex colours drawn as glTF means them.
import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { PBRMaterial } from "@babylonjs/core/Materials/PBR/pbrMaterial";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import "../../support/node-babylon";
import { colorsToGamma, createMaterialPalette } from "../../../src/app/world/material-palette";

describe("world/material-palette", () => {
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
  });
  afterEach(() => engine.dispose());

  /** A loaded glTF material as the model loader leaves it: unlit PBR naming a shared texture. */
  function gltfMaterial(name: string, atlas: string | null, color = Color3.White()): PBRMaterial {
    const m = new PBRMaterial(name, scene);
    m.unlit = true;
    m.albedoColor = color;
    if (atlas) m.metadata = { atlasUrl: atlas };
    return m;
  }

  function coloured(name: string, rgb: number) {
    const box = CreateBox(name, {}, scene);
    const n = box.getTotalVertices();
    box.setVerticesData(VertexBuffer.ColorKind, new Float32Array(n * 4).map((_, i) => (i % 4 === 3 ? 1 : rgb)), false, 4);
    return box;
  }

  it("converts linear colours to gamma space with Babylon's 2.2 power, leaving alpha", () => {
    const c = [0, 0.5, 1, 0.25, 0.218];
    colorsToGamma(c, 3);
    assert.equal(c[0], 0, "black stays black");
    assert.ok(Math.abs(c[1]! - Math.pow(0.5, 1 / 2.2)) < 1e-9, "0.5 linear is 0.73 in gamma");
    assert.equal(c[2], 1, "white stays white");
    const rgba = [0.5, 0.5, 0.5, 0.5];
    colorsToGamma(rgba, 4);
    assert.equal(rgba[3], 0.5, "alpha is not a colour and stays as it is");
  });

  it("gives every mesh naming one texture the same unlit StandardMaterial and loads the texture once", () => {
    const palette = createMaterialPalette(scene);
    const a = coloured("a", 0.5);
    const b = coloured("b", 0.5);
    a.material = gltfMaterial("facade-1", "/assets/textures/facade.png");
    b.material = gltfMaterial("facade-2", "/assets/textures/facade.png");
    const replaced = palette.apply([a, b]);
    assert.equal(replaced.length, 2, "both loaded materials are handed back to dispose");
    assert.equal(a.material, b.material, "one shared material");
    const m = a.material as StandardMaterial;
    assert.ok(m instanceof StandardMaterial, "a StandardMaterial, not PBR");
    assert.equal(m.disableLighting, true, "unlit: the light is baked into the vertex colours");
    assert.deepEqual(m.emissiveColor.asArray(), [1, 1, 1], "colour = texture x vertex colour");
    assert.equal(m.diffuseTexture?.name, "/assets/textures/facade.png", "the shared texture is the diffuse texture");
    assert.equal(scene.textures.filter((t) => t.name === "/assets/textures/facade.png").length, 1, "the texture is loaded once");
    assert.ok(m.isFrozen, "frozen: no per-frame uniform work");
    palette.dispose();
  });

  it("converts a geometry's colours once, however many meshes share it", () => {
    const palette = createMaterialPalette(scene);
    const a = coloured("a", 0.5);
    const twin = a.clone("twin")!;
    a.material = gltfMaterial("m1", "/assets/textures/facade.png");
    twin.material = gltfMaterial("m2", "/assets/textures/facade.png");
    palette.apply([a, twin]);
    const c = a.getVerticesData(VertexBuffer.ColorKind)!;
    assert.ok(Math.abs(c[0]! - Math.pow(0.5, 1 / 2.2)) < 1e-6, `converted once: ${c[0]} (not twice: ${Math.pow(0.5, 1 / 4.84).toFixed(4)})`);
    assert.equal(c[3], 1, "alpha untouched");
    palette.dispose();
  });

  it("keeps untextured colours per colour, converted to gamma, unlit ones unlit", () => {
    const palette = createMaterialPalette(scene);
    const lit = CreateBox("lit", {}, scene);
    const src = new PBRMaterial("lamp", scene);
    src.albedoColor = new Color3(0.5, 0.5, 0.5);
    lit.material = src;
    const flat = CreateBox("flat", {}, scene);
    flat.material = gltfMaterial("flat", null, new Color3(0.5, 0.5, 0.5));
    palette.apply([lit, flat]);
    const l = lit.material as StandardMaterial;
    const f = flat.material as StandardMaterial;
    assert.notEqual(l, f, "lit and unlit of one colour are different materials");
    assert.ok(Math.abs(l.diffuseColor.r - Math.pow(0.5, 1 / 2.2)) < 1e-6, "the lit colour is in gamma space");
    assert.equal(l.disableLighting, false, "a lit glTF material stays lit");
    assert.equal(f.disableLighting, true, "an unlit glTF material stays unlit");
    assert.ok(Math.abs(f.emissiveColor.r - Math.pow(0.5, 1 / 2.2)) < 1e-6, "its colour is emitted, in gamma space");
    assert.equal(palette.size, 2, "two palette entries");
    palette.dispose();
  });
});

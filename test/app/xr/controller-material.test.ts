import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { PBRMaterial } from "@babylonjs/core/Materials/PBR/pbrMaterial";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { Texture } from "@babylonjs/core/Materials/Textures/texture";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { asStandardMaterial } from "../../../src/app/xr/controller-material";

describe("xr/controller-material", () => {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  after(() => {
    scene.dispose();
    engine.dispose();
  });

  it("draws a glTF PBR material as a frozen StandardMaterial with its texture, colours in gamma space", () => {
    const pbr = new PBRMaterial("controllerMAT", scene);
    const tex = new Texture(null, scene);
    pbr.albedoTexture = tex;
    pbr.albedoColor = new Color3(0.5, 0.25, 1);
    pbr.emissiveColor = new Color3(0.2, 0, 0);
    pbr.backFaceCulling = false;
    const m = asStandardMaterial(scene, pbr);
    assert.ok(m instanceof StandardMaterial, "a StandardMaterial");
    const s = m as StandardMaterial;
    assert.equal(s.diffuseTexture, tex, "the same texture");
    const g = new Color3(0.5, 0.25, 1).toGammaSpace();
    assert.ok(s.diffuseColor.equalsWithEpsilon(g, 1e-6), `albedo in gamma space (${s.diffuseColor.toString()})`);
    assert.ok(s.emissiveColor.r > 0.2 && s.emissiveColor.g === 0, "emissive kept, in gamma space");
    assert.equal(s.backFaceCulling, false, "culling as the source");
    assert.equal(s.isFrozen, true, "frozen: it never changes");
  });

  it("keeps any other material as it is", () => {
    const std = new StandardMaterial("plain", scene);
    assert.equal(asStandardMaterial(scene, std), std, "a StandardMaterial is kept");
  });
});

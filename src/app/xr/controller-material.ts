// A controller model's glTF material drawn as a lit StandardMaterial (issue 18 point 4). The glTF
// loader gives each model a PBRMaterial; binding one for a draw cost about 40 us of CPU on
// SwiftShader against about 14 us for the StandardMaterial the rest of the world uses, and the two
// controllers are four draws a frame in a headset. A controller has no reflections worth keeping
// here (no environment texture: nothing comes from another origin), so the same texture and colour,
// lit by the scene's sky and sun, look the same at arm's length.
import type { Scene } from "@babylonjs/core/scene";
import type { Material } from "@babylonjs/core/Materials/material";
import type { BaseTexture } from "@babylonjs/core/Materials/Textures/baseTexture";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { Color3 } from "@babylonjs/core/Maths/math.color";

/** What is read of a glTF PBR material (PBRMaterial's own fields). */
interface PbrFields {
  albedoColor?: Color3;
  albedoTexture?: BaseTexture | null;
  emissiveColor?: Color3;
  emissiveTexture?: BaseTexture | null;
}

/** The material a controller's part is drawn with: a frozen StandardMaterial in place of a PBR one. */
export function asStandardMaterial(scene: Scene, source: Material): Material {
  if (source.getClassName() !== "PBRMaterial") return source;
  const pbr = source as Material & PbrFields;
  const m = new StandardMaterial(`${source.name}-standard`, scene);
  // PBR colours are linear; StandardMaterial works in gamma space (as the world's palette does).
  m.diffuseColor = (pbr.albedoColor ?? Color3.White()).toGammaSpace();
  if (pbr.albedoTexture) m.diffuseTexture = pbr.albedoTexture;
  m.emissiveColor = (pbr.emissiveColor ?? Color3.Black()).toGammaSpace();
  if (pbr.emissiveTexture) m.emissiveTexture = pbr.emissiveTexture;
  m.specularColor = new Color3(0.15, 0.15, 0.15);
  m.specularPower = 32;
  m.alpha = source.alpha;
  m.backFaceCulling = source.backFaceCulling;
  m.freeze();
  return m;
}

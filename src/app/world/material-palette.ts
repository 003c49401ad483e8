// One material per distinct colour across every model: 27 buildings that use the same palette
// cost a handful of materials, not a hundred (PRODUCT.md: <= 25 materials in the plaza).
// glTF PBR materials are swapped for StandardMaterial: untextured, unlit by an environment map,
// PBR shading would cost more per pixel on a headset and look darker, for no gain here.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { Material } from "@babylonjs/core/Materials/material";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { Color3 } from "@babylonjs/core/Maths/math.color";

interface PbrLike {
  albedoColor?: Color3;
  emissiveColor?: Color3;
  alpha: number;
  albedoTexture?: unknown;
  backFaceCulling: boolean;
}

function keyOf(m: PbrLike): string | null {
  if (m.albedoTexture) return null; // textured materials are kept as they are
  const c = m.albedoColor ?? Color3.White();
  const e = m.emissiveColor ?? Color3.Black();
  const f = (n: number) => n.toFixed(3);
  return [f(c.r), f(c.g), f(c.b), f(e.r), f(e.g), f(e.b), f(m.alpha), m.backFaceCulling ? 1 : 0].join(",");
}

export function createMaterialPalette(scene: Scene) {
  const byKey = new Map<string, StandardMaterial>();
  const owned = new Set<Material>();

  function shared(source: Material): Material {
    const key = keyOf(source as unknown as PbrLike);
    if (key === null) return source;
    let m = byKey.get(key);
    if (!m) {
      const src = source as unknown as PbrLike;
      m = new StandardMaterial(`palette-${byKey.size}`, scene);
      m.diffuseColor = (src.albedoColor ?? Color3.White()).clone();
      m.emissiveColor = (src.emissiveColor ?? Color3.Black()).clone();
      m.specularColor = new Color3(0.05, 0.05, 0.05);
      m.alpha = src.alpha;
      m.backFaceCulling = src.backFaceCulling;
      m.freeze();
      byKey.set(key, m);
      owned.add(m);
    }
    return m;
  }

  return {
    /** Points every mesh at a shared palette material; returns the replaced originals to dispose. */
    apply(meshes: readonly AbstractMesh[]): Material[] {
      const replaced = new Set<Material>();
      for (const mesh of meshes) {
        const mat = mesh.material;
        if (!mat || owned.has(mat)) continue;
        const s = shared(mat);
        if (s !== mat) {
          mesh.material = s;
          replaced.add(mat);
        }
      }
      return [...replaced];
    },
    get size() {
      return byKey.size;
    },
    dispose() {
      for (const m of byKey.values()) m.dispose();
      byKey.clear();
      owned.clear();
    },
  };
}

export type MaterialPalette = ReturnType<typeof createMaterialPalette>;

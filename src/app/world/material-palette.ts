// One material per distinct look across every model: 27 buildings that use the same palette
// cost a handful of materials and textures, not a hundred (PRODUCT.md: <= 25 materials in the plaza).
// - A material that names a shared texture (glTF extras.atlas, resolved to `atlasUrl` by the model
//   loader) becomes one shared unlit material per texture: the light is baked into the vertex
//   colours, so the pixel cost is a texture fetch and a multiply. PBR's unlit path is used because
//   it reads the sRGB texture and the linear vertex colours as glTF means them.
// - Untextured materials are swapped for StandardMaterial, one per colour.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { Material } from "@babylonjs/core/Materials/material";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { PBRMaterial } from "@babylonjs/core/Materials/PBR/pbrMaterial";
import { Texture } from "@babylonjs/core/Materials/Textures/texture";
import { Color3 } from "@babylonjs/core/Maths/math.color";

/** The shared texture a loaded material asks for (set by the model loader from extras.atlas). */
export function atlasUrlOf(m: Material): string | null {
  const url = (m.metadata as { atlasUrl?: unknown } | null)?.atlasUrl;
  return typeof url === "string" ? url : null;
}

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
  const byKey = new Map<string, Material>();
  const textures = new Map<string, Texture>();
  const owned = new Set<Material>();

  function atlasMaterial(source: Material, url: string): Material {
    const key = `atlas:${url}:${source.backFaceCulling ? 1 : 0}`;
    let m = byKey.get(key);
    if (!m) {
      let texture = textures.get(url);
      if (!texture) {
        // glTF UVs: v = 0 at the top of the image, so no flip; mipmapped, repeating.
        texture = new Texture(url, scene, { noMipmap: false, invertY: false, samplingMode: Texture.TRILINEAR_SAMPLINGMODE });
        texture.anisotropicFilteringLevel = 4; // the ground and floors are seen at grazing angles
        textures.set(url, texture);
      }
      const pbr = new PBRMaterial(`palette-atlas-${byKey.size}`, scene);
      pbr.unlit = true;
      pbr.albedoTexture = texture;
      pbr.albedoColor = Color3.White();
      pbr.backFaceCulling = source.backFaceCulling;
      pbr.freeze();
      m = pbr;
      byKey.set(key, m);
      owned.add(m);
    }
    return m;
  }

  function shared(source: Material): Material {
    const atlas = atlasUrlOf(source);
    if (atlas) return atlasMaterial(source, atlas);
    const key = keyOf(source as unknown as PbrLike);
    if (key === null) return source;
    let m = byKey.get(key);
    if (!m) {
      const src = source as unknown as PbrLike;
      const std = new StandardMaterial(`palette-${byKey.size}`, scene);
      std.diffuseColor = (src.albedoColor ?? Color3.White()).clone();
      std.emissiveColor = (src.emissiveColor ?? Color3.Black()).clone();
      std.specularColor = new Color3(0.05, 0.05, 0.05);
      std.alpha = src.alpha;
      std.backFaceCulling = src.backFaceCulling;
      std.freeze();
      m = std;
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
      for (const t of textures.values()) t.dispose();
      byKey.clear();
      textures.clear();
      owned.clear();
    },
  };
}

export type MaterialPalette = ReturnType<typeof createMaterialPalette>;

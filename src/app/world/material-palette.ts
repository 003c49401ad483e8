// One material per distinct look across every model: 27 buildings that use the same palette
// cost a handful of materials and textures, not a hundred (PRODUCT.md: <= 25 materials in the plaza).
// - A material that names a shared texture (glTF extras.atlas, resolved to `atlasUrl` by the model
//   loader) becomes one shared unlit StandardMaterial per texture: the light is baked into the
//   vertex colours, so a pixel costs one texture fetch and a multiply.
// - Untextured materials become one StandardMaterial per colour (unlit ones stay unlit).
// Our models' materials arrive as descriptions (`metadata.look`, model-loader.ts), with no Babylon
// material built for them; a model with textures of its own arrives with loaded PBR materials,
// which are mapped the same way (or kept, if they carry their own texture).
//
// Tried first: PBRMaterial with `unlit`, which reads the sRGB texture and linear vertex colours as
// glTF means them. Its shader is several times larger, compiled late (the first frames after
// loading drew no world) and cost 5-10x the fill time of this one under SwiftShader. StandardMaterial
// works in gamma space, so the linear glTF colours are converted once per geometry
// (toGamma(tex_linear * c) = tex_srgb * toGamma(c) for a power-law gamma: the same pixels).
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { Geometry } from "@babylonjs/core/Meshes/geometry";
import type { Material } from "@babylonjs/core/Materials/material";
import { StandardMaterial } from "@babylonjs/core/Materials/standardMaterial";
import { Texture } from "@babylonjs/core/Materials/Textures/texture";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import type { MaterialLook } from "./model-loader";

/** Babylon's gamma approximation (Color3.toGammaSpace, the PBR shader's output conversion). */
const GAMMA = 2.2;

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
  unlit?: boolean;
}

function keyOf(m: PbrLike): string | null {
  if (m.albedoTexture) return null; // materials with their own embedded texture are kept as they are
  const c = m.albedoColor ?? Color3.White();
  const e = m.emissiveColor ?? Color3.Black();
  const f = (n: number) => n.toFixed(3);
  return [f(c.r), f(c.g), f(c.b), f(e.r), f(e.g), f(e.b), f(m.alpha), m.backFaceCulling ? 1 : 0, m.unlit ? 1 : 0].join(",");
}

/** Linear glTF vertex colours to gamma space, in place (alpha untouched); `stride` 3 or 4. */
export function colorsToGamma(colors: Float32Array | number[], stride: number): void {
  for (let i = 0; i < colors.length; i++) {
    if (stride === 4 && i % 4 === 3) continue;
    colors[i] = Math.pow(Math.max(0, colors[i]!), 1 / GAMMA);
  }
}

export function createMaterialPalette(scene: Scene) {
  const byKey = new Map<string, StandardMaterial>();
  const textures = new Map<string, Texture>();
  const owned = new Set<Material>();
  /** Geometries whose COLOR_0 is already in gamma space (geometry can be shared by meshes). */
  const converted = new WeakSet<Geometry>();

  function remember(key: string, m: StandardMaterial): StandardMaterial {
    m.specularColor = Color3.Black();
    m.freeze();
    byKey.set(key, m);
    owned.add(m);
    return m;
  }

  function atlasMaterial(source: { backFaceCulling: boolean }, url: string): Material {
    const key = `atlas:${url}:${source.backFaceCulling ? 1 : 0}`;
    const existing = byKey.get(key);
    if (existing) return existing;
    let texture = textures.get(url);
    if (!texture) {
      // glTF UVs: v = 0 at the top of the image, so no flip; mipmapped, repeating.
      texture = new Texture(url, scene, { noMipmap: false, invertY: false, samplingMode: Texture.TRILINEAR_SAMPLINGMODE });
      // The ground and floors are seen at grazing angles; 2x is most of the gain for a quarter of
      // 4x's samples on a headset's (and a software renderer's) fill budget.
      texture.anisotropicFilteringLevel = 2;
      textures.set(url, texture);
    }
    const m = new StandardMaterial(`palette-atlas-${byKey.size}`, scene);
    m.diffuseTexture = texture;
    unlit(m, Color3.White());
    m.backFaceCulling = source.backFaceCulling;
    return remember(key, m);
  }

  function shared(source: Material): Material {
    const atlas = atlasUrlOf(source);
    if (atlas) return atlasMaterial(source, atlas);
    return plain(source as unknown as PbrLike) ?? source;
  }

  function fromLook(look: MaterialLook): Material {
    const src = lookAsPbr(look);
    if (look.atlasUrl) return atlasMaterial(src, look.atlasUrl);
    return plain(src)!;
  }

  function plain(src: PbrLike): StandardMaterial | null {
    const key = keyOf(src);
    if (key === null) return null;
    const existing = byKey.get(key);
    if (existing) return existing;
    const m = new StandardMaterial(`palette-${byKey.size}`, scene);
    const base = (src.albedoColor ?? Color3.White()).toGammaSpace();
    if (src.unlit) unlit(m, base);
    else {
      m.diffuseColor = base;
      m.emissiveColor = (src.emissiveColor ?? Color3.Black()).toGammaSpace();
    }
    m.alpha = src.alpha;
    m.backFaceCulling = src.backFaceCulling;
    return remember(key, m);
  }

  function toGamma(mesh: AbstractMesh): void {
    const geometry = (mesh as { geometry?: Geometry | null }).geometry;
    if (!geometry || converted.has(geometry)) return;
    converted.add(geometry);
    const vb = geometry.getVertexBuffer(VertexBuffer.ColorKind);
    const data = geometry.getVerticesData(VertexBuffer.ColorKind, true, true);
    if (!vb || !data) return;
    const stride = vb.getSize();
    const colors = data instanceof Float32Array ? data : Float32Array.from(data);
    colorsToGamma(colors, stride);
    geometry.setVerticesData(VertexBuffer.ColorKind, colors, false, stride);
  }

  return {
    /**
     * Points every mesh at a shared palette material (from its look, or from its loaded material);
     * returns the replaced loaded materials to dispose.
     */
    apply(meshes: readonly AbstractMesh[]): Material[] {
      const replaced = new Set<Material>();
      for (const mesh of meshes) {
        const look = (mesh.metadata as { look?: MaterialLook } | null)?.look;
        if (look) {
          if (mesh.material && owned.has(mesh.material)) continue;
          toGamma(mesh);
          mesh.material = fromLook(look);
          continue;
        }
        const mat = mesh.material;
        if (!mat || owned.has(mat)) continue;
        const s = shared(mat);
        if (s !== mat) {
          toGamma(mesh);
          mesh.material = s;
          replaced.add(mat);
        }
      }
      return [...replaced];
    },
    /** The shared materials and textures made so far (for readiness checks and counts). */
    get materials(): readonly Material[] {
      return [...byKey.values()];
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

/** A look's linear glTF colours in the shape of a loaded PBR material (the one key for both). */
function lookAsPbr(look: MaterialLook): PbrLike {
  const [r, g, b, a] = look.baseColor;
  return {
    albedoColor: new Color3(r, g, b),
    emissiveColor: new Color3(...look.emissive),
    alpha: a,
    backFaceCulling: !look.doubleSided,
    unlit: look.unlit,
  };
}

/** Colour = base x texture x vertex colour, no scene light (the light is baked into the colours). */
function unlit(m: StandardMaterial, base: Color3): void {
  m.disableLighting = true;
  m.emissiveColor = base.clone();
  m.diffuseColor = Color3.Black();
  m.ambientColor = Color3.Black();
}

export type MaterialPalette = ReturnType<typeof createMaterialPalette>;

// The few materials every model uses. Equal names, factors and atlases across files let the app
// share one material per entry, so 27 buildings cost a handful of materials and textures.
// World surfaces carry their light in COLOR_0 (bake.ts), so they are KHR_materials_unlit, and name
// the shared texture they are painted with in `extras.atlas` (a path under assets/, loaded once by
// the app, see assets/README.md) instead of embedding a copy in every file.
import type { Document, Material } from "@gltf-transform/core";
import { KHRMaterialsUnlit } from "@gltf-transform/extensions";
import { TEXTURE_DIR } from "./textures";

export interface MaterialSpec {
  baseColor: [number, number, number, number];
  metallic: number;
  roughness: number;
  emissive: [number, number, number];
  doubleSided: boolean;
  /** Shared texture (path under assets/) multiplied with COLOR_0 through TEXCOORD_0. */
  atlas?: string;
  /** Light is baked into COLOR_0: draw without scene lights. */
  unlit?: boolean;
}

export const MATERIALS = {
  /** Walls, roofs, trims, furniture: the facade atlas. Double-sided for thin roof planes. */
  facade: { baseColor: [1, 1, 1, 1], metallic: 0, roughness: 0.85, emissive: [0, 0, 0], doubleSided: true, atlas: `${TEXTURE_DIR}/facade.png`, unlit: true },
  /** Plinths, porches, paths, the hub, interior floors: square pavers. */
  paving: { baseColor: [1, 1, 1, 1], metallic: 0, roughness: 0.8, emissive: [0, 0, 0], doubleSided: false, atlas: `${TEXTURE_DIR}/paving.png`, unlit: true },
  /** The land of the map. */
  grass: { baseColor: [1, 1, 1, 1], metallic: 0, roughness: 0.95, emissive: [0, 0, 0], doubleSided: false, atlas: `${TEXTURE_DIR}/grass.png`, unlit: true },
  /** Signage and legend quads: the app replaces the look with drawn text; plain light board meanwhile. */
  panel: { baseColor: [0.92, 0.9, 0.85, 1], metallic: 0, roughness: 0.9, emissive: [0, 0, 0], doubleSided: false },
  /** Ceiling lamps, the queue display: self-lit. */
  lamp: { baseColor: [1, 1, 1, 1], metallic: 0, roughness: 0.5, emissive: [1, 0.95, 0.82], doubleSided: false },
} as const satisfies Record<string, MaterialSpec>;

export type MaterialName = keyof typeof MATERIALS;

/** Creates (once per document) the named material. */
export function material(doc: Document, name: MaterialName): Material {
  const existing = doc.getRoot().listMaterials().find((m) => m.getName() === name);
  if (existing) return existing;
  const s: MaterialSpec = MATERIALS[name] as unknown as MaterialSpec;
  const m = doc
    .createMaterial(name)
    .setBaseColorFactor(s.baseColor)
    .setMetallicFactor(s.metallic)
    .setRoughnessFactor(s.roughness)
    .setEmissiveFactor(s.emissive)
    .setDoubleSided(s.doubleSided);
  if (s.atlas) m.setExtras({ atlas: s.atlas });
  if (s.unlit) m.setExtension("KHR_materials_unlit", doc.createExtension(KHRMaterialsUnlit).createUnlit());
  return m;
}

// The few materials every model uses. Equal names and factors across files let the app share one
// material per entry (it dedupes untextured materials by factors), so 27 buildings cost two.
import type { Document, Material } from "@gltf-transform/core";

export interface MaterialSpec {
  baseColor: [number, number, number, number];
  metallic: number;
  roughness: number;
  emissive: [number, number, number];
  doubleSided: boolean;
}

export const MATERIALS = {
  /** Everything coloured by COLOR_0: walls, roofs, ground, furniture. Double-sided for thin roof planes. */
  body: { baseColor: [1, 1, 1, 1], metallic: 0, roughness: 0.85, emissive: [0, 0, 0], doubleSided: true },
  /** Signage and legend quads: the app replaces the look with drawn text; plain light board meanwhile. */
  panel: { baseColor: [0.92, 0.9, 0.85, 1], metallic: 0, roughness: 0.9, emissive: [0, 0, 0], doubleSided: false },
  /** Ceiling lamps in the interior: self-lit. */
  lamp: { baseColor: [1, 1, 1, 1], metallic: 0, roughness: 0.5, emissive: [1, 0.95, 0.82], doubleSided: false },
} as const satisfies Record<string, MaterialSpec>;

export type MaterialName = keyof typeof MATERIALS;

/** Creates (once per document) the named material. */
export function material(doc: Document, name: MaterialName): Material {
  const existing = doc.getRoot().listMaterials().find((m) => m.getName() === name);
  if (existing) return existing;
  const s: MaterialSpec = MATERIALS[name] as unknown as MaterialSpec;
  return doc
    .createMaterial(name)
    .setBaseColorFactor(s.baseColor)
    .setMetallicFactor(s.metallic)
    .setRoughnessFactor(s.roughness)
    .setEmissiveFactor(s.emissive)
    .setDoubleSided(s.doubleSided);
}

// Mesh.MergeMeshes refuses meshes whose sideOrientation differs, and glTF meshes (counter-clockwise
// in a right-handed scene) differ from builder meshes (clockwise): a placeholder building's sign next
// to 26 glTF signs made the whole merge fail, leaving every sign without its text. Reversing a
// mesh's triangle winding together with its sideOrientation keeps the same faces in front, so
// meshes can be brought to one orientation and merged.
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";

/** Gives every mesh the first mesh's sideOrientation, reversing winding where it changes. */
export function alignSideOrientation(meshes: readonly Mesh[]): void {
  const target = meshes[0]?.sideOrientation;
  if (target === undefined) return;
  for (const m of meshes) {
    if (m.sideOrientation === target) continue;
    const indices = m.getIndices();
    if (indices) {
      // Shared geometry would flip the other meshes that use it too.
      m.makeGeometryUnique();
      const flipped = Array.from(indices);
      for (let t = 0; t + 2 < flipped.length; t += 3) {
        const b = flipped[t + 1]!;
        flipped[t + 1] = flipped[t + 2]!;
        flipped[t + 2] = b;
      }
      m.setIndices(flipped);
    }
    m.sideOrientation = target;
  }
}

/** Merges meshes into one (world transforms baked, sources disposed); null if Babylon refuses. */
export function mergeMeshes(meshes: readonly Mesh[]): Mesh | null {
  alignSideOrientation(meshes);
  return Mesh.MergeMeshes([...meshes], true, true);
}

export interface MergeResult {
  /** One merged mesh per material (and vertex layout) that had at least two meshes. */
  meshes: Mesh[];
  /** The meshes that went into them. */
  sources: Set<AbstractMesh>;
}

/**
 * Merges meshes that share a material into one mesh per material, world transforms baked: 27
 * building bodies drawn with one material become one draw call. A source something still needs as
 * itself (`keep`: picking a building, collisions, a role's node) stays as an invisible proxy:
 * visibility 0 is never drawn, yet still picked and solid. Other sources are disposed. Meshes with
 * instances, thin instances, bones or morph targets are left as they are.
 */
export function mergeByMaterial(meshes: readonly AbstractMesh[], name: string, keep: (m: AbstractMesh) => boolean = () => false): MergeResult {
  const groups = new Map<string, Mesh[]>();
  for (const m of meshes) {
    if (!(m instanceof Mesh) || !m.material || m.getTotalVertices() === 0) continue;
    if (m.hasThinInstances || m.instances.length > 0 || m.skeleton || m.morphTargetManager) continue;
    // MergeMeshes needs the same vertex attributes in every mesh.
    const key = `${m.material.uniqueId}|${m.getVerticesDataKinds().sort().join(",")}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(m);
  }
  const out: Mesh[] = [];
  const sources = new Set<AbstractMesh>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const m of group) m.computeWorldMatrix(true);
    alignSideOrientation(group);
    const merged = Mesh.MergeMeshes([...group], false, true);
    if (!merged) continue;
    merged.name = `${name}-${out.length}`;
    for (const m of group) {
      sources.add(m);
      if (keep(m)) {
        m.visibility = 0;
      } else {
        m.dispose();
      }
    }
    out.push(merged);
  }
  return { meshes: out, sources };
}

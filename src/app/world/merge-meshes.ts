// Mesh.MergeMeshes refuses meshes whose sideOrientation differs, and glTF meshes (counter-clockwise
// in a right-handed scene) differ from builder meshes (clockwise): a placeholder building's sign next
// to 26 glTF signs made the whole merge fail, leaving every sign without its text. Reversing a
// mesh's triangle winding together with its sideOrientation keeps the same faces in front, so
// meshes can be brought to one orientation and merged.
import { Mesh } from "@babylonjs/core/Meshes/mesh";

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

// Babylon's VR pointer lays its cursor on the face it hits, and for that asks the face's normal every
// frame, for each controller. With normals stored packed (our glTF files are quantized: 8-bit
// normals), Babylon unpacks the picked mesh's whole normal buffer into a new array to read three of
// them: at the hub's map table two copies of thousands of floats per frame. Meshes a pointer can hit
// keep their normals as plain floats instead, converted once when the place is set up for VR.
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { Mesh } from "@babylonjs/core/Meshes/mesh";

/** Whether a mesh's normals are stored as tightly packed floats (read by a pick without a copy). */
export function hasFloatNormals(mesh: AbstractMesh): boolean {
  const b = mesh.getVertexBuffer(VertexBuffer.NormalKind);
  return !b || (b.type === VertexBuffer.FLOAT && b.byteStride === 12 && b.byteOffset === 0);
}

/** Stores the normals of the pickable meshes among `meshes` as floats; returns how many changed. */
export function floatNormalsForPicking(meshes: Iterable<AbstractMesh>): number {
  let changed = 0;
  for (const m of meshes) {
    const mesh = m instanceof Mesh ? m : (m as { sourceMesh?: Mesh }).sourceMesh;
    if (!m.isPickable || !mesh || mesh.isDisposed() || hasFloatNormals(mesh)) continue;
    const normals = mesh.getVerticesData(VertexBuffer.NormalKind);
    if (!normals) continue;
    mesh.setVerticesData(VertexBuffer.NormalKind, Float32Array.from(normals), false);
    changed++;
  }
  return changed;
}

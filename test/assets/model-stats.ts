// Counts for the budget tests, read back from .glb bytes with glTF-Transform (what a loader sees).
import type { Document } from "@gltf-transform/core";
import type { InstancedMesh } from "@gltf-transform/extensions";
import { gltfIO } from "../../tools/assets/compress";

export interface ModelStats {
  triangles: number;
  primitives: number;
  materials: number;
  /** Material factors as a string, for counting distinct materials the way the app dedupes them. */
  materialKeys: string[];
  textures: Array<{ width: number; height: number }>;
  meshUseCount: Map<string, number>;
}

export async function readGlb(bytes: Uint8Array): Promise<Document> {
  return (await gltfIO()).readBinary(bytes);
}

export async function modelStats(bytes: Uint8Array): Promise<ModelStats> {
  const doc = await readGlb(bytes);
  const root = doc.getRoot();
  let triangles = 0;
  let primitives = 0;
  const meshUseCount = new Map<string, number>();
  // Triangles as drawn: a mesh used by n nodes counts n times, and an instanced node (EXT_mesh_gpu_instancing) once per instance.
  for (const node of root.listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const batch = node.getExtension<InstancedMesh>("EXT_mesh_gpu_instancing");
    const copies = batch ? batch.listAttributes()[0]?.getCount() ?? 1 : 1;
    meshUseCount.set(mesh.getName(), (meshUseCount.get(mesh.getName()) ?? 0) + copies);
    for (const prim of mesh.listPrimitives()) {
      const idx = prim.getIndices();
      triangles += (copies * (idx ? idx.getCount() : prim.getAttribute("POSITION")!.getCount())) / 3;
    }
  }
  for (const mesh of root.listMeshes()) primitives += mesh.listPrimitives().length;
  const materialKeys = root.listMaterials().map((m) =>
    JSON.stringify([m.getBaseColorFactor(), m.getMetallicFactor(), m.getRoughnessFactor(), m.getEmissiveFactor(), m.getDoubleSided(), m.getAlphaMode(), m.getBaseColorTexture() ? "tex" : ""]));
  const textures = root.listTextures().map((t) => {
    const size = t.getSize();
    return { width: size?.[0] ?? 0, height: size?.[1] ?? 0 };
  });
  return { triangles, primitives, materials: root.listMaterials().length, materialKeys, textures, meshUseCount };
}

/** The JSON chunk of a .glb, as written (extensions as the file declares them). */
export function glbJson(bytes: Uint8Array): {
  extensionsUsed?: string[];
  extensionsRequired?: string[];
  bufferViews?: Array<{ extensions?: Record<string, unknown> }>;
  nodes?: Array<{ name?: string; extras?: Record<string, unknown>; extensions?: Record<string, unknown> }>;
} {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(12, true);
  if (view.getUint32(16, true) !== 0x4e4f534a) throw new Error("model-stats: the first chunk is not JSON");
  return JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length)));
}

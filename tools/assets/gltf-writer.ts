// The last step: geometry builders to glTF-Transform meshes, and a document to .glb bytes.
// Deterministic: fixed generator string, no dates, accessors in creation order.
import { Document, type Material, type Mesh } from "@gltf-transform/core";
import { compress, gltfIO } from "./compress";
import type { GeometryBuilder } from "./geometry";

export const NAME = "gltf-writer";
export const GENERATOR = "mpp-digital-xr tools/assets";

export interface MeshOptions {
  /** Write COLOR_0 (vertex colours); true for everything but signage/legend quads. */
  color?: boolean;
  /** Write TEXCOORD_0 (atlas, planar or 0..1 per quad, as the builder made them). */
  uv?: boolean;
}

export const DEFAULTS: Required<MeshOptions> = { color: true, uv: true };

export function createDocument(): Document {
  const doc = new Document();
  doc.getRoot().getAsset().generator = GENERATOR;
  doc.createBuffer("buffer");
  return doc;
}

/** One glTF mesh with one primitive from a builder. */
export function addMesh(doc: Document, name: string, g: GeometryBuilder, mat: Material, options: MeshOptions = {}): Mesh {
  const opts = { ...DEFAULTS, ...options };
  if (g.triangleCount === 0) throw new Error(`${NAME}: mesh "${name}" has no triangles`);
  const buffer = doc.getRoot().listBuffers()[0];
  if (!buffer) throw new Error(`${NAME}: document has no buffer (use createDocument)`);
  const acc = (type: "VEC2" | "VEC3" | "SCALAR", array: Float32Array | Uint16Array | Uint32Array) =>
    doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const prim = doc
    .createPrimitive()
    .setMaterial(mat)
    .setAttribute("POSITION", acc("VEC3", new Float32Array(g.positions)))
    .setAttribute("NORMAL", acc("VEC3", new Float32Array(g.normals)));
  if (opts.color) prim.setAttribute("COLOR_0", acc("VEC3", new Float32Array(g.colors)));
  if (opts.uv) prim.setAttribute("TEXCOORD_0", acc("VEC2", new Float32Array(g.uvs)));
  const indices = g.vertexCount < 65536 ? new Uint16Array(g.indices) : new Uint32Array(g.indices);
  prim.setIndices(acc("SCALAR", indices));
  return doc.createMesh(name).addPrimitive(prim);
}

/** Compresses (meshopt + quantization, see compress.ts) and writes .glb bytes. */
export async function toGlb(doc: Document): Promise<Uint8Array> {
  await compress(doc);
  return (await gltfIO()).writeBinary(doc);
}

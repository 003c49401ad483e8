// The last step before bytes: meshopt compression with quantization (EXT_meshopt_compression,
// KHR_mesh_quantization), for the world models and the VR controller and hand models alike.
// Quantized attributes are smaller in the file and in GPU memory; meshopt packs them further.
// Deterministic: the encoder is meshoptimizer's WebAssembly build at a pinned version.
//
// Tried: quantizing positions to 14 bits (glTF-Transform's default) moved the plaza's paths (1.5 cm
// apart over a 600 m map) onto one height; 16 bits keep 1 cm over the largest model.
import { type Document, Logger, NodeIO, PropertyType } from "@gltf-transform/core";
import { EXTMeshGPUInstancing, EXTMeshoptCompression, InstancedMesh, KHRMeshQuantization, KHRTextureTransform, KHRMaterialsUnlit } from "@gltf-transform/extensions";
import { meshopt, prune } from "@gltf-transform/functions";
import { MeshoptDecoder, MeshoptEncoder } from "meshoptimizer";

export const NAME = "compress";

export interface Options {
  /** Bits for positions (8..16). */
  quantizePosition?: number;
  /** Bits for texture coordinates inside 0..1 (UVs outside it stay float). */
  quantizeTexcoord?: number;
  /**
   * Give every node that draws a mesh a child node holding it, so quantization's scale and offset land
   * on that child: controller models animate named nodes between named poses, and a dequantization
   * transform on an animated node would be overwritten.
   */
  isolateMeshNodes?: boolean;
}

export const DEFAULTS: Required<Options> = { quantizePosition: 16, quantizeTexcoord: 14, isolateMeshNodes: false };

let io: NodeIO | undefined;

/** A NodeIO that reads and writes every extension the build uses (compressed or not). */
export async function gltfIO(): Promise<NodeIO> {
  if (!io) {
    await MeshoptEncoder.ready;
    await MeshoptDecoder.ready;
    io = new NodeIO()
      .registerExtensions([EXTMeshoptCompression, KHRMeshQuantization, EXTMeshGPUInstancing, KHRTextureTransform, KHRMaterialsUnlit])
      .registerDependencies({ "meshopt.encoder": MeshoptEncoder, "meshopt.decoder": MeshoptDecoder });
  }
  return io;
}

/** Applies quantization and meshopt compression to `doc` in place (written out by gltfIO()). */
export async function compress(doc: Document, options: Options = {}): Promise<Document> {
  const opts = { ...DEFAULTS, ...options };
  await MeshoptEncoder.ready;
  doc.setLogger(new Logger(Logger.Verbosity.WARN)); // prune's info lines are noise in a build log
  if (opts.isolateMeshNodes) {
    for (const node of doc.getRoot().listNodes()) {
      const mesh = node.getMesh();
      if (!mesh || node.getSkin()) continue;
      node.setMesh(null).addChild(doc.createNode(`${node.getName()}-mesh`).setMesh(mesh));
    }
  }
  await doc.transform(meshopt({ encoder: MeshoptEncoder, level: "high", quantizePosition: opts.quantizePosition, quantizeTexcoord: opts.quantizeTexcoord }));
  // Quantizing an instanced node replaces its instance data with a transformed copy; the old
  // copy stays attached to no node. Drop it, then the accessors nothing uses any more.
  const live = new Set(doc.getRoot().listNodes().map((n) => n.getExtension("EXT_mesh_gpu_instancing")).filter((b) => b));
  for (const acc of doc.getRoot().listAccessors()) {
    for (const parent of acc.listParents()) {
      if (parent instanceof InstancedMesh && !live.has(parent)) parent.dispose();
    }
  }
  await doc.transform(
    prune({ propertyTypes: [PropertyType.ACCESSOR], keepAttributes: true, keepIndices: true, keepLeaves: true }),
  );
  return doc;
}

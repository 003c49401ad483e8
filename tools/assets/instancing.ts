// Many copies of one mesh as one node with EXT_mesh_gpu_instancing (per-instance translation,
// rotation about +Y and uniform scale): Babylon loads it as thin instances, one draw call for all.
// The extension is optional in glTF: a viewer without it draws the mesh once at the node.
import type { Document, Mesh, Node } from "@gltf-transform/core";
import { EXTMeshGPUInstancing } from "@gltf-transform/extensions";

export const NAME = "instancing";

export interface Instance {
  position: readonly [number, number, number];
  rotationY: number;
  scale: number;
}

const r = (v: number, step = 1e-4): number => {
  const x = Math.round(v / step) * step;
  return Math.abs(x) < step / 2 ? 0 : Number(x.toFixed(6));
};

/** A node drawing `mesh` at every instance (sorted order is the caller's: keep it deterministic). */
export function instancedNode(doc: Document, name: string, mesh: Mesh, instances: readonly Instance[]): Node {
  if (instances.length === 0) throw new Error(`${NAME}: "${name}" has no instances`);
  const buffer = doc.getRoot().listBuffers()[0];
  if (!buffer) throw new Error(`${NAME}: document has no buffer`);
  const t = new Float32Array(instances.length * 3);
  const q = new Float32Array(instances.length * 4);
  const s = new Float32Array(instances.length * 3);
  instances.forEach((inst, i) => {
    t.set([r(inst.position[0]), r(inst.position[1]), r(inst.position[2])], i * 3);
    const h = inst.rotationY / 2;
    q.set([0, r(Math.sin(h), 1e-6), 0, r(Math.cos(h), 1e-6)], i * 4);
    s.set([r(inst.scale), r(inst.scale), r(inst.scale)], i * 3);
  });
  const acc = (type: "VEC3" | "VEC4", array: Float32Array) => doc.createAccessor().setType(type).setArray(array).setBuffer(buffer);
  const ext = doc.createExtension(EXTMeshGPUInstancing);
  const batch = ext.createInstancedMesh()
    .setAttribute("TRANSLATION", acc("VEC3", t))
    .setAttribute("ROTATION", acc("VEC4", q))
    .setAttribute("SCALE", acc("VEC3", s));
  return doc.createNode(name).setMesh(mesh).setExtension("EXT_mesh_gpu_instancing", batch);
}

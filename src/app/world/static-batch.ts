// Static geometry batched by material and by place: every model uses the same few palette
// materials, so the world's fixed parts (building bodies, the map table, trees, lamps, counters,
// chairs, officers, ...) can be drawn as a handful of meshes. Splitting the batches by place (a
// sector of the plaza, say) keeps frustum culling working: a visitor at the hub facing north draws
// the northern sectors, not all 27 buildings and every tree.
//
// Tried: one merged mesh per material (1 draw call for all bodies, but all 15k body triangles in
// every view), and thin instances per prop kind (1 draw call each, but culled only as a whole, so
// every tree of the map was drawn from everywhere). In VR both cost twice; sector batches cost a
// draw call per sector in view and only the triangles in front of the visitor.
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { Material } from "@babylonjs/core/Materials/material";
import type { Geometry } from "@babylonjs/core/Meshes/geometry";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { InstancedMesh } from "@babylonjs/core/Meshes/instancedMesh";
import { VertexData } from "@babylonjs/core/Meshes/mesh.vertexData";
import { Matrix, Vector3 } from "@babylonjs/core/Maths/math.vector";

export interface BatchOptions {
  /** The place a piece belongs to, from its world position: pieces of one place and material are merged. */
  cellOf?(x: number, z: number): string;
  /**
   * Sources something still needs as themselves (picking a building, collisions, a role's node):
   * kept as invisible proxies (visibility 0: never drawn, still picked and solid). Others are disposed.
   */
  keep?(mesh: AbstractMesh): boolean;
}

export interface BatchResult {
  meshes: Mesh[];
  /** Every mesh whose geometry went into a batch (kept as proxies or disposed). */
  sources: Set<AbstractMesh>;
}

/** Per-instance buffers of a thin-instanced mesh, not part of its geometry. */
const INSTANCE_KINDS = /^(world\d|previousWorld\d|instanceColor)$/;

interface Piece {
  source: Mesh; // holds the geometry
  world: Matrix;
  material: Material;
}

/**
 * Cells for `cellOf`: the centre (within `hubRadius`), then sectors around it, each cut into rings
 * at the given radii ("s3" for sector 3 of one ring; "s3r1" for its second ring).
 */
export function sectorCells(options: { sectors: number; hubRadius: number; rings?: readonly number[]; center?: { x: number; z: number } }) {
  const cx = options.center?.x ?? 0;
  const cz = options.center?.z ?? 0;
  const rings = options.rings ?? [];
  const step = (Math.PI * 2) / options.sectors;
  return (x: number, z: number): string => {
    const dx = x - cx;
    const dz = z - cz;
    const r = Math.hypot(dx, dz);
    if (r < options.hubRadius) return "hub";
    const a = Math.atan2(dx, -dz) + step / 2; // sector 0 is centred on -Z (north on the map)
    const sector = `s${((Math.floor(a / step) % options.sectors) + options.sectors) % options.sectors}`;
    if (rings.length === 0) return sector;
    const ring = rings.filter((edge) => r >= edge).length;
    return `${sector}r${ring}`;
  };
}

/** The drawn pieces of a mesh: itself, or one per thin instance; instances are pieces of their source's geometry. */
function piecesOf(m: AbstractMesh): Piece[] {
  const material = m.material;
  if (!material || m.getTotalVertices() === 0) return [];
  if (m instanceof InstancedMesh) {
    const source = m.sourceMesh;
    if (source.skeleton || source.morphTargetManager) return [];
    return [{ source, world: m.computeWorldMatrix(true).clone(), material }];
  }
  if (!(m instanceof Mesh) || m.skeleton || m.morphTargetManager) return [];
  const world = m.computeWorldMatrix(true);
  if (m.hasThinInstances) {
    // Thin instance matrices are in the mesh's space: world = instance x mesh.
    return m.thinInstanceGetWorldMatrices().map((t) => ({ source: m, world: t.multiply(world), material }));
  }
  return [{ source: m, world: world.clone(), material }];
}

/**
 * Merges the static pieces of `meshes` into one mesh per material (and vertex layout, winding and
 * place), world transforms baked in. Meshes with bones or morph targets are left as they are.
 */
export function batchStatic(meshes: readonly AbstractMesh[], name: string, options: BatchOptions = {}): BatchResult {
  const local = new Map<Geometry | Mesh, { vd: VertexData; centre: Vector3 }>();
  const dataOf = (source: Mesh) => {
    const k = source.geometry ?? source;
    let d = local.get(k);
    if (!d) {
      const vd = VertexData.ExtractFromMesh(source, true, true);
      // The geometry's own centre (a thin-instanced mesh's bounding box spans all its instances).
      const min = new Vector3(Infinity, Infinity, Infinity);
      const max = new Vector3(-Infinity, -Infinity, -Infinity);
      const p = vd.positions ?? [];
      for (let i = 0; i + 2 < p.length; i += 3) {
        min.minimizeInPlaceFromFloats(p[i]!, p[i + 1]!, p[i + 2]!);
        max.maximizeInPlaceFromFloats(p[i]!, p[i + 1]!, p[i + 2]!);
      }
      d = { vd, centre: p.length > 0 ? min.add(max).scale(0.5) : Vector3.Zero() };
      local.set(k, d);
    }
    return d;
  };

  const groups = new Map<string, Piece[]>();
  const sources = new Set<AbstractMesh>();
  for (const m of meshes) {
    const pieces = piecesOf(m);
    if (pieces.length === 0) continue;
    sources.add(m);
    for (const p of pieces) {
      const centre = Vector3.TransformCoordinates(dataOf(p.source).centre, p.world);
      const cell = options.cellOf ? options.cellOf(centre.x, centre.z) : "";
      const kinds = p.source.getVerticesDataKinds().filter((k) => !INSTANCE_KINDS.test(k)).sort().join(",");
      const key = `${p.material.uniqueId}|${p.source.sideOrientation}|${kinds}|${cell}`;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(p);
    }
  }

  const out: Mesh[] = [];
  let scene: import("@babylonjs/core/scene").Scene | null = null;
  for (const [key, pieces] of groups) {
    const first = pieces[0]!;
    scene ??= first.source.getScene();
    const parts = pieces.map((p) => {
      const vd = cloneVertexData(dataOf(p.source).vd);
      vd.transform(p.world);
      return vd;
    });
    const merged = parts[0]!;
    if (parts.length > 1) merged.merge(parts.slice(1), true);
    const mesh = new Mesh(`${name}-${out.length}`, scene);
    merged.applyToMesh(mesh, false);
    mesh.material = first.material;
    mesh.sideOrientation = first.source.sideOrientation;
    mesh.metadata = { batch: key.split("|")[3] || null };
    out.push(mesh);
  }

  // Sources: proxies or gone. An instance's visibility is its source's, so a source whose
  // instances are kept is kept (hidden) too.
  const keep = options.keep ?? (() => false);
  const kept = new Set<Mesh>();
  for (const m of sources) {
    if (!keep(m)) continue;
    const owner = m instanceof InstancedMesh ? m.sourceMesh : (m as Mesh);
    kept.add(owner);
  }
  for (const owner of kept) owner.visibility = 0;
  for (const m of sources) {
    if (keep(m) || m.isDisposed()) continue;
    if (m instanceof Mesh && kept.has(m)) continue;
    if (m instanceof InstancedMesh && kept.has(m.sourceMesh)) {
      m.isVisible = false; // not needed as itself, but its source is kept
      continue;
    }
    m.dispose();
  }
  return { meshes: out, sources };
}

function cloneVertexData(vd: VertexData): VertexData {
  const c = new VertexData();
  if (vd.positions) c.positions = Float32Array.from(vd.positions);
  if (vd.normals) c.normals = Float32Array.from(vd.normals);
  if (vd.uvs) c.uvs = Float32Array.from(vd.uvs);
  if (vd.colors) c.colors = Float32Array.from(vd.colors);
  if (vd.indices) c.indices = Uint32Array.from(vd.indices);
  return c;
}

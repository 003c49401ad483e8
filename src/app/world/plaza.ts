// Assembles the plaza: the ground model, then every building at its place from scenes/plaza.json.
// A building whose model fails becomes a placeholder; only a missing plaza model is fatal.
// Startup order (issue 18): every building's bytes are fetched while the ground is parsed; the
// ground is drawn first (onGround), and only then are buildings parsed, nearest to the spawn
// first, so the first frame never waits for a building and the view fills from the visitor outward.
import type { Scene } from "@babylonjs/core/scene";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import type { AssetContainer } from "@babylonjs/core/assetContainer";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { SceneDescription } from "./scene-description";
import type { ModelLoader } from "./model-loader";
import { ModelError } from "./model-loader";
import type { MaterialPalette } from "./material-palette";
import { createPlaceholderBuilding } from "./placeholder-building";
import { buildSignAtlas, type AtlasPanel, type SignAtlas, type SignText } from "./sign-atlas";
import { createDirectoryQuads, DIRECTORY_PANEL, type DirectoryQuads } from "./directory-kiosk";
import { LEGEND_PANEL } from "./legend";
import { mergeByMaterial } from "./merge-meshes";
import { whenMeshesReady } from "./when-ready";
import { batchStatic, sectorCells } from "./static-batch";
import { indexRoles, nodesWithRole, surfacesWithRole, extrasOf, type RoleIndex } from "./roles";

/**
 * Batches of the plaza's static geometry: the hub (30 m) and the ring around it. Chosen by counting
 * what a VR visitor at the spawn costs (issue 18 point 4): with 8 sectors of 45 degrees the emulated
 * headset's 121 degrees kept 6 of the 9 batches in view, with 4 sectors all 5; every batch is a draw
 * call per eye, while the triangles culling saved (about 10k per eye) cost a headset's GPU little.
 * Cutting the ring into sectors again pays only where draw calls are cheap and views narrow.
 */
const PLAZA_CELLS = sectorCells({ sectors: 1, hubRadius: 30 });

export interface PlacedBuilding {
  region: string;
  root: TransformNode;
  entrance: TransformNode;
  placeholder: boolean;
  error: ModelError | null;
}

export interface PlazaOptions {
  scene: Scene;
  description: SceneDescription;
  loader: ModelLoader;
  palette: MaterialPalette;
  signText(region: string): SignText;
  /** Called after each model settles (loaded or replaced by a placeholder). */
  onProgress?(done: number, total: number): void;
  /**
   * The ground (and the hub on it) is in the scene and can be drawn (shaders compiled, textures
   * in), the buildings not yet. Buildings are parsed once what this returns has settled (the page
   * draws its first frame meanwhile), so the first frame never waits for them.
   */
  onGround?(ground: { spawn: TransformNode | null }): void | Promise<void>;
  /** Awaited before the first building is placed (the region list the signs are painted from). */
  beforeBuildings?(): Promise<unknown>;
  /** How many models load at once: a 2-core lobby PC parses glTF on the main thread. */
  concurrency?: number;
}

/** The hub's map table (role "map"): a plaza point from a point on its top. */
export interface PlazaMap {
  /** The table's meshes (solid, and what a pointer picks to travel). */
  meshes: readonly AbstractMesh[];
  /** The plaza point (x, z) a point on the table stands for. */
  toPlaza(x: number, z: number): { x: number; z: number };
  /** Height of the table's top (its map), world metres. */
  top: number;
  /** The point on the table's top that stands for a plaza point (x, z). */
  onTable(x: number, z: number): Vector3;
}

export interface Plaza {
  root: TransformNode;
  floors: AbstractMesh[];
  blockers: AbstractMesh[];
  spawn: TransformNode | null;
  directoryAnchor: TransformNode | null;
  /** The legend's panel in `signs` (for paintPanel), when the model has a legend surface. */
  legendPanel: number | null;
  /** The directory kiosk's pickable twin, pose and panel in `signs`, when the model has its anchor. */
  directory: (Pick<DirectoryQuads, "proxy" | "center" | "normal"> & { panel: number }) | null;
  /** The map table at the hub, when the model has one with its scale and centre. */
  map: PlazaMap | null;
  buildings: PlacedBuilding[];
  signs: SignAtlas;
  setEnabled(on: boolean): void;
  dispose(): void;
}

function adopt(container: AssetContainer, parent: TransformNode, palette: MaterialPalette): RoleIndex {
  container.addAllToScene();
  for (const n of container.rootNodes) n.parent = parent;
  for (const m of palette.apply(container.meshes)) m.dispose();
  return indexRoles(container.transformNodes, container.meshes);
}

export async function assemblePlaza(opts: PlazaOptions): Promise<Plaza> {
  const { scene, description, loader, palette } = opts;
  const total = 1 + description.buildings.length;
  let done = 0;
  const byDistance = nearestFirst(description);
  const settle = () => opts.onProgress?.(++done, total);

  const root = new TransformNode("plaza", scene);
  const ground = new TransformNode("plaza-ground", scene);
  ground.parent = root;
  // Without its ground there is no plaza to stand on: this error is the caller's to show.
  const groundBytes = loader.bytes(description.plaza.model);
  // The buildings' bytes download while the ground is parsed and drawn (nearest first).
  // Each is parsed from this one request, failed or not (a failure becomes a placeholder).
  const fetched = new Map<string, Promise<Uint8Array>>();
  const bytesOf = (model: string) => {
    let p = fetched.get(model);
    if (!p) {
      p = loader.bytes(model);
      p.catch(() => undefined); // reported when the building is placed
      fetched.set(model, p);
    }
    return p;
  };
  void groundBytes.then(() => { for (const b of byDistance) void bytesOf(b.model); }, () => undefined);
  const plazaIndex = adopt(await loader.load(scene, description.plaza.model), ground, palette);
  // The legend is drawn once it is painted into the signs' atlas (below): a blank panel in the first frame would
  // cost a program of its own (lit, the model's "panel" material) for nothing.
  for (const m of surfacesWithRole(plazaIndex, "legend")) m.isVisible = false;
  settle();
  // Every shader of the scene so far (sky, ground, hub) compiles at once and the ground's textures
  // load; then the ground is drawn, without any building.
  await whenMeshesReady(scene.meshes);
  await opts.onGround?.({ spawn: nodesWithRole(plazaIndex, "spawn")[0] ?? null });
  await opts.beforeBuildings?.();

  const floors = [...surfacesWithRole(plazaIndex, "floor")];
  // The map table is solid: walking and gliding stop at its edge.
  const mapMeshes = surfacesWithRole(plazaIndex, "map");
  const blockers = [...surfacesWithRole(plazaIndex, "blocker"), ...mapMeshes];
  const buildings: PlacedBuilding[] = [];
  const signs: { mesh: AbstractMesh; text: SignText }[] = [];
  let fallbackMaterial: import("@babylonjs/core/Materials/material").Material | null = null;

  async function place(b: SceneDescription["buildings"][number]): Promise<void> {
    const holder = new TransformNode(`building-${b.region}`, scene);
    holder.parent = root;
    holder.position.set(...b.position);
    holder.rotation.y = b.rotationY;
    let index: RoleIndex | null = null;
    let error: ModelError | null = null;
    try {
      const container = await loader.parse(scene, b.model, await bytesOf(b.model));
      index = adopt(container, holder, palette);
      const bRoot = nodesWithRole(index, "building")[0];
      if (!bRoot || extrasOf(bRoot)?.region !== b.region) {
        for (const n of container.rootNodes) n.dispose(false, true);
        throw new ModelError(b.model, "corrupt", `has no building root for region ${b.region}`);
      }
      if (nodesWithRole(index, "entrance").length === 0 || surfacesWithRole(index, "floor").length === 0) {
        for (const n of container.rootNodes) n.dispose(false, true);
        throw new ModelError(b.model, "corrupt", "lacks an entrance or a floor");
      }
    } catch (e) {
      error = e instanceof ModelError ? e : new ModelError(b.model, "corrupt", String(e));
      if (!fallbackMaterial) {
        const { StandardMaterial } = await import("@babylonjs/core/Materials/standardMaterial");
        const m = new StandardMaterial("placeholder", scene);
        m.diffuseColor.set(0.7, 0.7, 0.72);
        fallbackMaterial = m;
      }
      const ph = createPlaceholderBuilding(scene, b.region, fallbackMaterial);
      ph.parent = holder;
      index = indexRoles(ph.getChildTransformNodes(false).concat(ph), ph.getChildMeshes(false));
    }
    floors.push(...surfacesWithRole(index, "floor"));
    blockers.push(...surfacesWithRole(index, "blocker"));
    for (const s of surfacesWithRole(index, "signage")) signs.push({ mesh: s, text: opts.signText(b.region) });
    buildings.push({ region: b.region, root: holder, entrance: nodesWithRole(index, "entrance")[0]!, placeholder: error !== null, error });
    settle();
  }

  const queue = [...byDistance];
  const workers = Array.from({ length: opts.concurrency ?? 4 }, async () => {
    for (let b = queue.shift(); b; b = queue.shift()) await place(b);
  });
  await Promise.all(workers);
  // Keep the description's order so directory, tests and signs are stable.
  const order = new Map(description.buildings.map((b, i) => [b.region, i]));
  buildings.sort((a, b) => order.get(a.region)! - order.get(b.region)!);
  signs.sort((a, b) => order.get(regionOfSign(a.mesh))! - order.get(regionOfSign(b.mesh))!);

  // The legend and the directory kiosk's face are panels of the same atlas: signs, legend and
  // directory are one draw call per eye (issue 18 point 4).
  const legendMesh = surfacesWithRole(plazaIndex, "legend")[0] ?? null;
  for (const m of surfacesWithRole(plazaIndex, "legend")) m.isVisible = true; // hidden since adopted; painted below
  const directoryAnchor = nodesWithRole(plazaIndex, "kiosk").find((n) => extrasOf(n)?.kind === "directory") ?? null;
  const directoryQuads = directoryAnchor ? createDirectoryQuads(scene, anchorPose(directoryAnchor)) : null;
  directoryQuads?.proxy.setParent(root);
  const panels: AtlasPanel[] = [];
  const legendPanel = legendMesh instanceof Mesh ? panels.push({ mesh: legendMesh, ...LEGEND_PANEL }) - 1 : null;
  const directoryPanel = directoryQuads ? panels.push({ mesh: directoryQuads.face, ...DIRECTORY_PANEL }) - 1 : null;
  const atlas = buildSignAtlas(scene, "plaza", signs, undefined, panels);
  atlas.mesh?.setParent(root);

  // Draw calls: every model uses the same few palette materials. Floors: one merged mesh per
  // material, which is the floor. Everything else that stands still (building bodies, the map
  // table, trees, lamps, benches, flags) is baked into one mesh per material and sector of the
  // plaza (static-batch.ts), so what is behind the visitor is culled. Building bodies (role
  // blocker) stay as invisible proxies: what a visitor points at, clicks or walks into is still
  // that building's own mesh.
  const signMeshes = new Set<AbstractMesh>([...(atlas.mesh ? [atlas.mesh] : []), ...(directoryQuads ? [directoryQuads.proxy] : [])]);
  const mergedFloors = mergeByMaterial(floors, "plaza-floors");
  const keptFloors = floors.filter((f) => !mergedFloors.sources.has(f));
  floors.splice(0, floors.length, ...keptFloors, ...mergedFloors.meshes);
  const blockerSet = new Set(blockers);
  const floorSet = new Set<AbstractMesh>([...floors, ...mergedFloors.sources]);
  const statics = root.getChildMeshes(false).filter((m) => !signMeshes.has(m) && !floorSet.has(m));
  const batched = batchStatic(statics, "plaza-static", { cellOf: PLAZA_CELLS, keep: (m) => blockerSet.has(m) });
  for (const m of [...mergedFloors.meshes, ...batched.meshes]) m.setParent(root);

  for (const m of floors) m.isPickable = true;
  for (const m of blockers) {
    m.isPickable = true;
    m.checkCollisions = true;
  }
  const pickable = new Set<AbstractMesh>([...floors, ...blockers, ...(directoryQuads ? [directoryQuads.proxy] : [])]);
  for (const m of root.getChildMeshes(false)) {
    if (!pickable.has(m)) m.isPickable = false;
    m.computeWorldMatrix(true);
    m.freezeWorldMatrix();
    m.doNotSyncBoundingInfo = true;
  }
  // Counted as loaded only once everything can be drawn: shaders compiled, textures in.
  await whenMeshesReady(scene.meshes);

  return {
    root,
    floors,
    blockers,
    spawn: nodesWithRole(plazaIndex, "spawn")[0] ?? null,
    directoryAnchor,
    legendPanel,
    directory: directoryQuads && directoryPanel !== null
      ? { proxy: directoryQuads.proxy, center: directoryQuads.center, normal: directoryQuads.normal, panel: directoryPanel }
      : null,
    map: mapOf(nodesWithRole(plazaIndex, "map")[0], mapMeshes),
    buildings,
    signs: atlas,
    setEnabled(on: boolean) {
      root.setEnabled(on);
    },
    dispose() {
      atlas.dispose();
      root.dispose(false, true);
      (fallbackMaterial as { dispose(): void } | null)?.dispose();
    },
  };
}

function mapOf(node: TransformNode | undefined, meshes: readonly AbstractMesh[]): PlazaMap | null {
  const e = node ? extrasOf(node) : null;
  const scale = e?.scale;
  const center = e?.center;
  if (!node || typeof scale !== "number" || !(scale > 0) || !Array.isArray(center) || typeof center[0] !== "number" || typeof center[1] !== "number") return null;
  const [cx, cz] = center as [number, number];
  const top = typeof e?.top === "number" ? e.top : null;
  // The node's own placement on the plaza (the table's middle), read once: the plaza never moves.
  node.computeWorldMatrix(true);
  const origin = node.getAbsolutePosition().clone();
  return {
    meshes,
    top: top ?? origin.y,
    toPlaza: (x, z) => ({ x: cx + (x - origin.x) / scale, z: cz + (z - origin.z) / scale }),
    onTable: (x, z) => new Vector3(origin.x + (x - cx) * scale, top ?? origin.y, origin.z + (z - cz) * scale),
  };
}

/**
 * The buildings, nearest to the spawn first (the description's spawn is in the plaza model, not
 * yet loaded: the hub's centre, where the spawn stands, is the plaza's origin).
 */
export function nearestFirst(description: SceneDescription): SceneDescription["buildings"] {
  const d = (b: SceneDescription["buildings"][number]) => Math.hypot(b.position[0], b.position[2]);
  return [...description.buildings].sort((a, b) => d(a) - d(b));
}

function regionOfSign(mesh: AbstractMesh): string {
  for (let n: import("@babylonjs/core/node").Node | null = mesh; n; n = n.parent) {
    const r = extrasOf(n)?.region;
    if (typeof r === "string") return r;
  }
  return "";
}

/** World position and forward (+Z of the node) of an anchor, for cameras and panels. */
export function anchorPose(node: TransformNode): { position: Vector3; forward: Vector3 } {
  node.computeWorldMatrix(true);
  const position = node.getAbsolutePosition().clone();
  const forward = Vector3.TransformNormal(new Vector3(0, 0, 1), node.getWorldMatrix()).normalize();
  return { position, forward };
}

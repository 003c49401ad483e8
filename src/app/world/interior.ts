// The inside of one regional MPP: the interior model placed at its origin, its counter slots given to
// the region's agencies (from the API), the agency's sign over each occupied counter, a labelled
// kiosk in front of it, and the queue display. Loaded when a visitor enters; everything here is
// disposed when they leave. The counters' kiosks (counter-kiosks.ts), the help desk
// (interior-help-desk.ts) and the exit sign's place (exit-sign.ts) are read from the model's roles.
import type { Scene } from "@babylonjs/core/scene";
import { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { RegionDetail } from "../../domain/types";
import type { ModelLoader } from "./model-loader";
import type { MaterialPalette } from "./material-palette";
import { ModelError } from "./model-loader";
import { indexRoles, nodesWithRole, surfacesWithRole } from "./roles";
import { buildSignAtlas, createSignQuad, type SignAtlas, type SignText } from "./sign-atlas";
import type { Vec3 } from "./scene-description";
import { orientToward } from "./orient";
import { counterSign } from "./sign-texts";
import { createQueueDisplay, idleQueueFace, type QueueDisplay } from "./queue-display";
import { whenMeshesReady } from "./when-ready";
import { batchStatic } from "./static-batch";
import { createQueueMachineProxy, type QueueMachine } from "./queue-machine";
import { findHelpDesk, HELP_DESK_BOARD, type HelpDesk } from "./interior-help-desk";
import { EXIT_SIGN, exitSignPose } from "./exit-sign";
import { placeCounterKiosks, slotOf, type CounterKiosk } from "./counter-kiosks";

export type { CounterKiosk, HelpDesk };

export interface Interior {
  region: RegionDetail;
  root: TransformNode;
  floors: AbstractMesh[];
  blockers: AbstractMesh[];
  spawn: TransformNode;
  exit: TransformNode;
  kiosks: CounterKiosk[];
  /**
   * All kiosk labels and counter signs merged in one mesh: quad i (triangles 2i, 2i+1) is kiosks[i]'s
   * label for i < kiosks.length, then each counter's signs, counter by counter (see kioskAtFace).
   */
  labels: Mesh | null;
  /** The help desk, when the model has one; its board is the last quad of `labels`. */
  helpDesk: HelpDesk | null;
  /** Whether a face of `labels` is the help desk's board. */
  isBoardFace(faceId: number): boolean;
  /** The centre of the exit sign over the door (facing into the hall), or null when not drawn. */
  exitSign: Vector3 | null;
  /** Whether a face of `labels` is the exit sign (a tap on it leaves). */
  isExitFace(faceId: number): boolean;
  /** Redraws the help desk's board (its title and the MPP's satisfaction index). */
  setBoard(text: SignText): void;
  /** The queue board (role queue-display), for the queue feature to paint; null if the model has none. */
  queueDisplay: QueueDisplay | null;
  /** The ticket machine (role queue-machine): its pick target and where its kiosk panel opens; null if none. */
  queueMachine: QueueMachine | null;
  kioskAtFace(faceId: number): CounterKiosk | null;
  relabel(text: (k: CounterKiosk) => SignText): void;
  dispose(): void;
}

export interface InteriorOptions {
  scene: Scene;
  loader: Pick<ModelLoader, "load">;
  palette: MaterialPalette;
  model: string;
  origin: Vec3;
  region: RegionDetail;
  labelText(k: CounterKiosk): SignText;
  /** The help desk board's first text (before the index is known); without it no board is drawn. */
  boardText?(): SignText;
  /** The exit sign's text ("KELUAR / Ke plaza"); without it no sign is drawn. */
  exitText?(): SignText;
}

export async function loadInterior(o: InteriorOptions): Promise<Interior> {
  const { scene } = o;
  const before = new Set(scene.onDisposeObservable.observers);
  const container = await o.loader.load(scene, o.model);
  // Babylon's AssetContainer adds a scene-dispose observer that it never removes (for containers never
  // added to the scene). Added at once here, it is dead weight that would keep every interior ever
  // visited in memory (a lobby kiosk runs for weeks): removed on dispose.
  const containerObservers = scene.onDisposeObservable.observers.filter((ob) => !before.has(ob));
  const releaseObservers = () => containerObservers.forEach((ob) => scene.onDisposeObservable.remove(ob));
  const root = new TransformNode(`interior-${o.region.code}`, scene);
  root.position.set(...o.origin);
  container.addAllToScene();
  for (const n of container.rootNodes) n.parent = root;
  const replaced = o.palette.apply(container.meshes);
  for (const m of replaced) m.dispose();
  const index = indexRoles(container.transformNodes, container.meshes);

  const spawn = nodesWithRole(index, "spawn")[0];
  const exit = nodesWithRole(index, "entrance")[0];
  const floors = surfacesWithRole(index, "floor");
  if (!spawn || !exit || floors.length === 0) {
    root.dispose(false, false);
    releaseObservers();
    throw new ModelError(o.model, "corrupt", "interior lacks a spawn, an entrance or a floor");
  }
  const blockers = surfacesWithRole(index, "blocker");

  root.computeWorldMatrix(true);
  const { kiosks, assigned } = placeCounterKiosks(index, o.region.agencies);

  // Labels: a quad per kiosk, facing into the room; signs: the model's quad over each counter
  // (role signage with its slot). All in one atlas and merged into one mesh (one draw call).
  const quads = kiosks.map((k, i) => {
    const q = createSignQuad(scene, `kiosk-label-${i}`, 0.9, 0.225);
    q.position.copyFrom(k.center);
    q.position.y += 0.05;
    orientToward(q, k.normal);
    return { mesh: q as AbstractMesh, text: o.labelText(k) };
  });
  // Each counter's signs (role signage with its slot): over the desk on the number board, and on
  // the desk's front. Both show the same text, drawn once in the atlas.
  const signsAt = new Map<number, AbstractMesh[]>();
  for (const m of surfacesWithRole(index, "signage")) {
    const slot = slotOf(m);
    if (slot !== null) (signsAt.get(slot) ?? signsAt.set(slot, []).get(slot)!).push(m);
  }
  // A counter without an agency in this region keeps its bare board and front: its sign quads go.
  for (const [slot, ms] of signsAt) if (!assigned.has(slot)) for (const m of ms) m.dispose();
  const signTexts = new Map(kiosks.map((k) => [k, counterSign(k.agency)] as const));
  /** The kiosk of each sign quad, in the order they are merged (after the labels). */
  const signOwners = kiosks.flatMap((k) => (signsAt.get(k.slot) ?? []).map(() => k));
  const signs = kiosks.flatMap((k) => (signsAt.get(k.slot) ?? []).map((mesh) => ({ mesh, text: signTexts.get(k)! })));
  const signTextList = signs.map((x) => x.text);
  // The help desk's board: one more quad of the same atlas, after the labels and signs.
  const helpDesk = findHelpDesk(scene, root, index, o.boardText !== undefined);
  let boardText: SignText | null = helpDesk?.board && o.boardText ? o.boardText() : null;
  const boardQuad = helpDesk?.board && boardText ? createSignQuad(scene, "help-desk-board", HELP_DESK_BOARD.width, HELP_DESK_BOARD.height) : null;
  if (boardQuad && helpDesk?.board) {
    boardQuad.position.copyFrom(helpDesk.board);
    orientToward(boardQuad, helpDesk.normal);
  }
  const boardCell = quads.length + signs.length;
  // The exit sign: over the doorway, a little inside, facing into the hall; its place and size from
  // the exit node (role entrance, extras doorHeight), drawn in the same atlas (no extra draw call).
  let exitText: SignText | null = o.exitText ? o.exitText() : null;
  const exitSign = exitText ? exitSignPose(exit) : null;
  const exitQuad = exitSign ? createSignQuad(scene, "exit-sign", EXIT_SIGN.width, EXIT_SIGN.height) : null;
  if (exitQuad && exitSign) {
    exitQuad.position.copyFrom(exitSign.center);
    orientToward(exitQuad, exitSign.normal);
  }
  const exitCell = boardCell + (boardQuad && boardText ? 1 : 0);
  const extra = [
    ...(boardQuad && boardText ? [{ mesh: boardQuad as AbstractMesh, text: boardText }] : []),
    ...(exitQuad && exitText ? [{ mesh: exitQuad as AbstractMesh, text: exitText }] : []),
  ];
  let labelOf = o.labelText;
  const texts = () => [...kiosks.map(labelOf), ...signTextList, ...(boardText && boardQuad ? [boardText] : []), ...(exitText && exitQuad ? [exitText] : [])];
  let atlas: SignAtlas | null = quads.length + signs.length + extra.length > 0 ? buildSignAtlas(scene, `interior-${o.region.code}`, [...quads, ...signs, ...extra]) : null;
  const labels = atlas?.mesh ?? null;
  if (labels) labels.isPickable = true;

  const board = surfacesWithRole(index, "queue-display")[0] ?? null;
  const queueDisplay = board
    ? createQueueDisplay(scene, board, idleQueueFace(kiosks.map((k) => `${k.agency.shortName} ${k.agency.counters[0]?.label ?? ""}`.trim())))
    : null;

  // The hall's fixed parts (walls, counters, chairs, stands, plants, officers, lamps) share the
  // palette's materials: one mesh per material. Walls stay as invisible proxies for collisions and
  // counters as the nodes their kiosks belong to.
  const counterSet = new Set<AbstractMesh>(nodesWithRole(index, "counter").filter((n): n is AbstractMesh => "getTotalVertices" in n));
  const deskMeshes = helpDesk ? [helpDesk.mesh, ...("getTotalVertices" in helpDesk.node ? [helpDesk.node as AbstractMesh] : []), ...helpDesk.node.getChildMeshes(false)] : [];
  const special = new Set<AbstractMesh>([...floors, ...(board ? [board] : []), ...(labels ? [labels] : []), ...deskMeshes]);
  const blockerSet = new Set(blockers);
  const batched = batchStatic(root.getChildMeshes(false).filter((m) => !special.has(m)), `interior-${o.region.code}-static`, {
    keep: (m) => blockerSet.has(m) || counterSet.has(m),
  });
  for (const m of batched.meshes) m.setParent(root);

  for (const m of floors) m.isPickable = true;
  for (const m of blockers) {
    m.isPickable = true;
    m.checkCollisions = true;
  }
  const machineAnchor = nodesWithRole(index, "queue-machine")[0] ?? null;
  const queueMachine = machineAnchor ? createQueueMachineProxy(scene, machineAnchor, root) : null;
  const pickable = new Set<AbstractMesh>([...floors, ...blockers, ...deskMeshes, ...(queueMachine ? [queueMachine.mesh] : [])]);
  for (const m of deskMeshes) m.isPickable = true;
  for (const m of root.getChildMeshes(false)) {
    if (!pickable.has(m)) m.isPickable = false;
    m.computeWorldMatrix(true);
    m.freezeWorldMatrix();
  }
  // The hall counts as entered once it can be drawn whole (shaders compiled, textures in); the
  // plaza stays on screen meanwhile.
  await whenMeshesReady([...root.getChildMeshes(false), ...(labels ? [labels] : [])]);

  return {
    region: o.region,
    root,
    floors,
    blockers,
    spawn,
    exit,
    kiosks,
    labels,
    helpDesk,
    queueDisplay,
    queueMachine,
    kioskAtFace(faceId: number) {
      const quad = Math.floor(faceId / 2);
      if (quad < 0) return null;
      return quad < kiosks.length ? kiosks[quad]! : (signOwners[quad - kiosks.length] ?? null);
    },
    isBoardFace(faceId: number) {
      return boardQuad !== null && Math.floor(faceId / 2) === boardCell;
    },
    exitSign: exitSign?.center ?? null,
    isExitFace(faceId: number) {
      return exitQuad !== null && Math.floor(faceId / 2) === exitCell;
    },
    relabel(text) {
      labelOf = text;
      if (o.exitText && exitQuad) exitText = o.exitText();
      atlas?.repaint(texts());
    },
    setBoard(text) {
      if (!boardQuad) return;
      boardText = text;
      atlas?.repaint(texts());
    },
    dispose() {
      atlas?.dispose();
      atlas = null;
      queueDisplay?.dispose();
      // Not the materials: they are the palette's, shared with the plaza and the next building.
      root.dispose(false, false);
      for (const g of container.geometries) g.dispose();
      releaseObservers();
    },
  };
}

// The 3D experience: builds the scene and its parts and connects them. It owns no DOM and does no
// work of its own: loading is world/load-world.ts, the places places/places.ts, who stands where
// viewer/, what a click means pick/pick-router.ts, the kiosks kiosk/, the per-frame order
// frame/frame-loop.ts. The page (app.ts), XR (xr/) and the lobby mode (lobby/) use the parts
// through the Experience interface below.
import type { Engine } from "@babylonjs/core/Engines/engine";
import { Scene } from "@babylonjs/core/scene";
import type { RegionSummary } from "../domain/types";
import type { I18n } from "./i18n/i18n";
import { createFrameLoop, type FrameLoop } from "./frame/frame-loop";
import { useDrawableCandidates } from "./world/mesh-candidates";
import type { KioskApi } from "./kiosk/kiosk-controller";
import { createKioskHost, type KioskHost, type KioskReadAloud } from "./kiosk/kiosk-host";
import { createKioskVisits, type KioskVisits } from "./kiosk/kiosk-visits";
import { createHelpDesk, type HelpDeskFeature } from "./kiosk/help-desk";
import { createServicePanel, type ServicePanel } from "./kiosk/service-panel";
import { createMoveTo } from "./navigation/move-to";
import { createEntranceWatch } from "./navigation/entrance-watch";
import { createTravel, GLIDE_LIMIT_M, type Fade, type Travel } from "./navigation/travel";
import { createPickRouter, roleRoute, type PickRouter } from "./pick/pick-router";
import { mapRoute } from "./pick/map-route";
import { createPlaces, EXIT, type Places } from "./places/places";
import { createViewerSlot, type ViewerSlot } from "./viewer/viewer";
import { createWalkingViewer, type WalkingViewer } from "./viewer/walking-viewer";
import { createEnvironment } from "./world/environment";
import { createMaterialPalette } from "./world/material-palette";
import { createModelLoader, type ModelError } from "./world/model-loader";
import { loadWorld } from "./world/load-world";
import { startFirstShaders } from "./world/first-shaders";
import { anchorPose } from "./world/plaza";
import { exitSign, kioskLabel } from "./world/sign-texts";

export interface ExperienceApi extends KioskApi {
  regions(): Promise<RegionSummary[]>;
}

export interface ExperienceDeps {
  engine: Engine;
  canvas: HTMLCanvasElement;
  api: ExperienceApi;
  i18n: I18n;
  /** Where models are served, e.g. "/assets/". */
  assetsBase: string;
  /** The scene description, e.g. "/scenes/plaza.json". */
  sceneUrl: string;
  fetch?: typeof fetch;
  /** Share 0..1 of models and data loaded. */
  onProgress?(share: number): void;
  /**
   * The scene can be drawn: the plaza's ground and hub are in and ready (shaders, textures), the
   * buildings not yet (they appear as they arrive). The page may draw frames from here on; nothing
   * in the scene answers input until createExperience has returned. Buildings are parsed once the
   * returned promise settles: the page resolves it when its first frame is drawn.
   */
  onDrawable?(scene: Scene): void | Promise<void>;
  /** A building model failed: it is shown as a placeholder. Called before createExperience returns, so the name comes along. */
  onModelError?(region: string, error: ModelError, regionName?: string): void;
  /** The directory kiosk at the hub was chosen (on a screen: the page opens its directory). */
  onDirectory?(): void;
  /** Something the visitor asked for failed (API down while entering, ...). */
  onError?(error: unknown): void;
  /** The page's short fade around a jump across the plaza (none: a cut). */
  fade?: Fade;
  /** Easy mode's read-aloud, offered on the 3D panel too (kiosk-host.ts). */
  readAloud?: KioskReadAloud | null;
}

/** A kiosk in the scene, as the test hook lists it (PRODUCT.md, "Test hook"). */
export interface KioskInfo {
  id: string;
  region: string | null;
  agency: string | null;
  /** The agency's name as its kiosk shows it (the directory kiosk: null). */
  name: string | null;
  center: [number, number, number];
  normal: [number, number, number];
}

export interface Experience {
  readonly scene: Scene;
  readonly regions: readonly RegionSummary[];
  readonly frame: FrameLoop;
  /** Who stands where: the walking viewer, or the headset while XR runs. */
  readonly viewer: ViewerSlot;
  readonly walking: WalkingViewer;
  readonly places: Places;
  /** The one open kiosk. */
  readonly kiosks: KioskHost;
  /** The 3D panel the open kiosk is drawn on. */
  readonly panel: ServicePanel;
  /** Opening kiosks: at a counter, for a region, for a service. */
  readonly visits: KioskVisits;
  /** The help desk inside each MPP (questions, complaints, the SKM) and its IKM board. */
  readonly helpDesk: HelpDeskFeature;
  readonly picks: PickRouter;
  /** Quick travel to a building's door (the map table, a far building clicked). */
  readonly travel: Travel;
  /** Back to the plaza from inside a building ("Ke plaza"): out of its door, facing away from it. */
  toPlaza(): void;
  /** The doorway of the place a viewer whose eye is at `eye` stands in (reaching one takes them through it), or null. */
  doorwayAt(eye: { x: number; y: number; z: number }): string | null;
  /** Kiosks in the scene now: the counters inside a building, the directory kiosk on the plaza. */
  kioskInfos(): KioskInfo[];
  /** What the hub's directory kiosk opens (the VR menu in a headset); null: back to onDirectory. */
  setDirectoryAction(action: (() => void) | null): void;
  dispose(): void;
}

export async function createExperience(deps: ExperienceDeps): Promise<Experience> {
  const { engine, api, i18n } = deps;
  // Babylon's lookup maps (geometry by id, meshes per material, clones per source) keep one key per
  // mesh ever made, set to undefined on dispose but never deleted: a lobby screen making thousands of
  // interiors over weeks grows them without bound. Off, lookups scan the scene's ~100 meshes instead.
  const scene = new Scene(engine, { useGeometryUniqueIdsMap: false, useMaterialMeshMap: false, useClonedMeshMap: false });
  // glTF is right-handed: with a right-handed scene, model and scene JSON coordinates are world coordinates.
  scene.useRightHandedSystem = true;
  const undoCandidates = useDrawableCandidates(scene); // Babylon walks only meshes that can be drawn (world/mesh-candidates.ts)
  const frame = createFrameLoop(scene);
  const env = createEnvironment(scene);
  const walking = createWalkingViewer(scene);
  const viewer = createViewerSlot(walking);
  const mover = createMoveTo(scene, walking);
  const doors = createEntranceWatch(() => viewer.current.eye());
  const palette = createMaterialPalette(scene);
  const loader = createModelLoader({ baseUrl: deps.assetsBase, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const panel = createServicePanel(scene);
  const links = startFirstShaders(engine, scene);
  const offs: Array<() => void> = [
    undoCandidates,
    frame.set("glide", mover.tick),
    frame.set("ground", walking.tick),
    frame.set("doorways", doors.tick),
  ];

  // A failed start (API down, malformed data) must not leave this scene and its camera's input
  // listeners on the engine: the page offers Retry, which builds a new experience.
  const world = await loadWorld({
    scene, loader, palette, api, i18n, sceneUrl: deps.sceneUrl,
    fetch: deps.fetch ?? globalThis.fetch.bind(globalThis),
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    ...(deps.onModelError ? { onModelError: deps.onModelError } : {}),
    onGround: async ({ spawn }) => {
      // The first frame shows what the visitor will see first: the view from the spawn point
      // (places.goToSpawn places them there again once the places exist).
      if (spawn) {
        const pose = anchorPose(spawn);
        walking.placeAt(pose.position, pose.forward);
      }
      await deps.onDrawable?.(scene);
      links.stop();
      // The panel's GUI is a chunk of its own, not needed for the first frame: fetched after it,
      // while the buildings load.
      panel.preload().catch(() => undefined);
    },
  }).catch((e: unknown): never => {
    links.stop();
    for (const off of offs) off();
    panel.dispose();
    palette.dispose();
    doors.dispose();
    walking.dispose();
    env.dispose();
    frame.dispose();
    scene.dispose();
    throw e;
  });

  const kiosks = createKioskHost({ api, i18n, panel, readAloud: deps.readAloud ?? null });
  const places = createPlaces({
    scene, loader, palette, api, viewer,
    description: world.description,
    plaza: world.plaza,
    plazaParts: world.directory ? [world.directory] : [],
    labelText: (k) => kioskLabel(k, i18n),
    exitText: () => exitSign(i18n),
    boardText: (region) => helpDesk.boardText(region),
    useSurfaces(s) {
      walking.setSurfaces(s.floors);
      mover.setBlockers(s.blockers);
      mover.cancel();
      doors.setDoorways(s.doorways);
    },
    beforeChange: () => kiosks.close(),
    onError: (e) => deps.onError?.(e),
  });
  places.goToSpawn();
  const travel = createTravel({ places, ...(deps.fade ? { fade: deps.fade } : {}) });
  const visits = createKioskVisits({
    api, places, viewer, kiosks,
    floorBelow: walking.floorBelow,
    onError: (e) => deps.onError?.(e),
  });

  // -- What a click, tap, trigger or pinch does (pick/pick-router.ts lists the order) ----------
  let directoryAction = () => deps.onDirectory?.();
  const picks = createPickRouter(scene, { screenPointer: () => scene.activeCamera === walking.camera });
  picks.set("kiosk-panel", { owns: (m) => m === panel.mesh, run: () => {} }); // its GUI handles clicks
  picks.set("counter-kiosk", {
    owns: (m) => m === places.interior?.labels,
    run: (hit) => {
      if (places.interior?.isExitFace(hit.faceId)) return places.leave(); // the exit sign shares the labels' mesh
      const k = places.interior?.kioskAtFace(hit.faceId);
      if (k) visits.openCounter(k);
      else if (places.interior?.isBoardFace(hit.faceId)) helpDesk.open(); // the help desk's board shares the labels' mesh
    },
  });
  const helpDesk = createHelpDesk({ places, kiosks, picks, api, i18n });
  offs.push(() => helpDesk.dispose());
  const directoryMesh = world.directory?.mesh ?? null;
  if (directoryMesh) picks.set("directory-kiosk", { owns: (m) => m === directoryMesh, run: () => directoryAction() });
  picks.set("queue-machine", roleRoute("queue-machine", () => { visits.openQueueMachine(); }));
  if (world.plaza.map) {
    picks.set("map", mapRoute(world.plaza.map, {
      onPlaza: () => places.current.kind === "plaza",
      nearestBuilding: (x, z) => travel.nearestBuilding(x, z),
      toBuilding: (code) => void travel.toBuilding(code),
    }));
  }
  picks.set("floor", {
    owns: (m) => walking.isFloor(m),
    run: (hit) => {
      if (hit.point) mover.moveTo(hit.point);
    },
  });
  picks.set("building", roleRoute("building", (hit, target) => {
    const code = typeof target.extras.region === "string" ? target.extras.region : null;
    const door = code ? places.doorOf(code) : null;
    if (!hit.point || !code || !door || places.current.kind !== "plaza") return;
    // A far building: a short fade to its door, not a glide of half a minute.
    const eye = viewer.current.eye();
    if (Math.hypot(door.x - eye.x, door.z - eye.z) > GLIDE_LIMIT_M) void travel.toBuilding(code);
    else mover.moveTo(door);
  }));
  // Any key the visitor presses takes over from an automatic glide.
  const cancelGlide = () => mover.cancel();
  deps.canvas.addEventListener("keydown", cancelGlide);
  offs.push(() => deps.canvas.removeEventListener("keydown", cancelGlide));
  const reach = doors.onReach.add((id) => {
    if (id === EXIT) places.leave();
    else void places.enter(id);
  });
  offs.push(() => doors.onReach.remove(reach));
  offs.push(i18n.onChange(() => {
    world.repaint();
    places.relabel();
  }));

  return {
    scene,
    regions: world.regions,
    frame,
    viewer,
    walking,
    places,
    kiosks,
    panel,
    visits,
    helpDesk,
    picks,
    travel,
    toPlaza() {
      mover.cancel();
      places.leave();
    },
    doorwayAt: (eye) => doors.at(eye),
    kioskInfos() {
      const v = (p: { x: number; y: number; z: number }): [number, number, number] => [p.x, p.y, p.z];
      const inside = places.interior;
      if (inside) {
        return inside.kiosks.map((k) => ({
          id: `${inside.region.code}-${k.slot}`,
          region: inside.region.code,
          agency: k.agency.slug,
          name: k.agency.name,
          center: v(k.center),
          normal: v(k.normal),
        }));
      }
      const d = world.directory;
      return d ? [{ id: "directory", region: null, agency: null, name: null, center: v(d.center), normal: v(d.normal) }] : [];
    },
    setDirectoryAction(action) {
      directoryAction = action ?? (() => deps.onDirectory?.());
    },
    dispose() {
      for (const off of offs) off();
      picks.dispose();
      kiosks.dispose();
      places.dispose();
      panel.dispose();
      world.dispose();
      palette.dispose();
      doors.dispose();
      walking.dispose();
      env.dispose();
      frame.dispose();
      scene.dispose();
    },
  };
}

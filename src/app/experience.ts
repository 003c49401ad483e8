// The 3D experience: builds the world from scenes/ + assets/ + API data and runs a visit through it
// (walk, enter a building, open a kiosk). It owns no DOM: the page wires its overlay to the
// callbacks below, and XR and the lobby mode drive it through the same methods.
import type { Engine } from "@babylonjs/core/Engines/engine";
import { Scene } from "@babylonjs/core/scene";
import type { Observer } from "@babylonjs/core/Misc/observable";
import { Observable } from "@babylonjs/core/Misc/observable";
import { PointerEventTypes, type PointerInfo } from "@babylonjs/core/Events/pointerEvents";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { RegionDetail, RegionSummary } from "../domain/types";
import type { I18n } from "./i18n/i18n";
import type { KioskApi, KioskController } from "./kiosk/kiosk-controller";
import { createKioskHost } from "./kiosk/kiosk-host";
import type { KioskScreen } from "./kiosk/view-model";
import { createServicePanel, type ServicePanel } from "./kiosk/service-panel";
import { createWalker, type Walker } from "./navigation/walker";
import { createMoveTo } from "./navigation/move-to";
import { createEntranceWatch } from "./navigation/entrance-watch";
import { createEnvironment } from "./world/environment";
import { createMaterialPalette } from "./world/material-palette";
import { createModelLoader, ModelError } from "./world/model-loader";
import { parseSceneDescription, type SceneDescription } from "./world/scene-description";
import { assemblePlaza, anchorPose, type Plaza } from "./world/plaza";
import { loadInterior, type Interior } from "./world/interior";
import { createLegend } from "./world/legend";
import type { SignText } from "./world/sign-atlas";
import { createDirectoryKiosk } from "./world/directory-kiosk";
import { regionSign, legendEntries, kioskLabel, directorySign } from "./world/sign-texts";
import type { KioskInfo } from "./test-hook";

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
  /** A building model failed: it is shown as a placeholder. Called before createExperience returns, so the name comes along. */
  onModelError?(region: string, error: ModelError, regionName?: string): void;
  /** A kiosk opened (its controller) or closed (null): the DOM mirror follows it. */
  onKiosk?(controller: KioskController | null): void;
  /** The place shown changed: for the URL. */
  onLocation?(region: string | null, service: string | null): void;
  /** The directory kiosk at the hub was chosen. */
  onDirectory?(): void;
  /** Something the visitor asked for failed (API down while entering, ...). */
  onError?(error: unknown): void;
}

export type Place = { kind: "plaza" } | { kind: "building"; region: string };

const MARGIN_IN_FRONT_OF_KIOSK = 1.6;
const DESKTOP_SIDE_STEP = 0.6;

export async function createExperience(deps: ExperienceDeps) {
  const { engine, api, i18n } = deps;
  const scene = new Scene(engine);
  // glTF is right-handed: with a right-handed scene, model and scene JSON coordinates are world coordinates.
  scene.useRightHandedSystem = true;
  const env = createEnvironment(scene);
  const walker = createWalker(scene, deps.canvas);
  const mover = createMoveTo(scene, walker);
  const doors = createEntranceWatch(scene, () => activePosition());
  const palette = createMaterialPalette(scene);
  const loader = createModelLoader({ baseUrl: deps.assetsBase, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
  const panel: ServicePanel = createServicePanel(scene);
  const kiosks = createKioskHost({ api, i18n, panel, ...(deps.onKiosk ? { onKiosk: deps.onKiosk } : {}) });
  const onPlace = new Observable<Place>();
  const observers: Array<() => void> = [];

  /** XR replaces the walker's camera while a session runs; positions come from the active camera. */
  let positionSource: () => Vector3 = () => walker.camera.position;
  const activePosition = () => positionSource();
  /** Puts the visitor's feet at a floor point, facing a direction; XR swaps in its own. */
  let placer: (foot: Vector3, forward: Vector3) => void = (foot, forward) => walker.placeAt(foot, forward);
  const placeViewer = (foot: Vector3, forward: Vector3) => placer(foot, forward);
  /** What the hub's directory kiosk opens: the page's directory, or the VR menu in a headset. */
  let directoryAction: () => void = () => deps.onDirectory?.();

  // -- Load: scene description and regions in parallel, then models --------------------------
  // Progress: the description and the region list are the first 10%, the models the other 90%.
  let dataDone = 0;
  const dataProgress = () => deps.onProgress?.((++dataDone / 2) * 0.1);
  const fetchFn = deps.fetch ?? globalThis.fetch.bind(globalThis);
  // A failed start (API down, malformed data) must not leave this scene and its camera's input
  // listeners on the engine: the page offers Retry, which builds a new experience.
  const abandon = (e: unknown): never => {
    panel.dispose();
    palette.dispose();
    doors.dispose();
    mover.dispose();
    walker.dispose();
    env.dispose();
    scene.dispose();
    throw e;
  };
  const [description, regions] = await Promise.all([
    fetchFn(deps.sceneUrl)
      .then((r) => {
        if (!r.ok) throw new ModelError(deps.sceneUrl, r.status === 404 ? "missing" : "network", `HTTP ${r.status}`);
        return r.json();
      })
      .then((json): SceneDescription => parseSceneDescription(json))
      .finally(dataProgress),
    api.regions().finally(dataProgress),
  ]).catch(abandon);
  const regionByCode = new Map(regions.map((r) => [r.code, r]));

  const plaza: Plaza = await assemblePlaza({
    scene,
    description,
    loader,
    palette,
    signText: (code) => regionSign(regionByCode.get(code), code, i18n),
    onProgress: (done, total) => deps.onProgress?.(0.1 + 0.9 * (done / total)),
  }).catch(abandon);
  for (const b of plaza.buildings) if (b.error) deps.onModelError?.(b.region, b.error, regionByCode.get(b.region)?.name);

  const legend = plaza.legend ? createLegend(scene, plaza.legend) : null;
  const paintLegend = () => legend?.paint(i18n.t("legend.title"), legendEntries(i18n));
  paintLegend();

  // The directory kiosk at the hub: a sign the visitor can point at.
  const directory = plaza.directoryAnchor ? createDirectoryKiosk(scene, plaza.directoryAnchor, directorySign(i18n)) : null;

  const plazaSurfaces = () => {
    walker.setSurfaces(plaza.floors);
    mover.setBlockers(plaza.blockers);
    doors.setDoorways(plaza.buildings.map((b) => ({ id: b.region, node: b.entrance })));
  };
  plazaSurfaces();
  const spawnPose = plaza.spawn ? anchorPose(plaza.spawn) : { position: Vector3.Zero(), forward: new Vector3(0, 0, -1) };
  walker.placeAt(spawnPose.position, spawnPose.forward);

  // -- Places: plaza and buildings ----------------------------------------------------------
  let place: Place = { kind: "plaza" };
  let interior: Interior | null = null;
  let entering: Promise<Interior | null> | null = null;

  function buildingOf(code: string) {
    return plaza.buildings.find((b) => b.region === code) ?? null;
  }

  async function enterBuilding(code: string): Promise<Interior | null> {
    if (place.kind === "building" && place.region === code && interior) return interior;
    if (entering) return entering;
    entering = (async () => {
      try {
        const [region] = await Promise.all([api.region(code), loader.bytes(description.interior.model)]);
        if (place.kind === "building") leaveBuilding(false);
        closeKiosk();
        const next = await loadInterior({
          scene,
          loader,
          palette,
          model: description.interior.model,
          origin: description.interior.origin,
          region: region as RegionDetail,
          labelText: (k) => kioskLabel(k, i18n),
        });
        interior = next;
        plaza.setEnabled(false);
        directory?.setEnabled(false);
        walker.setSurfaces(next.floors);
        mover.setBlockers(next.blockers);
        mover.cancel();
        doors.setDoorways([{ id: "exit", node: next.exit }]);
        const spawn = anchorPose(next.spawn);
        placeViewer(spawn.position, spawn.forward);
        place = { kind: "building", region: code };
        onPlace.notifyObservers(place);
        deps.onLocation?.(code, null);
        return next;
      } catch (e) {
        deps.onError?.(e);
        return null;
      } finally {
        entering = null;
      }
    })();
    return entering;
  }

  function leaveBuilding(placeOutside = true): void {
    if (place.kind !== "building") return;
    const code = place.region;
    closeKiosk();
    interior?.dispose();
    interior = null;
    plaza.setEnabled(true);
    directory?.setEnabled(true);
    plazaSurfaces();
    place = { kind: "plaza" };
    if (placeOutside) {
      const b = buildingOf(code);
      if (b) {
        // Step out onto the forecourt, facing away from the door.
        const door = anchorPose(b.entrance);
        placeViewer(door.position.add(door.forward.scale(3)), door.forward);
      }
      onPlace.notifyObservers(place);
      deps.onLocation?.(null, null);
    }
  }

  /** Stands the visitor in front of the building's door, facing it. */
  function goToBuilding(code: string): boolean {
    const b = buildingOf(code);
    if (!b) return false;
    if (place.kind === "building") leaveBuilding(false);
    const door = anchorPose(b.entrance);
    placeViewer(door.position.add(door.forward.scale(4)), door.forward.scale(-1));
    onPlace.notifyObservers({ kind: "plaza" });
    deps.onLocation?.(code, null);
    return true;
  }

  // -- Kiosks -------------------------------------------------------------------------------
  const closeKiosk = () => kiosks.close();

  /** Opens a kiosk at an anchor, or (no anchor: a region chosen from the directory) 1.3 m in front of the visitor. */
  function openKiosk(screens: KioskScreen[], at: { center: Vector3; normal: Vector3 } | null): KioskController {
    if (at) return kiosks.open(screens, at.center, at.center.add(at.normal));
    const eye = activePosition();
    const cam = scene.activeCamera ?? walker.camera;
    const fwd = cam.getDirection(new Vector3(0, 0, scene.useRightHandedSystem ? -1 : 1));
    fwd.y = 0;
    fwd.normalize();
    return kiosks.open(screens, new Vector3(eye.x + fwd.x * 1.3, eye.y - 0.2, eye.z + fwd.z * 1.3), eye);
  }

  function openCounter(k: Interior["kiosks"][number], extra: KioskScreen[] = []): KioskController {
    return openKiosk([{ kind: "services", regionCode: interior!.region.code, agencyId: k.agency.id }, ...extra], {
      center: k.center.add(k.normal.scale(0.12)),
      normal: k.normal,
    });
  }

  async function openRegion(code: string): Promise<boolean> {
    const inside = await enterBuilding(code);
    if (!inside) return false;
    openKiosk([{ kind: "agencies", regionCode: code }], null);
    return true;
  }

  /** Deep link or search result: enter the building, stand at the counter, open the service. */
  async function openService(serviceId: string): Promise<boolean> {
    const code = serviceId.slice(0, 4);
    let service;
    try {
      service = await api.service(serviceId);
    } catch (e) {
      deps.onError?.(e);
      return false;
    }
    const inside = await enterBuilding(code);
    if (!inside) return false;
    const k = inside.kiosks.find((x) => x.agency.id === service.agencyId);
    if (k) {
      const stand = k.center.add(k.normal.scale(MARGIN_IN_FRONT_OF_KIOSK));
      if (scene.activeCamera === walker.camera) {
        // On a screen the DOM copy of the kiosk takes the right-hand side: stand a little to the
        // right so the 3D panel shows left of centre. (A headset has no DOM overlay.)
        stand.addInPlace(new Vector3(k.normal.z, 0, -k.normal.x).scale(DESKTOP_SIDE_STEP));
      }
      const ground = walker.floorBelow(stand.x, 0, stand.z);
      placeViewer(new Vector3(stand.x, ground ?? 0, stand.z), k.normal.scale(-1));
      openCounter(k, [{ kind: "service", serviceId }]);
    } else {
      openKiosk([{ kind: "service", serviceId }], null);
    }
    deps.onLocation?.(code, serviceId);
    return true;
  }

  // -- Pointer: tap a floor to go there, a building to walk to its door, a kiosk to open it ---
  function handlePick(mesh: AbstractMesh | null, point: Vector3 | null, faceId: number): void {
    if (!mesh || mesh === panel.mesh) return; // the GUI handles its own clicks
    if (interior && mesh === interior.labels) {
      const k = interior.kioskAtFace(faceId);
      if (k) openCounter(k);
      return;
    }
    if (directory && mesh === directory.mesh) {
      directoryAction();
      return;
    }
    if (!point) return;
    if (walker.isFloor(mesh)) {
      mover.moveTo(point);
      return;
    }
    // A wall of a building: walk to that building's door.
    const b = plaza.buildings.find((x) => mesh.isDescendantOf(x.root));
    if (b && place.kind === "plaza") {
      const door = anchorPose(b.entrance);
      mover.moveTo(door.position);
    }
  }

  const pointer: Observer<PointerInfo> = scene.onPointerObservable.add((info) => {
    if (info.type !== PointerEventTypes.POINTERTAP) return;
    if (scene.activeCamera !== walker.camera) {
      // XR: the controller ray already picked; floors are for the teleport arc, not for taps.
      const pick = info.pickInfo;
      handlePick(pick?.pickedMesh ?? null, null, pick?.faceId ?? -1);
      return;
    }
    const pick = scene.pick(scene.pointerX, scene.pointerY, (m) => m.isPickable && m.isEnabled() && m.isVisible);
    handlePick(pick?.pickedMesh ?? null, pick?.pickedPoint ?? null, pick?.faceId ?? -1);
  });
  observers.push(() => scene.onPointerObservable.remove(pointer));
  // Any key or drag the visitor starts takes over from an automatic glide.
  const cancelGlide = () => mover.cancel();
  deps.canvas.addEventListener("keydown", cancelGlide);
  observers.push(() => deps.canvas.removeEventListener("keydown", cancelGlide));

  const reach = doors.onReach.add((id) => {
    if (id === "exit") leaveBuilding();
    else void enterBuilding(id);
  });
  observers.push(() => doors.onReach.remove(reach));

  const offLang = i18n.onChange(() => {
    plaza.signs.repaint(description.buildings.map((b) => regionSign(regionByCode.get(b.region), b.region, i18n)));
    paintLegend();
    directory?.repaint(directorySign(i18n));
    interior?.relabel((k) => kioskLabel(k, i18n));
  });
  observers.push(offLang);

  return {
    scene,
    walker,
    plaza,
    panel,
    regions,
    onPlace,
    get place(): Place {
      return place;
    },
    get interior() {
      return interior;
    },
    get kiosk() {
      return kiosks.current;
    },
    enterBuilding,
    leaveBuilding: () => leaveBuilding(true),
    goToBuilding,
    openRegion,
    openService,
    openCounter,
    closeKiosk,
    handlePick,
    /** XR: while a session runs, doorways watch the headset and places move the headset. */
    setViewer(viewer: { position(): Vector3; place(foot: Vector3, forward: Vector3): void } | null) {
      positionSource = viewer ? viewer.position : () => walker.camera.position;
      placer = viewer ? viewer.place : (foot, forward) => walker.placeAt(foot, forward);
    },
    setDirectoryAction(action: (() => void) | null) {
      directoryAction = action ?? (() => deps.onDirectory?.());
    },
    /** XR teleport targets and blockers of the current place. */
    surfaces(): { floors: AbstractMesh[]; blockers: AbstractMesh[] } {
      return interior ? { floors: interior.floors, blockers: interior.blockers } : { floors: plaza.floors, blockers: plaza.blockers };
    },
    kiosks(): KioskInfo[] {
      const v = (p: Vector3): [number, number, number] => [p.x, p.y, p.z];
      if (interior) {
        return interior.kiosks.map((k) => ({
          id: `${interior!.region.code}-${k.slot}`,
          region: interior!.region.code,
          agency: k.agency.slug,
          center: v(k.center),
          normal: v(k.normal),
        }));
      }
      return directory ? [{ id: "directory", region: null, agency: null, center: v(directory.center), normal: v(directory.normal) }] : [];
    },
    dispose() {
      for (const off of observers) off();
      closeKiosk();
      interior?.dispose();
      panel.dispose();
      directory?.dispose();
      legend?.dispose();
      plaza.dispose();
      palette.dispose();
      doors.dispose();
      mover.dispose();
      walker.dispose();
      env.dispose();
      onPlace.clear();
      scene.dispose();
    },
  };
}

export type Experience = Awaited<ReturnType<typeof createExperience>>;
export type { SignText, Walker };

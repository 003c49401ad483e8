// The places of a visit: the plaza, and one building at a time (its interior loaded on entering,
// disposed on leaving). Owns which place is shown, what can be walked on there, and where the
// viewer stands when a place changes; tells its listeners after each change.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { RegionDetail } from "../../domain/types";
import type { Doorway } from "../navigation/entrance-watch";
import type { ModelLoader } from "../world/model-loader";
import type { MaterialPalette } from "../world/material-palette";
import { anchorPose, type PlacedBuilding, type Plaza } from "../world/plaza";
import { loadInterior, type CounterKiosk, type Interior } from "../world/interior";
import type { SignText } from "../world/sign-atlas";
import type { SceneDescription } from "../world/scene-description";
import type { ViewerSlot } from "../viewer/viewer";

/** On the plaza (`near`: the building whose door the visitor was taken to), or inside a building. */
export type Place = { kind: "plaza"; near: string | null } | { kind: "building"; region: string };

export interface Surfaces {
  floors: readonly AbstractMesh[];
  blockers: readonly AbstractMesh[];
  doorways: readonly Doorway[];
}

/** The doorway id of a building's exit. */
export const EXIT = "exit";

export interface PlacesDeps {
  scene: Scene;
  description: SceneDescription;
  plaza: Plaza;
  /** Shown with the plaza, hidden inside (the hub's directory kiosk). */
  plazaParts: readonly { setEnabled(on: boolean): void }[];
  loader: Pick<ModelLoader, "load" | "bytes">;
  palette: MaterialPalette;
  api: { region(code: string): Promise<RegionDetail> };
  viewer: ViewerSlot;
  labelText(k: CounterKiosk): SignText;
  /** The first text of a building's help-desk board. */
  boardText?(region: RegionDetail): SignText;
  /** The exit sign's text over each building's exit door. */
  exitText?(): SignText;
  /** The surfaces changed (walking, gliding and doorways follow them). */
  useSurfaces(s: Surfaces): void;
  /** Runs before the scene changes around the visitor (the open kiosk closes). */
  beforeChange(): void;
  /** Entering failed (API down, model missing): the visitor stays where they were. */
  onError(error: unknown): void;
}

export interface Places {
  readonly current: Place;
  /** The building inside which the visitor stands, or null on the plaza. */
  readonly interior: Interior | null;
  readonly buildings: readonly PlacedBuilding[];
  /** The assembled plaza (its root, floors, buildings, anchors). */
  readonly plaza: Plaza;
  /** Called after every change of place; returns the unsubscribe function. */
  onChange(listener: (place: Place) => void): () => void;
  surfaces(): Surfaces;
  /** Enters a building (loads it; several calls share one load). Null when it failed. */
  enter(code: string): Promise<Interior | null>;
  /** Leaves the building onto its forecourt, facing away from the door. */
  leave(): void;
  /** Stands the visitor on the plaza 4 m in front of a building's door, facing it. */
  goToDoor(code: string): boolean;
  /** Where a building's door is on the plaza, or null for an unknown region. */
  doorOf(code: string): Vector3 | null;
  /** Stands the visitor at the plaza's spawn point (the hub). */
  goToSpawn(): void;
  /** The centre of the plaza's hub (its directory kiosk, else the spawn point), or null. */
  hub(): Vector3 | null;
  /** Redraws the counter labels (language change). */
  relabel(): void;
  dispose(): void;
}

export function createPlaces(deps: PlacesDeps): Places {
  const { plaza, viewer } = deps;
  let place: Place = { kind: "plaza", near: null };
  let interior: Interior | null = null;
  /** Enters run one after another; only the latest asked for is loaded (a newer one supersedes). */
  let queue: Promise<unknown> = Promise.resolve();
  let busy = 0;
  let wanted: string | null = null;
  const listeners = new Set<(p: Place) => void>();
  const tell = () => {
    for (const l of [...listeners]) l(place);
  };
  const buildingByCode = (code: string) => plaza.buildings.find((b) => b.region === code) ?? null;

  const surfaces = (): Surfaces => interior
    ? { floors: interior.floors, blockers: interior.blockers, doorways: [{ id: EXIT, node: interior.exit }] }
    : { floors: plaza.floors, blockers: plaza.blockers, doorways: plaza.buildings.map((b) => ({ id: b.region, node: b.entrance })) };

  function showPlaza(on: boolean) {
    plaza.setEnabled(on);
    for (const p of deps.plazaParts) p.setEnabled(on);
  }

  /** Back to the plaza without placing the viewer or telling anyone (the caller does). */
  function dropInterior(): void {
    deps.beforeChange();
    interior?.dispose();
    interior = null;
    place = { kind: "plaza", near: null };
    showPlaza(true);
    deps.useSurfaces(surfaces());
  }

  async function load(code: string): Promise<Interior | null> {
    try {
      const model = deps.description.interior.model;
      const [region] = await Promise.all([deps.api.region(code), deps.loader.bytes(model)]);
      // Superseded while fetching (another building asked for, or the visitor left): nothing changed yet.
      if (wanted !== code) return null;
      if (interior) dropInterior();
      else deps.beforeChange();
      const next = await loadInterior({
        scene: deps.scene,
        loader: deps.loader,
        palette: deps.palette,
        model,
        origin: deps.description.interior.origin,
        region,
        labelText: deps.labelText,
        ...(deps.boardText ? { boardText: () => deps.boardText!(region) } : {}),
        ...(deps.exitText ? { exitText: deps.exitText } : {}),
      });
      interior = next;
      showPlaza(false);
      deps.useSurfaces(surfaces());
      const spawn = anchorPose(next.spawn);
      viewer.current.placeAt(spawn.position, spawn.forward);
      place = { kind: "building", region: code };
      tell();
      return next;
    } catch (e) {
      deps.onError(e);
      return null;
    }
  }

  function placeAtDoor(b: PlacedBuilding, distance: number, facingDoor: boolean) {
    const door = anchorPose(b.entrance);
    viewer.current.placeAt(door.position.add(door.forward.scale(distance)), facingDoor ? door.forward.scale(-1) : door.forward);
  }

  deps.useSurfaces(surfaces());

  return {
    get current() {
      return place;
    },
    get interior() {
      return interior;
    },
    plaza,
    buildings: plaza.buildings,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    surfaces,
    enter(code) {
      wanted = code;
      const here = () => place.kind === "building" && place.region === code && interior;
      if (busy === 0 && here()) return Promise.resolve(interior);
      busy++;
      const run = queue
        .then(() => (wanted !== code ? null : here() ? interior : load(code)))
        .finally(() => {
          busy--;
        });
      queue = run.catch(() => null);
      return run;
    },
    leave() {
      wanted = null;
      if (place.kind !== "building") return;
      const b = buildingByCode(place.region);
      dropInterior();
      // Step out onto the forecourt, facing away from the door.
      if (b) placeAtDoor(b, 3, false);
      tell();
    },
    goToDoor(code) {
      const b = buildingByCode(code);
      if (!b) return false;
      if (interior) dropInterior();
      placeAtDoor(b, 4, true);
      place = { kind: "plaza", near: code };
      tell();
      return true;
    },
    doorOf(code) {
      const b = buildingByCode(code);
      return b ? anchorPose(b.entrance).position : null;
    },
    goToSpawn() {
      if (interior) dropInterior();
      const spawn = plaza.spawn ? anchorPose(plaza.spawn) : { position: Vector3.Zero(), forward: new Vector3(0, 0, -1) };
      viewer.current.placeAt(spawn.position, spawn.forward);
      place = { kind: "plaza", near: null };
      tell();
    },
    hub() {
      const anchor = plaza.directoryAnchor ?? plaza.spawn;
      return anchor ? anchorPose(anchor).position : null;
    },
    relabel() {
      interior?.relabel(deps.labelText);
    },
    dispose() {
      listeners.clear();
      interior?.dispose();
      interior = null;
    },
  };
}

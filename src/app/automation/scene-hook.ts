// The test hook's world: where the camera is and looks, the place and its buildings, the scene's
// counts (leaks show there first), the lobby screen, the hall's parts, and the moves that put the
// visitor somewhere.
import { Matrix, Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import type { KioskInfo } from "../experience";
import type { Place } from "../places/places";
import type { LobbyState } from "../lobby/idle-timer";
import { projectViewport, v3, type HookContext, type Vec3 } from "./hook-context";

/** What the scene holds, and how many observers it has (leaks show here first). */
export interface SceneCounts {
  meshes: number;
  materials: number;
  textures: number;
  transformNodes: number;
  geometries: number;
  beforeRenderObservers: number;
  afterRenderObservers: number;
  pointerObservers: number;
  beforeCameraRenderObservers: number;
  /** Observers after each camera's render (Babylon's utility layer draws a second scene there). */
  afterCameraRenderObservers: number;
  /** Meshes Babylon looks at when choosing what to draw, each view (world/mesh-candidates.ts). */
  meshCandidates: number;
}

export interface SceneHook {
  /** The active camera's world position (the XR camera in VR, the attract camera at rest). */
  cameraPosition(): Vec3;
  kiosks(): KioskInfo[];
  place(): Place;
  buildings(): { region: string; placeholder: boolean }[];
  /** The active camera's class: "FreeCamera" walking, "WebXRCamera" in VR, "TargetCamera" at rest. */
  cameraClass(): string;
  /** The active camera's turn about the vertical, radians. */
  cameraYaw(): number;
  sceneCounts(): SceneCounts;
  /** What the last frame drew, per active mesh: its name, material, and thin instances (where the draw calls go). */
  activeMeshList(): { name: string; material: string | null; instances: number }[];
  /** Scenes on the engine (1: a failed start left none behind). */
  engineScenes(): number;
  /** Estimated texture memory of the scene: width * height * 4 bytes, * 4/3 with mipmaps. */
  textureBytes(): number;
  /** The lobby kiosk's state, or null when not in kiosk mode. */
  lobbyState(): LobbyState | null;
  /** The lobby's attract orbit (centre, radius, eye height above the centre), or null outside kiosk mode. */
  lobbyOrbit(): { center: Vec3; radius: number; height: number } | null;
  /** Regions of the plaza buildings whose bounds hold a point. */
  buildingsAt(p: Vec3): string[];
  /** Inside a building: its ticket machine (the mesh's centre, and its front's direction); else null. */
  queueMachine(): { center: Vec3; normal: Vec3 } | null;
  /** Inside a building with an MPP: the lines its hall's queue screen shows; else null. */
  hallDisplay(): readonly string[] | null;
  // -- Finding the way and the phone (issue 20 points 5, 6) ----------------------------------------
  /** Where a world point shows on the page, in CSS pixels (the walking view); null behind the camera. */
  screenPoint(p: Vec3): [number, number] | null;
  /** The point on the hub's map table that stands for a building; null without a map or building. */
  mapPoint(code: string): Vec3 | null;
  /** Inside a building: the centre of the exit sign over its door; else null. */
  exitSign(): Vec3 | null;
  /** Where the viewer looks, flattened onto the ground, length 1. */
  viewDirection(): Vec3;
  // -- Moves ---------------------------------------------------------------------------------------
  /** Stands in front of a building's door on the plaza, facing it. */
  goToBuilding(code: string): boolean;
  /** Stands on the plaza's spawn point at the hub, as a visitor who just arrived. */
  goToSpawn(): void;
  enterBuilding(code: string): Promise<boolean>;
  leaveBuilding(): void;
  /** Puts the walking eye at a point looking at a target, floors ignored until the next move. */
  viewFrom(eye: Vec3, target: Vec3): void;
}

export function sceneHook({ exp, scene, engine, deps, camera }: HookContext): SceneHook {
  return {
    screenPoint(p) {
      const cam = camera();
      const w = engine.getRenderWidth();
      const h = engine.getRenderHeight();
      const out = Vector3.Project(new Vector3(...p), Matrix.IdentityReadOnly, scene.getTransformMatrix(), projectViewport(cam, w, h));
      if (out.z < 0 || out.z > 1) return null;
      const rect = engine.getRenderingCanvasClientRect();
      const sx = rect ? rect.width / w : 1;
      const sy = rect ? rect.height / h : 1;
      return [(rect?.left ?? 0) + out.x * sx, (rect?.top ?? 0) + out.y * sy];
    },
    mapPoint(code) {
      const map = exp.places.plaza.map;
      const b = exp.places.buildings.find((x) => x.region === code);
      if (!map || !b) return null;
      const at = b.root.getAbsolutePosition();
      return v3(map.onTable(at.x, at.z));
    },
    exitSign: () => {
      const c = exp.places.interior?.exitSign;
      return c ? v3(c) : null;
    },
    viewDirection: () => v3(exp.viewer.current.forward(new Vector3())),
    cameraPosition: () => v3(camera().globalPosition),
    kiosks: () => exp.kioskInfos(),
    place: () => exp.places.current,
    buildings: () => exp.places.buildings.map((b) => ({ region: b.region, placeholder: b.placeholder })),
    cameraClass: () => camera().getClassName(),
    cameraYaw: () => camera().absoluteRotation.toEulerAngles().y,
    sceneCounts: () => ({
      meshes: scene.meshes.length,
      materials: scene.materials.length,
      textures: scene.textures.length,
      transformNodes: scene.transformNodes.length,
      geometries: scene.geometries.length,
      beforeRenderObservers: scene.onBeforeRenderObservable.observers.length,
      afterRenderObservers: scene.onAfterRenderObservable.observers.length,
      pointerObservers: scene.onPointerObservable.observers.length,
      beforeCameraRenderObservers: scene.onBeforeCameraRenderObservable.observers.length,
      afterCameraRenderObservers: scene.onAfterRenderCameraObservable.observers.length,
      meshCandidates: scene.getActiveMeshCandidates().length,
    }),
    activeMeshList: () => scene.getActiveMeshes().data.slice(0, scene.getActiveMeshes().length).map((m) => ({
      name: m.name,
      material: m.material?.name ?? null,
      instances: m.hasThinInstances ? (m as Mesh).thinInstanceCount : 1,
    })),
    engineScenes: () => engine.scenes.length,
    textureBytes: () => scene.textures.reduce((sum, t) => {
      const size = t.getSize();
      return sum + size.width * size.height * 4 * (t.isCube ? 6 : 1) * (t.noMipmap ? 1 : 4 / 3);
    }, 0),
    lobbyState: () => deps.lobby()?.state ?? null,
    lobbyOrbit() {
      const o = deps.lobby()?.orbit;
      return o ? { center: [...o.center] as Vec3, radius: o.radius, height: o.height } : null;
    },
    buildingsAt(p) {
      return exp.places.buildings.filter((b) => {
        const { min, max } = b.root.getHierarchyBoundingVectors(true);
        return p[0] >= min.x && p[0] <= max.x && p[1] >= min.y && p[1] <= max.y && p[2] >= min.z && p[2] <= max.z;
      }).map((b) => b.region);
    },
    queueMachine() {
      const m = exp.places.interior?.queueMachine;
      if (!m) return null;
      return { center: v3(m.mesh.getBoundingInfo().boundingBox.centerWorld), normal: v3(m.normal) };
    },
    hallDisplay: () => deps.hallDisplay?.() ?? null,
    goToBuilding: (code) => exp.places.goToDoor(code),
    goToSpawn: () => exp.places.goToSpawn(),
    enterBuilding: async (code) => (await exp.places.enter(code)) !== null,
    leaveBuilding: () => exp.places.leave(),
    viewFrom: (eye, target) => exp.walking.viewFrom(new Vector3(...eye), new Vector3(...target)),
  };
}

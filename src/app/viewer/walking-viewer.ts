// The walking viewer (desktop, touch): walk with WASD/arrows, look by dragging, collide with
// blockers and stay on floors. Floors come from glTF roles, handed in by the caller (setSurfaces).
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { Ray } from "@babylonjs/core/Culling/ray";
import { horizontalForward, type Viewer } from "./viewer";
// Side effect: scene.pickWithRay and the collision coordinator used by checkCollisions.
import "@babylonjs/core/Culling/ray";
import "@babylonjs/core/Collisions/collisionCoordinator";

export interface WalkingViewerOptions {
  eyeHeight: number;
  /** Highest step the visitor climbs without a ramp (porches, hub platform). */
  maxStep: number;
  speed: number;
}

export interface WalkingViewer extends Viewer {
  readonly kind: "walking";
  readonly camera: FreeCamera;
  readonly eyeHeight: number;
  readonly maxStep: number;
  /** The floors to stay on (role "floor" of the current place). */
  setSurfaces(floors: readonly AbstractMesh[]): void;
  /** Height of the floor under (x, z) near the given foot height, or null when there is none. */
  floorBelow(x: number, footY: number, z: number): number | null;
  isFloor(mesh: AbstractMesh): boolean;
  /** Puts the eye at a point looking at a target; ground-follow rests until the next placeAt. */
  viewFrom(eye: Vector3, target: Vector3): void;
  /** The frame step "ground": keeps the eye above the floor under it. */
  tick(): void;
  dispose(): void;
}

const DEFAULTS: WalkingViewerOptions = { eyeHeight: 1.6, maxStep: 0.45, speed: 0.35 };

/** tan(30 degrees): the steepest look a placeAt keeps. */
const MAX_PITCH = 0.577;

const KEY = { W: 87, A: 65, S: 83, D: 68, Q: 81, E: 69, UP: 38, DOWN: 40, LEFT: 37, RIGHT: 39 };

export function createWalkingViewer(scene: Scene, options: Partial<WalkingViewerOptions> = {}): WalkingViewer {
  const o: WalkingViewerOptions = { ...DEFAULTS, ...options };
  scene.collisionsEnabled = true;
  const camera = new FreeCamera("walker", new Vector3(0, o.eyeHeight, 0), scene);
  camera.minZ = 0.05;
  camera.maxZ = 1500;
  camera.fov = 1.0;
  camera.speed = o.speed;
  camera.angularSensibility = 2500;
  camera.inertia = 0.8;
  camera.keysUp = [KEY.W, KEY.UP];
  camera.keysDown = [KEY.S, KEY.DOWN];
  camera.keysLeft = [KEY.A];
  camera.keysRight = [KEY.D];
  camera.keysRotateLeft = [KEY.LEFT, KEY.Q];
  camera.keysRotateRight = [KEY.RIGHT, KEY.E];
  camera.checkCollisions = true;
  camera.applyGravity = false;
  // Body from ankles to shoulders: walls stop it, kerbs and steps below maxStep do not.
  camera.ellipsoid = new Vector3(0.35, (o.eyeHeight - o.maxStep) / 2, 0.35);
  camera.ellipsoidOffset = new Vector3(0, -(o.eyeHeight - o.maxStep) / 2, 0);
  camera.attachControl(true);

  let floors: readonly AbstractMesh[] = [];
  let flying = false;
  const floorSet = new Set<AbstractMesh>();
  const lastValid = camera.position.clone();
  const lastChecked = new Vector3(Number.NaN, 0, 0);
  const ray = new Ray(Vector3.Zero(), new Vector3(0, -1, 0), 0);
  const look = new Vector3();
  const isFloor = (m: AbstractMesh) => floorSet.has(m) && m.isEnabled();

  function floorBelow(x: number, footY: number, z: number): number | null {
    ray.origin.set(x, footY + o.maxStep, z);
    ray.length = o.maxStep + 4;
    const hit = scene.pickWithRay(ray, isFloor, false);
    return hit?.hit && hit.pickedPoint ? hit.pickedPoint.y : null;
  }

  function lookAlong(forward: Vector3): void {
    // setTarget knows the scene's handedness. A forward that tips down (a spawn looking onto the
    // hub's map table) keeps its pitch, up to 30 degrees either way.
    const len = Math.hypot(forward.x, forward.z) || 1;
    const tilt = Math.max(-MAX_PITCH, Math.min(MAX_PITCH, forward.y / len));
    look.set(camera.position.x + forward.x / len, camera.position.y + tilt, camera.position.z + forward.z / len);
    camera.setTarget(look);
  }

  return {
    kind: "walking",
    camera,
    eyeHeight: o.eyeHeight,
    maxStep: o.maxStep,
    eye: () => camera.position,
    forward: (out) => horizontalForward(camera, scene.useRightHandedSystem, out),
    foot: (out) => out.set(camera.position.x, camera.position.y - o.eyeHeight, camera.position.z),
    placeAt(foot, forward) {
      flying = false;
      camera.position.set(foot.x, foot.y + o.eyeHeight, foot.z);
      camera.cameraDirection.setAll(0);
      lastValid.copyFrom(camera.position);
      lastChecked.set(Number.NaN, 0, 0);
      lookAlong(forward);
    },
    viewFrom(eye, target) {
      flying = true;
      camera.position.copyFrom(eye);
      camera.cameraDirection.setAll(0);
      camera.setTarget(target);
    },
    setSurfaces(nextFloors) {
      floors = nextFloors;
      floorSet.clear();
      for (const f of nextFloors) floorSet.add(f);
      lastChecked.set(Number.NaN, 0, 0);
    },
    floorBelow,
    isFloor,
    // Only when the camera moved: an idle frame allocates nothing and casts no ray.
    tick() {
      if (flying || scene.activeCamera !== camera || floors.length === 0) return;
      const p = camera.position;
      if (Math.abs(p.x - lastChecked.x) < 1e-4 && Math.abs(p.z - lastChecked.z) < 1e-4 && Math.abs(p.y - lastChecked.y) < 1e-4) return;
      const ground = floorBelow(p.x, lastValid.y - o.eyeHeight, p.z);
      if (ground === null) {
        p.copyFrom(lastValid); // never off the ground: step back onto the last floor
      } else {
        p.y = ground + o.eyeHeight;
        lastValid.copyFrom(p);
      }
      lastChecked.copyFrom(p);
    },
    dispose() {
      camera.detachControl();
      camera.dispose();
    },
  };
}

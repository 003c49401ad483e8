// Click/tap-to-move: glide to a floor point at walking speed, stopping short of any blocker on the
// way (never through walls). The walking viewer's ground-follow keeps the eye on the floor.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { Ray } from "@babylonjs/core/Culling/ray";
import type { WalkingViewer } from "../viewer/walking-viewer";

export interface MoveToOptions {
  /** Metres per second. */
  speed: number;
  /** Distance kept from a blocker in the way. */
  clearance: number;
}

export interface MoveTo {
  setBlockers(meshes: readonly AbstractMesh[]): void;
  /** Starts a glide to the floor point; returns the point it will stop at (short of walls). */
  moveTo(point: Vector3): Vector3;
  cancel(): void;
  /** The frame step "glide". */
  tick(dtS: number): void;
}

const DEFAULTS: MoveToOptions = { speed: 4, clearance: 0.6 };

export function createMoveTo(scene: Scene, walker: Pick<WalkingViewer, "camera" | "eyeHeight" | "maxStep">, options: Partial<MoveToOptions> = {}): MoveTo {
  const o = { ...DEFAULTS, ...options };
  const camera = walker.camera;
  const target = new Vector3();
  const dir = new Vector3();
  const ray = new Ray(Vector3.Zero(), new Vector3(1, 0, 0), 1);
  let blockers = new Set<AbstractMesh>();
  let active = false;

  return {
    setBlockers(meshes) {
      blockers = new Set(meshes);
    },
    moveTo(point) {
      const p = camera.position;
      const footY = p.y - walker.eyeHeight;
      ray.origin.set(p.x, footY + walker.maxStep + 0.1, p.z);
      ray.direction.set(point.x - p.x, 0, point.z - p.z);
      const dist = ray.direction.length();
      target.set(point.x, point.y, point.z);
      if (dist > 1e-3) {
        ray.direction.scaleInPlace(1 / dist);
        ray.length = dist;
        const hit = scene.pickWithRay(ray, (m) => blockers.has(m) && m.isEnabled(), false);
        if (hit?.hit) {
          const stop = Math.max(0, hit.distance - o.clearance);
          target.set(p.x + ray.direction.x * stop, point.y, p.z + ray.direction.z * stop);
        }
      }
      active = true;
      return target.clone();
    },
    cancel() {
      active = false;
    },
    tick(dtS) {
      if (!active) return;
      const p = camera.position;
      dir.set(target.x - p.x, 0, target.z - p.z);
      const remaining = dir.length();
      const step = o.speed * dtS;
      if (remaining <= step || remaining < 0.02) {
        p.x = target.x;
        p.z = target.z;
        active = false;
        return;
      }
      dir.scaleInPlace(step / remaining);
      p.x += dir.x;
      p.z += dir.z;
    },
  };
}

// The big screen's camera (issue 16, point 4): a smooth third-person view of the guide (behind and
// above their head, looking past them at what they face), or a slow orbit around the hub or the
// hall when no guide is there. The maths is plain (tested without a GPU); the Babylon part is one
// TargetCamera with no inputs: the audience's screen has no controls.
import { TargetCamera } from "@babylonjs/core/Cameras/targetCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Scene } from "@babylonjs/core/scene";
import type { PoseTuple } from "../../domain/presence";

export interface Shot {
  eye: [number, number, number];
  look: [number, number, number];
}

export interface ChaseOptions {
  /** How far behind the guide's head, metres. */
  back: number;
  /** How far above it. */
  up: number;
  /** The point looked at, this far ahead of the guide and `lookDrop` below the head. */
  ahead: number;
  lookDrop: number;
}

export const CHASE_DEFAULTS: ChaseOptions = { back: 3.4, up: 1.3, ahead: 2, lookDrop: 0.35 };

/** The guide's heading on the ground from a head quaternion (right-handed scene: looking along -Z). */
export function groundForward(q: readonly number[]): [number, number] {
  const [x, y, z, w] = [q[3]!, q[4]!, q[5]!, q[6]!];
  // The rotated -Z axis: -(third column of the rotation matrix).
  const fx = -(2 * (x * z + w * y));
  const fz = -(1 - 2 * (x * x + y * y));
  const len = Math.hypot(fx, fz);
  return len < 1e-6 ? [0, -1] : [fx / len, fz / len];
}

/** Behind and above the guide, looking past them. */
export function chaseShot(head: PoseTuple, o: ChaseOptions = CHASE_DEFAULTS): Shot {
  const [fx, fz] = groundForward(head);
  return {
    eye: [head[0] - fx * o.back, head[1] + o.up, head[2] - fz * o.back],
    look: [head[0] + fx * o.ahead, head[1] - o.lookDrop, head[2] + fz * o.ahead],
  };
}

/** Around `center` at `radius` and `height`, at angle `t` (radians), looking at the center. */
export function orbitShot(center: readonly [number, number, number], radius: number, height: number, t: number): Shot {
  return {
    eye: [center[0] + radius * Math.sin(t), center[1] + height, center[2] + radius * Math.cos(t)],
    look: [center[0], center[1] + 1.2, center[2]],
  };
}

/** The share of the way to move this frame for a time constant tau (frame-rate independent). */
export function follow(dtS: number, tauS: number): number {
  return tauS <= 0 ? 1 : 1 - Math.exp(-dtS / tauS);
}

/** Past this the camera cuts instead of sliding (a teleport, another building): no flying through walls. */
export const CUT_M = 12;

export interface SpectatorCamera {
  readonly camera: TargetCamera;
  /** Moves toward `shot` (smoothly; a cut past CUT_M or when `cut`). */
  aim(shot: Shot, dtS: number, cut?: boolean): void;
  dispose(): void;
}

export function createSpectatorCamera(scene: Scene, tauS = 0.7): SpectatorCamera {
  const camera = new TargetCamera("spectator", new Vector3(0, 12, 30), scene);
  camera.minZ = 0.05;
  camera.maxZ = 1500;
  camera.fov = 0.9;
  const eye = new Vector3(Number.NaN, 0, 0);
  const look = new Vector3();
  const goal = new Vector3();
  const goalLook = new Vector3();
  const step = new Vector3();
  return {
    camera,
    aim(shot, dtS, cut = false) {
      goal.set(shot.eye[0], shot.eye[1], shot.eye[2]);
      goalLook.set(shot.look[0], shot.look[1], shot.look[2]);
      if (cut || !Number.isFinite(eye.x) || Vector3.Distance(eye, goal) > CUT_M) {
        eye.copyFrom(goal);
        look.copyFrom(goalLook);
      } else {
        const k = follow(dtS, tauS);
        // In place: a frame allocates nothing.
        eye.addInPlace(step.copyFrom(goal).subtractInPlace(eye).scaleInPlace(k));
        look.addInPlace(step.copyFrom(goalLook).subtractInPlace(look).scaleInPlace(k));
      }
      camera.position.copyFrom(eye);
      camera.setTarget(look);
    },
    dispose() {
      camera.dispose();
    },
  };
}

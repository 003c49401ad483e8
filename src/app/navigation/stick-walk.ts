// Walking with the on-screen joystick (issue 20 point 6): the frame step "stick" turns the stick's
// forward push into a walk along the view and its sideways push into a turn, through the walking
// camera's own input channels, so walls stop the visitor as they stop the keyboard's walk.
import type { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { horizontalForward } from "../viewer/viewer";

export interface Stick {
  /** -1..1, to the right. */
  readonly x: number;
  /** -1..1, forward. */
  readonly y: number;
}

export interface StickWalkOptions {
  /** Radians per second at full sideways push. */
  turnRate: number;
}

export interface StickWalk {
  /** The frame step "stick". */
  tick(dtS: number): void;
  /** Whether the stick moved the visitor in the last frame (a glide in progress gives way). */
  readonly active: boolean;
}

const DEFAULTS: StickWalkOptions = { turnRate: 1.4 };

export function createStickWalk(camera: FreeCamera, stick: Stick, options: Partial<StickWalkOptions> = {}): StickWalk {
  const o = { ...DEFAULTS, ...options };
  const scene = camera.getScene();
  const fwd = new Vector3();
  let active = false;
  return {
    get active() {
      return active;
    },
    tick(dtS) {
      const x = stick.x;
      const y = stick.y;
      active = (x !== 0 || y !== 0) && scene.activeCamera === camera;
      if (!active) return;
      if (y !== 0) {
        // The keyboard's walking speed (FreeCamera's keyboard input, speed * sqrt(dt / (fps * 100)),
        // which is speed * dt / sqrt(1e5) at a steady rate): the stick feels like W and S. It takes
        // the frame loop's dt, capped, so a hitch (a slow frame, a tab coming back) cannot carry
        // the visitor metres at once, through a doorway.
        const step = camera.speed * dtS * 1000 / Math.sqrt(1e5) * y;
        horizontalForward(camera, scene.useRightHandedSystem, fwd);
        camera.cameraDirection.x += fwd.x * step;
        camera.cameraDirection.z += fwd.z * step;
      }
      // Turning right looks right in either handedness (Babylon's own keyboard rotation does the same).
      if (x !== 0) camera.cameraRotation.y += x * o.turnRate * dtS * (scene.useRightHandedSystem ? -1 : 1);
    },
  };
}

// Turning in VR: snap (45 degrees per flick, the default: no vection) or smooth (an option for those
// who prefer it). Snap is done by Babylon's teleport feature on the thumbstick's x axis; smooth is
// done here, each frame, from the stick the thumbstick owner (xr/thumbstick.ts) says is turning.
import type { Scene } from "@babylonjs/core/scene";
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import { Quaternion } from "@babylonjs/core/Maths/math.vector";
import type { StickState } from "./thumbstick";

export type TurnMode = "snap" | "smooth";

export interface TurningOptions {
  mode: TurnMode;
  snapAngle: number;
  /** Radians per second at full deflection in smooth mode. */
  smoothSpeed: number;
}

export interface Turning {
  readonly mode: TurnMode;
  setMode(mode: TurnMode): void;
  /** The frame step "xr-smooth-turn". */
  tick(dtS: number): void;
}

const DEFAULTS: TurningOptions = { mode: "snap", snapAngle: Math.PI / 4, smoothSpeed: Math.PI / 2 };

export function createTurning(scene: Scene, xr: WebXRDefaultExperience, sticks: readonly StickState[], options: Partial<TurningOptions> = {}): Turning {
  const o = { ...DEFAULTS, ...options };
  let mode = o.mode;
  const step = new Quaternion();
  const apply = () => {
    xr.teleportation.rotationAngle = mode === "snap" ? o.snapAngle : 0;
  };
  apply();

  return {
    get mode() {
      return mode;
    },
    setMode(next) {
      mode = next;
      apply();
    },
    tick(dtS) {
      if (mode !== "smooth") return;
      let x = 0;
      for (let i = 0; i < sticks.length; i++) {
        const s = sticks[i]!;
        if (s.use === "turn" && Math.abs(s.x) > Math.abs(x)) x = s.x;
      }
      if (x === 0) return;
      const cam = xr.baseExperience.camera;
      // Same sense as Babylon's snap turn: stick right turns right.
      const angle = x * o.smoothSpeed * dtS * (scene.useRightHandedSystem ? -1 : 1);
      Quaternion.RotationYawPitchRollToRef(angle, 0, 0, step);
      step.multiplyToRef(cam.rotationQuaternion, cam.rotationQuaternion);
    },
  };
}

// Turning in VR: snap (45 degrees per flick, the default: no vection) or smooth (an option for those
// who prefer it). Snap is done by Babylon's teleport feature on the thumbstick's x axis; smooth is
// done here, from the same axis, only while the stick is held.
import type { Scene } from "@babylonjs/core/scene";
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import type { WebXRControllerComponent } from "@babylonjs/core/XR/motionController/webXRControllerComponent";
import { Quaternion } from "@babylonjs/core/Maths/math.vector";

export type TurnMode = "snap" | "smooth";

export interface TurningOptions {
  mode: TurnMode;
  snapAngle: number;
  /** Radians per second at full deflection in smooth mode. */
  smoothSpeed: number;
  deadZone: number;
}

const DEFAULTS: TurningOptions = { mode: "snap", snapAngle: Math.PI / 4, smoothSpeed: Math.PI / 2, deadZone: 0.2 };

export function createTurning(scene: Scene, xr: WebXRDefaultExperience, options: Partial<TurningOptions> = {}) {
  const o = { ...DEFAULTS, ...options };
  let mode = o.mode;
  const sticks = new Set<WebXRControllerComponent>();
  const step = new Quaternion();

  const apply = () => {
    xr.teleportation.rotationAngle = mode === "snap" ? o.snapAngle : 0;
  };
  apply();

  const added = xr.input.onControllerAddedObservable.add((source) => {
    const grab = () => {
      const s = source.motionController?.getComponentOfType("thumbstick");
      if (s) sticks.add(s);
    };
    if (source.motionController) grab();
    else source.onMotionControllerInitObservable.addOnce(grab);
  });
  const removed = xr.input.onControllerRemovedObservable.add((source) => {
    const s = source.motionController?.getComponentOfType("thumbstick");
    if (s) sticks.delete(s);
  });

  const frame = scene.onBeforeRenderObservable.add(() => {
    if (mode !== "smooth") return;
    let x = 0;
    for (const s of sticks) {
      // An aim (stick pushed forward) is for teleporting, not turning.
      if (Math.abs(s.axes.x) > Math.abs(x) && s.axes.y > -0.5) x = s.axes.x;
    }
    if (Math.abs(x) < o.deadZone) return;
    const cam = xr.baseExperience.camera;
    const dt = Math.min(scene.getEngine().getDeltaTime() / 1000, 0.1);
    // Same sense as Babylon's snap turn: stick right turns right.
    const angle = x * o.smoothSpeed * dt * (scene.useRightHandedSystem ? -1 : 1);
    Quaternion.RotationYawPitchRollToRef(angle, 0, 0, step);
    step.multiplyToRef(cam.rotationQuaternion, cam.rotationQuaternion);
  });

  return {
    get mode() {
      return mode;
    },
    setMode(next: TurnMode) {
      mode = next;
      apply();
    },
    dispose() {
      xr.input.onControllerAddedObservable.remove(added);
      xr.input.onControllerRemovedObservable.remove(removed);
      scene.onBeforeRenderObservable.remove(frame);
      sticks.clear();
    },
  };
}

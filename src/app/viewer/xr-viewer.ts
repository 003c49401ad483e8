// The headset as the viewer: where the XR camera is and looks, and placing it (the reference space
// moves; the visitor's own head movement stays theirs). Its eye height is the headset's measured
// height above the floor, read inside XR frames only (the viewer pose may not be read elsewhere), and
// only every HEIGHT_EVERY_FRAMES frames.
import { Quaternion, type Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { WebXRCamera } from "@babylonjs/core/XR/webXRCamera";
import type { WebXRSessionManager } from "@babylonjs/core/XR/webXRSessionManager";
import { horizontalForward, type Viewer } from "./viewer";

export interface XrViewer extends Viewer {
  readonly kind: "xr";
  /** The frame step "xr-viewer": takes the headset's height above the floor from this XR frame. */
  tick(): void;
}

/** Yaw (about +Y) that makes a camera look along `forward` in a scene of the given handedness. */
export function yawFor(forward: { x: number; z: number }, rightHanded: boolean): number {
  return rightHanded ? Math.atan2(-forward.x, -forward.z) : Math.atan2(forward.x, forward.z);
}

/**
 * The height is read once every this many XR frames (about twice a second at 72-90 Hz): it changes
 * when a visitor sits down or stands up, not between frames, and each read asks the headset for its
 * pose a second time in the frame (issue 18 point 4).
 */
export const HEIGHT_EVERY_FRAMES = 36;

/** Heights outside this range are a headset on a table or a tracking glitch, not a visitor. */
const PLAUSIBLE_EYE_M = [0.5, 2.5] as const;

export function createXrViewer(camera: WebXRCamera, session: Pick<WebXRSessionManager, "inXRFrameLoop">, rightHanded: boolean, defaultEyeHeight: number): XrViewer {
  let eyeHeight = defaultEyeHeight;
  let frames = 0;
  return {
    kind: "xr",
    eye: () => camera.position,
    forward: (out) => horizontalForward(camera, rightHanded, out),
    foot: (out) => out.set(camera.position.x, camera.position.y - eyeHeight, camera.position.z),
    placeAt(foot: Vector3, forward: Vector3) {
      camera.position.set(foot.x, foot.y + eyeHeight, foot.z);
      camera.rotationQuaternion = Quaternion.FromEulerAngles(0, yawFor(forward, rightHanded), 0);
    },
    tick() {
      if (!session.inXRFrameLoop || frames++ % HEIGHT_EVERY_FRAMES !== 0) return;
      const h = camera.realWorldHeight;
      if (h > PLAUSIBLE_EYE_M[0] && h < PLAUSIBLE_EYE_M[1]) eyeHeight = h;
    },
  };
}

// "Where am I and where do I look": one interface with two implementations, the walking camera
// (viewer/walking-viewer.ts) on a screen and the headset (viewer/xr-viewer.ts) in VR. Places,
// doorways and kiosks ask the current viewer; none of them knows which camera is behind it.
import type { Camera } from "@babylonjs/core/Cameras/camera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";

export interface Viewer {
  readonly kind: "walking" | "xr";
  /** The eye in world space: a vector the viewer owns and updates; read it, do not keep it. */
  eye(): Vector3;
  /** Where the viewer looks, flattened onto the ground and of length 1, written into `out`. */
  forward(out: Vector3): Vector3;
  /** The point on the floor under the eye, written into `out`. */
  foot(out: Vector3): Vector3;
  /** Stands the viewer's feet on a floor point, looking along a direction (the walking viewer keeps a pitch of up to 30 degrees; a headset only the heading). */
  placeAt(foot: Vector3, forward: Vector3): void;
}

/** The viewer in charge: the walking one, or another (XR) while it runs. */
export interface ViewerSlot {
  readonly current: Viewer;
  /** Hands "where am I" to `viewer` (null: back to the walking viewer). */
  use(viewer: Viewer | null): void;
}

export function createViewerSlot(walking: Viewer): ViewerSlot {
  let current: Viewer = walking;
  return {
    get current() {
      return current;
    },
    use(viewer) {
      current = viewer ?? walking;
    },
  };
}

const LOCAL_FORWARD_RH = new Vector3(0, 0, -1);
const LOCAL_FORWARD_LH = new Vector3(0, 0, 1);

/**
 * A camera's looking direction on the ground plane, of length 1. A camera looks along its local
 * -Z in a right-handed scene and +Z in a left-handed one; straight up or down gives the last
 * horizontal direction's stand-in, -Z.
 */
export function horizontalForward(camera: Camera, rightHanded: boolean, out: Vector3): Vector3 {
  camera.getDirectionToRef(rightHanded ? LOCAL_FORWARD_RH : LOCAL_FORWARD_LH, out);
  out.y = 0;
  const len = Math.hypot(out.x, out.z);
  if (len < 1e-6) return out.set(0, 0, -1);
  return out.scaleInPlace(1 / len);
}

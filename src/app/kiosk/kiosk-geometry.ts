// Where a kiosk panel opens and where a visitor sent to a counter stands: plain vector arithmetic,
// no scene. Distances are the ones the kiosk tests check (panel at a standing visitor's height,
// text legible at arm's length).
import { Vector3 } from "@babylonjs/core/Maths/math.vector";

/** A counter's panel floats this far in front of its label, so the label does not catch the pointer. */
const PANEL_OFF_LABEL_M = 0.12;
/** A panel opened away from a counter (a region from the directory) floats this far ahead of the eye... */
const PANEL_AHEAD_M = 1.3;
/** ...and this far below it, where a glance down meets it. */
const PANEL_BELOW_EYE_M = 0.2;
/**
 * A visitor sent to a counter (deep link, search) stands this far in front of its kiosk: with room
 * to see the counter, its sign and its officer, not 1.6 m from the wall behind them (issue 20
 * point 5). Where the hall gives less room (no floor there), the caller steps closer.
 */
export const STAND_OFF_KIOSK_M = 2.6;
/** The closest a visitor is put to a kiosk when the hall has no room further back. */
export const STAND_OFF_KIOSK_MIN_M = 1.6;

/** A panel's centre and the point it turns to face. */
export interface PanelPose {
  center: Vector3;
  facing: Vector3;
}

export function counterPanelPose(k: { center: Vector3; normal: Vector3 }): PanelPose {
  const center = k.center.add(k.normal.scale(PANEL_OFF_LABEL_M));
  return { center, facing: center.add(k.normal) };
}

export function panelAheadPose(eye: Vector3, forward: Vector3): PanelPose {
  return {
    center: new Vector3(eye.x + forward.x * PANEL_AHEAD_M, eye.y - PANEL_BELOW_EYE_M, eye.z + forward.z * PANEL_AHEAD_M),
    facing: eye.clone(),
  };
}

/**
 * Where to stand in front of a counter kiosk (y is the kiosk's; the caller puts it on the floor).
 * On a screen the page's copy of the kiosk takes part of it: viewer/kiosk-stage.ts then frames the
 * kiosk in the part left to the 3D view.
 */
export function standingSpot(k: { center: Vector3; normal: Vector3 }, distance = STAND_OFF_KIOSK_M): Vector3 {
  return k.center.add(k.normal.scale(distance));
}

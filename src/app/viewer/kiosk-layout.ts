// One rule for where an open kiosk shows on a screen (issue 20, points 2 and 6). The page's DOM copy
// of the kiosk (ui/service-mirror.ts) is placed by CSS alone: docked at the right of a landscape
// screen, a bottom sheet on a portrait one (a phone, the 1080x1920 lobby screen). All the rest
// follows from where the copy is, here:
// - the 3D view draws only in the part of the canvas the copy leaves (beside it, or above the
//   sheet): nothing of the scene lies under the copy, so nothing of it shows through;
// - the 3D panel is drawn where that part can show it whole at a readable size, else it is held
//   back and the copy carries the content (a phone: the view above the sheet frames the counter);
// - the walking viewer turns (and steps in or back) so the kiosk sits whole in that part, clear
//   of the toolbar (kiosk-stage.ts).
// Pure: rectangles in CSS pixels in, numbers out; no Babylon, no DOM.

export interface Rect { left: number; top: number; right: number; bottom: number }
export interface Point { x: number; y: number; z: number }

/** "full": no copy shown (or one that floats); "beside": docked at the right; "above": a bottom sheet. */
export type LayoutKind = "full" | "beside" | "above";

export interface KioskLayout {
  kind: LayoutKind;
  /** Where the 3D view draws: the canvas less the copy. */
  view: Rect;
  /** The part of the view clear of the overlay's bars (the toolbar): where a framed kiosk sits. */
  clear: Rect;
  /** Whether the 3D panel is drawn (false: the copy carries the content, the view shows the counter). */
  panel: boolean;
}

/** The 3D panel is drawn only where the clear part is at least this tall and wide (CSS px). */
export const PANEL_MIN_PX = 360;

const width = (r: Rect) => r.right - r.left;
const height = (r: Rect) => r.bottom - r.top;

/**
 * The layout for a canvas, the copy's box (null: hidden) and the bars drawn over the canvas
 * (the toolbar; a bar in the view's upper half takes the clear part's top, one in its lower half its bottom).
 */
export function kioskLayout(canvas: Rect, copy: Rect | null, bars: readonly Rect[] = []): KioskLayout {
  const W = width(canvas);
  const H = height(canvas);
  let kind: LayoutKind = "full";
  let view: Rect = { ...canvas };
  if (copy && W > 0 && H > 0 && width(copy) > 0 && height(copy) > 0) {
    const docked = copy.right >= canvas.right - 40 && height(copy) > H * 0.5 && copy.left > canvas.left + W * 0.3;
    // A sheet may stop short of the bottom edge (a lobby screen's own buttons sit under it).
    const sheet = copy.bottom >= canvas.bottom - H * 0.12 && width(copy) > W * 0.8 && copy.top > canvas.top + H * 0.25;
    if (docked) { kind = "beside"; view = { ...canvas, right: copy.left }; }
    else if (sheet) { kind = "above"; view = { ...canvas, bottom: copy.top }; }
  }
  const clear = { ...view };
  for (const b of bars) {
    if (b.right <= view.left || b.left >= view.right || b.bottom <= view.top || b.top >= view.bottom) continue;
    // By its middle: a phone's toolbar wraps to several rows and reaches well down the view.
    if ((b.top + b.bottom) / 2 < (view.top + view.bottom) / 2) clear.top = Math.max(clear.top, b.bottom);
    else clear.bottom = Math.min(clear.bottom, b.top);
  }
  if (clear.bottom < clear.top) clear.bottom = clear.top;
  const panel = kind === "full" || Math.min(width(clear), height(clear)) >= PANEL_MIN_PX;
  return { kind, view, clear, panel };
}

/** The view as a Babylon viewport: shares of the canvas, y counted from the bottom (as WebGL does). */
export function viewportOf(layout: KioskLayout, canvas: Rect): { x: number; y: number; width: number; height: number } {
  const W = width(canvas) || 1;
  const H = height(canvas) || 1;
  const v = layout.view;
  return {
    x: (v.left - canvas.left) / W,
    y: (canvas.bottom - v.bottom) / H,
    width: Math.max(0.05, width(v) / W),
    height: Math.max(0.05, height(v) / H),
  };
}

/**
 * The distance (m) from which a target `w` x `h` metres fills at most `fill` of the clear part,
 * for a camera whose vertical field of view is `fov` (radians) over the whole view.
 */
export function fitDistance(layout: KioskLayout, fov: number, target: { w: number; h: number }, fill = 0.8): number {
  const t = Math.tan(fov / 2);
  const vh = Math.max(1, height(layout.view));
  const ch = Math.max(1, height(layout.clear));
  const cw = Math.max(1, width(layout.clear));
  // A metre at distance d spans vh / (2 d t) pixels, across and up alike (square pixels).
  return Math.max(target.h * vh / (2 * t * fill * ch), target.w * vh / (2 * t * fill * cw));
}

/**
 * How far (radians) to tilt the view up so that what it faces shows at the clear part's middle
 * rather than the view's (the toolbar covers the view's top: the kiosk sits lower, in sight).
 */
export function centreTilt(layout: KioskLayout, fov: number): number {
  const vh = Math.max(1, height(layout.view));
  const dy = (layout.clear.top + layout.clear.bottom) / 2 - (layout.view.top + layout.view.bottom) / 2;
  return Math.atan((dy / (vh / 2)) * Math.tan(fov / 2));
}

/**
 * Where to stand, given where the visitor stands now: no closer than the kiosk fits, no further
 * than `preferred` (room to see the counter) unless it only fits from further.
 */
export function standDistance(current: number, fit: number, preferred: number): number {
  return Math.min(Math.max(current, fit), Math.max(fit, preferred));
}

/** How much closer (m) the framing steps when a spot further back will not do. */
const FRAME_STEP_M = 0.25;

/**
 * Where the viewer stands to frame a kiosk centred at `c` and facing along `n` (horizontal): on that
 * normal, from `distance` metres stepping closer down to `min`, the first spot with a floor (`ground`
 * gives its height, null: none) that is no doorway. A doorway is kept clear because reaching one takes
 * the visitor through it: a kiosk opened just inside a building's door, framed from the doorway behind
 * the visitor, sent them back out to the plaza. Null: no such spot (the caller stays and only turns).
 */
export function frameSpot(
  c: Point, n: Point, distance: number, min: number,
  ground: (x: number, z: number) => number | null,
  doorway: (foot: Point) => boolean,
): Point | null {
  for (let d = distance; d >= min - 1e-6; d -= FRAME_STEP_M) {
    const x = c.x + n.x * d;
    const z = c.z + n.z * d;
    const y = ground(x, z);
    if (y !== null && !doorway({ x, y, z })) return { x, y, z };
  }
  return null;
}

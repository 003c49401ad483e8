// Applies the kiosk layout rule (kiosk-layout.ts) to the page: measures the canvas, the kiosk's DOM
// copy and the toolbar; draws the screen camera only in the part the copy leaves; holds the 3D
// panel back where that part cannot show it; and, when a kiosk opens (or the part changes while
// the visitor has not moved), turns and steps the walking viewer so the kiosk sits whole in it
// (never onto a doorway: that would carry the visitor out of the building).
// A headset has no copy in view: the WebXR camera is never touched.
import type { Scene } from "@babylonjs/core/scene";
import { Viewport } from "@babylonjs/core/Maths/math.viewport";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { WalkingViewer } from "./walking-viewer";
import type { ServicePanel } from "../kiosk/service-panel";
import { centreTilt, fitDistance, frameSpot, kioskLayout, standDistance, viewportOf, type KioskLayout, type Point, type Rect } from "./kiosk-layout";

export interface KioskStageDeps {
  scene: Scene;
  canvas: HTMLCanvasElement;
  /** The kiosk's DOM copy (its box decides the layout). */
  copy: HTMLElement;
  /** Bars over the canvas the framed kiosk keeps clear of (the toolbar). */
  bars(): readonly HTMLElement[];
  walking: Pick<WalkingViewer, "camera" | "eyeHeight" | "floorBelow" | "placeAt">;
  panel: Pick<ServicePanel, "mesh" | "visible" | "normal" | "size" | "setHeld">;
  /** Gets data-kiosk="beside|above|full" while a kiosk is open (CSS: the walking help steps aside) and --mpp-view-w. */
  root: HTMLElement;
  /** How far back a visitor stands to see a counter whose panel is held (room to see it), when it fits from there. */
  preferredDistance: number;
  /** The closest the viewer is put to a kiosk when the hall has no floor further back. */
  minDistance: number;
  /** Whether a visitor standing here (feet) is in a doorway, which would take them through it: never framed from one. */
  inDoorway(foot: Point): boolean;
}

export interface KioskStage {
  /** The layout of the moment (kind "full" with no kiosk open). */
  readonly layout: KioskLayout;
  /** A kiosk opened or closed: measure, lay out, and frame an opened kiosk. */
  kioskChanged(open: boolean): void;
  /** Measure and lay out again (the window or the copy changed size); re-frames if the visitor stayed put. */
  update(): void;
  dispose(): void;
}

const rectOf = (e: Element): Rect => {
  const r = e.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
};
const same = (a: Rect, b: Rect) => Math.abs(a.left - b.left) + Math.abs(a.top - b.top) + Math.abs(a.right - b.right) + Math.abs(a.bottom - b.bottom) < 1;

export function createKioskStage(deps: KioskStageDeps): KioskStage {
  const { scene, canvas, copy, walking, panel, root } = deps;
  const win = canvas.ownerDocument.defaultView!;
  let open = false;
  let layout: KioskLayout = kioskLayout(rectOf(canvas), null);
  /** Where the viewer was put by the last framing; NaN: not framed (or moved since). */
  const framedAt = new Vector3(Number.NaN, 0, 0);

  const screenCamera = () => {
    const cam = scene.activeCamera;
    return cam && cam.getClassName() !== "WebXRCamera" ? cam : null;
  };

  function measure(): KioskLayout {
    const c = rectOf(canvas);
    const shown = open && !copy.hidden && copy.getClientRects().length > 0;
    const bars = deps.bars().filter((b) => !b.hidden && b.getClientRects().length > 0).map(rectOf);
    return kioskLayout(c, shown ? rectOf(copy) : null, bars);
  }

  function apply(): void {
    const c = rectOf(canvas);
    const vp = viewportOf(layout, c);
    const active = screenCamera();
    for (const cam of scene.cameras) {
      if (cam.getClassName() === "WebXRCamera") continue;
      const v = cam === active ? vp : { x: 0, y: 0, width: 1, height: 1 };
      const now = cam.viewport;
      if (Math.abs(now.x - v.x) + Math.abs(now.y - v.y) + Math.abs(now.width - v.width) + Math.abs(now.height - v.height) > 1e-4) {
        cam.viewport = new Viewport(v.x, v.y, v.width, v.height);
      }
    }
    panel.setHeld(open && !layout.panel && scene.activeCamera === walking.camera);
    if (open) root.dataset.kiosk = layout.kind;
    else delete root.dataset.kiosk;
    root.style.setProperty("--mpp-view-w", `${Math.round(layout.view.right - layout.view.left)}px`);
    root.style.setProperty("--mpp-view-b", `${Math.round(Math.max(0, c.bottom - layout.view.bottom))}px`);
  }

  const toKiosk = new Vector3();
  function frame(): void {
    const cam = walking.camera;
    if (scene.activeCamera !== cam || !panel.visible) return;
    const c = panel.mesh.position;
    const n = panel.normal;
    const eye = cam.position;
    const footY = eye.y - walking.eyeHeight;
    const current = Math.hypot(eye.x - c.x, eye.z - c.z);
    const fit = fitDistance(layout, cam.fov, { w: panel.size.width, h: panel.size.height });
    // A drawn panel is read: as close as it fits whole. A held one leaves the counter to be seen, with room.
    const d = layout.panel ? fit : standDistance(current, fit, deps.preferredDistance);
    const spot = frameSpot(c, n, d, deps.minDistance, (x, z) => walking.floorBelow(x, footY, z), deps.inDoorway);
    // No floor in front of it (or only a doorway's): stay, and only turn toward it.
    const foot = spot ? new Vector3(spot.x, spot.y, spot.z) : new Vector3(eye.x, footY, eye.z);
    toKiosk.set(c.x - foot.x, 0, c.z - foot.z);
    const flat = toKiosk.length() || 1;
    const pitch = Math.atan2(c.y - (foot.y + walking.eyeHeight), flat) + centreTilt(layout, cam.fov);
    walking.placeAt(foot, new Vector3(toKiosk.x / flat, Math.tan(pitch), toKiosk.z / flat));
    framedAt.copyFrom(cam.position);
  }

  const stayedPut = () => Vector3.Distance(walking.camera.position, framedAt) < 0.01;

  function update(): void {
    const before = layout;
    layout = measure();
    apply();
    if (open && stayedPut() && !(same(before.view, layout.view) && same(before.clear, layout.clear))) frame();
  }

  // The copy grows as its content loads (a sheet's height follows it), and the window turns.
  const observer = typeof ResizeObserver === "function" ? new ResizeObserver(() => update()) : null;
  observer?.observe(copy);
  // A bar the framed kiosk keeps clear of may show after the kiosk opened (the service's feedback bar).
  const toggles = typeof MutationObserver === "function" ? new MutationObserver(() => { if (open) update(); }) : null;
  toggles?.observe(root, { subtree: true, attributes: true, attributeFilter: ["hidden"] });
  const onCamera = scene.onActiveCameraChanged.add(() => update());
  win.addEventListener("resize", update);

  return {
    get layout() { return layout; },
    kioskChanged(isOpen) {
      open = isOpen;
      framedAt.set(Number.NaN, 0, 0);
      layout = measure();
      apply();
      if (open) frame();
    },
    update,
    dispose() {
      observer?.disconnect();
      toggles?.disconnect();
      scene.onActiveCameraChanged.remove(onCamera);
      win.removeEventListener("resize", update);
      open = false;
      layout = kioskLayout(rectOf(canvas), null);
      apply();
    },
  };
}

// Keeps the 3D view beside a docked DOM panel (issue 20: on a desktop the open kiosk's 3D panel
// sat half under the page's copy of the same content). While the panel is docked at the right
// edge, the screen camera draws only in the part of the canvas left of it, so what the camera
// faces (the kiosk's 3D panel) is centred in the part the visitor can see. Picking follows the
// camera's viewport. A panel that is a bottom sheet (phones) or hidden leaves the full view.
import type { Scene } from "@babylonjs/core/scene";
import { Viewport } from "@babylonjs/core/Maths/math.viewport";

export interface ViewBeside {
  /** Measures the panel again (it opened, closed, or the window changed size). */
  update(): void;
  dispose(): void;
}

/** Share of the canvas' width left for the 3D view, 0.35..1: 1 when the panel is hidden or not docked right. */
export function viewShare(canvas: { left: number; right: number; width: number }, panel: { left: number; right: number; top: number; bottom: number } | null, canvasHeight: number): number {
  if (!panel || canvas.width <= 0) return 1;
  const docked = panel.right >= canvas.right - 40 && panel.bottom - panel.top > canvasHeight * 0.5 && panel.left > canvas.left + canvas.width * 0.3;
  if (!docked) return 1;
  return Math.min(1, Math.max(0.35, (panel.left - canvas.left) / canvas.width));
}

export function keepViewBeside(scene: Scene, canvas: HTMLCanvasElement, panel: HTMLElement): ViewBeside {
  const win = canvas.ownerDocument.defaultView!;
  const update = () => {
    const cam = scene.activeCamera;
    if (!cam || cam.getClassName() === "WebXRCamera") return;
    const c = canvas.getBoundingClientRect();
    const share = viewShare(c, panel.hidden ? null : panel.getBoundingClientRect(), c.height);
    if (Math.abs(cam.viewport.width - share) > 1e-3 || cam.viewport.x !== 0) cam.viewport = new Viewport(0, 0, share, 1);
  };
  // The active camera can change (lobby attract loop, XR): the viewport goes with the view of the moment.
  const full = () => { for (const cam of scene.cameras) if (cam.getClassName() !== "WebXRCamera" && cam.viewport.width !== 1) cam.viewport = new Viewport(0, 0, 1, 1); };
  const onCamera = scene.onActiveCameraChanged.add(() => { full(); update(); });
  win.addEventListener("resize", update);
  return {
    update() { full(); update(); },
    dispose() { scene.onActiveCameraChanged.remove(onCamera); win.removeEventListener("resize", update); full(); },
  };
}

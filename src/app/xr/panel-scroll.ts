// Scrolling a kiosk panel in VR: while a controller points at the panel, its thumbstick's forward/back
// scrolls the text instead of aiming a teleport (a headset has no mouse wheel). Teleport is off only
// while some controller points at a panel, so the stick keeps one meaning at a time.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";

export interface PanelScrollDeps {
  /** Whether a mesh is a scrollable panel (the kiosk panel). */
  isPanel(mesh: AbstractMesh): boolean;
  /** Scrolls by a share of the scrollable height (positive = down). */
  scrollBy(share: number): void;
  /** Shares of the height per second at full deflection. */
  speed?: number;
}

export function createPanelScroll(scene: Scene, xr: WebXRDefaultExperience, deps: PanelScrollDeps) {
  const speed = deps.speed ?? 0.8;
  let pointing = false;
  const frame = scene.onBeforeRenderObservable.add(() => {
    let anyOnPanel = false;
    for (const c of xr.input.controllers) {
      const mesh = xr.pointerSelection.getMeshUnderPointer(c.uniqueId);
      if (!mesh || !deps.isPanel(mesh)) continue;
      anyOnPanel = true;
      const stick = c.motionController?.getComponentOfType("thumbstick");
      const y = stick?.axes.y ?? 0;
      if (Math.abs(y) > 0.3) {
        const dt = Math.min(scene.getEngine().getDeltaTime() / 1000, 0.1);
        // Stick forward (y < 0) scrolls up, as a page moves under a finger.
        deps.scrollBy(y * speed * dt);
      }
    }
    if (anyOnPanel !== pointing) {
      pointing = anyOnPanel;
      xr.teleportation.teleportationEnabled = !anyOnPanel;
    }
  });
  return {
    get pointing() {
      return pointing;
    },
    dispose() {
      scene.onBeforeRenderObservable.remove(frame);
      xr.teleportation.teleportationEnabled = true;
    },
  };
}

// The one owner of the thumbsticks in VR. Each frame it decides, per controller, what the stick
// means: scrolling the kiosk panel the controller points at, aiming a teleport (pushed forward;
// pulled back while aiming cancels it), turning (sideways), or nothing. It publishes that as
// `sticks`, read by smooth turning (xr/turning.ts) and panel scrolling (xr/panel-scroll.ts), and
// switches Babylon's teleport off while a stick scrolls, so a stick has one meaning at a time.
// Snap turning and the teleport arc are Babylon's teleport feature, which reads the stick itself.
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import type { WebXRControllerComponent } from "@babylonjs/core/XR/motionController/webXRControllerComponent";
import { onEachMotionController } from "./controllers";

export type StickUse = "idle" | "aim" | "turn" | "scroll";

export interface StickState {
  readonly controllerId: string;
  /** What the stick does this frame. */
  readonly use: StickUse;
  /** The stick's deflection this frame, -1..1 (y < 0: pushed forward). */
  readonly x: number;
  readonly y: number;
}

export interface Thumbsticks {
  /** One entry per controller with a thumbstick; the same objects, updated each frame. */
  readonly sticks: readonly StickState[];
  /** The frame step "xr-thumbsticks". */
  tick(): void;
  dispose(): void;
}

export interface ThumbstickOptions {
  /** Whether a mesh is a panel whose text the stick scrolls (the kiosk panel). */
  isPanel(mesh: AbstractMesh): boolean;
  /** Sideways deflection below this is not a turn. */
  deadZone?: number;
}

/** Forward past this starts a teleport aim (Babylon's teleport starts at the same point). */
const AIM_Y = -0.7;
/** Back past this while aiming cancels the aim. */
const CANCEL_Y = 0.5;
/** A stick pushed forward more than this is aiming, not turning. */
const TURN_MAX_FORWARD = -0.5;

interface Stick extends StickState {
  controllerId: string;
  use: StickUse;
  x: number;
  y: number;
  aiming: boolean;
  component: WebXRControllerComponent;
}

export function createThumbsticks(xr: WebXRDefaultExperience, options: ThumbstickOptions): Thumbsticks {
  const deadZone = options.deadZone ?? 0.2;
  const sticks: Stick[] = [];
  let scrolling = false;

  const detach = onEachMotionController(xr.input, (source, mc) => {
    const component = mc.getComponentOfType("thumbstick");
    if (!component) return;
    const stick: Stick = { controllerId: source.uniqueId, use: "idle", x: 0, y: 0, aiming: false, component };
    sticks.push(stick);
    return () => {
      const at = sticks.indexOf(stick);
      if (at >= 0) sticks.splice(at, 1);
    };
  });

  return {
    sticks,
    tick() {
      const teleport = xr.teleportation;
      let anyScrolls = false;
      for (let i = 0; i < sticks.length; i++) {
        const s = sticks[i]!;
        s.x = s.component.axes.x;
        s.y = s.component.axes.y;
        const pointed = xr.pointerSelection.getMeshUnderPointer(s.controllerId);
        if (pointed && options.isPanel(pointed)) {
          s.use = "scroll";
          s.aiming = false;
          anyScrolls = true;
          continue;
        }
        if (s.aiming) {
          if (s.x === 0 && s.y === 0) s.aiming = false; // released: Babylon jumps, or not if cancelled
          else if (s.y > CANCEL_Y) teleport.skipNextTeleportation = true;
        } else if (s.y < AIM_Y) {
          s.aiming = true;
        }
        s.use = s.aiming ? "aim" : Math.abs(s.x) > deadZone && s.y > TURN_MAX_FORWARD ? "turn" : "idle";
      }
      if (anyScrolls !== scrolling) {
        scrolling = anyScrolls;
        teleport.teleportationEnabled = !anyScrolls;
      }
    },
    dispose() {
      detach();
      sticks.length = 0;
      if (scrolling) xr.teleportation.teleportationEnabled = true;
    },
  };
}

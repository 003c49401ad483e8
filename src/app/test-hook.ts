// window.__mpp for browser tests and the bench, exposed only with ?automation=1 (PRODUCT.md, "Test
// hook"): named queries and actions, typed by MppTestHook, never the app's internal objects. Each
// action is also reachable through the UI; the hook only saves a test from driving it by pixels.
// One part per area, in automation/: the world (scene-hook.ts), kiosks (kiosk-hook.ts), counts and
// clocks (timing-hook.ts), shared presence (presence-hook.ts) and VR (xr-hook.ts), composed here.
import type { KioskInfo } from "./experience";
import type { Place } from "./places/places";
import { hookContext, type TestHookDeps, type Vec3 } from "./automation/hook-context";
import { sceneHook, type SceneHook } from "./automation/scene-hook";
import { kioskHook, type KioskHook } from "./automation/kiosk-hook";
import { timingHook, type TimingHook } from "./automation/timing-hook";
import { presenceHook, type PresenceHook } from "./automation/presence-hook";
import { xrHook, type XrHook } from "./automation/xr-hook";

export type { KioskInfo, Place, TestHookDeps, Vec3, XrHook };
export type { FrameStats } from "./automation/timing-hook";
export type { SceneCounts } from "./automation/scene-hook";
export type { KioskSnapshot } from "./automation/kiosk-hook";

export interface MppTestHook extends SceneHook, KioskHook, TimingHook, PresenceHook {
  // -- PRODUCT.md (with cameraPosition, stats, kiosks, presence of the parts) ---------------------
  /**
   * Resolved when the scene, its models and the first data have loaded and a frame was drawn: the
   * world complete, every building streamed in. The first frame (ground and hub only) comes before
   * it, marked `mpp:first-frame` (page/loading-frames.ts).
   */
  readonly ready: Promise<void>;
  /** Resolved once what loads after ready (shared presence) has started; test/browser's hookReady waits for it too. */
  readonly started: Promise<void>;
  /** Enters immersive VR, the same path as the button. */
  enterXR(): Promise<void>;
  readonly xr: XrHook;
}

declare global {
  interface Window {
    /** The test hook, present only with ?automation=1. */
    __mpp?: MppTestHook;
  }
}

export function installTestHook(win: Window, deps: TestHookDeps): () => void {
  const ctx = hookContext(deps);
  const timing = timingHook(ctx);
  const hook: MppTestHook = {
    ready: deps.ready,
    started: deps.started ?? deps.ready,
    enterXR: () => deps.xr.enter(),
    ...sceneHook(ctx),
    ...kioskHook(ctx),
    ...timing.hook,
    ...presenceHook(ctx),
    xr: xrHook(ctx),
  };
  win.__mpp = hook;
  return () => {
    timing.dispose();
    delete win.__mpp;
  };
}

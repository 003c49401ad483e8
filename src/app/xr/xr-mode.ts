// Enter/leave immersive VR. This module stays small and in the first-load bundle; the WebXR runtime
// (Babylon's XR features, the VR menu) is a separate chunk fetched from our origin on first entry.
import type { XrMenuAction } from "./xr-menu";
import type { Experience } from "../experience";
import type { I18n } from "../i18n/i18n";
import type { XrRun } from "./xr-runtime";

export type XrState = "idle" | "entering" | "in-xr";

interface XrNavigator {
  xr?: { isSessionSupported(mode: string): Promise<boolean> };
}

/** True only where an immersive-vr session can start; false (never an error) everywhere else. */
export async function isImmersiveVrSupported(nav: XrNavigator = navigator as unknown as XrNavigator): Promise<boolean> {
  try {
    if (!nav.xr || typeof nav.xr.isSessionSupported !== "function") return false;
    if (typeof window !== "undefined" && !window.isSecureContext) return false;
    return await nav.xr.isSessionSupported("immersive-vr");
  } catch {
    return false;
  }
}

export interface XrModeDeps {
  experience: Experience;
  i18n: I18n;
  framebufferScale?: number;
  /** Our own folder of controller profiles and models (see xr/controller-models.ts). */
  controllerRepository: string;
  onError?(error: unknown): void;
  /** Extra VR menu buttons (the guide's tools while guiding). */
  menuActions?(): readonly XrMenuAction[];
  /** Those buttons changed: an open menu redraws. Returns the remover. */
  onMenuActionsChange?(listener: () => void): () => void;
}

export interface XrMode {
  readonly state: XrState;
  /** The running session, or null. */
  readonly run: XrRun | null;
  enter(): Promise<void>;
  exit(): Promise<void>;
  dispose(): void;
}

export function createXrMode(deps: XrModeDeps): XrMode {
  let state: XrState = "idle";
  let run: XrRun | null = null;

  return {
    get state() {
      return state;
    },
    get run() {
      return run;
    },
    async enter(): Promise<void> {
      if (state !== "idle") return;
      state = "entering";
      try {
        const { startXr } = await import(/* webpackChunkName: "xr" */ "./xr-runtime");
        run = await startXr({
          experience: deps.experience,
          i18n: deps.i18n,
          controllerRepository: deps.controllerRepository,
          ...(deps.menuActions ? { menuActions: deps.menuActions } : {}),
          ...(deps.onMenuActionsChange ? { onMenuActionsChange: deps.onMenuActionsChange } : {}),
          ...(deps.framebufferScale ? { framebufferScale: deps.framebufferScale } : {}),
          onEnded: () => {
            run = null;
            state = "idle";
          },
        });
        state = "in-xr";
      } catch (e) {
        run = null;
        state = "idle";
        deps.onError?.(e);
      }
    },
    async exit(): Promise<void> {
      await run?.exit();
    },
    dispose() {
      run?.dispose();
      run = null;
    },
  };
}

// What every part of the test hook (../test-hook.ts) reads: the engine, the experience and its scene,
// the page's parts, and a few helpers for world points and cameras.
import type { Engine } from "@babylonjs/core/Engines/engine";
import type { Scene } from "@babylonjs/core/scene";
import type { Camera } from "@babylonjs/core/Cameras/camera";
import { Viewport } from "@babylonjs/core/Maths/math.viewport";
import type { Experience } from "../experience";
import type { LobbyState } from "../lobby/idle-timer";
import type { AttractOrbit } from "../lobby/attract-loop";
import type { XrMode } from "../xr/xr-mode";
import type { PagePresence } from "../presence/start-presence";
import type { SpectatorMode } from "../spectator/spectator-mode";
import type { KioskLayout } from "../viewer/kiosk-layout";

export type Vec3 = [number, number, number];

export interface TestHookDeps {
  engine: Engine;
  experience: Experience;
  ready: Promise<void>;
  /** What loads after ready has started (shared presence); `ready` when nothing does. */
  started?: Promise<void>;
  xr: XrMode;
  lobby(): { readonly state: LobbyState; readonly orbit?: AttractOrbit } | null;
  /** The page's presence; null at a lobby kiosk. */
  presence(): PagePresence | null;
  /** The spectator screen, when mode=spectator. */
  spectator?(): SpectatorMode | null;
  /** The hall's queue screen's lines (queue/hall-display.ts), when one is shown. */
  hallDisplay?(): readonly string[] | null;
  /** The kiosk layout of the moment (viewer/kiosk-stage.ts). */
  kioskLayout?(): KioskLayout;
}

export interface HookContext {
  readonly deps: TestHookDeps;
  readonly engine: Engine;
  readonly exp: Experience;
  readonly scene: Scene;
  /** The active camera, its world matrix current; throws when there is none. */
  camera(): Camera;
}

export function hookContext(deps: TestHookDeps): HookContext {
  const { experience: exp, engine } = deps;
  const scene = exp.scene;
  return {
    deps,
    engine,
    exp,
    scene,
    camera() {
      const cam = scene.activeCamera;
      if (!cam) throw new Error("test hook: no active camera");
      cam.computeWorldMatrix(); // current even if the camera moved since the last frame
      return cam;
    },
  };
}

export const v3 = (p: { x: number; y: number; z: number }): Vec3 => [p.x, p.y, p.z];

/** A camera's viewport in render pixels, y from the top as Vector3.Project counts it (Babylon's viewport counts y from the bottom). */
export function projectViewport(cam: Camera, w: number, h: number): Viewport {
  const v = cam.viewport.toGlobal(w, h);
  return new Viewport(v.x, h - v.y - v.height, v.width, v.height);
}

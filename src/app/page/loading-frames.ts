// Frames while the world loads (issue 18): the plaza's ground and hub as soon as they can be drawn,
// then one frame each time a building arrives, behind the loading cover. Only when something
// arrived, so glTF parsing on a 2-core kiosk keeps the CPU; the page's full render loop starts with
// the experience. The first of these frames is marked FIRST_FRAME_MARK for the bench.
import type { Scene } from "@babylonjs/core/scene";

/** A performance mark at the first rendered frame of the page (read by bench/page-marks.ts). */
export const FIRST_FRAME_MARK = "mpp:first-frame";

/** What the first frame held, as the mark's detail (test/browser/startup.test.ts reads it). */
export interface FirstFrameDetail {
  /** Meshes in the scene when it was drawn. */
  meshes: number;
  /** Meshes actually drawn in it. */
  activeMeshes: number;
}

export interface LoadingFramesDeps {
  /** The engine's render loop (Engine.runRenderLoop / stopRenderLoop). */
  engine: { runRenderLoop(fn: () => void): void; stopRenderLoop(fn?: () => void): void };
  performance: Pick<Performance, "mark" | "getEntriesByName">;
  /** A tab in the background draws no frames: its buildings load without waiting for one. */
  hidden?(): boolean;
}

export interface LoadingFrames {
  /** The scene can be drawn: draws it at the next frame; resolves once that frame is drawn. */
  drawable(scene: Scene): Promise<void>;
  /** Something arrived (a building, progress): one more frame. */
  arrived(): void;
  /** The experience started (its own loop takes over) or failed. */
  stop(): void;
}

export function createLoadingFrames(deps: LoadingFramesDeps): LoadingFrames {
  let scene: Scene | null = null;
  let pending = false;
  const draw = () => {
    if (!scene || !pending) return;
    pending = false;
    scene.render();
  };
  return {
    drawable(s) {
      scene = s;
      pending = true;
      const drawn = new Promise<void>((resolve) => {
        s.onAfterRenderObservable.addOnce(() => {
          if (deps.performance.getEntriesByName(FIRST_FRAME_MARK).length === 0) {
            const detail: FirstFrameDetail = { meshes: s.meshes.length, activeMeshes: s.getActiveMeshes().length };
            deps.performance.mark(FIRST_FRAME_MARK, { detail });
          }
          resolve();
        });
      });
      deps.engine.runRenderLoop(draw);
      return deps.hidden?.() ? Promise.resolve() : drawn;
    },
    arrived() {
      pending = true;
    },
    stop() {
      deps.engine.stopRenderLoop(draw);
      scene = null;
    },
  };
}

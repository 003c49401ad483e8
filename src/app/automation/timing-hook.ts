// The test hook's counts and clocks: the last frame's counts, waiting for frames, CPU time of renders
// and frames (the bench's), and a lost WebGL context.
import { SceneInstrumentation } from "@babylonjs/core/Instrumentation/sceneInstrumentation";
import type { HookContext } from "./hook-context";
import { timeFrames } from "./frame-times";

export interface FrameStats {
  drawCalls: number;
  activeMeshes: number;
  activeTriangles: number;
  materials: number;
  textures: number;
  /** Views drawn in the last frame: 1 on a screen, 2 in a headset (draw calls are for all views). */
  views: number;
}

export interface TimingHook {
  /** Counts of the last frame drawn. */
  stats(): FrameStats;
  /** Resolves after n frames are drawn (XR frames in VR). */
  frames(n: number): Promise<void>;
  /** CPU milliseconds of each of the next n scene renders. */
  renderTimes(n: number): Promise<number[]>;
  /**
   * CPU milliseconds of the next n frames: `render` of scene.render(), `frame` of the whole frame
   * callback (in VR the XR session's: XR camera, controllers, pointer rays, teleport, then the render).
   */
  frameTimes(n: number): Promise<{ render: number[]; frame: number[] }>;
  /** Loses the WebGL context and restores it; resolves once restored ("ok") or says why not. */
  loseContext(): Promise<string>;
}

/** The timing part of the hook, and what removes its frame step and instrumentation. */
export function timingHook({ exp, scene, engine }: HookContext): { hook: TimingHook; dispose(): void } {
  const instrumentation = new SceneInstrumentation(scene);
  const last: FrameStats = { drawCalls: 0, activeMeshes: 0, activeTriangles: 0, materials: 0, textures: 0, views: 1 };
  const offStats = exp.frame.setAfter("stats", () => {
    last.drawCalls = instrumentation.drawCallsCounter.current;
    last.activeMeshes = scene.getActiveMeshes().length;
    last.activeTriangles = Math.round(scene.getActiveIndices() / 3);
    last.materials = scene.materials.length;
    last.textures = scene.textures.length;
    const cam = scene.activeCamera;
    last.views = cam && cam.rigCameras.length > 0 ? cam.rigCameras.length : 1;
  });
  const hook: TimingHook = {
    stats: () => ({ ...last }),
    frames: (n) => new Promise<void>((resolve) => {
      let left = n;
      const o = scene.onAfterRenderObservable.add(() => {
        if (--left > 0) return;
        scene.onAfterRenderObservable.remove(o);
        resolve();
      });
    }),
    async renderTimes(n) {
      // Wraps this scene's render for n frames: the CPU time Babylon spends per frame, in VR too.
      const original = scene.render;
      const times: number[] = [];
      await new Promise<void>((resolve) => {
        scene.render = function (this: typeof scene, ...args: Parameters<typeof original>) {
          const t0 = performance.now();
          original.apply(this, args);
          times.push(performance.now() - t0);
          if (times.length >= n) {
            delete (scene as { render?: unknown }).render; // back to the prototype's
            resolve();
          }
        };
      });
      return times;
    },
    frameTimes: (n) => timeFrames(engine, scene, n),
    async loseContext() {
      const canvas = engine.getRenderingCanvas();
      // Asking the canvas for its context type again returns the engine's own context.
      const gl: WebGLRenderingContext | WebGL2RenderingContext | null = canvas
        ? (engine.webGLVersion >= 2 ? canvas.getContext("webgl2") : canvas.getContext("webgl"))
        : null;
      const ext = gl?.getExtension("WEBGL_lose_context");
      if (!canvas || !gl || !ext) return "no WEBGL_lose_context";
      const restored = new Promise<void>((r) => engine.onContextRestoredObservable.addOnce(() => r()));
      const lost = new Promise<void>((r) => canvas.addEventListener("webglcontextlost", () => r(), { once: true }));
      ext.loseContext();
      await lost;
      await new Promise((r) => setTimeout(r, 300));
      const wasLost = gl.isContextLost();
      ext.restoreContext();
      await restored;
      return wasLost ? "ok" : "the context was not lost";
    },
  };
  return {
    hook,
    dispose() {
      offStats();
      instrumentation.dispose();
    },
  };
}

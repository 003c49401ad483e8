// CPU time of n frames, for the bench (issue 18): scene.render() alone, and the whole frame callback:
// in an XR session the session's (XR camera, controllers, pointer rays, then the render loop), else
// the engine's render loop. Used by the test hook and by the bench's baseline page, so the app and
// the empty scene are timed the same way. Everything it wraps is restored after the n-th frame.
import type { Engine } from "@babylonjs/core/Engines/engine";
import type { Scene } from "@babylonjs/core/scene";

export interface FrameTimes {
  render: number[];
  frame: number[];
}

export async function timeFrames(engine: Engine, scene: Scene, n: number): Promise<FrameTimes> {
  const render: number[] = [];
  const frame: number[] = [];
  const original = scene.render;
  scene.render = function (this: typeof scene, ...args: Parameters<typeof original>) {
    const t0 = performance.now();
    original.apply(this, args);
    render.push(performance.now() - t0);
  };
  // The engine reads the XR session's frame callback (or its own loop) each time it queues a frame.
  const xr = engine.customAnimationFrameRequester;
  const outer = xr?.renderFunction;
  await new Promise<void>((resolve) => {
    const timed = (run: () => void, restore: () => void) => {
      const t0 = performance.now();
      run();
      frame.push(performance.now() - t0);
      if (frame.length >= n) {
        restore();
        delete (scene as { render?: unknown }).render; // back to the prototype's
        resolve();
      }
    };
    if (xr && outer) {
      xr.renderFunction = (...a: unknown[]) => timed(() => outer(...a), () => { xr.renderFunction = outer; });
    } else {
      const loop = engine._renderLoop;
      engine._renderLoop = (t?: number) => timed(() => loop.call(engine, t), () => { delete (engine as { _renderLoop?: unknown })._renderLoop; });
    }
  });
  return { render, frame };
}

// Creates the WebGL engine, or reports plainly that this browser cannot draw 3D, so the page can
// offer the plain list of services instead of a blank canvas.
import { Engine } from "@babylonjs/core/Engines/engine";

export class NoWebGLError extends Error {
  override name = "NoWebGLError";
}

export interface EngineOptions {
  /** Share of the canvas's CSS pixels to draw, 0.25..1 (default 1); below 1 the browser scales the image up. */
  renderScale?: number;
}

export function createEngine(canvas: HTMLCanvasElement, options: EngineOptions = {}): Engine {
  // Babylon throws when the canvas gives no WebGL context. Asking a throwaway canvas first cost a
  // second WebGL context at every start (a slow one on a software renderer), so the engine's own
  // attempt is the check.
  let engine: Engine;
  try {
    engine = new Engine(canvas, true, {
      // A lobby screen or a laptop does not need more than its CSS pixels; a headset renders its own size.
      adaptToDeviceRatio: false,
      powerPreference: "high-performance",
      stencil: false,
      preserveDrawingBuffer: false,
      xrCompatible: true,
      disableWebGL2Support: false,
    }, false);
  } catch (e) {
    throw new NoWebGLError(`create-engine: WebGL is not available (${(e as Error).message})`);
  }
  // Babylon would otherwise print a banner and may try to reach its CDN for missing pieces.
  engine.disableManifestCheck = true;
  // Fill rate is what a software renderer or a weak GPU runs out of: fewer pixels, same picture.
  const scale = options.renderScale ?? 1;
  if (scale >= 0.25 && scale < 1) engine.setHardwareScalingLevel(1 / scale);
  return engine;
}

// How a headset draws the world: the refresh rate, fixed foveation, and multiview (both eyes in one
// render pass, which halves draw calls and most of the CPU time per frame on a Quest). Each is
// used where the browser offers it and silently left out where it does not: an older browser or an
// emulator renders eye by eye at its default rate, and nothing is thrown at the visitor.
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
// Side effect: registers the layers feature with the features manager.
import { WebXRLayers } from "@babylonjs/core/XR/features/WebXRLayers";
import type { IWebXRLayersOptions } from "@babylonjs/core/XR/features/WebXRLayers";

/** The refresh rate asked for where the headset offers it (Quest 2 and later: 72, 90, 120 Hz). */
export const TARGET_FRAME_RATE = 90;
/** Fixed foveation, 0 (none) .. 1 (most): low, since visitors read kiosk text off-centre too. */
export const FOVEATION = 0.1;

/**
 * Asks for 90 Hz where the headset lists it, and keeps fixed foveation low. Both are hints:
 * a browser without them (or an emulator) keeps its defaults, and nothing is thrown at the visitor.
 */
export function tuneDisplay(session: {
  supportedFrameRates: Float32Array | undefined;
  updateTargetFrameRate(rate: number): Promise<void>;
  fixedFoveation: number | null;
}): void {
  const rates = session.supportedFrameRates;
  if (rates && Array.from(rates).includes(TARGET_FRAME_RATE)) {
    session.updateTargetFrameRate(TARGET_FRAME_RATE).catch((e: unknown) => console.warn("xr: the headset kept its frame rate", e));
  }
  try {
    if (session.fixedFoveation !== null) session.fixedFoveation = FOVEATION;
  } catch (e) {
    console.warn("xr: fixed foveation is not adjustable here", e);
  }
}

/**
 * Multiview needs WebXR layers (a projection layer with a texture array: XRWebGLBinding with
 * createProjectionLayer) and the OVR_multiview2 WebGL extension. Quest Browser has both; desktop
 * Chromium has the extension but no layers, and Meta's iwer emulator (the browser tests) has no
 * projection layers, so there the session keeps one XRWebGLLayer and draws eye by eye.
 */
export function multiviewSupported(env: { XRWebGLBinding?: unknown }, caps: { multiview?: unknown }): boolean {
  const proto = typeof env.XRWebGLBinding === "function" ? (env.XRWebGLBinding as { prototype?: unknown }).prototype : undefined;
  const layers = typeof proto === "object" && proto !== null && "createProjectionLayer" in proto;
  return layers && !!caps.multiview;
}

/**
 * Enables Babylon's layers feature with a multiview projection layer where supported (before the
 * session starts: "layers" is then asked for as an optional feature). Returns whether it did.
 */
export function enableMultiview(xr: WebXRDefaultExperience, framebufferScale: number, env: { XRWebGLBinding?: unknown } = globalThis as never): boolean {
  const caps = xr.baseExperience.sessionManager.scene.getEngine().getCaps();
  if (!multiviewSupported(env, caps)) return false;
  const options: IWebXRLayersOptions = { preferMultiviewOnInit: true, projectionLayerInit: { scaleFactor: framebufferScale } };
  try {
    xr.baseExperience.featuresManager.enableFeature(WebXRLayers.Name, "latest", options, true, false);
    return true;
  } catch (e) {
    console.warn("xr: multiview is not available, drawing eye by eye", e);
    return false;
  }
}

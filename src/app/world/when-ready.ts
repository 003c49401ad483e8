// Waits until meshes can be drawn: their materials' shaders compiled (for the instancing they use)
// and their textures loaded. Babylon compiles a shader the first time a mesh is drawn and, with
// parallel shader compilation, skips the mesh until the GPU is done: a model "loaded" that way shows
// up frames later, so the plaza's first frame (and the test hook's `ready`) had only the sky and
// the signs. Asking each mesh isReady(true) before it counts as loaded starts every compilation at
// once and waits for all of them.
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";

export interface WhenReadyOptions {
  /** Give up after this long (ms) and let the meshes appear when they are ready. */
  timeoutMs?: number;
  /** Poll interval, ms. */
  intervalMs?: number;
  /** Told which meshes were still not ready when waiting gave up. */
  onTimeout?(pending: readonly AbstractMesh[]): void;
}

const DEFAULTS: Required<Omit<WhenReadyOptions, "onTimeout">> = { timeoutMs: 60_000, intervalMs: 30 };

/** Meshes that will be drawn: enabled, visible, with geometry. */
export function drawable(meshes: readonly AbstractMesh[]): AbstractMesh[] {
  return meshes.filter((m) => !m.isDisposed() && m.isEnabled() && m.isVisible && m.visibility > 0 && m.getTotalVertices() > 0);
}

/**
 * Resolves when every mesh is ready to draw, or when the timeout passes (a shader that cannot
 * compile must not keep the visitor on the loading screen: that mesh is then simply missing, with a
 * warning). Never rejects.
 */
export function whenMeshesReady(meshes: readonly AbstractMesh[], options: WhenReadyOptions = {}): Promise<void> {
  const o = { ...DEFAULTS, ...options };
  let pending = drawable(meshes);
  const started = Date.now();
  return new Promise<void>((resolve) => {
    const check = () => {
      pending = pending.filter((m) => !m.isDisposed() && !m.isReady(true));
      if (pending.length === 0) return resolve();
      if (Date.now() - started >= o.timeoutMs) {
        if (options.onTimeout) options.onTimeout(pending);
        else console.warn(`when-ready: ${pending.length} meshes not ready after ${o.timeoutMs} ms: ${pending.map((m) => m.name).join(", ")}`);
        return resolve();
      }
      setTimeout(check, o.intervalMs);
    };
    check();
  });
}

// What the first frame's shaders need, started as soon as the scene exists (issue 18 point 1).
import type { Engine } from "@babylonjs/core/Engines/engine";
import type { Scene } from "@babylonjs/core/scene";
import { deferLinkStatus, type DeferredLinks } from "../engine/deferred-link";
import { whenMeshesReady } from "./when-ready";

/**
 * - The palette's StandardMaterial shaders are chunks Babylon imports when the first material
 *   compiles: asked for now, they download while the plaza model loads instead of after it.
 * - The first frame's programs compile while the plaza model and its textures are decoded, not one
 *   wait after another (engine/deferred-link.ts): the sky's is sent now, the ground's and hub's as
 *   soon as the plaza is in. stop() after the first frame: programs compile as Babylon's default.
 */
export function startFirstShaders(engine: Engine, scene: Scene): DeferredLinks {
  void import("@babylonjs/core/Shaders/default.vertex").catch(() => undefined);
  void import("@babylonjs/core/Shaders/default.fragment").catch(() => undefined);
  const links = deferLinkStatus(engine);
  void whenMeshesReady(scene.meshes);
  return links;
}

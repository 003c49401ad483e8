// Shows the visitor's own controllers in VR, from the app's origin only. Babylon's controller
// models normally come from two CDNs (the WebXR input-profiles repository and, for its built-in
// classes, controllers.babylonjs.com), so automatic loading stays off (doNotLoadControllerMeshes)
// and only controllers matched in our own repository (assets/xr-input, built by
// tools/assets/xr-input.ts) get a model. Any other controller keeps working with its pointer ray.
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import type { WebXRInputSource } from "@babylonjs/core/XR/webXRInputSource";
import type { WebXRAbstractMotionController } from "@babylonjs/core/XR/motionController/webXRAbstractMotionController";
import { WebXRProfiledMotionController } from "@babylonjs/core/XR/motionController/webXRProfiledMotionController";
import { SceneLoader } from "@babylonjs/core/Loading/sceneLoader";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { onEachMotionController } from "./controllers";
import { drawOverWorld } from "./draw-order";
import { drawAtRestAsOne } from "./controller-at-rest";
import { asStandardMaterial } from "./controller-material";
import type { Material } from "@babylonjs/core/Materials/material";

export interface ControllerModels {
  /** Root meshes of the models currently shown, by input source id. */
  readonly shown: ReadonlyMap<string, AbstractMesh>;
  dispose(): void;
}

export interface ControllerModelOptions {
  /** Told when a model could not be loaded (the controller still works without it). */
  onError?(profileId: string, error: unknown): void;
}

/**
 * The options for WebXRDefaultExperience's input: profiles from our repository (a URL without a
 * trailing slash, holding profiles/profilesList.json), no automatic models.
 */
export function localInputOptions(repositoryUrl: string) {
  return {
    disableOnlineControllerRepository: false,
    customControllersRepositoryURL: repositoryUrl,
    doNotLoadControllerMeshes: true,
  };
}

export function showControllerModels(xr: WebXRDefaultExperience, options: ControllerModelOptions = {}): ControllerModels {
  const shown = new Map<string, AbstractMesh>();
  const cleanups: Array<() => void> = [];
  let disposed = false;

  const load = async (source: WebXRInputSource, mc: WebXRAbstractMotionController) => {
    // Only profiles from our repository: the built-in classes would load from a CDN.
    if (!(mc instanceof WebXRProfiledMotionController)) return;
    if (!SceneLoader.IsPluginForExtensionAvailable(".glb")) return;
    try {
      const ok = await mc.loadModel();
      const root = mc.rootMesh;
      if (!ok || !root) return;
      // The controller may have gone (session ended, controller put down) while its model loaded.
      if (disposed || !xr.input.controllers.includes(source) || source.motionController !== mc) {
        mc.dispose();
        return;
      }
      root.parent = source.grip ?? source.pointer;
      // The model's PBR materials become frozen StandardMaterials (controller-material.ts): they
      // never change, and Babylon binds them at every draw, four a frame for two controllers.
      const swapped = new Map<Material, Material>();
      for (const m of root.getChildMeshes(false)) {
        m.isPickable = false;
        if (!m.material) continue;
        let standard = swapped.get(m.material);
        if (!standard) swapped.set(m.material, (standard = asStandardMaterial(m.getScene(), m.material)));
        m.material = standard;
      }
      // The PBR materials are no longer drawn; their textures are the new materials' own.
      for (const [pbr, standard] of swapped) if (pbr !== standard) pbr.dispose(false, false);
      drawOverWorld(root); // seen in front of the VR menu it points at (draw-order.ts)
      // One draw call instead of six while no finger moves a part (controller-at-rest.ts).
      const rest = drawAtRestAsOne(mc, root);
      shown.set(source.uniqueId, root);
      const gone = root.onDisposeObservable.addOnce(() => {
        shown.delete(source.uniqueId);
        rest?.dispose();
      });
      cleanups.push(() => {
        root.onDisposeObservable.remove(gone);
        rest?.dispose();
      });
    } catch (e) {
      options.onError?.(mc.profileId, e);
    }
  };

  cleanups.push(onEachMotionController(xr.input, (source, mc) => void load(source, mc)));

  return {
    shown,
    dispose() {
      disposed = true;
      for (const c of cleanups.splice(0)) c();
      shown.clear();
    },
  };
}

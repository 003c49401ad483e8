// Tracked hands drawn as skinned hands, from our own origin. Babylon's default hand meshes and
// their node material come from assets.babylonjs.com, which a booth may not reach; these come from
// assets/xr-input/hands (tools/assets/xr-input.ts), whose bones are named after the WebXR joints,
// so Babylon's hand tracking drives them without a rig mapping. If they cannot be loaded, hands
// are drawn as Babylon's joint spheres instead, and pinching works the same.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { LoadAssetContainerAsync } from "@babylonjs/core/Loading/sceneLoader";
import type { AssetContainer } from "@babylonjs/core/assetContainer";
import { Color3 } from "@babylonjs/core/Maths/math.color";
import { PBRMaterial } from "@babylonjs/core/Materials/PBR/pbrMaterial";
import { drawOverWorld } from "./draw-order";

export interface HandMeshes {
  left: AbstractMesh;
  right: AbstractMesh;
  dispose(): void;
}

/** A warm skin tone instead of the model's grey, lit like the rest of the scene. */
const HAND_COLOR = new Color3(0.78, 0.6, 0.5);

async function loadHand(scene: Scene, url: string): Promise<{ mesh: AbstractMesh; container: AssetContainer }> {
  const container = await LoadAssetContainerAsync(url, scene, { pluginExtension: ".glb" });
  const mesh = container.meshes.find((m) => m.skeleton);
  if (!mesh) {
    container.dispose();
    throw new Error(`hand-models: ${url} has no skinned mesh`);
  }
  const material = mesh.material;
  if (material instanceof PBRMaterial) material.albedoColor = HAND_COLOR;
  // Babylon's own hand meshes are set up this way: bones computed on the GPU, not in a texture.
  if (mesh.skeleton) mesh.skeleton.useTextureToStoreBoneMatrices = false;
  mesh.isVisible = false; // shown by hand tracking while the hand is tracked
  mesh.isPickable = false;
  drawOverWorld(mesh); // seen in front of the VR menu it points at (draw-order.ts)
  container.addAllToScene();
  return { mesh, container };
}

/** Loads both hands from `${baseUrl}left.glb` and `right.glb`; null (never a rejection) on failure. */
export async function loadHandMeshes(scene: Scene, baseUrl: string, onError?: (e: unknown) => void): Promise<HandMeshes | null> {
  const results = await Promise.allSettled([loadHand(scene, `${baseUrl}left.glb`), loadHand(scene, `${baseUrl}right.glb`)]);
  const [left, right] = results;
  if (left.status === "fulfilled" && right.status === "fulfilled") {
    return {
      left: left.value.mesh,
      right: right.value.mesh,
      dispose() {
        left.value.container.removeAllFromScene();
        left.value.container.dispose();
        right.value.container.removeAllFromScene();
        right.value.container.dispose();
      },
    };
  }
  for (const r of results) {
    if (r.status === "fulfilled") {
      r.value.container.removeAllFromScene();
      r.value.container.dispose();
    } else onError?.(r.reason);
  }
  return null;
}

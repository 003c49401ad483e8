// Which meshes Babylon looks at when it chooses what to draw. By default it walks every mesh of the
// scene three times a VR frame (once for world matrices, once per eye), also those that cannot be
// drawn: the plaza's pick proxies (visibility 0: picked and solid, never drawn), a closed kiosk
// panel and VR menu, hand models while controllers are held, a building interior's parts while on
// the plaza. At the hub in VR that was 158 meshes for about 50 drawn per eye (127 remain candidates:
// most of the rest is culled by the frustum, which Babylon must test). Here the candidates are only
// the meshes that can be drawn: enabled, with visibility > 0 (an instance has its source's). Nothing
// drawn changes: Babylon skipped the others later in the same loop. Picking and collisions do not
// use this list, and compute the world matrices they need themselves.
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { SmartArray } from "@babylonjs/core/Misc/smartArray";

/** Whether Babylon could draw the mesh this frame (the rest it would skip after some work). */
export function canBeDrawn(m: AbstractMesh): boolean {
  return m.visibility > 0 && m.isEnabled();
}

/** Gives the scene the drawable meshes as its active-mesh candidates; returns the undo. */
export function useDrawableCandidates(scene: Scene): () => void {
  const list = new SmartArray<AbstractMesh>(256);
  scene.getActiveMeshCandidates = () => {
    list.reset();
    const meshes = scene.meshes;
    for (let i = 0; i < meshes.length; i++) {
      const m = meshes[i]!;
      if (canBeDrawn(m)) list.push(m);
    }
    return list;
  };
  return () => {
    scene.getActiveMeshCandidates = () => scene._getDefaultMeshCandidates();
    list.dispose();
  };
}

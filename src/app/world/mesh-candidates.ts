// Which meshes Babylon looks at when it chooses what to draw. By default it walks every mesh of the
// scene once per view (in VR once per eye), also those that cannot be drawn: the plaza's pick
// proxies (visibility 0: picked and solid, never drawn), hidden meshes (isVisible false: the 50
// hand-joint meshes while controllers are held, a closed panel's parts), nodes with no geometry
// (the 28 glTF roots, the controllers' pointer and grip nodes), a closed kiosk panel and VR menu, a
// building interior's parts while on the plaza. At the hub in VR that was 158 meshes per eye for
// about 30 drawn. Here the candidates are only the meshes that can be drawn: enabled, visible, with
// visibility > 0 (an instance has its source's) and geometry, chosen once per frame for both eyes.
// Nothing drawn changes: Babylon skipped the others later in the same loop. Picking and collisions
// do not use this list and compute the world matrices they need themselves; a child's world matrix
// computes its parents' (a glTF root left out still moves its children).
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { SmartArray } from "@babylonjs/core/Misc/smartArray";

/** Whether Babylon could draw the mesh this frame (the rest it would skip after some work). */
export function canBeDrawn(m: AbstractMesh): boolean {
  return m.isVisible && visibilityOf(m) > 0 && m.getTotalVertices() > 0 && m.isEnabled();
}

type WithVisibility = { _internalAbstractMeshDataInfo?: { _visibility: number }; sourceMesh?: WithVisibility };

/**
 * `visibility` read as a field: Babylon's getter differs between meshes and instances, so it is not
 * inlined here, and a number returned from a call is boxed: an allocation per mesh per frame
 * (test/app/frame-allocations.test.ts). An instance has its source's visibility.
 */
function visibilityOf(m: AbstractMesh): number {
  const own = m as unknown as WithVisibility;
  const info = (own.sourceMesh ?? own)._internalAbstractMeshDataInfo;
  return info ? info._visibility : m.visibility;
}

/**
 * Gives the scene the drawable meshes as its active-mesh candidates, chosen on the first call of
 * each frame (Babylon asks once per view, after the frame's before-render steps); returns the undo.
 */
export function useDrawableCandidates(scene: Scene): () => void {
  const list = new SmartArray<AbstractMesh>(256);
  let frame = -1;
  // A mesh disposed within the frame is not offered to the next view.
  const removed = scene.onMeshRemovedObservable.add(() => {
    frame = -1;
  });
  scene.getActiveMeshCandidates = () => {
    if (frame === scene.getFrameId()) return list;
    frame = scene.getFrameId();
    list.reset();
    const meshes = scene.meshes;
    for (let i = 0; i < meshes.length; i++) {
      const m = meshes[i]!;
      if (canBeDrawn(m)) list.push(m);
    }
    return list;
  };
  return () => {
    scene.onMeshRemovedObservable.remove(removed);
    scene.getActiveMeshCandidates = () => scene._getDefaultMeshCandidates();
    list.dispose();
  };
}

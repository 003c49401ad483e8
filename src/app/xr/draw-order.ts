// What a headset draws over the world. The VR menu floats 1.3 m ahead wherever the visitor stands, so
// a counter board, a sign or a wall nearer than that would cut through it and its text show through
// (issue 20 point 2). The menu is drawn in a later rendering group, after the world's depth is
// cleared; the visitor's own controllers and hands join it, so they stay visible in front of the menu
// they point at (within the group they are still depth-tested against it).
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";

/** Babylon's rendering group of the VR menu and of the controllers and hands (the world is group 0). */
export const XR_OVERLAY_GROUP = 1;

/** Draws a mesh and its descendants over the world. */
export function drawOverWorld(mesh: AbstractMesh): void {
  mesh.renderingGroupId = XR_OVERLAY_GROUP;
  for (const m of mesh.getChildMeshes(false)) m.renderingGroupId = XR_OVERLAY_GROUP;
}

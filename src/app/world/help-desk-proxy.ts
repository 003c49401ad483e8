// The help desk's pick target. The desk's geometry is merged into the hall's static meshes (one
// draw call per material, bench/budgets.ts), so a pointer cannot tell it apart: an invisible box
// where the desk stands carries the role instead (visibility 0: never drawn, so no draw call, yet
// hit by the mouse, a finger and a controller's ray, as the ticket machine's, queue-machine.ts).
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { orientToward } from "./orient";

/** The anchor stands this far in front of the desk (tools/assets/interior-model.ts, front(helpDesk, 0.9)). */
export const DESK_BEHIND_ANCHOR_M = 0.9;
/** The desk with its top and screen: 2.1 m wide, 1.5 m high, 0.84 m deep (helpDeskGeometry). */
const SIZE = { width: 2.1, height: 1.5, depth: 0.84 };

/** `foot`: the anchor on the floor; `normal`: horizontal, towards the visitor. */
export function createHelpDeskProxy(scene: Scene, foot: Vector3, normal: Vector3, parent: TransformNode): AbstractMesh {
  const mesh = CreateBox("help-desk-pick", SIZE, scene);
  mesh.position.set(foot.x - normal.x * DESK_BEHIND_ANCHOR_M, foot.y + SIZE.height / 2, foot.z - normal.z * DESK_BEHIND_ANCHOR_M);
  orientToward(mesh, normal);
  mesh.setParent(parent);
  mesh.visibility = 0;
  mesh.isPickable = true;
  // The pick router finds the role on the mesh's metadata, as on a glTF node.
  mesh.metadata = { gltf: { extras: { role: "help-desk" } } };
  return mesh;
}

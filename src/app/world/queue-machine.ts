// The hall's ticket machine (role "queue-machine": a mesh-less anchor 0.7 m in front of the machine,
// its +Z towards where the visitor stands; the machine itself is merged into the hall's furnishing).
// A pointer needs a mesh of its own to hit, so the machine gets an invisible pickable box where it
// stands (visibility 0: never drawn, still hit by mouse, touch and controller rays).
import type { Scene } from "@babylonjs/core/scene";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { orientToward } from "./orient";

/** The anchor stands this far in front of the machine (tools/assets/interior-model.ts). */
const ANCHOR_AHEAD_M = 0.7;
/** The machine's size: 0.64 m wide, 1.7 m high, 0.5 m deep. */
const SIZE = { width: 0.64, height: 1.7, depth: 0.5 };
/** Its kiosk panel opens at standing eye level above the anchor. */
const PANEL_HEIGHT_M = 1.45;

export interface QueueMachine {
  /** The invisible pick target over the machine. */
  mesh: AbstractMesh;
  /** Where its kiosk panel opens, and the direction it faces (towards the visitor). */
  center: Vector3;
  normal: Vector3;
}

export function createQueueMachineProxy(scene: Scene, anchor: TransformNode, parent: TransformNode): QueueMachine {
  anchor.computeWorldMatrix(true);
  const at = anchor.getAbsolutePosition();
  const normal = Vector3.TransformNormal(new Vector3(0, 0, 1), anchor.getWorldMatrix());
  normal.y = 0;
  normal.normalize();
  const mesh = CreateBox("queue-machine-pick", SIZE, scene);
  mesh.position.set(at.x - normal.x * ANCHOR_AHEAD_M, at.y + SIZE.height / 2, at.z - normal.z * ANCHOR_AHEAD_M);
  orientToward(mesh, normal);
  mesh.setParent(parent);
  mesh.visibility = 0;
  mesh.isPickable = true;
  // The pick router finds the role on the mesh's metadata, as on a glTF node.
  mesh.metadata = { gltf: { extras: { role: "queue-machine" } } };
  return { mesh, center: new Vector3(at.x, at.y + PANEL_HEIGHT_M, at.z), normal };
}

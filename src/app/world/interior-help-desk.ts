// The MPP's help desk inside the hall (role `help-desk`): where its panel floats, which way it faces,
// where its board hangs over the desk, and its invisible pick target. Read by interior.ts.
import type { Scene } from "@babylonjs/core/scene";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { nodesWithRole, type RoleIndex } from "./roles";
import { createHelpDeskProxy } from "./help-desk-proxy";

/** The MPP's help desk: its `help-desk` anchor (on the floor in front of the desk, +Z toward the visitor). */
export interface HelpDesk {
  /** The anchor node; meshes under it (a model may give the desk itself the role) answer to the help-desk pick route. */
  node: TransformNode;
  /** Where its panel floats (1.45 m above the anchor) and its facing (the anchor's +Z). */
  center: Vector3;
  normal: Vector3;
  /** The centre of the board over the desk (title and the MPP's IKM), or null when not drawn. */
  board: Vector3 | null;
  /** The desk's invisible pick target (its geometry is merged into the hall's static meshes). */
  mesh: AbstractMesh;
}

/** The panel's height above the help desk's anchor, as the counters' kiosks (assets/README.md). */
const HELP_DESK_PANEL_Y = 1.45;
/** The board: over the desk (0.9 m behind the anchor), above its screen, facing the visitor. */
export const HELP_DESK_BOARD = { back: 0.9, y: 2.15, width: 1.8, height: 0.45 };

export function findHelpDesk(scene: Scene, root: TransformNode, index: RoleIndex, withBoard: boolean): HelpDesk | null {
  const node = nodesWithRole(index, "help-desk")[0];
  if (!node) return null;
  node.computeWorldMatrix(true);
  const foot = node.getAbsolutePosition().clone();
  const normal = Vector3.TransformNormal(new Vector3(0, 0, 1), node.getWorldMatrix());
  normal.y = 0;
  normal.normalize();
  const center = foot.add(new Vector3(0, HELP_DESK_PANEL_Y, 0));
  const board = withBoard ? foot.add(normal.scale(-HELP_DESK_BOARD.back)).addInPlace(new Vector3(0, HELP_DESK_BOARD.y, 0)) : null;
  return { node, center, normal, board, mesh: createHelpDeskProxy(scene, foot, normal, root) };
}

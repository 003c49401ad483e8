// Turning flat quads (signs, labels, panels) to face a direction about the vertical axis.
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { Vector3 } from "@babylonjs/core/Maths/math.vector";

/**
 * Turns a quad built by Babylon's plane builder to face along `normal`. The builder's front is its
 * local -Z and rotation.y turns +Z toward (sin y, 0, cos y) in both handednesses, so the front needs
 * the yaw of the normal plus a half turn. (Checked in the browser: a quad at yaw alone is culled.)
 */
export function orientToward(node: TransformNode, normal: Vector3): void {
  node.rotation.set(0, Math.atan2(normal.x, normal.z) + Math.PI, 0);
}

// The exit sign over the hall's door (issue 20 point 5): its size, and where it hangs, from the exit
// node (role `entrance`, extras.doorHeight). Read by interior.ts, which draws it in the labels' atlas.
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { extrasOf } from "./roles";

/** The exit sign's size, and its gap above the doorway. */
export const EXIT_SIGN = { width: 1.6, height: 0.4, above: 0.45, inward: 0.12, defaultDoorHeight: 2.8 };

/** Over the exit's doorway, slightly inside the hall, facing in (the exit's +Z points out). */
export function exitSignPose(exit: TransformNode): { center: Vector3; normal: Vector3 } {
  exit.computeWorldMatrix(true);
  const h = extrasOf(exit)?.doorHeight;
  const doorHeight = typeof h === "number" && h > 0 ? h : EXIT_SIGN.defaultDoorHeight;
  const normal = Vector3.TransformNormal(new Vector3(0, 0, -1), exit.getWorldMatrix());
  normal.y = 0;
  normal.normalize();
  const center = exit.getAbsolutePosition().add(normal.scale(EXIT_SIGN.inward));
  center.y += doorHeight + EXIT_SIGN.above + EXIT_SIGN.height / 2;
  return { center, normal };
}

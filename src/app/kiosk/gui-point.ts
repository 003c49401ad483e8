// Where a GUI control drawn on a mesh (the kiosk panel, the VR menu) is in the world: what a
// controller must point at to press it. Used by the test hook; the panels themselves never need it.
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import type { AdvancedDynamicTexture } from "@babylonjs/gui/2D/advancedDynamicTexture";

/** The world position of the centre of the control named `name`, or null when there is none. */
export function controlWorldCenter(mesh: Mesh, ui: AdvancedDynamicTexture, name: string): [number, number, number] | null {
  const control = ui.getControlByName(name);
  if (!control || !mesh.isEnabled()) return null;
  const size = ui.getSize();
  const u = control.centerX / size.width;
  const v = control.centerY / size.height;
  const ext = mesh.getBoundingInfo().boundingBox.extendSize;
  mesh.computeWorldMatrix(true);
  const p = Vector3.TransformCoordinates(new Vector3((u - 0.5) * 2 * ext.x, (0.5 - v) * 2 * ext.y, 0), mesh.getWorldMatrix());
  return [p.x, p.y, p.z];
}

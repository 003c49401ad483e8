// The directory kiosk at the plaza hub (role "kiosk", kind "directory"): a sign the visitor points at
// or clicks to open the directory. One quad in its own small atlas, redrawn on a language change.
import type { Scene } from "@babylonjs/core/scene";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import type { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { buildSignAtlas, createSignQuad, type SignText } from "./sign-atlas";
import { orientToward } from "./orient";
import { anchorPose } from "./plaza";

export interface DirectoryKiosk {
  mesh: Mesh | null;
  center: Vector3;
  normal: Vector3;
  repaint(text: SignText): void;
  setEnabled(on: boolean): void;
  dispose(): void;
}

export function createDirectoryKiosk(scene: Scene, anchor: TransformNode, text: SignText): DirectoryKiosk {
  const pose = anchorPose(anchor);
  const quad = createSignQuad(scene, "directory-kiosk", 1.2, 0.6);
  quad.position.copyFrom(pose.position);
  orientToward(quad, pose.forward);
  const atlas = buildSignAtlas(scene, "directory", [{ mesh: quad, text }], { width: 512, height: 256 });
  if (atlas.mesh) atlas.mesh.isPickable = true;
  return {
    mesh: atlas.mesh,
    center: pose.position,
    normal: pose.forward,
    repaint: (t) => atlas.repaint([t]),
    setEnabled: (on) => atlas.mesh?.setEnabled(on),
    dispose: () => atlas.dispose(),
  };
}

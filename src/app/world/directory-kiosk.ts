// The directory kiosk at the plaza hub (role "kiosk", kind "directory"): a sign the visitor points at
// or clicks to open the directory. Its face is a panel of the plaza's sign atlas, drawn in one draw
// call with the building signs and the legend (plaza.ts); an invisible twin of the quad is what a
// pointer or a click picks, as a building's body proxy is. Redrawn on a language change.
import type { Scene } from "@babylonjs/core/scene";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";
import type { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createSignQuad, paintSign, type PanelPainter, type SignText } from "./sign-atlas";
import { orientToward } from "./orient";

/** The kiosk's region of the plaza's sign atlas, px (the quad is 1.2 x 0.6 m). */
export const DIRECTORY_PANEL = { width: 512, height: 256 } as const;

export interface DirectoryQuads {
  /** The drawn face, to be merged into the sign atlas's mesh. */
  face: Mesh;
  /** Never drawn (visibility 0), picked. */
  proxy: Mesh;
  center: Vector3;
  normal: Vector3;
}

export interface DirectoryKiosk {
  /** What is picked: the invisible twin of the drawn face. */
  mesh: Mesh | null;
  center: Vector3;
  normal: Vector3;
  repaint(text: SignText): void;
  setEnabled(on: boolean): void;
  dispose(): void;
}

/** The kiosk's quad at the anchor, facing where the anchor looks, and its pickable twin. */
export function createDirectoryQuads(scene: Scene, pose: { position: Vector3; forward: Vector3 }): DirectoryQuads {
  const face = createSignQuad(scene, "directory-kiosk-face", 1.2, 0.6);
  face.position.copyFrom(pose.position);
  orientToward(face, pose.forward);
  const proxy = face.clone("directory-kiosk", null)!;
  proxy.makeGeometryUnique();
  proxy.visibility = 0;
  proxy.isPickable = true;
  face.isPickable = false;
  return { face, proxy, center: pose.position.clone(), normal: pose.forward.clone() };
}

/** The kiosk around its quads; `paintPanel` draws into its region of the atlas. */
export function createDirectoryKiosk(quads: Pick<DirectoryQuads, "proxy" | "center" | "normal">, paintPanel: (painter: PanelPainter) => void, text: SignText): DirectoryKiosk {
  const repaint = (t: SignText) => paintPanel((ctx, width, height) => paintSign(ctx, t, 0, 0, width, height));
  repaint(text);
  return {
    mesh: quads.proxy,
    center: quads.center,
    normal: quads.normal,
    repaint,
    setEnabled: (on) => quads.proxy.setEnabled(on),
    dispose: () => {
      if (!quads.proxy.isDisposed()) quads.proxy.dispose();
    },
  };
}

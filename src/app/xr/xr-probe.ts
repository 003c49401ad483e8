// What browser tests (through window.__mpp.xr, ?automation=1 only) read and do in a running VR
// session, as named queries: the controllers and their models, the tracked hands, the VR menu, the
// headset's pose. Part of the lazily loaded XR chunk, like the session itself.
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import type { WebXRSessionManager } from "@babylonjs/core/XR/webXRSessionManager";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { WebXRHandJoint, WebXRHandTracking } from "@babylonjs/core/XR/features/WebXRHandTracking";
import type { ControllerModels } from "./controller-models";
import type { XrMenu } from "./xr-menu";
import { controlWorldCenter } from "../kiosk/gui-point";

export type Vec3 = [number, number, number];

export interface XrControllerInfo {
  hand: string;
  /** The input profile Babylon settled on, or null while it loads. */
  profile: string | null;
  /** Whether our model of it is shown, under its grip, and how many drawn meshes it has. */
  model: { underGrip: boolean; meshes: number; pickable: boolean } | null;
}

export interface XrHandInfo {
  side: "left" | "right";
  tracked: boolean;
  /** Our skinned hand model: whether it is shown, and how many of its bones follow tracked joints. */
  model: { visible: boolean; linkedBones: number } | null;
  /** Babylon's joint spheres shown (the fallback without a model). */
  jointsShown: number;
}

export interface XrProbe {
  controllers(): XrControllerInfo[];
  hands(): XrHandInfo[];
  menuVisible(): boolean;
  hideMenu(): void;
  /** The world centre of a control of the VR menu (e.g. "xr-region-3201"), or null. */
  menuControlCenter(name: string): Vec3 | null;
  /** The headset's position and rotation quaternion [x, y, z, w] in the world. */
  pose(): { position: Vec3; rotation: [number, number, number, number] };
  /** Ends the XR session from outside the app, as the headset's system menu does. */
  endSession(): Promise<void>;
}

const JOINTS: readonly string[] = Object.values(WebXRHandJoint);

function isWithin(node: TransformNode, root: TransformNode): boolean {
  return node === root || node.isDescendantOf(root);
}

export function createXrProbe(deps: { xr: WebXRDefaultExperience; models: ControllerModels; menu: XrMenu; session: WebXRSessionManager }): XrProbe {
  const { xr, models, menu } = deps;
  return {
    controllers() {
      return xr.input.controllers.map((c) => {
        const root = models.shown.get(c.uniqueId);
        const drawn = root ? root.getChildMeshes(false).filter((m) => m.getTotalVertices() > 0) : [];
        return {
          hand: c.inputSource.handedness,
          profile: c.motionController?.profileId ?? null,
          model: root ? { underGrip: root.parent === c.grip, meshes: drawn.length, pickable: root.getChildMeshes(false).some((m) => m.isPickable) } : null,
        };
      });
    },
    hands() {
      const tracking = xr.baseExperience.featuresManager.getEnabledFeature(WebXRHandTracking.Name) as WebXRHandTracking | null;
      return (["left", "right"] as const).map((side) => {
        const hand = tracking?.getHandByHandedness(side) ?? null;
        const mesh = hand?.handMesh ?? null;
        let root: TransformNode | null = mesh;
        while (root?.parent) root = root.parent as TransformNode;
        // A bone follows a tracked joint when it is linked to Babylon's joint node, not its own model's.
        const linkedBones = mesh?.skeleton?.bones.filter((b) => {
          const node = b.getTransformNode();
          return node !== null && JOINTS.includes(b.name) && !(root && isWithin(node, root));
        }).length ?? 0;
        return {
          side,
          tracked: hand !== null,
          model: mesh ? { visible: mesh.isVisible, linkedBones } : null,
          jointsShown: hand ? JOINTS.filter((j) => hand.getJointMesh(j as WebXRHandJoint)?.isVisible).length : 0,
        };
      });
    },
    menuVisible: () => menu.visible,
    hideMenu: () => menu.hide(),
    menuControlCenter: (name) => controlWorldCenter(menu.mesh, menu.ui, name),
    pose() {
      const cam = xr.baseExperience.camera;
      const p = cam.globalPosition;
      const q = cam.rotationQuaternion;
      return { position: [p.x, p.y, p.z], rotation: [q.x, q.y, q.z, q.w] };
    },
    endSession: () => deps.session.session.end(),
  };
}

// What browser tests (through window.__mpp.xr, ?automation=1 only) read and do in a running VR
// session, as named queries: the controllers and their models, the tracked hands, the VR menu, the
// headset's pose. Part of the lazily loaded XR chunk, like the session itself.
import type { WebXRDefaultExperience } from "@babylonjs/core/XR/webXRDefaultExperience";
import type { WebXRSessionManager } from "@babylonjs/core/XR/webXRSessionManager";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { Ray } from "@babylonjs/core/Culling/ray";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import type { Rectangle } from "@babylonjs/gui/2D/controls/rectangle";
import { WebXRHandJoint, WebXRHandTracking } from "@babylonjs/core/XR/features/WebXRHandTracking";
import type { ControllerModels } from "./controller-models";
import type { XrMenu } from "./xr-menu";
import { controlWorldCenter } from "../kiosk/gui-point";

export type Vec3 = [number, number, number];

export interface XrControllerInfo {
  hand: string;
  /** The input profile Babylon settled on, or null while it loads. */
  profile: string | null;
  /**
   * Whether our model of it is shown, under its grip, how many meshes with geometry it has, and how
   * many of them are drawn now (1 while the controller rests: xr/controller-at-rest.ts).
   */
  model: { underGrip: boolean; meshes: number; drawn: number; pickable: boolean; materials: string[] } | null;
  /** Whether the one pointer ray is on this controller (xr/pointing-hand.ts). */
  pointing: boolean;
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
  /** What each controller's pointer ray rests on: the mesh's name, and how its normals are stored (a packed buffer is unpacked at every pick's normal). */
  pointedAt(): Array<{ hand: string; mesh: string | null; floatNormals: boolean | null }>;
  menuVisible(): boolean;
  hideMenu(): void;
  /**
   * How the open menu is drawn against the world: its rendering group, whether its frame is opaque,
   * and the world's meshes (not the visitor's controllers or hands) that lie between the eyes and the
   * menu's face, with their rendering groups. Null while the menu is closed.
   */
  menuCover(): { group: number; opaque: boolean; world: Array<{ name: string; group: number }> } | null;
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
          model: root ? {
            underGrip: root.parent === c.grip,
            meshes: drawn.length,
            drawn: drawn.filter((m) => m.isEnabled() && m.isVisible).length,
            pickable: root.getChildMeshes(false).some((m) => m.isPickable),
            materials: [...new Set(drawn.map((m) => m.material?.getClassName() ?? "none"))],
          } : null,
          pointing: xr.pointerSelection.attachedControllerId === c.uniqueId,
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
    pointedAt() {
      return xr.input.controllers.map((c) => {
        const mesh = xr.pointerSelection.getMeshUnderPointer(c.uniqueId);
        const nb = mesh?.getVertexBuffer(VertexBuffer.NormalKind) ?? null;
        return {
          hand: c.inputSource.handedness,
          mesh: mesh?.name ?? null,
          floatNormals: nb ? nb.type === VertexBuffer.FLOAT && nb.byteStride === 12 : null,
        };
      });
    },
    menuVisible: () => menu.visible,
    hideMenu: () => menu.hide(),
    menuCover() {
      if (!menu.visible) return null;
      const scene = menu.mesh.getScene();
      const own = (m: AbstractMesh) => xr.input.controllers.some((c) => isWithin(m, c.pointer) || (c.grip !== undefined && isWithin(m, c.grip))) || m.skeleton !== null;
      const eye = xr.baseExperience.camera.globalPosition;
      const ext = menu.mesh.getBoundingInfo().boundingBox.extendSize;
      menu.mesh.computeWorldMatrix(true);
      const world = new Map<string, number>();
      // Nine points over the menu's face, each seen from the eyes: what lies before it on that line.
      for (const u of [-0.8, 0, 0.8]) {
        for (const v of [-0.8, 0, 0.8]) {
          const p = Vector3.TransformCoordinates(new Vector3(u * ext.x, v * ext.y, 0), menu.mesh.getWorldMatrix());
          const dir = p.subtract(eye);
          const ray = new Ray(eye, dir.normalizeToNew(), dir.length() - 0.01);
          const hits = scene.multiPickWithRay(ray, (m) => m !== menu.mesh && m.isEnabled() && m.isVisible && m.visibility > 0 && m.getTotalVertices() > 0 && !own(m)) ?? [];
          for (const h of hits) if (h.pickedMesh) world.set(h.pickedMesh.name, h.pickedMesh.renderingGroupId);
        }
      }
      const frame = menu.ui.getControlByName("xr-menu-frame") as Rectangle | null;
      const bg = frame?.background ?? "";
      return {
        group: menu.mesh.renderingGroupId,
        opaque: /^#[0-9a-f]{6}$/i.test(bg) || /^#[0-9a-f]{6}ff$/i.test(bg),
        world: [...world].map(([name, group]) => ({ name, group })),
      };
    },
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

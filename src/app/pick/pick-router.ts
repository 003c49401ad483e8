// Which click, tap, trigger or pinch goes where. Each kind of target is a named route in PICK_ORDER
// (first match wins); whoever builds a target registers its route by name. A new kind of target
// (a glTF role such as a queue machine) is a new name here and one set() where it is built.
import type { Scene } from "@babylonjs/core/scene";
import type { Observer } from "@babylonjs/core/Misc/observable";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Node } from "@babylonjs/core/node";
import type { Ray } from "@babylonjs/core/Culling/ray";
import { PointerEventTypes, type PointerInfo } from "@babylonjs/core/Events/pointerEvents";
import { extrasOf, type Extras, type Role } from "../world/roles";

export const PICK_ORDER = [
  "kiosk-panel", //     the open kiosk's 3D panel: its GUI handles its own clicks
  "counter-kiosk", //   a counter's kiosk label inside a building: opens that agency's kiosk
  "help-desk", //       an MPP's help desk (kiosk/help-desk.ts): questions, complaints, the SKM
  "directory-kiosk", // the hub's directory sign: the page's directory, or the VR menu in a headset
  "queue-machine", //   a hall's ticket machine (role "queue-machine"): opens the queue's kiosk screens
  "map", //             the hub's map table (role "map"): travel to the building under the pointer
  "floor", //           a floor on a screen: glide there (in a headset floors are the teleport's)
  "building", //        a building's wall on the plaza: walk to its door
] as const;

export type PickRouteName = (typeof PICK_ORDER)[number];

export interface PickHit {
  mesh: AbstractMesh;
  /** Where the pointer met the mesh; null for a headset's controller ray (no glide in VR). */
  point: Vector3 | null;
  /** Where any pointer met the mesh, a controller ray too (the map table reads it); null when unknown. */
  at?: Vector3 | null;
  /** The pointer's ray (mouse, finger or controller), when known. */
  ray?: Ray | null;
  faceId: number;
}

export interface PickRoute {
  /** Whether this route takes picks on the mesh. */
  owns(mesh: AbstractMesh): boolean;
  run(hit: PickHit): void;
}

export interface PickRouter {
  /** Routes picks `route` owns until the returned function is called; one route per name. */
  set(name: PickRouteName, route: PickRoute): () => void;
  /** Sends a pick to the first route that owns its mesh; false when none does. */
  route(hit: PickHit): boolean;
  dispose(): void;
}

export interface PickRouterDeps {
  /**
   * True while the pointer is a mouse or finger on the canvas: the router picks where it points.
   * False in a headset, where the controller's ray has already picked.
   */
  screenPointer(): boolean;
}

export function createPickRouter(scene: Scene, deps: PickRouterDeps): PickRouter {
  const routes: (PickRoute | null)[] = PICK_ORDER.map(() => null);

  function route(hit: PickHit): boolean {
    for (const r of routes) {
      if (r?.owns(hit.mesh)) {
        r.run(hit);
        return true;
      }
    }
    return false;
  }

  const pointer: Observer<PointerInfo> = scene.onPointerObservable.add((info) => {
    if (info.type !== PointerEventTypes.POINTERTAP) return;
    const pick = deps.screenPointer()
      ? scene.pick(scene.pointerX, scene.pointerY, (m) => m.isPickable && m.isEnabled() && m.isVisible)
      : info.pickInfo;
    if (!pick?.pickedMesh) return;
    route({ mesh: pick.pickedMesh, point: deps.screenPointer() ? pick.pickedPoint : null, at: pick.pickedPoint ?? null, ray: pick.ray ?? null, faceId: pick.faceId ?? -1 });
  });

  return {
    set(name, r) {
      const at = PICK_ORDER.indexOf(name);
      if (routes[at]) throw new Error(`pick-router: route ${name} is already set`);
      routes[at] = r;
      return () => {
        if (routes[at] === r) routes[at] = null;
      };
    },
    route,
    dispose() {
      scene.onPointerObservable.remove(pointer);
      routes.fill(null);
    },
  };
}

/** The nearest node at or above `node` whose glTF extras name `role`, with its extras; or null. */
export function withRole(node: Node, role: Role): { node: Node; extras: Extras } | null {
  for (let n: Node | null = node; n; n = n.parent) {
    const extras = extrasOf(n);
    if (extras?.role === role) return { node: n, extras };
  }
  return null;
}

/** A route for every mesh under a node with a glTF role: `run` gets that node's extras. */
export function roleRoute(role: Role, run: (hit: PickHit, target: { node: Node; extras: Extras }) => void): PickRoute {
  return {
    owns: (mesh) => withRole(mesh, role) !== null,
    run: (hit) => {
      const target = withRole(hit.mesh, role);
      if (target) run(hit, target);
    },
  };
}

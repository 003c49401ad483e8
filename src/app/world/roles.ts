// Reads node roles from glTF extras (assets/README.md), never from names.
import type { Node } from "@babylonjs/core/node";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";

export type Role =
  | "plaza" | "building" | "interior" | "floor" | "blocker" | "entrance" | "spawn" | "signage"
  | "legend" | "kiosk" | "counter" | "waiting" | "officer" | "queue-machine" | "help-desk" | "queue-display" | "map";

const ROLES: ReadonlySet<string> = new Set<Role>([
  "plaza", "building", "interior", "floor", "blocker", "entrance", "spawn", "signage", "legend", "kiosk", "counter",
  "waiting", "officer", "queue-machine", "help-desk", "queue-display", "map",
]);

/** Roles whose meaning covers every mesh below the node (a glTF node with several primitives). */
const SURFACE_ROLES: ReadonlySet<Role> = new Set<Role>(["floor", "blocker", "signage", "legend", "queue-display", "map"]);

export interface Extras {
  role?: Role;
  region?: string;
  slot?: number;
  agency?: string;
  kind?: string;
  [key: string]: unknown;
}

export function extrasOf(node: Node): Extras | null {
  const meta = node.metadata as { gltf?: { extras?: unknown } } | null | undefined;
  const extras = meta?.gltf?.extras;
  if (typeof extras !== "object" || extras === null) return null;
  const e = extras as Extras;
  return e.role !== undefined && !ROLES.has(e.role) ? { ...e, role: undefined } : e;
}

function roleOf(node: Node): Role | null {
  return extrasOf(node)?.role ?? null;
}

/** The surface role a mesh inherits from itself or its nearest ancestor with one. */
function surfaceRoleOf(mesh: Node): Role | null {
  for (let n: Node | null = mesh; n; n = n.parent) {
    const role = roleOf(n);
    if (role !== null) return SURFACE_ROLES.has(role) ? role : null;
  }
  return null;
}

export interface RoleIndex {
  /** Nodes carrying a role in extras, by role. */
  nodes: Map<Role, TransformNode[]>;
  /** Meshes that are walkable or solid or drawn on, by inherited surface role. */
  surfaces: Map<Role, AbstractMesh[]>;
}

export function indexRoles(transformNodes: readonly TransformNode[], meshes: readonly AbstractMesh[]): RoleIndex {
  const nodes = new Map<Role, TransformNode[]>();
  const surfaces = new Map<Role, AbstractMesh[]>();
  for (const n of [...transformNodes, ...meshes]) {
    const role = roleOf(n);
    if (role) (nodes.get(role) ?? nodes.set(role, []).get(role)!).push(n);
  }
  for (const m of meshes) {
    if (m.getTotalVertices() === 0) continue;
    const role = surfaceRoleOf(m);
    if (role) (surfaces.get(role) ?? surfaces.set(role, []).get(role)!).push(m);
  }
  return { nodes, surfaces };
}

export function nodesWithRole(index: RoleIndex, role: Role): TransformNode[] {
  return index.nodes.get(role) ?? [];
}

export function surfacesWithRole(index: RoleIndex, role: Role): AbstractMesh[] {
  return index.surfaces.get(role) ?? [];
}

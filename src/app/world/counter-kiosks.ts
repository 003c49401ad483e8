// The hall's counters given to the region's agencies: each counter slot (role `counter`, extras.slot)
// with a service kiosk anchor (role `kiosk`, kind service) gets an agency (slot-assignment.ts), and
// its kiosk's centre and facing; and the slot a counter's sign belongs to. Read by interior.ts.
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import type { AbstractMesh } from "@babylonjs/core/Meshes/abstractMesh";
import type { Node } from "@babylonjs/core/node";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Agency } from "../../domain/types";
import { nodesWithRole, extrasOf, type RoleIndex } from "./roles";
import { assignSlots } from "./slot-assignment";

export interface CounterKiosk {
  slot: number;
  agency: Agency;
  counter: TransformNode;
  anchor: TransformNode;
  /** Centre of the kiosk label and its facing (into the room). */
  center: Vector3;
  normal: Vector3;
}

/** The kiosks of the counters given an agency, by slot; and the slots given one. */
export function placeCounterKiosks(index: RoleIndex, agencies: readonly Agency[]): { kiosks: CounterKiosk[]; assigned: ReadonlyMap<number, Agency> } {
  const counters = new Map<number, TransformNode>();
  for (const c of nodesWithRole(index, "counter")) {
    const slot = extrasOf(c)?.slot;
    if (typeof slot === "number") counters.set(slot, c);
  }
  const anchors = new Map<number, TransformNode>();
  for (const k of nodesWithRole(index, "kiosk")) {
    const e = extrasOf(k);
    if (e?.kind === "service" && typeof e.slot === "number") anchors.set(e.slot, k);
  }
  const slots = [...counters.keys()].filter((s) => anchors.has(s)).map((slot) => {
    const a = extrasOf(counters.get(slot)!)?.agency;
    return { slot, agency: typeof a === "string" ? a : null };
  });
  const assigned = assignSlots(slots, agencies);

  const kiosks: CounterKiosk[] = [];
  for (const [slot, agency] of [...assigned].sort((a, b) => a[0] - b[0])) {
    const anchor = anchors.get(slot)!;
    anchor.computeWorldMatrix(true);
    const center = anchor.getAbsolutePosition().clone();
    const normal = Vector3.TransformNormal(new Vector3(0, 0, 1), anchor.getWorldMatrix()).normalize();
    kiosks.push({ slot, agency, counter: counters.get(slot)!, anchor, center, normal });
  }
  return { kiosks, assigned };
}

/** The counter slot a sign belongs to (extras.slot on it or an ancestor). */
export function slotOf(mesh: AbstractMesh): number | null {
  for (let n: Node | null = mesh; n; n = n.parent) {
    const slot = extrasOf(n)?.slot;
    if (typeof slot === "number") return slot;
  }
  return null;
}

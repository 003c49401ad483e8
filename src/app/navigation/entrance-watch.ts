// Notices when the visitor reaches a doorway (role "entrance"): walking, gliding or teleporting there
// all count. Fires once on arrival; re-arms only after the visitor has left the zone again.
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Observable } from "@babylonjs/core/Misc/observable";

export interface Doorway {
  id: string;
  node: TransformNode;
}

export interface EntranceWatch {
  /** The id of the doorway reached. */
  readonly onReach: Observable<string>;
  /** Doorways are static: their world positions are read once here. */
  setDoorways(list: readonly Doorway[]): void;
  /** The doorway a viewer whose eye is at `p` stands in (reaching it takes them through), or null. */
  at(p: { x: number; y: number; z: number }): string | null;
  /** The frame step "doorways". */
  tick(): void;
  dispose(): void;
}

export function createEntranceWatch(position: () => { x: number; y: number; z: number }, radius = 1.4): EntranceWatch {
  const onReach = new Observable<string>();
  let doors: { id: string; x: number; y: number; z: number }[] = [];
  let inside: string | null = null;
  let primed = false;
  const r2 = radius * radius;

  function at(p: { x: number; y: number; z: number }): string | null {
    for (const d of doors) {
      const dx = p.x - d.x;
      const dz = p.z - d.z;
      // Within a storey of the door: a porch roof above does not count.
      if (dx * dx + dz * dz < r2 && Math.abs(p.y - d.y) < 3) return d.id;
    }
    return null;
  }

  return {
    onReach,
    setDoorways(list) {
      doors = list.map(({ id, node }) => {
        const w = node.getAbsolutePosition();
        return { id, x: w.x, y: w.y, z: w.z };
      });
      // A visitor placed on a doorway (coming out of a building) must leave it before it fires again.
      primed = false;
    },
    at,
    tick() {
      const here = at(position());
      if (!primed) {
        // The first look after a change of doorways only notes where the visitor already stands.
        primed = true;
        inside = here;
        return;
      }
      if (here !== inside) {
        inside = here;
        if (here !== null) onReach.notifyObservers(here);
      }
    },
    dispose() {
      onReach.clear();
    },
  };
}

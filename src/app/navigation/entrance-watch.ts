// Notices when the visitor reaches a doorway (role "entrance"): walking, gliding or teleporting there
// all count. Fires once on arrival; re-arms only after the visitor has left the zone again.
import type { Scene } from "@babylonjs/core/scene";
import type { Observer } from "@babylonjs/core/Misc/observable";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { Observable } from "@babylonjs/core/Misc/observable";

export interface Doorway {
  id: string;
  node: TransformNode;
}

export function createEntranceWatch(scene: Scene, position: () => { x: number; y: number; z: number }, radius = 1.4) {
  const onReach = new Observable<string>();
  let doors: { id: string; x: number; y: number; z: number }[] = [];
  let inside: string | null = null;
  let enabled = true;
  let primed = false;
  const r2 = radius * radius;

  const tick: Observer<Scene> = scene.onBeforeRenderObservable.add(() => {
    if (!enabled) return;
    const p = position();
    let here: string | null = null;
    for (const d of doors) {
      const dx = p.x - d.x;
      const dz = p.z - d.z;
      // Within a storey of the door: a porch roof above does not count.
      if (dx * dx + dz * dz < r2 && Math.abs(p.y - d.y) < 3) {
        here = d.id;
        break;
      }
    }
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
  });

  return {
    onReach,
    /** Doorways are static: their world positions are read once here. */
    setDoorways(list: readonly Doorway[]) {
      doors = list.map(({ id, node }) => {
        const w = node.getAbsolutePosition();
        return { id, x: w.x, y: w.y, z: w.z };
      });
      // A visitor placed on a doorway (coming out of a building) must leave it before it fires again.
      primed = false;
    },
    setEnabled(on: boolean) {
      enabled = on;
    },
    dispose() {
      scene.onBeforeRenderObservable.remove(tick);
      onReach.clear();
    },
  };
}

export type EntranceWatch = ReturnType<typeof createEntranceWatch>;

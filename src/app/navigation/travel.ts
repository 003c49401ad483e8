// Quick travel across the plaza (issue 20 point 5): buildings stand 33-242 m from the hub, and a
// glide at walking speed took 27 s to Purwakarta. A far target is reached by a short fade and a
// jump to its door instead; the map table at the hub and a click on a far building use it.
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import type { Places } from "../places/places";

/** Runs `act` while the view is faded out (the page's fade; a headset jumps without one). */
export type Fade = (act: () => unknown) => Promise<void>;

/** Closer than this a click on a building still glides: the visitor sees the way. */
export const GLIDE_LIMIT_M = 12;
/** A point on the map stands for the nearest building within this many plaza metres. */
const MAP_REACH_M = 40;

export interface TravelDeps {
  places: Pick<Places, "buildings" | "goToDoor">;
  fade?: Fade;
}

export interface Travel {
  /** The building standing nearest a plaza point (x, z), within reach of it; null when none is. */
  nearestBuilding(x: number, z: number): string | null;
  /** Fades, stands the visitor 4 m before the building's door facing it, fades back; false for an unknown region. */
  toBuilding(code: string): Promise<boolean>;
}

export function createTravel(deps: TravelDeps): Travel {
  const at = new Vector3();
  return {
    nearestBuilding(x, z) {
      let best: string | null = null;
      let bestD = MAP_REACH_M;
      for (const b of deps.places.buildings) {
        at.copyFrom(b.root.getAbsolutePosition());
        const d = Math.hypot(at.x - x, at.z - z);
        if (d < bestD) {
          bestD = d;
          best = b.region;
        }
      }
      return best;
    },
    async toBuilding(code) {
      if (!deps.places.buildings.some((b) => b.region === code)) return false;
      let ok = false;
      const go = () => { ok = deps.places.goToDoor(code); };
      if (deps.fade) await deps.fade(go);
      else go();
      return ok;
    },
  };
}

// The hub's map table as a pick route: a tap or a controller's trigger on a region's spot travels to
// that region's building (the nearest one to the plaza point the spot stands for).
import type { PlazaMap } from "../world/plaza";
import type { PickRoute } from "./pick-router";

export interface MapRouteDeps {
  /** Only on the plaza: inside a building the table is not there. */
  onPlaza(): boolean;
  nearestBuilding(x: number, z: number): string | null;
  toBuilding(code: string): void;
}

export function mapRoute(map: PlazaMap, deps: MapRouteDeps): PickRoute {
  const meshes = new Set(map.meshes);
  return {
    owns: (m) => meshes.has(m),
    run: (hit) => {
      if (!hit.at || !deps.onPlaza()) return;
      // Where the pointer's ray meets the map's plane: seen at a slant, the pick lands on the side
      // of a nearer region's marker, metres of plaza away from the one pointed at.
      const r = hit.ray;
      const t = r && r.direction.y < -1e-3 ? (map.top - r.origin.y) / r.direction.y : -1;
      const x = t > 0 ? r!.origin.x + r!.direction.x * t : hit.at.x;
      const z = t > 0 ? r!.origin.z + r!.direction.z * t : hit.at.z;
      const p = map.toPlaza(x, z);
      const code = deps.nearestBuilding(p.x, p.z);
      if (code) deps.toBuilding(code);
    },
  };
}

// Step 7: where everything stands on the plaza: the projected map outline, the hub, each
// building's position (its seat, relaxed apart) and rotation (entrance towards the hub), and the
// path from the hub to each forecourt.
import type { BuildingParams } from "./building-params";
import { boundingRadius, frontReach } from "./building-params";
import { JABAR_OUTLINE } from "./jabar-outline";
import { pointInPolygon, type P2 } from "./polygon";
import { createProjection, type Options as ProjectionOptions, type Projection } from "./projection";
import type { RegionRow } from "./regions-csv";
import { relaxLayout } from "./relax-layout";

export const NAME = "plaza-layout";

export interface Options {
  projection?: ProjectionOptions;
  /** Radius of the round hub platform at the projection centre, metres. */
  hubRadius?: number;
  hubHeight?: number;
  /** Clear space kept between building circles (and around the hub). */
  gap?: number;
  pathWidth?: number;
}

export const DEFAULTS: Required<Options> = { projection: {}, hubRadius: 14, hubHeight: 0.15, gap: 4, pathWidth: 2.6 };

export interface Placement {
  params: BuildingParams;
  /** The seat projected, before relaxation. */
  seat: P2;
  /** World position of the building origin (y = 0). */
  position: [number, number, number];
  /** Radians about +Y; turns the model's +Z (entrance) to (sin, 0, cos): towards the hub. */
  rotationY: number;
  radius: number;
  /** Where its path meets the forecourt's outer edge (world x, z). */
  approach: P2;
}

export interface PlazaLayout {
  projection: Projection;
  outline: P2[];
  hub: { center: P2; radius: number; height: number };
  placements: Placement[];
  paths: Array<{ region: string; from: P2; to: P2; width: number }>;
}

const round = (v: number, step: number): number => {
  const r = Math.round(v / step) * step;
  return Math.abs(r) < step / 2 ? 0 : Number(r.toFixed(6));
};

/** Local (x, z) of a building turned by rotationY and moved to (px, pz). */
export function toWorld(local: P2, px: number, pz: number, rotationY: number): P2 {
  const s = Math.sin(rotationY);
  const c = Math.cos(rotationY);
  return [px + local[0] * c + local[1] * s, pz - local[0] * s + local[1] * c];
}

/** Corners of the footprint with porch and forecourt, in world (x, z). */
export function footprintCorners(p: Placement): P2[] {
  const hw = p.params.width / 2 + 1;
  const back = -p.params.depth / 2 - 1;
  const front = frontReach(p.params);
  const local: P2[] = [[-hw, back], [hw, back], [hw, front], [-hw, front]];
  return local.map((l) => toWorld(l, p.position[0], p.position[2], p.rotationY));
}

export function plazaLayout(regions: readonly RegionRow[], params: readonly BuildingParams[], options: Options = {}): PlazaLayout {
  const opts = { ...DEFAULTS, ...options };
  if (regions.length !== params.length) throw new Error(`${NAME}: ${regions.length} regions but ${params.length} parameter sets`);
  const projection = createProjection(opts.projection);
  const outline = JABAR_OUTLINE.map(([lon, lat]) => projection.toPlaza(lat, lon));
  const seats = regions.map((r) => projection.toPlaza(r.lat, r.lon));
  const circles = regions.map((r, i) => {
    const p = params[i] as BuildingParams;
    if (p.code !== r.code) throw new Error(`${NAME}: parameters for ${p.code} paired with region ${r.code}`);
    const [x, z] = seats[i] as P2;
    return { id: r.code, x, z, r: boundingRadius(p) };
  });
  const hubObstacle = { id: "hub", x: 0, z: 0, r: opts.hubRadius };
  const relaxed = relaxLayout(circles, [hubObstacle], { gap: opts.gap });

  const placements: Placement[] = relaxed.map((c, i) => {
    const p = params[i] as BuildingParams;
    const x = round(c.x, 0.01);
    const z = round(c.z, 0.01);
    const rotationY = round(Math.atan2(0 - x, 0 - z), 0.0001);
    const approach = toWorld([0, frontReach(p)], x, z, rotationY);
    return { params: p, seat: seats[i] as P2, position: [x, 0, z], rotationY, radius: c.r, approach };
  });
  for (const pl of placements) {
    for (const corner of footprintCorners(pl)) {
      if (!pointInPolygon(corner, outline)) {
        throw new Error(`${NAME}: building ${pl.params.code} (${pl.params.name}) reaches off the map at ${corner.map((v) => v.toFixed(1)).join(", ")}; widen the outline or lower the gap`);
      }
    }
  }
  const paths = placements.map((pl) => {
    const [ax, az] = pl.approach;
    const len = Math.hypot(ax, az);
    const from: P2 = [(ax / len) * (opts.hubRadius - 0.5), (az / len) * (opts.hubRadius - 0.5)];
    return { region: pl.params.code, from, to: pl.approach, width: opts.pathWidth };
  });
  return { projection, outline, hub: { center: [0, 0], radius: opts.hubRadius, height: opts.hubHeight }, placements, paths };
}

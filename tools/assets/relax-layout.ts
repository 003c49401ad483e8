// Step 6: push overlapping buildings apart. Each building is a circle (its bounding radius) at its
// projected seat; fixed obstacles (the hub) never move.
//
// Approaches: a force simulation with velocities drifted and needed damping tuned per map; a global
// optimiser was overkill. Repeated pairwise projection (each overlapping pair moves apart by exactly
// the overlap, split evenly, in a fixed order) is deterministic, moves each building only as far as
// needed, and settles in a few dozen sweeps for 27 circles.

export const NAME = "relax-layout";

export interface Circle {
  id: string;
  x: number;
  z: number;
  r: number;
}

export interface Options {
  /** Clear space kept between circles, metres. */
  gap?: number;
  maxSweeps?: number;
}

export const DEFAULTS: Required<Options> = { gap: 4, maxSweeps: 500 };

export function overlap(a: Circle, b: Circle, gap: number): number {
  return a.r + b.r + gap - Math.hypot(a.x - b.x, a.z - b.z);
}

/** Returns moved copies of `items` (same order); throws if it cannot separate them. */
export function relaxLayout(items: readonly Circle[], obstacles: readonly Circle[], options: Options = {}): Circle[] {
  const { gap, maxSweeps } = { ...DEFAULTS, ...options };
  const out = items.map((c) => ({ ...c }));
  const eps = 1e-6;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      const a = out[i] as Circle;
      for (const o of obstacles) {
        const d = overlap(a, o, gap);
        if (d > eps) {
          const [ux, uz] = direction(a, o, i);
          a.x += ux * (d + eps);
          a.z += uz * (d + eps);
          moved = true;
        }
      }
      for (let j = i + 1; j < out.length; j++) {
        const b = out[j] as Circle;
        const d = overlap(a, b, gap);
        if (d > eps) {
          const [ux, uz] = direction(a, b, i * 31 + j);
          a.x += (ux * (d + eps)) / 2;
          a.z += (uz * (d + eps)) / 2;
          b.x -= (ux * (d + eps)) / 2;
          b.z -= (uz * (d + eps)) / 2;
          moved = true;
        }
      }
    }
    if (!moved) return out;
  }
  throw new Error(`${NAME}: circles still overlap after ${maxSweeps} sweeps`);
}

/** Unit vector from b to a; for coincident centres a fixed, index-derived direction. */
function direction(a: Circle, b: Circle, salt: number): [number, number] {
  const dx = a.x - b.x;
  const dz = a.z - b.z;
  const len = Math.hypot(dx, dz);
  if (len > 1e-9) return [dx / len, dz / len];
  const t = salt * 2.399963; // golden angle: well-spread fallback directions
  return [Math.cos(t), Math.sin(t)];
}

// Where a visitor sent to the guide stands (tour.ts: following a guide's teleport, entry or exit,
// and a gather). The wanted spot (behind the guide, or on the gather ring) is kept when one can stand
// there: a floor under it and no doorway, since reaching a doorway takes the visitor through it (a
// guide just inside a building has the exit's doorway behind them: a follower put there was carried
// back out to the plaza). Else a spot on a ring 0.8-1.2 m around the guide, searched from a preferred
// side. Pure: the floor and the doorway rule (the entrance watch's, as kiosk-layout.ts frameSpot uses)
// come in as functions; no Babylon.

export interface Foot { x: number; y: number; z: number }
export interface Flat { x: number; z: number }

export interface Ground {
  /** The floor's height under (x, z) near the guide's foot, or null: a wall, a gap, outside the model. */
  floor(x: number, z: number): number | null;
  /** Whether a foot here stands in a doorway (Experience.doorwayAt: reaching it takes one through). */
  doorway(foot: Foot): boolean;
}

/** The ring's radii (m), tried in this order at each angle: room to stand, never inside the guide. */
export const RING_RADII: readonly number[] = [1.2, 1.0, 0.8];
/** The angle between two spots tried on the ring. */
const STEP = Math.PI / 12;
/** Visitors sent to the ring stand at least this far apart: a figure is 0.46 m wide (avatars.ts),
 * and at 1.2 m two spots a quarter turn from behind on each side both fit. */
export const APART_M = 0.6;

/** Whether one can stand at (x, z): the foot on the floor there, or null. */
function standable(x: number, z: number, ground: Ground): Foot | null {
  const y = ground.floor(x, z);
  if (y === null) return null;
  const foot = { x, y, z };
  return ground.doorway(foot) ? null : foot;
}

/**
 * The ring spots one can stand on, best first (nearest in angle to `prefer`, then the wider radius),
 * thinned so that no two are closer than APART_M. Every follower computes the same list from the
 * same guide pose, so visitor numbers spread them over it without talking to each other.
 */
export function ringSpots(guide: Foot, prefer: Flat, ground: Ground): Foot[] {
  const base = Math.atan2(prefer.x, prefer.z);
  const found: Foot[] = [];
  const steps = Math.round(Math.PI / STEP);
  for (let k = 0; k <= 2 * steps - 1; k++) {
    // 0, +1, -1, +2, -2 ... steps: from the preferred side round to the opposite one, once each.
    const turn = k === 0 ? 0 : (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2);
    if (turn === -steps) continue; // the opposite side is +steps already
    const a = base + turn * STEP;
    for (const r of RING_RADII) {
      const spot = standable(guide.x + r * Math.sin(a), guide.z + r * Math.cos(a), ground);
      if (spot && found.every((f) => Math.hypot(f.x - spot.x, f.z - spot.z) >= APART_M)) found.push(spot);
    }
  }
  return found;
}

/**
 * Where visitor `n` sent to the guide stands: `wanted` when one can stand there; else the ring spot
 * the visitor's number picks (best first); else the guide's own spot.
 */
export function followSpot(n: number, guide: Foot, wanted: Flat, prefer: Flat, ground: Ground): Foot {
  const here = standable(wanted.x, wanted.z, ground);
  if (here) return here;
  const ring = ringSpots(guide, prefer, ground);
  if (ring.length > 0) return ring[(((n - 1) % ring.length) + ring.length) % ring.length]!;
  // Nothing on the ring: the guide is hemmed in (a narrow passage, a doorway's mouth). The guide's
  // own spot is the least bad: the guide stands on it, so it has their floor and is no worse a place
  // than theirs, while a doorway would carry the visitor out of the tour and a spot with no floor
  // would leave them in a wall or outside the model, stuck (the walking viewer keeps the last floor).
  // Sharing it only overlaps two figures until either takes a step.
  return { x: guide.x, y: guide.y, z: guide.z };
}

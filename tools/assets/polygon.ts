// Plane polygon helpers for the map: point-in-polygon, signed area, ear-clipping triangulation.
// Points are [x, z] in plaza metres.

export type P2 = readonly [number, number];

/** Twice the signed area in the x-z plane; positive for counter-clockwise in (x, z). */
export function signedArea2(poly: readonly P2[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i] as P2;
    const q = poly[(i + 1) % poly.length] as P2;
    a += p[0] * q[1] - q[0] * p[1];
  }
  return a;
}

export function pointInPolygon(pt: P2, poly: readonly P2[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, zi] = poly[i] as P2;
    const [xj, zj] = poly[j] as P2;
    if (zi > pt[1] !== zj > pt[1] && pt[0] < ((xj - xi) * (pt[1] - zi)) / (zj - zi) + xi) inside = !inside;
  }
  return inside;
}

function cross(o: P2, a: P2, b: P2): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function inTriangle(p: P2, a: P2, b: P2, c: P2): boolean {
  return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}

/**
 * Ear clipping, O(n^2): plenty for a 24-point outline, and simpler to trust than a port of earcut.
 * Returns index triples, counter-clockwise in (x, z).
 */
export function triangulate(poly: readonly P2[]): Array<[number, number, number]> {
  if (poly.length < 3) throw new Error("polygon: need at least 3 points to triangulate");
  const idx = poly.map((_, i) => i);
  if (signedArea2(poly) < 0) idx.reverse();
  const out: Array<[number, number, number]> = [];
  let guard = 0;
  while (idx.length > 3) {
    if (guard++ > 10000) throw new Error("polygon: triangulation did not converge (self-intersecting outline?)");
    let clipped = false;
    for (let i = 0; i < idx.length; i++) {
      const ia = idx[(i + idx.length - 1) % idx.length] as number;
      const ib = idx[i] as number;
      const ic = idx[(i + 1) % idx.length] as number;
      const a = poly[ia] as P2;
      const b = poly[ib] as P2;
      const c = poly[ic] as P2;
      if (cross(a, b, c) <= 0) continue; // reflex corner
      const blocked = idx.some((j) => j !== ia && j !== ib && j !== ic && inTriangle(poly[j] as P2, a, b, c));
      if (blocked) continue;
      out.push([ia, ib, ic]);
      idx.splice(i, 1);
      clipped = true;
      break;
    }
    if (!clipped) throw new Error("polygon: no ear found (self-intersecting outline?)");
  }
  out.push([idx[0] as number, idx[1] as number, idx[2] as number]);
  return out;
}

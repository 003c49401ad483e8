// What every roof form receives, and the pieces several forms share (sloped planes, gable ends,
// ridge caps). Roofs run their ridge along X: the entrance is on the long (+Z) side, as in a
// Sundanese house entered under the roof plane.
import { GeometryBuilder, faceNormal, type Vec3 } from "../geometry";
import type { Rgb } from "../palette";

export interface RoofFrame {
  /** Half the wall footprint along X and Z (outer wall faces). */
  halfWidth: number;
  halfDepth: number;
  /** Height of the wall tops, where the roof sits. */
  eaveY: number;
}

export interface RoofColors {
  roof: Rgb;
  /** Ridge band: gold (physical MPP), glowing teal (digital-only), amber (planned). */
  ridge: Rgb;
  /** Gable-end infill, usually the wall colour. */
  gable: Rgb;
  /** Boards and posts. */
  trim: Rgb;
}

export type RoofBuilder = (g: GeometryBuilder, frame: RoofFrame, colors: RoofColors) => void;

export function checkFrame(name: string, frame: RoofFrame): void {
  const { halfWidth, halfDepth, eaveY } = frame;
  if (!(halfWidth > 0 && halfDepth > 0 && eaveY > 0)) {
    throw new Error(`${name}: bad roof frame ${JSON.stringify(frame)}`);
  }
}

/** A quad whose front faces upwards (roof planes are seen from above and below; the material is double-sided). */
export function quadUp(g: GeometryBuilder, a: Vec3, b: Vec3, c: Vec3, d: Vec3, color: Rgb): void {
  const n = faceNormal(a, b, c) ?? faceNormal(a, c, d);
  if (n && n[1] < 0) g.quad(d, c, b, a, color);
  else g.quad(a, b, c, d, color);
}

export function triUp(g: GeometryBuilder, a: Vec3, b: Vec3, c: Vec3, color: Rgb): void {
  const n = faceNormal(a, b, c);
  if (n && n[1] < 0) g.tri(c, b, a, color);
  else g.tri(a, b, c, color);
}

/** A triangle facing outwards along +X (side = 1) or -X (side = -1). */
export function triSide(g: GeometryBuilder, side: 1 | -1, a: Vec3, b: Vec3, c: Vec3, color: Rgb): void {
  const n = faceNormal(a, b, c);
  if (n && Math.sign(n[0]) !== side) g.tri(c, b, a, color);
  else g.tri(a, b, c, color);
}

/** Height on a straight roof line through (z0, y0) and (z1, y1), at z. */
export function lineY(z0: number, y0: number, z1: number, y1: number, z: number): number {
  return y0 + ((y1 - y0) * (z - z0)) / (z1 - z0);
}

/**
 * A plane from an eave line at (zEave, yEave) up to a ridge line at (zRidge, yRidge), both running
 * from x0 to x1.
 */
export function slope(
  g: GeometryBuilder, x0: number, x1: number,
  zEave: number, yEave: number, zRidge: number, yRidge: number, color: Rgb,
): void {
  quadUp(g, [x0, yEave, zEave], [x1, yEave, zEave], [x1, yRidge, zRidge], [x0, yRidge, zRidge], color);
}

/** Both gable-end triangles (x = +-halfWidth) under a ridge at (zRidge, yRidge). */
export function gableEnds(g: GeometryBuilder, frame: RoofFrame, zRidge: number, yRidge: number, color: Rgb): void {
  const { halfWidth: w, halfDepth: d, eaveY: y } = frame;
  for (const side of [1, -1] as const) {
    const x = side * w;
    triSide(g, side, [x, y, d], [x, y, -d], [x, yRidge, zRidge], color);
  }
}

/** The ridge band: a square beam along the ridge. */
export function ridgeCap(g: GeometryBuilder, x0: number, x1: number, z: number, y: number, color: Rgb, size = 0.28): void {
  g.beam([x0, y + size * 0.3, z], [x1, y + size * 0.3, z], size, color);
}

export interface GableRoof {
  /** Ends of the roof along X, overhang included. */
  x0: number;
  x1: number;
  /** Height of the ridge (at z = 0). */
  yR: number;
}

/**
 * The plain gable most forms start from: a plane from each long side's eave up to a ridge along X,
 * the two gable ends and the ridge cap. `perSide` adds to a side right after its plane is laid
 * (front s = 1, back s = -1; eave at z, height y), so the build order, and the bytes, stay fixed.
 */
export function gableRoof(
  g: GeometryBuilder,
  frame: RoofFrame,
  colors: RoofColors,
  pitch: number,
  overhang: number,
  perSide?: (s: 1 | -1, eave: { z: number; y: number }, roof: GableRoof) => void,
): GableRoof {
  const { halfWidth: w, halfDepth: d, eaveY: y } = frame;
  const roof: GableRoof = { x0: -w - overhang, x1: w + overhang, yR: y + d * Math.tan((pitch * Math.PI) / 180) };
  for (const s of [1, -1] as const) {
    const z = s * (d + overhang);
    const yE = lineY(s * d, y, 0, roof.yR, z);
    slope(g, roof.x0, roof.x1, z, yE, 0, roof.yR, colors.roof);
    perSide?.(s, { z, y: yE }, roof);
  }
  gableEnds(g, frame, 0, roof.yR, colors.gable);
  ridgeCap(g, roof.x0, roof.x1, 0, roof.yR, colors.ridge);
  return roof;
}

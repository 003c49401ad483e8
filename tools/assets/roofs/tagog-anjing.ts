// Tagog anjing ("a sitting dog"): a long rear plane over a short, steep front plane, with a
// lower front awning (the dog's head) under it.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, lineY, quadUp, ridgeCap, slope, triSide, type RoofColors, type RoofFrame } from "./common";

export const NAME = "tagog-anjing";

export interface Options {
  /** Pitch of the long rear plane, degrees. */
  pitch?: number;
  overhang?: number;
  /** Where the ridge sits, as a fraction of the half depth towards the front (0 = centre). */
  ridgeShift?: number;
  /** Depth of the front awning, metres. */
  awning?: number;
}

export const DEFAULTS: Required<Options> = { pitch: 28, overhang: 0.6, ridgeShift: 0.45, awning: 1.8 };

export function tagogAnjing(g: GeometryBuilder, frame: RoofFrame, colors: RoofColors, options: Options = {}): void {
  checkFrame(NAME, frame);
  const { pitch, overhang, ridgeShift, awning } = { ...DEFAULTS, ...options };
  const { halfWidth: w, halfDepth: d, eaveY: y } = frame;
  const zR = d * ridgeShift;
  const yR = y + (d + zR) * Math.tan((pitch * Math.PI) / 180);
  const x0 = -w - overhang;
  const x1 = w + overhang;
  const zB = -(d + overhang);
  slope(g, x0, x1, zB, lineY(-d, y, zR, yR, zB), zR, yR, colors.roof);
  const zF = d + 0.3;
  slope(g, x0, x1, zF, lineY(d, y, zR, yR, zF), zR, yR, colors.roof);
  for (const side of [1, -1] as const) {
    triSide(g, side, [side * w, y, d], [side * w, y, -d], [side * w, yR, zR], colors.gable);
  }
  ridgeCap(g, x0, x1, zR, yR, colors.ridge);
  // The awning hangs from the front wall a little below the eave and reaches out, flatter.
  const yA = y - 0.35;
  quadUp(g, [x0, yA - awning * 0.22, d + awning], [x1, yA - awning * 0.22, d + awning], [x1, yA, d], [x0, yA, d], colors.roof);
  g.beam([x0, yA - awning * 0.22, d + awning], [x1, yA - awning * 0.22, d + awning], 0.12, colors.trim);
}

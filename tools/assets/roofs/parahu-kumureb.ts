// Parahu kumureb ("an upturned boat"): a hipped roof, four planes, a short ridge.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, lineY, quadUp, ridgeCap, triUp, type RoofColors, type RoofFrame } from "./common";

export const NAME = "parahu-kumureb";

export interface Options {
  pitch?: number;
  overhang?: number;
}

export const DEFAULTS: Required<Options> = { pitch: 32, overhang: 0.7 };

export function parahuKumureb(g: GeometryBuilder, frame: RoofFrame, colors: RoofColors, options: Options = {}): void {
  checkFrame(NAME, frame);
  const { pitch, overhang } = { ...DEFAULTS, ...options };
  const { halfWidth: w, halfDepth: d, eaveY: y } = frame;
  const yR = y + d * Math.tan((pitch * Math.PI) / 180);
  const W = w + overhang;
  const D = d + overhang;
  const yE = lineY(d, y, 0, yR, D);
  // The hips run at 45 degrees in plan, so the ridge is shorter than the footprint by its depth.
  const rx = Math.max(0.6, W - D);
  quadUp(g, [-W, yE, D], [W, yE, D], [rx, yR, 0], [-rx, yR, 0], colors.roof);
  quadUp(g, [W, yE, -D], [-W, yE, -D], [-rx, yR, 0], [rx, yR, 0], colors.roof);
  triUp(g, [W, yE, D], [W, yE, -D], [rx, yR, 0], colors.roof);
  triUp(g, [-W, yE, -D], [-W, yE, D], [-rx, yR, 0], colors.roof);
  ridgeCap(g, -rx, rx, 0, yR, colors.ridge);
  // Hip boards to the four corners: the "keel" lines of the boat.
  for (const [sx, sz] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
    g.beam([sx * rx, yR + 0.05, 0], [sx * W, yE + 0.05, sz * D], 0.14, colors.trim);
  }
}

// Jolopong: the plain long gable ("lying down"), the commonest Sundanese roof.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, gableEnds, lineY, ridgeCap, slope, type RoofColors, type RoofFrame } from "./common";

export const NAME = "jolopong";

export interface Options {
  /** Roof pitch in degrees. */
  pitch?: number;
  /** How far the roof reaches past the walls, metres. */
  overhang?: number;
}

export const DEFAULTS: Required<Options> = { pitch: 30, overhang: 0.7 };

export function jolopong(g: GeometryBuilder, frame: RoofFrame, colors: RoofColors, options: Options = {}): void {
  checkFrame(NAME, frame);
  const { pitch, overhang } = { ...DEFAULTS, ...options };
  const { halfWidth: w, halfDepth: d, eaveY: y } = frame;
  const rise = d * Math.tan((pitch * Math.PI) / 180);
  const yR = y + rise;
  const x0 = -w - overhang;
  const x1 = w + overhang;
  for (const s of [1, -1]) {
    const zE = s * (d + overhang);
    slope(g, x0, x1, zE, lineY(s * d, y, 0, yR, zE), 0, yR, colors.roof);
  }
  gableEnds(g, frame, 0, yR, colors.gable);
  ridgeCap(g, x0, x1, 0, yR, colors.ridge);
}

// Badak heuay ("a yawning rhino"): a gable whose rear plane runs on past the ridge and rises above
// it, like an open upper jaw.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, gableEnds, lineY, ridgeCap, slope, type RoofColors, type RoofFrame } from "./common";

export const NAME = "badak-heuay";

export interface Options {
  pitch?: number;
  overhang?: number;
  /** How far the rear plane runs past the ridge, measured along Z, metres. */
  jaw?: number;
}

export const DEFAULTS: Required<Options> = { pitch: 33, overhang: 0.7, jaw: 1.2 };

export function badakHeuay(g: GeometryBuilder, frame: RoofFrame, colors: RoofColors, options: Options = {}): void {
  checkFrame(NAME, frame);
  const { pitch, overhang, jaw } = { ...DEFAULTS, ...options };
  const { halfWidth: w, halfDepth: d, eaveY: y } = frame;
  const yR = y + d * Math.tan((pitch * Math.PI) / 180);
  const x0 = -w - overhang;
  const x1 = w + overhang;
  // Front plane: eave up to the ridge.
  const zF = d + overhang;
  slope(g, x0, x1, zF, lineY(d, y, 0, yR, zF), 0, yR, colors.roof);
  // Rear plane: from the back eave, through the ridge line and on, raised a little so the "jaw" opens.
  const zB = -(d + overhang);
  const lift = 0.35;
  const zTop = jaw;
  const yTop = lineY(-d, y, 0, yR + lift, zTop);
  slope(g, x0, x1, zB, lineY(-d, y, 0, yR + lift, zB), zTop, yTop, colors.roof);
  gableEnds(g, frame, 0, yR, colors.gable);
  ridgeCap(g, x0, x1, 0, yR, colors.trim, 0.2);
  ridgeCap(g, x0, x1, zTop, yTop, colors.ridge);
}

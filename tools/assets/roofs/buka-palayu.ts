// Buka palayu: a long gable entered on its long side, under the roof plane, with a full-width
// front veranda roof (emper) on posts.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, gableRoof, quadUp, type RoofColors, type RoofFrame } from "./common";

export const NAME = "buka-palayu";

export interface Options {
  pitch?: number;
  overhang?: number;
  /** Depth of the veranda roof in front of the wall, metres. */
  veranda?: number;
  /** Height of the veranda roof where it meets the wall, metres above ground (the ground storey top). */
  verandaY?: number;
}

export const DEFAULTS: Required<Options> = { pitch: 30, overhang: 0.5, veranda: 1.6, verandaY: 3.6 };

export function bukaPalayu(g: GeometryBuilder, frame: RoofFrame, colors: RoofColors, options: Options = {}): void {
  checkFrame(NAME, frame);
  const { pitch, overhang, veranda, verandaY } = { ...DEFAULTS, ...options };
  const { halfWidth: w, halfDepth: d, eaveY: y } = frame;
  gableRoof(g, frame, colors, pitch, overhang);
  const vy = Math.min(verandaY, y - 0.2);
  const drop = veranda * 0.25;
  quadUp(g, [-w, vy - drop, d + veranda], [w, vy - drop, d + veranda], [w, vy, d], [-w, vy, d], colors.roof);
  // Posts at the ends only: the middle stays open for the entrance porch.
  for (const sx of [1, -1]) {
    const xa = sx > 0 ? w - 0.24 : -w;
    g.box([xa, 0, d + veranda - 0.3], [xa + 0.24, vy - drop, d + veranda - 0.06], colors.trim);
  }
}

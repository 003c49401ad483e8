// Capit gunting ("scissor pincers"): a gable whose verge boards cross above the ridge at both
// ends, like open scissors.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, gableRoof, lineY, type RoofColors, type RoofFrame } from "./common";

export const NAME = "capit-gunting";

export interface Options {
  pitch?: number;
  overhang?: number;
  /** How far the crossed boards run past the ridge, along Z, metres. */
  cross?: number;
}

export const DEFAULTS: Required<Options> = { pitch: 38, overhang: 0.6, cross: 1.1 };

export function capitGunting(g: GeometryBuilder, frame: RoofFrame, colors: RoofColors, options: Options = {}): void {
  checkFrame(NAME, frame);
  const { pitch, overhang, cross } = { ...DEFAULTS, ...options };
  const { halfDepth: d, eaveY: y } = frame;
  const { x0, x1, yR } = gableRoof(g, frame, colors, pitch, overhang);
  // Each verge board follows one roof plane from its eave and carries on past the ridge.
  for (const x of [x0 - 0.08, x1 + 0.08]) {
    for (const s of [1, -1]) {
      const zE = s * (d + overhang);
      const zEnd = -s * cross;
      g.beam([x, lineY(s * d, y, 0, yR, zE) + 0.1, zE], [x, lineY(s * d, y, 0, yR, zEnd) + 0.1, zEnd], 0.16, colors.ridge);
    }
  }
}

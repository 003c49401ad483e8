// Julang ngapak ("a bird spreading its wings"): a steep gable whose lower eaves flare out into
// wide, flatter wings on both long sides.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, gableEnds, lineY, ridgeCap, slope, type RoofColors, type RoofFrame } from "./common";

export const NAME = "julang-ngapak";

export interface Options {
  pitch?: number;
  overhang?: number;
  /** Width of each wing beyond the main eave, metres. */
  wing?: number;
  /** Pitch of the wings, degrees (flatter than the main roof). */
  wingPitch?: number;
}

export const DEFAULTS: Required<Options> = { pitch: 42, overhang: 0.5, wing: 1.6, wingPitch: 12 };

export function julangNgapak(g: GeometryBuilder, frame: RoofFrame, colors: RoofColors, options: Options = {}): void {
  checkFrame(NAME, frame);
  const { pitch, overhang, wing, wingPitch } = { ...DEFAULTS, ...options };
  const { halfWidth: w, halfDepth: d, eaveY: y } = frame;
  const yR = y + d * Math.tan((pitch * Math.PI) / 180);
  const x0 = -w - overhang;
  const x1 = w + overhang;
  for (const s of [1, -1]) {
    const zE = s * (d + overhang);
    const yE = lineY(s * d, y, 0, yR, zE);
    slope(g, x0, x1, zE, yE, 0, yR, colors.roof);
    const zW = s * (d + overhang + wing);
    const yW = yE - wing * Math.tan((wingPitch * Math.PI) / 180);
    slope(g, x0 - 0.3, x1 + 0.3, zW, yW, zE, yE, colors.roof);
    // A thin board where the wing meets the main roof marks the break in pitch.
    g.beam([x0 - 0.3, yE + 0.03, zE], [x1 + 0.3, yE + 0.03, zE], 0.12, colors.trim);
  }
  gableEnds(g, frame, 0, yR, colors.gable);
  ridgeCap(g, x0, x1, 0, yR, colors.ridge);
}

// Julang ngapak ("a bird spreading its wings"): a steep gable whose lower eaves flare out into
// wide, flatter wings on both long sides.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, gableRoof, slope, type RoofColors, type RoofFrame } from "./common";

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
  const d = frame.halfDepth;
  gableRoof(g, frame, colors, pitch, overhang, (s, { z: zE, y: yE }, { x0, x1 }) => {
    const zW = s * (d + overhang + wing);
    const yW = yE - wing * Math.tan((wingPitch * Math.PI) / 180);
    slope(g, x0 - 0.3, x1 + 0.3, zW, yW, zE, yE, colors.roof);
    // A thin board where the wing meets the main roof marks the break in pitch.
    g.beam([x0 - 0.3, yE + 0.03, zE], [x1 + 0.3, yE + 0.03, zE], 0.12, colors.trim);
  });
}

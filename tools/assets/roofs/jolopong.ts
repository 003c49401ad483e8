// Jolopong: the plain long gable ("lying down"), the commonest Sundanese roof.
import type { GeometryBuilder } from "../geometry";
import { checkFrame, gableRoof, type RoofColors, type RoofFrame } from "./common";

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
  gableRoof(g, frame, colors, pitch, overhang);
}

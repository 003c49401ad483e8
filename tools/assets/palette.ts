// The small shared palette. Colours are written as sRGB hex (as a designer picks them) and stored
// linear, because glTF COLOR_0 and baseColorFactor are linear.

export type Rgb = readonly [number, number, number];

function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

/** "#rrggbb" to a linear RGB triple, rounded to 4 decimals so the bytes are stable. */
export function hex(code: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(code);
  if (!m) throw new Error(`palette: "${code}" is not a #rrggbb colour`);
  const ch = (s: string | undefined): number =>
    Math.round(srgbToLinear(parseInt(s ?? "0", 16) / 255) * 10000) / 10000;
  return [ch(m[1]), ch(m[2]), ch(m[3])];
}

export const PALETTE = {
  // Physical MPP: warm plastered walls (one per region, drawn from this list).
  warmWalls: [hex("#f1dcb4"), hex("#e9c79a"), hex("#f4e6cc"), hex("#e2b98f"), hex("#efd2a8")],
  // Digital-only MPP: light teal "digital" walls.
  digitalWalls: [hex("#a8e6df"), hex("#b9ecf0"), hex("#9ddbd6")],
  // Roof coverings: ijuk (palm fibre) black, terracotta, dark clay, weathered shingle.
  roofs: [hex("#3b2f2a"), hex("#9c4a2f"), hex("#6b3a2a"), hex("#4f4a45"), hex("#7a5230")],
  wood: hex("#6e4b2f"),
  woodDark: hex("#4a3220"),
  gold: hex("#e0a526"),
  glow: hex("#4ff6ff"),
  amber: hex("#ffb238"),
  glass: hex("#2b4a5c"),
  glassDigital: hex("#1f7f8c"),
  plinth: hex("#b9b2a5"),
  stone: hex("#d8d3c8"),
  stoneDark: hex("#8f8a80"),
  door: hex("#5a3b26"),
  land: hex("#9cc27a"),
  landSide: hex("#7d6a4f"),
  sea: hex("#3f7fb8"),
  path: hex("#e8d8b0"),
  hub: hex("#efe9dc"),
  hubRing: hex("#c9a24a"),
  white: hex("#ffffff"),
  interiorFloor: hex("#d9d4ca"),
  interiorWall: hex("#f3efe6"),
  interiorCeiling: hex("#fbfaf6"),
  counterTop: hex("#2f6f8f"),
  counterBody: hex("#e8e1d3"),
  chairSeat: hex("#2e7d6b"),
  chairFrame: hex("#5c5c5c"),
  lamp: hex("#fff6dc"),
} as const;

import type { Strip } from "./textures";

/**
 * Which band of the facade atlas a palette colour is painted with (looked up by the colour's
 * identity, so region colours drawn from these lists keep their band). Anything unlisted is plain.
 */
const SURFACES = new Map<Rgb, Strip>([
  ...PALETTE.warmWalls.map((c): [Rgb, Strip] => [c, "plaster"]),
  ...PALETTE.digitalWalls.map((c): [Rgb, Strip] => [c, "plaster"]),
  ...PALETTE.roofs.map((c): [Rgb, Strip] => [c, "roof"]),
  [PALETTE.wood, "wood"], [PALETTE.woodDark, "wood"], [PALETTE.door, "wood"],
  [PALETTE.glass, "glass"], [PALETTE.glassDigital, "glass"],
  [PALETTE.plinth, "stone"], [PALETTE.stone, "stone"], [PALETTE.stoneDark, "stone"], [PALETTE.landSide, "stone"],
  [PALETTE.interiorWall, "plaster"], [PALETTE.interiorCeiling, "panel"], [PALETTE.counterBody, "wood"],
  [PALETTE.chairSeat, "fabric"],
]);

export function surfaceOf(c: Rgb): Strip {
  return SURFACES.get(c) ?? "plain";
}

/** Plaza furniture and planting (painted with the plain or wood bands unless listed above). */
export const NATURE = {
  leaf: hex("#4f8a3c"),
  leafLight: hex("#74a94a"),
  palmLeaf: hex("#5c9440"),
  trunk: hex("#6b5137"),
  metal: hex("#3d4247"),
  lampGlow: hex("#fff3c4"),
  flagRed: hex("#d22630"),
  flagWhite: hex("#f7f7f2"),
  planter: hex("#8a7f70"),
} as const;

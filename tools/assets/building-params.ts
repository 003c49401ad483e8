// Step 3: the parameters of each region's building, drawn deterministically from its code. The
// geometry step reads only these, so a test can check variety without building meshes.
import type { PhysicalMppStatus, RegionType } from "../../src/domain/types";
import { intIn, pick } from "./hash";
import { PALETTE, type Rgb } from "./palette";
import { ROOF_FORMS, type RoofForm } from "./roofs/index";
import type { RegionRow } from "./regions-csv";

export const NAME = "building-params";

/** How the building shows its physical-MPP status (explained by the plaza legend). */
export type BuildingVariant = "physical" | "digital" | "planned";

export interface BuildingParams {
  code: string;
  name: string;
  type: RegionType;
  physicalMpp: PhysicalMppStatus;
  variant: BuildingVariant;
  roof: RoofForm;
  /** Wall footprint, metres: width along X (the entrance side), depth along Z. */
  width: number;
  depth: number;
  storeys: 1 | 2 | 3;
  storeyHeight: number;
  /** Entrance porch: width of the canopy and platform, depth in front of the wall. */
  porchWidth: number;
  porchDepth: number;
  /** Steps up to the plinth; each is `stepRise` high and `stepRun` deep. */
  steps: 1 | 2 | 3;
  stepRise: number;
  stepRun: number;
  /** Walkable forecourt in front of the steps, metres. */
  apronDepth: number;
  /** Windows per storey along the front wall, each side of the door. */
  windowsPerSide: number;
  colors: { wall: Rgb; roof: Rgb; frame: Rgb; ridge: Rgb; glass: Rgb };
}

export interface Options {
  storeyHeight?: number;
  porchDepth?: number;
  stepRise?: number;
  stepRun?: number;
  apronDepth?: number;
}

export const DEFAULTS: Required<Options> = {
  storeyHeight: 3.6,
  porchDepth: 3.0,
  stepRise: 0.15,
  stepRun: 0.32,
  apronDepth: 3.0,
};

export function variantOf(status: PhysicalMppStatus): BuildingVariant {
  if (status === "yes") return "physical";
  if (status === "planned") return "planned";
  return "digital"; // "unknown" and "no": reachable only through MPP Digital as far as we know
}

/** Parameters for one region. */
export function buildingParams(region: RegionRow, options: Options = {}): BuildingParams {
  const opts = { ...DEFAULTS, ...options };
  const c = region.code;
  const codeNumber = Number(c);
  if (!Number.isInteger(codeNumber)) throw new Error(`${NAME}: region code "${c}" is not numeric`);
  const variant = variantOf(region.physicalMpp);
  // Consecutive codes (neighbouring regions in the Kemendagri list) always get different roofs,
  // and all seven forms appear across any seven consecutive codes.
  const roof = ROOF_FORMS[codeNumber % ROOF_FORMS.length] as RoofForm;
  // Kota (cities) stand taller than kabupaten: an urban MPP is usually a multi-storey block.
  const storeys = (region.type === "kota" ? intIn(`${c}:storeys`, 2, 3) : intIn(`${c}:storeys`, 1, 3)) as 1 | 2 | 3;
  const wall =
    variant === "physical" ? pick(`${c}:wall`, PALETTE.warmWalls) : pick(`${c}:wall`, PALETTE.digitalWalls);
  const frame = variant === "physical" ? PALETTE.wood : variant === "planned" ? PALETTE.amber : PALETTE.glow;
  const ridge = variant === "physical" ? PALETTE.gold : variant === "planned" ? PALETTE.amber : PALETTE.glow;
  return {
    code: c,
    name: region.name,
    type: region.type,
    physicalMpp: region.physicalMpp,
    variant,
    roof,
    width: 11 + 0.5 * intIn(`${c}:width`, 0, 12),
    depth: 8 + 0.5 * intIn(`${c}:depth`, 0, 8),
    storeys,
    storeyHeight: opts.storeyHeight,
    porchWidth: 4.5 + 0.5 * intIn(`${c}:porch`, 0, 4),
    porchDepth: opts.porchDepth,
    steps: intIn(`${c}:steps`, 1, 3) as 1 | 2 | 3,
    stepRise: opts.stepRise,
    stepRun: opts.stepRun,
    apronDepth: opts.apronDepth,
    windowsPerSide: intIn(`${c}:windows`, 1, 3),
    colors: {
      wall,
      roof: pick(`${c}:roof`, PALETTE.roofs),
      frame,
      ridge,
      glass: variant === "physical" ? PALETTE.glass : PALETTE.glassDigital,
    },
  };
}

/** How far the building reaches in front of its origin (+Z), to the outer edge of the forecourt. */
export function frontReach(p: BuildingParams): number {
  return p.depth / 2 + p.porchDepth + p.steps * p.stepRun + p.apronDepth;
}

/**
 * Radius of a circle around the origin that holds the whole building with its roof overhangs,
 * porch and forecourt: the layout keeps these circles apart.
 */
export function boundingRadius(p: BuildingParams): number {
  const halfX = p.width / 2 + 2.5; // widest roof: julang ngapak wings and boards
  const back = p.depth / 2 + 2.5;
  return Math.hypot(halfX, Math.max(frontReach(p), back));
}

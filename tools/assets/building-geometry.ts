// Step 4: one building's geometry from its parameters: the walkable floor (plinth, porch, steps,
// forecourt), the solid body (walls, windows, frame, porch canopy, roof) and the signage quad.
// Origin: centre of the wall footprint at ground level; entrance on +Z.
import type { BuildingParams } from "./building-params";
import { frontReach } from "./building-params";
import { GeometryBuilder, type Vec3 } from "./geometry";
import { PALETTE } from "./palette";
import { ROOF_BUILDERS } from "./roofs/index";

export const NAME = "building-geometry";

export interface BuildingGeometry {
  /** role floor: plinth top, porch platform, step treads, forecourt apron. */
  floor: GeometryBuilder;
  /** role blocker: everything solid. */
  body: GeometryBuilder;
  /** role signage: one 4:1 quad facing +Z, UV 0..1. */
  signage: GeometryBuilder;
  /** The doorway, on the front wall at plinth height. */
  entrance: Vec3;
  /** Height of the plinth (ground floor level). */
  plinthHeight: number;
}

export const DOOR = { halfWidth: 1.1, height: 2.5 } as const;
export const SIGN = { width: 4, height: 1, canopyY: 2.9, canopyThickness: 0.15 } as const;

export function buildingGeometry(p: BuildingParams): BuildingGeometry {
  if (p.width < 2 * DOOR.halfWidth + 2 || p.depth < 4) throw new Error(`${NAME}: ${p.code}: footprint too small`);
  if (p.porchWidth < SIGN.width) throw new Error(`${NAME}: ${p.code}: porch narrower than the sign`);
  const floor = new GeometryBuilder({ uv: "planar", planarTile: 4 });
  const body = new GeometryBuilder();
  const signage = new GeometryBuilder({ uv: "unit", light: "emissive" });
  const { colors } = p;
  const hw = p.width / 2;
  const hd = p.depth / 2;
  const hp = p.steps * p.stepRise;
  const pw = p.porchWidth / 2;
  const porchFront = hd + p.porchDepth;

  // Plinth: top is floor, sides are body.
  const lip = 0.3;
  floor.quad([-hw - lip, hp, hd + lip], [hw + lip, hp, hd + lip], [hw + lip, hp, -hd - lip], [-hw - lip, hp, -hd - lip], PALETTE.stone);
  body.box([-hw - lip, 0, -hd - lip], [hw + lip, hp, hd + lip], PALETTE.plinth, { top: false });
  // Porch platform in front of the door.
  floor.quad([-pw, hp, porchFront], [pw, hp, porchFront], [pw, hp, hd + lip], [-pw, hp, hd + lip], PALETTE.stone);
  body.box([-pw, 0, hd + lip], [pw, hp, porchFront], PALETTE.plinth, { top: false, back: false });
  // Steps down from the porch: treads are floor, risers and sides body.
  for (let k = 1; k < p.steps; k++) {
    const z0 = porchFront + (k - 1) * p.stepRun;
    const z1 = z0 + p.stepRun;
    const y = hp - k * p.stepRise;
    floor.quad([-pw, y, z1], [pw, y, z1], [pw, y, z0], [-pw, y, z0], PALETTE.stone);
    body.box([-pw, 0, z0], [pw, y, z1], PALETTE.plinth, { top: false, back: false });
  }
  // Forecourt apron, just above the plaza ground.
  const apronZ0 = porchFront + (p.steps - 1) * p.stepRun;
  const apronZ1 = hd + 0 + frontReach(p) - hd; // = frontReach(p)
  const aw = pw + 1.5;
  floor.quad([-aw, 0.02, apronZ1], [aw, 0.02, apronZ1], [aw, 0.02, apronZ0], [-aw, 0.02, apronZ0], PALETTE.path);

  // Walls, storey by storey (outer faces only: the inside is the separate interior model).
  const H = p.storeyHeight;
  const top = hp + p.storeys * H;
  const wall = colors.wall;
  const doorTop = hp + DOOR.height;
  const dw = DOOR.halfWidth;
  // Front wall around the door, then the upper front in one piece.
  body.quad([-hw, hp, hd], [-dw, hp, hd], [-dw, top, hd], [-hw, top, hd], wall);
  body.quad([dw, hp, hd], [hw, hp, hd], [hw, top, hd], [dw, top, hd], wall);
  body.quad([-dw, doorTop, hd], [dw, doorTop, hd], [dw, top, hd], [-dw, top, hd], wall);
  body.quad([hw, hp, -hd], [-hw, hp, -hd], [-hw, top, -hd], [hw, top, -hd], wall);
  body.quad([-hw, hp, -hd], [-hw, hp, hd], [-hw, top, hd], [-hw, top, -hd], wall);
  body.quad([hw, hp, hd], [hw, hp, -hd], [hw, top, -hd], [hw, top, hd], wall);
  // Door: recessed leaf and its reveals (glass for the digital variants).
  const leaf = p.variant === "physical" ? PALETTE.door : colors.glass;
  const rz = hd - 0.25;
  body.quad([-dw, hp, rz], [dw, hp, rz], [dw, doorTop, rz], [-dw, doorTop, rz], leaf);
  body.quad([-dw, hp, hd], [-dw, hp, rz], [-dw, doorTop, rz], [-dw, doorTop, hd], wall);
  body.quad([dw, hp, rz], [dw, hp, hd], [dw, doorTop, hd], [dw, doorTop, rz], wall);
  body.quad([-dw, doorTop, rz], [dw, doorTop, rz], [dw, doorTop, hd], [-dw, doorTop, hd], wall);
  // Door frame: the "glowing frame" of the digital variants, dark wood on physical MPPs.
  const doorFrame = p.variant === "physical" ? PALETTE.woodDark : colors.frame;
  body.beam([-dw - 0.08, hp, hd + 0.05], [-dw - 0.08, doorTop + 0.08, hd + 0.05], 0.16, doorFrame);
  body.beam([dw + 0.08, hp, hd + 0.05], [dw + 0.08, doorTop + 0.08, hd + 0.05], 0.16, doorFrame);
  body.beam([-dw - 0.16, doorTop + 0.08, hd + 0.05], [dw + 0.16, doorTop + 0.08, hd + 0.05], 0.16, doorFrame);

  for (let s = 0; s < p.storeys; s++) {
    const y0 = hp + s * H;
    const y1 = y0 + H;
    // Band at the top of each storey: a ledge all round, in the frame colour.
    body.box([-hw - 0.1, y1 - 0.28, -hd - 0.1], [hw + 0.1, y1, hd + 0.1], colors.frame, { top: s < p.storeys - 1 });
    // Windows: glass panes a few centimetres proud of the wall, each with a sill.
    const win = (x: number, z: number, axis: "x" | "z", sign: 1 | -1): void => {
      const wy0 = y0 + 1.0;
      const wy1 = y0 + 2.5;
      const half = 0.6;
      if (axis === "z") {
        const zz = z + sign * 0.03;
        const a: Vec3 = [x - sign * half, wy0, zz];
        const b: Vec3 = [x + sign * half, wy0, zz];
        body.quad(a, b, [b[0], wy1, zz], [a[0], wy1, zz], colors.glass);
        body.box([x - half - 0.08, wy0 - 0.12, Math.min(z, zz + sign * 0.12)], [x + half + 0.08, wy0, Math.max(z, zz + sign * 0.12)], colors.frame, { bottom: false });
      } else {
        const xx = x + sign * 0.03;
        const a: Vec3 = [xx, wy0, z + sign * half];
        const b: Vec3 = [xx, wy0, z - sign * half];
        body.quad(a, b, [xx, wy1, b[2]], [xx, wy1, a[2]], colors.glass);
        body.box([Math.min(x, xx + sign * 0.12), wy0 - 0.12, z - half - 0.08], [Math.max(x, xx + sign * 0.12), wy0, z + half + 0.08], colors.frame, { bottom: false });
      }
    };
    // Front: windowsPerSide each side of the door (ground storey keeps clear of the porch canopy).
    const span = hw - dw - 0.8;
    for (let i = 0; i < p.windowsPerSide; i++) {
      const x = dw + 0.8 + ((i + 0.5) * span) / p.windowsPerSide;
      if (s === 0 && x - 0.7 < pw) continue;
      win(x, hd, "z", 1);
      win(-x, hd, "z", 1);
    }
    if (s > 0) win(0, hd, "z", 1);
    // Sides and back: evenly spaced.
    const nSide = Math.max(1, Math.floor(p.depth / 3.2));
    for (let i = 0; i < nSide; i++) {
      const z = -hd + ((i + 0.5) * p.depth) / nSide;
      win(hw, z, "x", 1);
      win(-hw, z, "x", -1);
    }
    const nBack = Math.max(2, Math.floor(p.width / 4));
    for (let i = 0; i < nBack; i++) win(-hw + ((i + 0.5) * p.width) / nBack, -hd, "z", -1);
  }
  // Corner posts: glowing edges on digital variants, wooden posts on physical MPPs.
  for (const [sx, sz] of [[1, 1], [1, -1], [-1, 1], [-1, -1]] as const) {
    body.beam([sx * (hw + 0.05), hp, sz * (hd + 0.05)], [sx * (hw + 0.05), top, sz * (hd + 0.05)], 0.3, colors.frame);
  }
  // Planned MPPs wear amber braces across the side walls, like a building still going up.
  if (p.variant === "planned") {
    for (const sx of [1, -1]) {
      body.beam([sx * (hw + 0.12), hp + 0.2, -hd + 0.3], [sx * (hw + 0.12), top - 0.3, hd - 0.3], 0.14, colors.frame);
      body.beam([sx * (hw + 0.12), hp + 0.2, hd - 0.3], [sx * (hw + 0.12), top - 0.3, -hd + 0.3], 0.14, colors.frame);
    }
  }

  // Roof.
  const roofTrim = p.variant === "physical" ? PALETTE.woodDark : colors.frame;
  ROOF_BUILDERS[p.roof](body, { halfWidth: hw, halfDepth: hd, eaveY: top }, {
    roof: colors.roof, ridge: colors.ridge, gable: wall, trim: roofTrim,
  });

  // Entrance canopy on two posts, and the sign board standing on its front edge.
  const cy0 = SIGN.canopyY;
  const cy1 = cy0 + SIGN.canopyThickness;
  body.box([-pw, cy0, hd], [pw, cy1, porchFront], colors.roof, { bottom: true, back: false });
  for (const sx of [1, -1]) {
    body.beam([sx * (pw - 0.2), hp, porchFront - 0.2], [sx * (pw - 0.2), cy0, porchFront - 0.2], 0.2, roofTrim);
  }
  const sw = SIGN.width / 2;
  const sy0 = cy1 + 0.05;
  const sy1 = sy0 + SIGN.height;
  body.box([-sw - 0.12, cy1, porchFront - 0.14], [sw + 0.12, sy1 + 0.12, porchFront - 0.02], PALETTE.woodDark);
  body.beam([-sw - 0.12, sy1 + 0.16, porchFront - 0.08], [sw + 0.12, sy1 + 0.16, porchFront - 0.08], 0.1, colors.ridge);
  // 2 cm in front of the board: no z-fighting, still reads as one sign.
  signage.quad([-sw, sy0, porchFront], [sw, sy0, porchFront], [sw, sy1, porchFront], [-sw, sy1, porchFront], PALETTE.white);

  return { floor, body, signage, entrance: [0, hp, hd], plinthHeight: hp };
}

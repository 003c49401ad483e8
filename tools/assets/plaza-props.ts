// Life on the plaza: trees (a shade tree and a palm), street lamps, benches and flags, as small
// meshes placed many times (instancing.ts), and where each copy stands: trees scattered over the
// land clear of paths, buildings and the hub; lamps along the paths; benches and flags round the hub.
// Deterministic: positions come from a jittered grid hashed by cell, never from Math.random.
import { GeometryBuilder, type Vec3 } from "./geometry";
import { unit } from "./hash";
import type { Instance } from "./instancing";
import { NATURE, PALETTE, type Rgb } from "./palette";
import { pointInPolygon, type P2 } from "./polygon";
import type { PlazaLayout } from "./plaza-layout";

export const NAME = "plaza-props";

export interface Options {
  /** Spacing of the tree grid, metres (one tree at most per cell). */
  treeSpacing?: number;
  /** Lamps along a path, every this many metres. */
  lampSpacing?: number;
  flags?: number;
  benches?: number;
}

export const DEFAULTS: Required<Options> = { treeSpacing: 19, lampSpacing: 24, flags: 10, benches: 10 };

/** A pyramid-capped double cone: a few triangles that read as a round crown from any side. */
function crown(g: GeometryBuilder, cx: number, cy: number, cz: number, r: number, h: number, color: Rgb, sides = 6, turn = 0): void {
  const ring: Vec3[] = [];
  for (let i = 0; i < sides; i++) {
    const t = turn + (i / sides) * Math.PI * 2;
    ring.push([cx + r * Math.cos(t), cy, cz + r * Math.sin(t)]);
  }
  const top: Vec3 = [cx, cy + h * 0.55, cz];
  const bottom: Vec3 = [cx, cy - h * 0.45, cz];
  for (let i = 0; i < sides; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % sides]!;
    g.tri(a, top, b, color);
    g.tri(b, bottom, a, color);
  }
}

export function shadeTree(): GeometryBuilder {
  const g = new GeometryBuilder();
  g.beam([0, 0, 0], [0, 2.6, 0], 0.32, NATURE.trunk);
  crown(g, 0, 3.6, 0, 2.3, 3.2, NATURE.leaf, 7);
  crown(g, 0.5, 4.7, 0.3, 1.5, 2.2, NATURE.leafLight, 6, 0.4);
  return g;
}

export function palmTree(): GeometryBuilder {
  const g = new GeometryBuilder();
  // A slightly leaning trunk in two segments, then drooping fronds.
  g.beam([0, 0, 0], [0.25, 3.2, 0], 0.28, NATURE.trunk);
  g.beam([0.25, 3.2, 0], [0.55, 6.2, 0], 0.24, NATURE.trunk);
  const top: Vec3 = [0.55, 6.3, 0];
  for (let i = 0; i < 6; i++) {
    const t = (i / 6) * Math.PI * 2;
    const dx = Math.cos(t);
    const dz = Math.sin(t);
    const tip: Vec3 = [top[0] + dx * 3.0, top[1] - 1.4, top[2] + dz * 3.0];
    const mid: Vec3 = [top[0] + dx * 1.6, top[1] + 0.35, top[2] + dz * 1.6];
    const side: Vec3 = [-dz * 0.55, 0, dx * 0.55];
    g.tri(top, [mid[0] + side[0], mid[1], mid[2] + side[2]], mid, NATURE.palmLeaf);
    g.tri(top, mid, [mid[0] - side[0], mid[1], mid[2] - side[2]], NATURE.palmLeaf);
    g.tri(mid, [mid[0] + side[0], mid[1], mid[2] + side[2]], tip, NATURE.palmLeaf);
    g.tri(mid, tip, [mid[0] - side[0], mid[1], mid[2] - side[2]], NATURE.palmLeaf);
  }
  return g;
}

export function streetLamp(): GeometryBuilder {
  const g = new GeometryBuilder();
  // (No footing box: 97 lamps x 10 triangles for a detail at ankle height.)
  g.beam([0, 0, 0], [0, 4.2, 0], 0.14, NATURE.metal);
  g.box([-0.28, 4.2, -0.28], [0.28, 4.3, 0.28], NATURE.metal, { bottom: true });
  // The lantern: bright glass under a small roof.
  g.box([-0.2, 3.75, -0.2], [0.2, 4.2, 0.2], NATURE.lampGlow, { top: false });
  return g;
}

export function bench(): GeometryBuilder {
  const g = new GeometryBuilder();
  g.box([-0.9, 0.42, -0.22], [0.9, 0.48, 0.22], PALETTE.wood, { bottom: true });
  g.box([-0.9, 0.55, -0.27], [0.9, 0.85, -0.22], PALETTE.wood);
  for (const x of [-0.75, 0.75]) g.box([x - 0.04, 0, -0.22], [x + 0.04, 0.42, 0.18], NATURE.metal, { top: false });
  return g;
}

/** A flagpole with the Merah Putih (red over white), flying along +X. */
export function flag(): GeometryBuilder {
  const g = new GeometryBuilder();
  g.box([-0.2, 0, -0.2], [0.2, 0.3, 0.2], PALETTE.stoneDark, { bottom: false });
  g.beam([0, 0.3, 0], [0, 7.5, 0], 0.09, PALETTE.white);
  const y0 = 6.0;
  const y1 = 7.4;
  const ym = (y0 + y1) / 2;
  const x1 = 2.1;
  // Two quads per colour, slightly bent, so the cloth reads as moving.
  g.quad([0.05, ym, 0], [x1 * 0.5, ym - 0.08, 0.12], [x1 * 0.5, y1 - 0.08, 0.12], [0.05, y1, 0], NATURE.flagRed);
  g.quad([x1 * 0.5, ym - 0.08, 0.12], [x1, ym - 0.16, 0], [x1, y1 - 0.16, 0], [x1 * 0.5, y1 - 0.08, 0.12], NATURE.flagRed);
  g.quad([0.05, y0, 0], [x1 * 0.5, y0 - 0.08, 0.12], [x1 * 0.5, ym - 0.08, 0.12], [0.05, ym, 0], NATURE.flagWhite);
  g.quad([x1 * 0.5, y0 - 0.08, 0.12], [x1, y0 - 0.16, 0], [x1, ym - 0.16, 0], [x1 * 0.5, ym - 0.08, 0.12], NATURE.flagWhite);
  return g;
}

function distToSegment(p: P2, a: P2, b: P2): number {
  const dx = b[0] - a[0];
  const dz = b[1] - a[1];
  const l2 = dx * dx + dz * dz;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dz) / l2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dz));
}

export interface PropPlacements {
  shadeTrees: Instance[];
  palms: Instance[];
  lamps: Instance[];
  benches: Instance[];
  flags: Instance[];
}

export function propPlacements(layout: PlazaLayout, options: Options = {}): PropPlacements {
  const o = { ...DEFAULTS, ...options };
  const { outline, hub, paths, placements } = layout;
  const clearOfPaths = (p: P2, margin: number) => paths.every((path) => distToSegment(p, path.from, path.to) > path.width / 2 + margin);
  const clearOfBuildings = (p: P2, margin: number) => placements.every((pl) => Math.hypot(p[0] - pl.position[0], p[1] - pl.position[2]) > pl.radius + margin);
  const onLand = (p: P2, margin: number) =>
    [[0, 0], [margin, 0], [-margin, 0], [0, margin], [0, -margin]].every(([dx, dz]) => pointInPolygon([p[0] + dx!, p[1] + dz!], outline));

  const shadeTrees: Instance[] = [];
  const palms: Instance[] = [];
  const xs = outline.map((p) => p[0]);
  const zs = outline.map((p) => p[1]);
  const s = o.treeSpacing;
  for (let gx = Math.floor(Math.min(...xs) / s); gx <= Math.ceil(Math.max(...xs) / s); gx++) {
    for (let gz = Math.floor(Math.min(...zs) / s); gz <= Math.ceil(Math.max(...zs) / s); gz++) {
      const key = `tree:${gx}:${gz}`;
      if (unit(`${key}:skip`) < 0.18) continue; // clearings
      const p: P2 = [(gx + 0.15 + 0.7 * unit(`${key}:x`)) * s, (gz + 0.15 + 0.7 * unit(`${key}:z`)) * s];
      if (Math.hypot(p[0] - hub.center[0], p[1] - hub.center[1]) < hub.radius + 9) continue;
      if (!onLand(p, 5) || !clearOfPaths(p, 3) || !clearOfBuildings(p, 2.5)) continue;
      const inst: Instance = { position: [p[0], 0, p[1]], rotationY: unit(`${key}:r`) * Math.PI * 2, scale: 0.8 + 0.5 * unit(`${key}:s`) };
      (unit(`${key}:kind`) < 0.3 ? palms : shadeTrees).push(inst);
    }
  }

  // Lamps along every path, alternating sides, starting clear of the hub.
  const lamps: Instance[] = [];
  for (const path of paths) {
    const dx = path.to[0] - path.from[0];
    const dz = path.to[1] - path.from[1];
    const len = Math.hypot(dx, dz);
    const ux = dx / len;
    const uz = dz / len;
    let k = 0;
    for (let d = 8; d < len - 4; d += o.lampSpacing, k++) {
      const side = k % 2 ? 1 : -1;
      const off = path.width / 2 + 0.6;
      const p: P2 = [path.from[0] + ux * d - uz * off * side, path.from[1] + uz * d + ux * off * side];
      if (!clearOfBuildings(p, 0.5)) continue;
      lamps.push({ position: [p[0], 0, p[1]], rotationY: 0, scale: 1 });
    }
  }

  // Flags and benches on a ring just outside the hub, in the gaps between paths.
  const angles = paths.map((p) => Math.atan2(p.to[0], p.to[1])).sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 0; i < angles.length; i++) {
    const a = angles[i]!;
    const b = i + 1 < angles.length ? angles[i + 1]! : angles[0]! + Math.PI * 2;
    gaps.push(b - a > 0.2 ? (a + b) / 2 : NaN);
  }
  const wide = angles
    .map((a, i) => ({ mid: gaps[i]!, width: (i + 1 < angles.length ? angles[i + 1]! : angles[0]! + Math.PI * 2) - a }))
    .filter((g) => !Number.isNaN(g.mid))
    .sort((a, b) => b.width - a.width || a.mid - b.mid);
  const ringAt = (t: number, r: number): P2 => [hub.center[0] + r * Math.sin(t), hub.center[1] + r * Math.cos(t)];
  const flags = wide.slice(0, o.flags).map((g): Instance => {
    const p = ringAt(g.mid, hub.radius + 1.6);
    return { position: [p[0], 0, p[1]], rotationY: g.mid, scale: 1 };
  });
  const benches = wide.slice(0, o.benches).map((g): Instance => {
    // A bench faces the hub (+Z towards the centre), beside each flag.
    const t = g.mid + Math.min(0.12, g.width / 4);
    const p = ringAt(t, hub.radius + 2.2);
    return { position: [p[0], 0, p[1]], rotationY: t + Math.PI, scale: 1 };
  });
  return { shadeTrees, palms, lamps, benches, flags };
}

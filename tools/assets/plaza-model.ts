// Step 8: the plaza as a glTF document: the map of Jawa Barat (land slab on a sea plane), the hub
// platform, the paths (all walkable: one `floor` mesh), a landmark, the directory kiosk anchor,
// the legend quad and the spawn point. Buildings are not in it: scenes/plaza.json places them.
import type { Document } from "@gltf-transform/core";
import { GeometryBuilder, type Vec3 } from "./geometry";
import { addMesh, createDocument } from "./gltf-writer";
import { material } from "./materials";
import { PALETTE } from "./palette";
import type { PlazaLayout } from "./plaza-layout";
import { quadUp } from "./roofs/common";
import { signedArea2, triangulate, type P2 } from "./polygon";

export const NAME = "plaza-model";

export interface Options {
  /** Thickness of the land slab above the sea. */
  landThickness?: number;
  seaMargin?: number;
  hubSegments?: number;
}

export const DEFAULTS: Required<Options> = { landThickness: 0.6, seaMargin: 150, hubSegments: 40 };

/** Where the anchors stand (exported for tests and the contract). */
export const HUB_ANCHORS = {
  spawn: [0, 0, 10.5] as Vec3, // y is the hub top, added below
  kiosk: [-1.9, 1.4, 5.5] as Vec3,
  legend: { center: [1.9, 1.7, 5.5] as Vec3, width: 2.4, height: 1.2 },
} as const;

export function plazaDocument(layout: PlazaLayout, options: Options = {}): Document {
  const opts = { ...DEFAULTS, ...options };
  const floor = new GeometryBuilder();
  const base = new GeometryBuilder();
  const legend = new GeometryBuilder();
  const { outline, hub } = layout;
  const hubTop = hub.height;

  // Land: the top is floor; the cliff sides and the sea are decoration.
  for (const [a, b, c] of triangulate(outline)) {
    const pa = outline[a] as P2;
    const pb = outline[b] as P2;
    const pc = outline[c] as P2;
    // Counter-clockwise in (x, z) faces -Y; swap to face up.
    floor.tri([pa[0], 0, pa[1]], [pc[0], 0, pc[1]], [pb[0], 0, pb[1]], PALETTE.land);
  }
  const ccw = signedArea2(outline) > 0;
  for (let i = 0; i < outline.length; i++) {
    const p = outline[i] as P2;
    const q = outline[(i + 1) % outline.length] as P2;
    const [s, t] = ccw ? [q, p] : [p, q];
    base.quad([s[0], -opts.landThickness, s[1]], [t[0], -opts.landThickness, t[1]], [t[0], 0, t[1]], [s[0], 0, s[1]], PALETTE.landSide);
  }
  const xs = outline.map((p) => p[0]);
  const zs = outline.map((p) => p[1]);
  const m = opts.seaMargin;
  const [x0, x1, z0, z1] = [Math.min(...xs) - m, Math.max(...xs) + m, Math.min(...zs) - m, Math.max(...zs) + m];
  const seaY = -opts.landThickness + 0.2;
  base.quad([x0, seaY, z1], [x1, seaY, z1], [x1, seaY, z0], [x0, seaY, z0], PALETTE.sea);

  // Paths: flat strips a little above the ground. Neighbouring paths overlap near the hub, so
  // they alternate between three heights 1.5 cm apart instead of fighting for the same depth.
  const sorted = [...layout.paths].sort((a, b) => Math.atan2(a.to[0], a.to[1]) - Math.atan2(b.to[0], b.to[1]));
  sorted.forEach((path, k) => {
    const y = 0.03 + 0.015 * (k % 3);
    const dx = path.to[0] - path.from[0];
    const dz = path.to[1] - path.from[1];
    const len = Math.hypot(dx, dz);
    const nx = (-dz / len) * (path.width / 2);
    const nz = (dx / len) * (path.width / 2);
    const a: Vec3 = [path.from[0] - nx, y, path.from[1] - nz];
    const b: Vec3 = [path.from[0] + nx, y, path.from[1] + nz];
    const c: Vec3 = [path.to[0] + nx, y, path.to[1] + nz];
    const d: Vec3 = [path.to[0] - nx, y, path.to[1] - nz];
    quadUp(floor, a, b, c, d, PALETTE.path);
  });

  // Hub: a round platform, stone centre with a gold outer ring (separate triangles, no overlap).
  const n = opts.hubSegments;
  const inner = hub.radius - 1.2;
  for (let i = 0; i < n; i++) {
    const t0 = (i / n) * Math.PI * 2;
    const t1 = ((i + 1) / n) * Math.PI * 2;
    const p = (r: number, t: number, y: number): Vec3 => [hub.center[0] + r * Math.sin(t), y, hub.center[1] + r * Math.cos(t)];
    floor.tri([hub.center[0], hubTop, hub.center[1]], p(inner, t0, hubTop), p(inner, t1, hubTop), PALETTE.hub);
    floor.quad(p(inner, t0, hubTop), p(hub.radius, t0, hubTop), p(hub.radius, t1, hubTop), p(inner, t1, hubTop), PALETTE.hubRing);
    base.quad(p(hub.radius, t0, 0), p(hub.radius, t1, 0), p(hub.radius, t1, hubTop), p(hub.radius, t0, hubTop), PALETTE.stoneDark);
  }
  fixUp(floor);

  // Landmark at the hub centre: a slender tower with a gold spire (seen from anywhere on the map).
  base.box([-0.9, hubTop, -0.9], [0.9, hubTop + 7, 0.9], PALETTE.stone);
  base.box([-1.2, hubTop + 7, -1.2], [1.2, hubTop + 7.4, 1.2], PALETTE.gold);
  const apex: Vec3 = [0, hubTop + 10.5, 0];
  const sq: Vec3[] = [[-0.9, hubTop + 7.4, 0.9], [0.9, hubTop + 7.4, 0.9], [0.9, hubTop + 7.4, -0.9], [-0.9, hubTop + 7.4, -0.9]];
  for (let i = 0; i < 4; i++) base.tri(sq[i] as Vec3, sq[(i + 1) % 4] as Vec3, apex, PALETTE.gold);

  // Directory kiosk: a pedestal under the anchor (the app draws the panel at the anchor).
  const k = HUB_ANCHORS.kiosk;
  base.box([k[0] - 0.35, hubTop, k[2] - 0.5], [k[0] + 0.35, hubTop + 0.8, k[2] - 0.2], PALETTE.stoneDark);
  // Legend: a board on two posts with the quad 2 cm in front of it.
  const L = HUB_ANCHORS.legend;
  const ly = hubTop + L.center[1];
  const [lx, lz] = [L.center[0], L.center[2]];
  const hw = L.width / 2;
  const hh = L.height / 2;
  base.box([lx - hw - 0.08, ly - hh - 0.08, lz - 0.1], [lx + hw + 0.08, ly + hh + 0.08, lz - 0.02], PALETTE.woodDark);
  for (const sx of [-1, 1]) base.box([lx + sx * (hw - 0.2) - 0.06, hubTop, lz - 0.09], [lx + sx * (hw - 0.2) + 0.06, ly - hh, lz - 0.03], PALETTE.woodDark);
  legend.quad([lx - hw, ly - hh, lz], [lx + hw, ly - hh, lz], [lx + hw, ly + hh, lz], [lx - hw, ly + hh, lz], PALETTE.white);

  const doc = createDocument();
  const body = material(doc, "body");
  const panel = material(doc, "panel");
  const root = doc.createNode("plaza").setExtras({ role: "plaza" });
  root.addChild(doc.createNode("ground").setMesh(addMesh(doc, "ground", floor, body)).setExtras({ role: "floor" }));
  root.addChild(doc.createNode("map-base").setMesh(addMesh(doc, "map-base", base, body)));
  root.addChild(doc.createNode("legend").setMesh(addMesh(doc, "legend", legend, panel, { color: false, uv: true })).setExtras({ role: "legend" }));
  root.addChild(doc.createNode("kiosk-directory").setTranslation([k[0], hubTop + k[1], k[2]]).setExtras({ role: "kiosk", kind: "directory" }));
  // The spawn looks north (-Z): turned half a turn about Y, since a spawn looks along its +Z.
  const s = HUB_ANCHORS.spawn;
  root.addChild(doc.createNode("spawn").setTranslation([s[0], hubTop, s[2]]).setRotation([0, 1, 0, 0]).setExtras({ role: "spawn" }));
  doc.createScene("plaza").addChild(root);
  return doc;
}

/** Guard: every floor triangle must face up, or teleport rays would miss it. */
function fixUp(g: GeometryBuilder): void {
  for (let i = 1; i < g.normals.length; i += 3) {
    if ((g.normals[i] as number) < 0.99) throw new Error(`${NAME}: a floor triangle does not face up`);
  }
}

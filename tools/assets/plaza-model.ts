// Step 8: the plaza as a glTF document: the map of Jawa Barat (grass on a slab over a sea plane),
// the paved hub and paths (walkable: `floor` meshes), a map table of the province at the hub, trees,
// lamps, benches and flags (instanced, plaza-props.ts), the directory kiosk anchor, the legend quad
// and the spawn point. Buildings are not in it: scenes/plaza.json places them.
import type { Document } from "@gltf-transform/core";
import { GeometryBuilder, type Vec3 } from "./geometry";
import { addMesh, createDocument } from "./gltf-writer";
import { instancedNode } from "./instancing";
import { material } from "./materials";
import { PALETTE } from "./palette";
import { bench, flag, palmTree, propPlacements, shadeTree, streetLamp } from "./plaza-props";
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
/**
 * The spawn stands 3 m from the map table and looks down 10 degrees onto it: the first view is the
 * map (tap a region to go there) with the plaza beyond, not the table's side filling the screen
 * (issue 20 point 5). Kiosk and legend flank the table, at the edges of that first view.
 */
export const HUB_ANCHORS = {
  spawn: [0, 0, 5.6] as Vec3, // y is the hub top, added below
  /** Degrees the spawn looks below the horizon (its +Z turned down). */
  spawnPitchDeg: 10,
  kiosk: [-4.2, 1.4, 0.8] as Vec3,
  legend: { center: [4.3, 1.7, 0.8] as Vec3, width: 2.4, height: 1.2 },
  /** The map table of the province at the hub centre: its top's width and height. */
  mapTable: { width: 6, height: 0.85 },
} as const;

export function plazaDocument(layout: PlazaLayout, options: Options = {}): Document {
  const opts = { ...DEFAULTS, ...options };
  const floor = new GeometryBuilder({ uv: "planar", planarTile: 8 });
  const paving = new GeometryBuilder({ uv: "planar", planarTile: 4 });
  const base = new GeometryBuilder();
  const legend = new GeometryBuilder({ uv: "unit", light: "emissive" });
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
    quadUp(paving, a, b, c, d, PALETTE.path);
  });

  // Hub: a round platform, stone centre with a gold outer ring (separate triangles, no overlap).
  const n = opts.hubSegments;
  const inner = hub.radius - 1.2;
  for (let i = 0; i < n; i++) {
    const t0 = (i / n) * Math.PI * 2;
    const t1 = ((i + 1) / n) * Math.PI * 2;
    const p = (r: number, t: number, y: number): Vec3 => [hub.center[0] + r * Math.sin(t), y, hub.center[1] + r * Math.cos(t)];
    paving.tri([hub.center[0], hubTop, hub.center[1]], p(inner, t0, hubTop), p(inner, t1, hubTop), PALETTE.hub);
    paving.quad(p(inner, t0, hubTop), p(hub.radius, t0, hubTop), p(hub.radius, t1, hubTop), p(inner, t1, hubTop), PALETTE.hubRing);
    base.quad(p(hub.radius, t0, 0), p(hub.radius, t1, 0), p(hub.radius, t1, hubTop), p(hub.radius, t0, hubTop), PALETTE.stoneDark);
  }
  fixUp(floor);
  fixUp(paving);

  // The map table at the hub centre: the province's outline at table height with a marker per
  // region in its legend colour, readable from the hub (the plaza itself is too big to read as a
  // map from eye level). Low, so the view across the plaza stays open.
  const table = new GeometryBuilder();
  const map = mapTable(table, layout, hubTop);

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
  const body = material(doc, "facade");
  const panel = material(doc, "panel");
  const root = doc.createNode("plaza").setExtras({ role: "plaza" });
  root.addChild(doc.createNode("ground").setMesh(addMesh(doc, "ground", floor, material(doc, "grass"))).setExtras({ role: "floor" }));
  root.addChild(doc.createNode("paving").setMesh(addMesh(doc, "paving", paving, material(doc, "paving"))).setExtras({ role: "floor" }));
  root.addChild(doc.createNode("map-base").setMesh(addMesh(doc, "map-base", base, body)));
  // The map table: solid (role map is a blocker too) and a way to travel: a tap on the map goes to
  // the region under it. extras give the app the table's scale and centre (plaza = centre + p / scale).
  root.addChild(doc.createNode("map-table").setMesh(addMesh(doc, "map-table", table, body)).setExtras({ role: "map", ...map }));
  // Trees, lamps, benches and flags: one instanced node each (thin instances in Babylon).
  const props = propPlacements(layout);
  const propNodes: Array<[string, GeometryBuilder, typeof props.lamps]> = [
    ["trees", shadeTree(), props.shadeTrees],
    ["palms", palmTree(), props.palms],
    ["lamps", streetLamp(), props.lamps],
    ["benches", bench(), props.benches],
    ["flags", flag(), props.flags],
  ];
  for (const [name, g, instances] of propNodes) {
    if (instances.length > 0) root.addChild(instancedNode(doc, name, addMesh(doc, name, g, body), instances));
  }
  root.addChild(doc.createNode("legend").setMesh(addMesh(doc, "legend", legend, panel, { color: false, uv: true })).setExtras({ role: "legend" }));
  root.addChild(doc.createNode("kiosk-directory").setTranslation([k[0], hubTop + k[1], k[2]]).setExtras({ role: "kiosk", kind: "directory" }));
  // The spawn looks north (-Z): turned half a turn about Y, since a spawn looks along its +Z, then
  // tipped down by spawnPitchDeg (about its own X: q = yaw(pi) * pitch).
  const s = HUB_ANCHORS.spawn;
  const half = (HUB_ANCHORS.spawnPitchDeg * Math.PI) / 360;
  root.addChild(doc.createNode("spawn").setTranslation([s[0], hubTop, s[2]])
    .setRotation([0, Math.cos(half), -Math.sin(half), 0]).setExtras({ role: "spawn" }));
  doc.createScene("plaza").addChild(root);
  return doc;
}

/** The map's scale (table metres per plaza metre), the plaza point under its centre, and its top's height. */
export interface MapExtras {
  scale: number;
  center: [number, number];
  top: number;
}

function mapTable(g: GeometryBuilder, layout: PlazaLayout, y0: number): MapExtras {
  const { outline, placements } = layout;
  const xs = outline.map((p) => p[0]);
  const zs = outline.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cz = (Math.min(...zs) + Math.max(...zs)) / 2;
  const k = HUB_ANCHORS.mapTable.width / (Math.max(...xs) - Math.min(...xs));
  const top = y0 + HUB_ANCHORS.mapTable.height;
  const at = (p: P2): P2 => [(p[0] - cx) * k, (p[1] - cz) * k];
  const small = outline.map(at);
  // A stone plinth under the map, then the land as the table top and its edge.
  const hw = HUB_ANCHORS.mapTable.width / 2 + 0.25;
  const hd = ((Math.max(...zs) - Math.min(...zs)) * k) / 2 + 0.25;
  // Wood, not stone: a table to lean over, not a grey block across the view.
  g.box([-hw, y0, -hd], [hw, top - 0.06, hd], PALETTE.woodDark, { bottom: false });
  for (const [a, b, c] of triangulate(small)) {
    const pa = small[a] as P2;
    const pb = small[b] as P2;
    const pc = small[c] as P2;
    g.tri([pa[0], top, pa[1]], [pc[0], top, pc[1]], [pb[0], top, pb[1]], PALETTE.land);
  }
  const ccw = signedArea2(small) > 0;
  for (let i = 0; i < small.length; i++) {
    const p = small[i] as P2;
    const q = small[(i + 1) % small.length] as P2;
    const [s, t] = ccw ? [q, p] : [p, q];
    g.quad([s[0], top - 0.06, s[1]], [t[0], top - 0.06, t[1]], [t[0], top, t[1]], [s[0], top, s[1]], PALETTE.landSide);
  }
  // A marker per region: warm (physical MPP), amber (planned), teal (none known); gold for the hub.
  for (const pl of placements) {
    const [x, z] = at([pl.position[0], pl.position[2]]);
    const c = pl.params.variant === "physical" ? PALETTE.warmWalls[1]! : pl.params.variant === "planned" ? PALETTE.amber : PALETTE.digitalWalls[0]!;
    g.box([x - 0.07, top, z - 0.07], [x + 0.07, top + 0.12, z + 0.07], c);
  }
  const [hx, hz] = at([0, 0]);
  g.box([hx - 0.09, top, hz - 0.09], [hx + 0.09, top + 0.2, hz + 0.09], PALETTE.gold);
  const r = (v: number) => Math.round(v * 1e5) / 1e5;
  return { scale: r(k), center: [r(cx), r(cz)], top: r(top) };
}

/** Guard: every floor triangle must face up, or teleport rays would miss it. */
function fixUp(g: GeometryBuilder): void {
  for (let i = 1; i < g.normals.length; i += 3) {
    if ((g.normals[i] as number) < 0.99) throw new Error(`${NAME}: a floor triangle does not face up`);
  }
}

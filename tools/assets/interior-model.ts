// Step 10: the interior hall as a glTF document, lit as a mall hall (light baked indoors). Repeated
// parts (counters, kiosk stands, chairs, lamps, plants) are one glTF mesh each, used by many nodes:
// Babylon's loader makes instances of them. The officers behind the counters are three low-poly
// variants, each one EXT_mesh_gpu_instancing node (thin instances). Floor lines lead from the
// entrance to the counter rows; the ticket machine and the help desk stand by the entrance with
// anchors (roles queue-machine, help-desk) for the queue and consultation features.
import type { Document, Node } from "@gltf-transform/core";
import { GeometryBuilder, type Vec3 } from "./geometry";
import { addMesh, createDocument } from "./gltf-writer";
import { instancedNode, type Instance } from "./instancing";
import type { InteriorLayout, Pose } from "./interior-layout";
import { material } from "./materials";
import { hex, NATURE, PALETTE, type Rgb } from "./palette";

const INDOOR = { light: "indoor" } as const;
/** Officers: shirt, trousers hidden by the counter, head covering or hair. */
const OFFICERS: Array<{ name: string; shirt: Rgb; hair: Rgb; hijab: boolean }> = [
  { name: "officer-a", shirt: hex("#f2f2ee"), hair: hex("#1d1a18"), hijab: false },
  { name: "officer-b", shirt: hex("#8a5a32"), hair: hex("#2f7f86"), hijab: true },
  { name: "officer-c", shirt: hex("#b8a47a"), hair: hex("#1d1a18"), hijab: false },
];
const SKIN = hex("#c68e66");

export const NAME = "interior-model";

/** glTF rotation (x, y, z, w) for a yaw about +Y. */
export function yawQuat(rotationY: number): [number, number, number, number] {
  const h = rotationY / 2;
  const r = (v: number): number => {
    const x = Math.round(v * 1e7) / 1e7;
    return x === 0 ? 0 : x;
  };
  return [0, r(Math.sin(h)), 0, r(Math.cos(h))];
}

function place(node: Node, pose: Pose, origin: Vec3 = [0, 0, 0]): Node {
  node.setTranslation([pose.position[0] - origin[0], pose.position[1] - origin[1], pose.position[2] - origin[2]]);
  if (pose.rotationY !== 0) node.setRotation(yawQuat(pose.rotationY));
  return node;
}

function shellGeometry(layout: InteriorLayout): { floor: GeometryBuilder; shell: GeometryBuilder } {
  const { width, depth, height: H } = layout.options;
  const hw = width / 2;
  const hd = depth / 2;
  const { halfWidth: dw, height: dh } = layout.door;
  const floor = new GeometryBuilder({ uv: "planar", planarTile: 4, light: "indoor" });
  const shell = new GeometryBuilder(INDOOR);
  // Floor: 4 m tiles in two tones, so walking and teleporting have a sense of distance.
  const tile = 4;
  for (let x = -hw; x < hw - 1e-6; x += tile) {
    for (let z = -hd; z < hd - 1e-6; z += tile) {
      const light = (Math.round((x + hw) / tile) + Math.round((z + hd) / tile)) % 2 === 0;
      const c = light ? PALETTE.interiorFloor : PALETTE.stone;
      floor.quad([x, 0, z + tile], [x + tile, 0, z + tile], [x + tile, 0, z], [x, 0, z], c);
    }
  }
  const wall = PALETTE.interiorWall;
  shell.quad([-hw, 0, -hd], [hw, 0, -hd], [hw, H, -hd], [-hw, H, -hd], wall);
  shell.quad([-hw, 0, hd], [-hw, 0, -hd], [-hw, H, -hd], [-hw, H, hd], wall);
  shell.quad([hw, 0, -hd], [hw, 0, hd], [hw, H, hd], [hw, H, -hd], wall);
  shell.quad([hw, 0, hd], [dw, 0, hd], [dw, H, hd], [hw, H, hd], wall);
  shell.quad([-dw, 0, hd], [-hw, 0, hd], [-hw, H, hd], [-dw, H, hd], wall);
  shell.quad([dw, dh, hd], [-dw, dh, hd], [-dw, H, hd], [dw, H, hd], wall);
  // Ceiling in 6 x 4 m bays, so the panel band of the atlas keeps its squares.
  for (let x = -hw; x < hw - 1e-6; x += 6) {
    for (let z = -hd; z < hd - 1e-6; z += 4) shell.quad([x, H, z], [x + 6, H, z], [x + 6, H, z + 4], [x, H, z + 4], PALETTE.interiorCeiling);
  }
  // The exit: a bright "daylight" panel outside the opening, a short passage and a frame.
  const out = hd + 0.5;
  shell.quad([dw, 0, out], [-dw, 0, out], [-dw, dh, out], [dw, dh, out], PALETTE.lamp);
  shell.quad([-dw, 0, hd], [-dw, 0, out], [-dw, dh, out], [-dw, dh, hd], wall);
  shell.quad([dw, 0, out], [dw, 0, hd], [dw, dh, hd], [dw, dh, out], wall);
  shell.quad([-dw, dh, hd], [dw, dh, hd], [dw, dh, out], [-dw, dh, out], wall);
  shell.beam([-dw - 0.1, 0, hd - 0.06], [-dw - 0.1, dh + 0.1, hd - 0.06], 0.2, PALETTE.wood);
  shell.beam([dw + 0.1, 0, hd - 0.06], [dw + 0.1, dh + 0.1, hd - 0.06], 0.2, PALETTE.wood);
  shell.beam([-dw - 0.2, dh + 0.1, hd - 0.06], [dw + 0.2, dh + 0.1, hd - 0.06], 0.2, PALETTE.wood);
  floor.quad([-dw, 0, out], [dw, 0, out], [dw, 0, hd], [-dw, 0, hd], PALETTE.stone);
  // Skirting and a teal band at counter-sign height round the walls (Sundanese wood and MPP teal).
  const band = (y0: number, y1: number, c: typeof wall, t: number): void => {
    shell.box([-hw, y0, -hd], [hw, y1, -hd + t], c, { back: false, top: false, bottom: false, left: false, right: false });
    shell.box([-hw, y0, -hd], [-hw + t, y1, hd], c, { left: false, top: false, bottom: false, front: false, back: false });
    shell.box([hw - t, y0, -hd], [hw, y1, hd], c, { right: false, top: false, bottom: false, front: false, back: false });
  };
  band(0, 0.15, PALETTE.woodDark, 0.03);
  band(3.0, 3.4, PALETTE.counterTop, 0.03);
  return { floor, shell };
}

/** One counter (loket): a wooden desk with a teal front, a monitor, the officer's chair behind and the counter's number board over it on two posts; origin at floor, front +Z. */
function counterGeometry(layout: InteriorLayout): GeometryBuilder {
  const g = new GeometryBuilder(INDOOR);
  const w = layout.options.counterWidth / 2;
  const d = layout.options.counterDepth / 2;
  g.box([-w, 0, -d], [w, 1.0, d], PALETTE.counterBody);
  g.box([-w - 0.05, 1.0, -d - 0.05], [w + 0.05, 1.06, d + 0.1], PALETTE.counterTop, { bottom: true });
  g.box([-w + 0.1, 0.05, d], [w - 0.1, 0.95, d + 0.02], PALETTE.counterTop, { back: false, bottom: false });
  // Monitor turned towards the officer, and a low glass screen on the front edge.
  // (The monitor stands to one side, so the officer's face shows over the desk.)
  g.box([0.45, 1.06, -0.2], [0.95, 1.36, -0.16], NATURE.metal);
  g.box([0.66, 1.06, -0.18], [0.74, 1.12, -0.06], NATURE.metal, { bottom: false });
  // Chair behind the desk.
  g.box([-0.25, 0.45, -d - 0.75], [0.25, 0.52, -d - 0.25], PALETTE.chairSeat, { bottom: true });
  g.box([-0.25, 0.52, -d - 0.82], [0.25, 1.1, -d - 0.75], PALETTE.chairSeat);
  g.box([-0.04, 0, -d - 0.54], [0.04, 0.45, -d - 0.46], NATURE.metal, { top: false });
  // Number board over the counter on two posts, in the MPP teal.
  for (const x of [-w + 0.08, w - 0.08]) g.box([x - 0.03, 1.06, -d - 0.03], [x + 0.03, 2.3, -d + 0.03], NATURE.metal, { bottom: false });
  g.box([-w, 2.3, -d - 0.05], [w, 2.62, -d + 0.05], PALETTE.counterTop, { bottom: true });
  return g;
}

/** The share of the number board's face the agency sign covers (4:1, the sign atlas's cell shape). */
export const COUNTER_SIGN = { width: 1.28, height: 0.3, y: 2.46 } as const;
/**
 * The agency sign on the counter's teal front, where a visitor walking up looks: 4:1 like the board's,
 * large enough that the agency's name (42% of its height) reads from the waiting chairs.
 */
export const COUNTER_FRONT_SIGN = { width: 1.6, height: 0.4, y: 0.6 } as const;

/**
 * An agency sign of a counter (role signage with the counter's slot; the app draws the agency's name
 * into it): on the front of its number board, or on the front of the desk. Baked at the counter's
 * pose, so that each sign is a mesh of its own (a shared mesh would become instances, which cannot
 * each show their own text).
 */
function counterSignGeometry(pose: Pose, sign: { width: number; height: number; y: number }, z: number): GeometryBuilder {
  const g = new GeometryBuilder({ uv: "unit", light: "emissive" });
  const { width, height, y } = sign;
  const s = Math.sin(pose.rotationY);
  const c = Math.cos(pose.rotationY);
  const at = (x: number, h: number): Vec3 => [round3(pose.position[0] + x * c + z * s), h, round3(pose.position[2] - x * s + z * c)];
  g.quad(at(-width / 2, y - height / 2), at(width / 2, y - height / 2), at(width / 2, y + height / 2), at(-width / 2, y + height / 2), PALETTE.white);
  return g;
}

/** An officer seated behind a counter (legs hidden by the desk); origin at floor, facing +Z. */
function officerGeometry(v: (typeof OFFICERS)[number]): GeometryBuilder {
  const g = new GeometryBuilder(INDOOR);
  // Seated on a raised chair: shoulders clear of the desk top (1.06 m), as at a real loket.
  const lift = 0.12;
  const up = (p: Vec3): Vec3 => [p[0], p[1] + lift, p[2]];
  const box = (min: Vec3, max: Vec3, c: Rgb, faces?: Parameters<GeometryBuilder["box"]>[3]) => g.box(up(min), up(max), c, faces);
  box([-0.2, 0.5, -0.12], [0.2, 0.62, 0.26], hex("#2b2f36"), { bottom: false }); // lap
  box([-0.21, 0.6, -0.12], [0.21, 1.22, 0.1], v.shirt); // torso
  for (const sx of [-1, 1]) {
    box([sx * 0.21 - (sx > 0 ? 0 : 0.09), 0.75, -0.08], [sx * 0.21 + (sx > 0 ? 0.09 : 0), 1.2, 0.06], v.shirt, { bottom: false }); // upper arm
    box([sx * 0.2 - 0.05, 0.98, 0.06], [sx * 0.2 + 0.05, 1.06, 0.4], SKIN, { back: false }); // forearm on the desk
  }
  box([-0.06, 1.22, -0.05], [0.06, 1.3, 0.05], SKIN, { bottom: false }); // neck
  box([-0.11, 1.3, -0.11], [0.11, 1.56, 0.12], SKIN); // head
  if (v.hijab) {
    box([-0.13, 1.28, -0.14], [0.13, 1.6, 0.06], v.hair);
    box([-0.17, 1.16, -0.14], [0.17, 1.3, 0.1], v.hair, { bottom: false });
  } else {
    box([-0.12, 1.5, -0.13], [0.12, 1.6, 0.09], v.hair); // hair
  }
  return g;
}

/** The ticket machine: a slim stand with a touch screen and a ticket slot; origin at floor, front +Z. */
function queueMachineGeometry(): GeometryBuilder {
  const g = new GeometryBuilder(INDOOR);
  g.box([-0.3, 0, -0.25], [0.3, 1.1, 0.2], PALETTE.counterTop);
  g.box([-0.28, 1.1, -0.25], [0.28, 1.62, 0.0], PALETTE.counterTop);
  g.quad([-0.22, 1.16, 0.02], [0.22, 1.16, 0.02], [0.22, 1.56, 0.02], [-0.22, 1.56, 0.02], PALETTE.glassDigital);
  g.box([-0.12, 0.95, 0.2], [0.12, 1.0, 0.24], NATURE.metal, { back: false });
  g.box([-0.32, 1.62, -0.27], [0.32, 1.7, 0.02], PALETTE.amber, { bottom: true });
  return g;
}

/** The help desk: a rounded-looking reception desk (octagon front), origin at floor, front +Z. */
function helpDeskGeometry(): GeometryBuilder {
  const g = new GeometryBuilder(INDOOR);
  g.box([-1.0, 0, -0.35], [1.0, 1.05, 0.35], PALETTE.counterBody);
  g.box([-1.05, 1.05, -0.4], [1.05, 1.1, 0.42], PALETTE.counterTop, { bottom: true });
  g.box([-0.9, 0.1, 0.35], [0.9, 0.95, 0.37], PALETTE.amber, { back: false, bottom: false });
  g.box([-0.6, 1.1, -0.3], [0.6, 1.5, -0.26], NATURE.metal);
  return g;
}

function plantGeometry(): GeometryBuilder {
  const g = new GeometryBuilder(INDOOR);
  g.box([-0.25, 0, -0.25], [0.25, 0.5, 0.25], NATURE.planter);
  const leaf = (ax: number, az: number, h: number, c: Rgb) => {
    g.tri([0, 0.5, 0], [ax * 0.5 + az * 0.12, h, az * 0.5 - ax * 0.12], [ax * 0.5 - az * 0.12, h, az * 0.5 + ax * 0.12], c);
    g.tri([0, 0.5, 0], [ax * 0.5 - az * 0.12, h, az * 0.5 + ax * 0.12], [ax * 0.5 + az * 0.12, h, az * 0.5 - ax * 0.12], c);
  };
  for (let i = 0; i < 7; i++) {
    const t = (i / 7) * Math.PI * 2;
    leaf(Math.cos(t), Math.sin(t), 1.1 + 0.35 * (i % 3), i % 2 ? NATURE.leaf : NATURE.leafLight);
  }
  return g;
}

/** Wayfinding lines on the floor, 1 cm up: teal from the entrance, splitting to the three rows. */
function wayfindingGeometry(layout: InteriorLayout): GeometryBuilder {
  const g = new GeometryBuilder(INDOOR);
  const { width, depth } = layout.options;
  const hw = width / 2;
  const hd = depth / 2;
  const y = 0.01;
  const teal = PALETTE.counterTop;
  const amber = PALETTE.amber;
  const strip = (x0: number, z0: number, x1: number, z1: number, c: Rgb, w = 0.14) => {
    const dx = x1 - x0;
    const dz = z1 - z0;
    const l = Math.hypot(dx, dz);
    const nx = (-dz / l) * (w / 2);
    const nz = (dx / l) * (w / 2);
    const a: Vec3 = [x0 - nx, y, z0 - nz];
    const b: Vec3 = [x0 + nx, y, z0 + nz];
    const c2: Vec3 = [x1 + nx, y, z1 + nz];
    const d: Vec3 = [x1 - nx, y, z1 - nz];
    // Counter-clockwise seen from above.
    if ((b[0] - a[0]) * (d[2] - a[2]) - (b[2] - a[2]) * (d[0] - a[0]) > 0) g.quad(a, d, c2, b, c);
    else g.quad(a, b, c2, d, c);
  };
  const arrow = (x: number, z: number, dx: number, dz: number, c: Rgb) => {
    const p: Vec3 = [x + dx * 0.45, y, z + dz * 0.45];
    const l: Vec3 = [x - dz * 0.3, y, z + dx * 0.3];
    const r: Vec3 = [x + dz * 0.3, y, z - dx * 0.3];
    if ((l[0] - p[0]) * (r[2] - p[2]) - (l[2] - p[2]) * (r[0] - p[0]) > 0) g.tri(p, r, l, c);
    else g.tri(p, l, r, c);
  };
  const zSplit = -2.6;
  const sideX = hw - 3.4;
  strip(0, hd - 0.3, 0, zSplit, teal); // entrance to the split, past the chairs' aisle
  strip(-sideX, zSplit, sideX, zSplit, teal); // across the hall
  strip(-sideX, zSplit, -sideX, hd - 4, teal); // along the left counters
  strip(sideX, zSplit, sideX, hd - 4, teal); // along the right counters
  strip(0, zSplit, 0, -hd + 4.2, amber); // to the back counters
  arrow(0, hd - 1.2, 0, -1, teal);
  arrow(-sideX, 0, 0, 1, teal);
  arrow(sideX, 0, 0, 1, teal);
  arrow(0, -hd + 4.6, 0, -1, amber);
  return g;
}

/** A kiosk stand: a plinth and a post up to just under the floating panel. */
function kioskStandGeometry(layout: InteriorLayout): GeometryBuilder {
  const g = new GeometryBuilder(INDOOR);
  g.box([-0.3, 0, -0.2], [0.3, 0.06, 0.2], PALETTE.stoneDark);
  g.box([-0.05, 0.06, -0.05], [0.05, layout.options.kioskHeight - 0.55, 0.05], PALETTE.chairFrame);
  return g;
}

/** A waiting-room chair; origin on the floor, it faces +Z. */
function chairGeometry(): GeometryBuilder {
  const g = new GeometryBuilder(INDOOR);
  g.box([-0.25, 0.42, -0.22], [0.25, 0.48, 0.24], PALETTE.chairSeat, { bottom: true });
  g.box([-0.25, 0.48, -0.26], [0.25, 0.9, -0.2], PALETTE.chairSeat);
  for (const [x, z] of [[-0.2, -0.17], [0.2, -0.17], [-0.2, 0.19], [0.2, 0.19]] as const) {
    g.box([x - 0.025, 0, z - 0.025], [x + 0.025, 0.42, z + 0.025], PALETTE.chairFrame, { top: false });
  }
  return g;
}

function lampGeometry(): GeometryBuilder {
  const g = new GeometryBuilder({ uv: "unit", light: "emissive" });
  g.box([-0.6, -0.06, -0.6], [0.6, 0.06, 0.6], PALETTE.lamp, { bottom: true });
  return g;
}

function round3(v: number): number {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? 0 : r;
}

export function interiorDocument(layout: InteriorLayout): Document {
  const doc = createDocument();
  const body = material(doc, "facade");
  const lampMat = material(doc, "lamp");
  const { floor, shell } = shellGeometry(layout);
  const counterMesh = addMesh(doc, "counter", counterGeometry(layout), body);
  const standMesh = addMesh(doc, "kiosk-stand", kioskStandGeometry(layout), body);
  const chairMesh = addMesh(doc, "chair", chairGeometry(), body);
  const lampMesh = addMesh(doc, "lamp", lampGeometry(), lampMat, { color: false });

  const root = doc.createNode("interior").setExtras({ role: "interior" });
  root.addChild(doc.createNode("floor").setMesh(addMesh(doc, "floor", floor, material(doc, "paving"))).setExtras({ role: "floor" }));
  root.addChild(doc.createNode("walls").setMesh(addMesh(doc, "walls", shell, body)).setExtras({ role: "blocker" }));
  for (const s of layout.slots) {
    root.addChild(place(doc.createNode(`counter-${s.slot}`).setMesh(counterMesh), s.counter).setExtras({ role: "counter", slot: s.slot, agency: s.agency }));
    const d = layout.options.counterDepth / 2;
    const signs = [
      // 6 mm in front of the number board's face, and of the desk's teal front panel.
      { name: `counter-sign-${s.slot}`, geometry: counterSignGeometry(s.counter, COUNTER_SIGN, -d + 0.056) },
      { name: `counter-front-sign-${s.slot}`, geometry: counterSignGeometry(s.counter, COUNTER_FRONT_SIGN, d + 0.026) },
    ];
    for (const sign of signs) {
      root.addChild(
        doc.createNode(sign.name)
          .setMesh(addMesh(doc, sign.name, sign.geometry, material(doc, "panel"), { color: false, uv: true }))
          .setExtras({ role: "signage", slot: s.slot }),
      );
    }
    root.addChild(place(doc.createNode(`kiosk-${s.slot}`), s.kiosk).setExtras({ role: "kiosk", kind: "service", slot: s.slot }));
    const stand: Pose = { position: [s.kiosk.position[0], 0, s.kiosk.position[2]], rotationY: s.kiosk.rotationY };
    root.addChild(place(doc.createNode(`kiosk-stand-${s.slot}`).setMesh(standMesh), stand));
  }
  const waiting = doc.createNode("waiting").setTranslation([...layout.waiting]).setExtras({ role: "waiting" });
  layout.chairs.forEach((c, i) => waiting.addChild(place(doc.createNode(`chair-${i}`).setMesh(chairMesh), c, layout.waiting)));
  root.addChild(waiting);
  const lamps = doc.createNode("lamps");
  layout.lamps.forEach((p, i) => lamps.addChild(doc.createNode(`lamp-${i}`).setMesh(lampMesh).setTranslation([...p])));
  root.addChild(lamps);
  // Furnishing: wayfinding, ticket machine, help desk, queue display board, plants, officers.
  const decor = wayfindingGeometry(layout);
  const put = (g: GeometryBuilder, pose: Pose) => {
    const s = Math.sin(pose.rotationY);
    const c = Math.cos(pose.rotationY);
    const tr = (p: Vec3): Vec3 => [pose.position[0] + p[0] * c + p[2] * s, pose.position[1] + p[1], pose.position[2] - p[0] * s + p[2] * c];
    for (let t = 0; t < g.indices.length; t += 3) {
      const v = (k: number): Vec3 => {
        const i = g.indices[t + k]!;
        return tr([g.positions[3 * i]!, g.positions[3 * i + 1]!, g.positions[3 * i + 2]!]);
      };
      const col = g.tints[g.indices[t]!]!;
      decor.tri(v(0), v(1), v(2), col);
    }
  };
  put(queueMachineGeometry(), layout.queueMachine);
  put(helpDeskGeometry(), layout.helpDesk);
  root.addChild(doc.createNode("furnishing").setMesh(addMesh(doc, "furnishing", decor, body)));
  // The queue display: a dark board with a lit screen quad (UV 0..1) the queue feature draws on.
  const display = new GeometryBuilder(INDOOR);
  const qd = layout.queueDisplay;
  display.box([-1.7, -0.55, -0.06], [1.7, 0.55, 0], NATURE.metal, { back: false });
  root.addChild(place(doc.createNode("queue-display-board").setMesh(addMesh(doc, "queue-display-board", display, body)), qd));
  const screen = new GeometryBuilder({ uv: "unit", light: "emissive" });
  screen.quad([-1.6, -0.47, 0.01], [1.6, -0.47, 0.01], [1.6, 0.47, 0.01], [-1.6, 0.47, 0.01], PALETTE.white);
  root.addChild(place(doc.createNode("queue-display").setMesh(addMesh(doc, "queue-display", screen, material(doc, "panel"), { color: false })), qd).setExtras({ role: "queue-display" }));
  const front = (pose: Pose, d: number): Pose => ({
    position: [round3(pose.position[0] + Math.sin(pose.rotationY) * d), 0, round3(pose.position[2] + Math.cos(pose.rotationY) * d)],
    rotationY: pose.rotationY,
  });
  root.addChild(place(doc.createNode("queue-machine"), front(layout.queueMachine, 0.7)).setExtras({ role: "queue-machine" }));
  root.addChild(place(doc.createNode("help-desk"), front(layout.helpDesk, 0.9)).setExtras({ role: "help-desk" }));
  const plantMesh = addMesh(doc, "plant", plantGeometry(), body);
  const plants = doc.createNode("plants");
  layout.plants.forEach((p, i) => plants.addChild(place(doc.createNode(`plant-${i}`).setMesh(plantMesh), p)));
  root.addChild(plants);
  OFFICERS.forEach((v, k) => {
    const seats: Instance[] = layout.slots.filter((s) => s.slot % OFFICERS.length === k).map((s) => {
      const back = -(layout.options.counterDepth / 2 + 0.5);
      const sn = Math.sin(s.counter.rotationY);
      const cs = Math.cos(s.counter.rotationY);
      return { position: [s.counter.position[0] + sn * back, 0, s.counter.position[2] + cs * back], rotationY: s.counter.rotationY, scale: 1 };
    });
    if (seats.length > 0) root.addChild(instancedNode(doc, `${v.name}s`, addMesh(doc, v.name, officerGeometry(v), body), seats).setExtras({ role: "officer" }));
  });
  // The doorway's size: the app hangs the exit sign over it (issue 20 point 5).
  root.addChild(place(doc.createNode("exit"), layout.exit).setExtras({ role: "entrance", doorHeight: layout.door.height, doorWidth: layout.door.halfWidth * 2 }));
  root.addChild(place(doc.createNode("spawn"), layout.spawn).setExtras({ role: "spawn" }));
  doc.createScene("interior").addChild(root);
  return doc;
}

// Step 10: the interior hall as a glTF document. Repeated parts (counters, kiosk stands, chairs,
// lamps) are one glTF mesh each, used by many nodes: Babylon's loader makes instances of them.
import type { Document, Node } from "@gltf-transform/core";
import { GeometryBuilder, type Vec3 } from "./geometry";
import { addMesh, createDocument } from "./gltf-writer";
import type { InteriorLayout, Pose } from "./interior-layout";
import { material } from "./materials";
import { PALETTE } from "./palette";

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
  const floor = new GeometryBuilder();
  const shell = new GeometryBuilder();
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
  shell.quad([-hw, H, -hd], [hw, H, -hd], [hw, H, hd], [-hw, H, hd], PALETTE.interiorCeiling);
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

/** One counter (loket): desk, worktop and a screen behind; origin at floor, front +Z. */
function counterGeometry(layout: InteriorLayout): GeometryBuilder {
  const g = new GeometryBuilder();
  const w = layout.options.counterWidth / 2;
  const d = layout.options.counterDepth / 2;
  g.box([-w, 0, -d], [w, 1.0, d], PALETTE.counterBody);
  g.box([-w - 0.05, 1.0, -d - 0.05], [w + 0.05, 1.06, d + 0.1], PALETTE.counterTop, { bottom: true });
  g.box([-w + 0.1, 0.05, d], [w - 0.1, 0.95, d + 0.02], PALETTE.counterTop, { back: false, bottom: false });
  g.box([-w, 1.06, -d - 0.02], [w, 2.3, -d + 0.06], PALETTE.counterBody);
  g.box([-w - 0.04, 2.3, -d - 0.04], [w + 0.04, 2.42, -d + 0.08], PALETTE.counterTop, { bottom: true });
  return g;
}

/** A kiosk stand: a plinth and a post up to just under the floating panel. */
function kioskStandGeometry(layout: InteriorLayout): GeometryBuilder {
  const g = new GeometryBuilder();
  g.box([-0.3, 0, -0.2], [0.3, 0.06, 0.2], PALETTE.stoneDark);
  g.box([-0.05, 0.06, -0.05], [0.05, layout.options.kioskHeight - 0.55, 0.05], PALETTE.chairFrame);
  return g;
}

/** A waiting-room chair; origin on the floor, it faces +Z. */
function chairGeometry(): GeometryBuilder {
  const g = new GeometryBuilder();
  g.box([-0.25, 0.42, -0.22], [0.25, 0.48, 0.24], PALETTE.chairSeat, { bottom: true });
  g.box([-0.25, 0.48, -0.26], [0.25, 0.9, -0.2], PALETTE.chairSeat);
  for (const [x, z] of [[-0.2, -0.17], [0.2, -0.17], [-0.2, 0.19], [0.2, 0.19]] as const) {
    g.box([x - 0.025, 0, z - 0.025], [x + 0.025, 0.42, z + 0.025], PALETTE.chairFrame, { top: false });
  }
  return g;
}

function lampGeometry(): GeometryBuilder {
  const g = new GeometryBuilder();
  g.box([-0.6, -0.06, -0.6], [0.6, 0.06, 0.6], PALETTE.lamp, { bottom: true });
  return g;
}

export function interiorDocument(layout: InteriorLayout): Document {
  const doc = createDocument();
  const body = material(doc, "body");
  const lampMat = material(doc, "lamp");
  const { floor, shell } = shellGeometry(layout);
  const counterMesh = addMesh(doc, "counter", counterGeometry(layout), body);
  const standMesh = addMesh(doc, "kiosk-stand", kioskStandGeometry(layout), body);
  const chairMesh = addMesh(doc, "chair", chairGeometry(), body);
  const lampMesh = addMesh(doc, "lamp", lampGeometry(), lampMat, { color: false });

  const root = doc.createNode("interior").setExtras({ role: "interior" });
  root.addChild(doc.createNode("floor").setMesh(addMesh(doc, "floor", floor, body)).setExtras({ role: "floor" }));
  root.addChild(doc.createNode("walls").setMesh(addMesh(doc, "walls", shell, body)).setExtras({ role: "blocker" }));
  for (const s of layout.slots) {
    root.addChild(place(doc.createNode(`counter-${s.slot}`).setMesh(counterMesh), s.counter).setExtras({ role: "counter", slot: s.slot, agency: s.agency }));
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
  root.addChild(place(doc.createNode("exit"), layout.exit).setExtras({ role: "entrance" }));
  root.addChild(place(doc.createNode("spawn"), layout.spawn).setExtras({ role: "spawn" }));
  doc.createScene("interior").addChild(root);
  return doc;
}

import assert from "node:assert/strict";
import { footprintCorners, type Placement } from "../../tools/assets/plaza-layout";
import { pointInPolygon, type P2 } from "../../tools/assets/polygon";
import { buildOnce, committedPlazaJson } from "./build-once";

/** Separating-axis test for two convex quads. */
function quadsOverlap(a: P2[], b: P2[]): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const p = poly[i]!;
      const q = poly[(i + 1) % poly.length]!;
      const axis: P2 = [q[1] - p[1], p[0] - q[0]];
      const proj = (pts: P2[]) => pts.map((v) => v[0] * axis[0] + v[1] * axis[1]);
      const pa = proj(a);
      const pb = proj(b);
      if (Math.max(...pa) < Math.min(...pb) || Math.max(...pb) < Math.min(...pa)) return false;
    }
  }
  return true;
}

describe("plaza-layout and scenes/plaza.json", () => {
  it("places 27 buildings whose footprints (with forecourts) do not overlap", async () => {
    const { layout } = await buildOnce();
    const quads = layout.placements.map((p) => footprintCorners(p));
    for (let i = 0; i < quads.length; i++) for (let j = i + 1; j < quads.length; j++) {
      const a = layout.placements[i]!.params.code;
      const b = layout.placements[j]!.params.code;
      assert.ok(!quadsOverlap(quads[i]!, quads[j]!), `buildings ${a} and ${b} overlap`);
    }
  });

  it("keeps every building on the map, off the hub, and turns each entrance to the hub", async () => {
    const { layout } = await buildOnce();
    for (const p of layout.placements) {
      for (const c of footprintCorners(p)) assert.ok(pointInPolygon(c, layout.outline), `${p.params.code}: corner on land`);
      const [x, , z] = p.position;
      assert.ok(Math.hypot(x, z) > layout.hub.radius + p.radius, `${p.params.code}: clear of the hub`);
      const toHub = [-x / Math.hypot(x, z), -z / Math.hypot(x, z)];
      const facing = Math.sin(p.rotationY) * toHub[0]! + Math.cos(p.rotationY) * toHub[1]!;
      assert.ok(facing > 0.999, `${p.params.code}: entrance (+Z) faces the hub`);
    }
  });

  it("moves buildings off their seats only where neighbours crowd them", async () => {
    const { layout } = await buildOnce();
    const moved = (p: Placement) => Math.hypot(p.position[0] - p.seat[0], p.position[2] - p.seat[1]);
    const far = layout.placements.filter((p) => moved(p) > 40).map((p) => p.params.code);
    assert.deepEqual(far, [], "no building is pushed more than 40 m from its seat");
    const sukabumi = layout.placements.find((p) => p.params.code === "3202")!;
    assert.ok(moved(sukabumi) < 0.01, "an isolated seat (Kab. Sukabumi) stays where projected");
  });

  it("writes plaza.json with model paths relative to assets/ and a walkable plaza size", () => {
    const scene = committedPlazaJson();
    assert.equal(scene.version, 1, "format version 1");
    assert.equal(scene.plaza.model, "models/plaza.glb", "plaza model path relative to assets/");
    assert.equal(scene.buildings.length, 27, "27 placements");
    for (const b of scene.buildings) {
      assert.equal(b.model, `models/building-${b.region}.glb`, `${b.region}: model path`);
      assert.equal(b.position[1], 0, `${b.region}: stands on the ground`);
    }
    const { minX, maxX, minZ, maxZ } = scene.plaza.extent;
    assert.ok(maxX - minX >= 400 && maxX - minX <= 600, `plaza ${maxX - minX} m east-west`);
    assert.ok(maxZ - minZ >= 300 && maxZ - minZ <= 600, `plaza ${maxZ - minZ} m north-south`);
  });
});

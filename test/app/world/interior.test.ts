// world/interior in Node (NullEngine, the real interior model and seed data): agency signs over the
// counters, the queue display for the queue feature, and nothing shown before it can be drawn.
import assert from "node:assert/strict";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { drawnText } from "../../support/fake-canvas";
import { startNodeExperience, type NodeExperience } from "../../support/node-experience";
import { extrasOf } from "../../../src/app/world/roles";
import { drawable } from "../../../src/app/world/when-ready";
import type { Interior } from "../../../src/app/world/interior";
import type { RegionDetail } from "../../../src/domain/types";

describe("world/interior (NullEngine)", function () {
  this.timeout(180_000);
  let ctx: NodeExperience;
  let inside: Interior;
  let region: RegionDetail;
  before(async () => {
    ctx = await startNodeExperience();
    drawnText.length = 0;
    inside = (await ctx.exp.places.enter("3273"))!;
    region = (await ctx.api.region("3273")) as RegionDetail;
  });
  after(async () => {
    await ctx?.close();
  });

  it("is entered only once every mesh of the hall can be drawn", () => {
    const notReady = drawable([...inside.root.getChildMeshes(false), inside.labels!]).filter((m) => !m.isReady(true)).map((m) => m.name);
    assert.deepEqual(notReady, [], "no mesh waits for a shader or a texture");
  });

  it("draws the hall's fixed parts as one mesh per material, counters kept as the nodes kiosks belong to", () => {
    const shown = drawable(inside.root.getChildMeshes(false));
    assert.ok(shown.length <= 5, `${shown.length} meshes drawn in the hall: ${shown.map((m) => m.name).join(", ")}`);
    for (const k of inside.kiosks) {
      assert.equal(k.counter.isDisposed(), false, `counter ${k.slot} is still there`);
      assert.equal(k.counter.parent !== null, true, `counter ${k.slot} is still in the hall`);
    }
    for (const b of inside.blockers) assert.ok(b.checkCollisions && b.isPickable && b.visibility === 0, `${b.name}: an invisible, solid wall proxy`);
  });

  it("signs each occupied counter with its agency and counter labels from the data", () => {
    for (const k of inside.kiosks) {
      assert.ok(drawnText.includes(k.agency.shortName), `${k.agency.shortName}'s name is drawn`);
      const labels = k.agency.counters.map((c) => c.label);
      if (labels.length > 0) assert.ok(drawnText.includes(`Loket ${labels.join(" · ")}`), `${k.agency.shortName}: "Loket ${labels.join(" · ")}"`);
    }
    assert.ok(region.agencies.length < 16, "this region leaves counters free (the test needs some)");
    const leftover = ctx.exp.scene.meshes.filter((m) => extrasOf(m)?.role === "signage" && !m.isDisposed());
    assert.deepEqual(leftover.map((m) => m.name), [], "free counters have no sign; signs in use are merged");
  });

  it("draws labels and signs as one mesh, and a sign picks its counter's kiosk", () => {
    const n = inside.kiosks.length;
    assert.ok(inside.helpDesk?.board, "the help desk has its board");
    assert.equal(inside.labels!.getTotalIndices() / 3, 2 * (n + 2 * n + 2), "a quad per kiosk label, two per counter (board and front), the help desk's board and the exit sign");
    assert.equal(inside.isBoardFace(2 * 3 * n), true, "the last quad is the help desk's board");
    assert.equal(inside.kioskAtFace(2 * 3 * n + 1), null, "which belongs to no counter");
    assert.equal(inside.isBoardFace(2 * (3 * n - 1)), false, "a counter's sign is not the board");
    assert.equal(inside.kioskAtFace(0), inside.kiosks[0], "the first label is the first kiosk");
    assert.equal(inside.kioskAtFace(2 * n + 1), inside.kiosks[0], "the first sign is the first kiosk's counter");
    assert.equal(inside.kioskAtFace(2 * n + 3), inside.kiosks[0], "so is the second (its front)");
    assert.equal(inside.kioskAtFace(2 * (3 * n - 1)), inside.kiosks[n - 1], "the last sign is the last kiosk's counter");
    assert.equal(inside.kioskAtFace(6 * n), null, "past the signs: no kiosk");
    assert.equal(inside.isExitFace(2 * (3 * n + 1)), true, "the quad after the board is the exit sign");
    assert.equal(inside.isExitFace(2 * (3 * n + 1) + 1), true, "both its triangles");
    assert.equal(inside.isExitFace(2 * 3 * n), false, "the board is not the exit");
    assert.equal(inside.kioskAtFace(2 * (3 * n + 1)), null, "the exit sign belongs to no counter");
  });

  it("marks the exit: a sign over the door from the exit node's extras, facing into the hall, in the visitor's language", () => {
    const sign = inside.exitSign!;
    assert.ok(sign, "an exit sign is drawn");
    inside.exit.computeWorldMatrix(true);
    const door = inside.exit.getAbsolutePosition();
    const doorHeight = extrasOf(inside.exit)?.doorHeight;
    assert.equal(typeof doorHeight, "number", "the model gives the door's height");
    assert.ok(sign.y > door.y + (doorHeight as number), `over the doorway (${sign.y.toFixed(2)} m)`);
    assert.ok(Math.hypot(sign.x - door.x, sign.z - door.z) < 0.3, "centred on the door, just inside");
    assert.ok(drawnText.includes("KELUAR") || drawnText.includes("EXIT"), "its text is drawn");
  });

  it("puts each agency's name on the front of its counter, facing the visitor, large enough to read from the chairs", () => {
    const n = inside.kiosks.length;
    const p = inside.labels!.getVerticesData(VertexBuffer.PositionKind)!;
    const uv = inside.labels!.getVerticesData(VertexBuffer.UVKind)!;
    const corner = (v: number) => new Vector3(p[3 * v]!, p[3 * v + 1]!, p[3 * v + 2]!);
    inside.kiosks.forEach((k, i) => {
      const board = n + 2 * i;
      const front = board + 1;
      const vs = [0, 1, 2, 3].map((c) => corner(4 * front + c));
      const centre = vs.reduce((a, b) => a.add(b), Vector3.Zero()).scale(0.25);
      const height = Math.max(...vs.map((v) => v.y)) - Math.min(...vs.map((v) => v.y));
      const normal = Vector3.Cross(vs[1]!.subtract(vs[0]!), vs[2]!.subtract(vs[0]!)).normalize();
      const counter = k.counter.getAbsolutePosition();
      const name = k.agency.shortName;
      assert.ok(centre.y > 0.3 && centre.y < 1.0, `${name}: on the desk's front, below its top (${centre.y.toFixed(2)} m)`);
      assert.ok(Vector3.Distance(centre, k.center) < Vector3.Distance(counter, k.center), `${name}: on the visitor's side of the counter`);
      assert.ok(Math.abs(Vector3.Dot(normal, k.normal)) > 0.95, `${name}: its face is turned along the kiosk's facing`);
      // The name is 42% of a sign's height when a counter line follows (sign-atlas): at 0.4 m,
      // letters of about 12 cm, legible at 10 m and more (a 1:100 letter-to-distance rule of signage).
      assert.ok(height >= 0.35, `${name}: ${height.toFixed(2)} m tall, the name at least ${(0.42 * height * 100).toFixed(0)} cm`);
      // Board and front show one atlas cell: the same text, painted once.
      const cellOf = (q: number) => [0, 1, 2, 3].map((c) => `${uv[2 * (4 * q + c)]!.toFixed(4)},${uv[2 * (4 * q + c) + 1]!.toFixed(4)}`).sort().join(" ");
      assert.equal(cellOf(front), cellOf(board), `${name}: the front shows the board's text`);
    });
  });

  it("repaints the labels on a language change and keeps the counter signs", () => {
    drawnText.length = 0;
    ctx.i18n.setLang("en");
    assert.ok(drawnText.includes("Service information"), "the kiosk labels are in English");
    assert.ok(drawnText.includes(inside.kiosks[0]!.agency.shortName), "the counter signs are repainted with them");
    ctx.i18n.setLang("id");
  });

  it("gives the queue display a board face, reachable by its role for the queue feature", () => {
    const q = inside.queueDisplay!;
    assert.ok(q, "the interior has a queue display");
    assert.equal(extrasOf(q.mesh)?.role, "queue-display", "it is the model's queue-display mesh");
    const material = q.mesh.material as unknown as { diffuseTexture: unknown; emissiveTexture: unknown };
    assert.equal(material.emissiveTexture, q.texture, "with a texture of its own to paint numbers into");
    assert.equal(q.mesh.material?.name, "queue-display", "drawn with its board material");
  });

  it("leaves the palette's shared materials to the plaza when the hall is disposed", () => {
    const shared = ctx.exp.places.plaza.floors[0]!.material!;
    ctx.exp.places.leave();
    assert.ok(ctx.exp.scene.materials.includes(shared), "the plaza's floor material is still in the scene");
    assert.equal(ctx.exp.places.plaza.floors[0]!.material, shared, "and still on the plaza's floor");
  });
});

import assert from "node:assert/strict";
import { DEFAULT_AGENCIES, interiorLayout } from "../../tools/assets/interior-layout";

describe("interior-layout", () => {
  const L = interiorLayout();
  const { width, depth, counterDepth } = L.options;
  it("has 16 slots 0..15 with the default agencies in order", () => {
    assert.deepEqual(L.slots.map((s) => s.slot), [...Array(16).keys()], "slots 0..15");
    assert.deepEqual(L.slots.map((s) => s.agency), [...DEFAULT_AGENCIES], "agency per slot");
  });
  it("puts each kiosk 1.5 m in front of its counter, 1.45 m high, facing into the room", () => {
    for (const s of L.slots) {
      const [cx, , cz] = s.counter.position;
      const [kx, ky, kz] = s.kiosk.position;
      const dist = Math.hypot(kx - cx, kz - cz) - counterDepth / 2;
      assert.ok(Math.abs(dist - 1.5) < 0.01, `slot ${s.slot}: kiosk ${dist.toFixed(2)} m from the counter front`);
      assert.equal(ky, 1.45, `slot ${s.slot}: kiosk centre height`);
      const facing = [Math.sin(s.kiosk.rotationY), Math.cos(s.kiosk.rotationY)] as const;
      assert.ok(facing[0] * -kx + facing[1] * -kz > 0, `slot ${s.slot}: kiosk +Z points towards the room centre`);
      assert.ok(Math.abs(cx) < width / 2 && Math.abs(cz) < depth / 2, `slot ${s.slot}: counter inside the hall`);
    }
  });
  it("keeps kiosks apart and away from the chairs", () => {
    for (const a of L.slots) for (const b of L.slots) {
      if (a.slot < b.slot) {
        const d = Math.hypot(a.kiosk.position[0] - b.kiosk.position[0], a.kiosk.position[2] - b.kiosk.position[2]);
        assert.ok(d > 1.5, `kiosks ${a.slot} and ${b.slot} are ${d.toFixed(2)} m apart`);
      }
    }
    for (const s of L.slots) for (const c of L.chairs) {
      const d = Math.hypot(s.kiosk.position[0] - c.position[0] - L.waiting[0], s.kiosk.position[2] - c.position[2] - L.waiting[2]);
      assert.ok(d > 1.5, `kiosk ${s.slot} clear of the chairs`);
    }
  });
  it("places the spawn just inside the exit, looking in", () => {
    assert.equal(L.exit.position[2], depth / 2, "exit on the +Z wall");
    assert.ok(L.spawn.position[2] < depth / 2 && L.spawn.position[2] > depth / 2 - 3, "spawn just inside");
    assert.ok(Math.cos(L.spawn.rotationY) < -0.99, "spawn looks along -Z, into the hall");
  });
});

import assert from "node:assert/strict";
import { overlap, relaxLayout } from "../../tools/assets/relax-layout";

describe("relax-layout", () => {
  it("separates coincident circles by exactly the gap, splitting the move evenly", () => {
    const out = relaxLayout([{ id: "a", x: 0, z: 0, r: 5 }, { id: "b", x: 1, z: 0, r: 5 }], [], { gap: 2 });
    const [a, b] = out;
    assert.ok(a && b, "two circles come back");
    assert.ok(Math.abs(Math.hypot(a.x - b.x, a.z - b.z) - 12) < 1e-3, "centres end 2r + gap apart");
    assert.ok(Math.abs(a.x + b.x - 1) < 1e-6, "midpoint unchanged (even split)");
  });
  it("never moves obstacles and pushes circles out of them", () => {
    const hub = { id: "hub", x: 0, z: 0, r: 10 };
    const [a] = relaxLayout([{ id: "a", x: 2, z: 0, r: 3 }], [hub], { gap: 1 });
    assert.ok(a, "one circle");
    assert.ok(overlap(a, hub, 1) <= 1e-6, "circle is outside the hub plus gap");
    assert.deepEqual(hub, { id: "hub", x: 0, z: 0, r: 10 }, "the obstacle object is untouched");
  });
  it("leaves well-separated circles where they are", () => {
    const input = [{ id: "a", x: 0, z: 0, r: 1 }, { id: "b", x: 50, z: 0, r: 1 }];
    assert.deepEqual(relaxLayout(input, []), input, "no move needed, none made");
  });
  it("separates even exactly coincident centres, deterministically", () => {
    const input = [{ id: "a", x: 0, z: 0, r: 2 }, { id: "b", x: 0, z: 0, r: 2 }, { id: "c", x: 0, z: 0, r: 2 }];
    const one = relaxLayout(input, [], { gap: 0 });
    assert.deepEqual(relaxLayout(input, [], { gap: 0 }), one, "same input, same output");
    for (let i = 0; i < one.length; i++) for (let j = i + 1; j < one.length; j++) {
      assert.ok(overlap(one[i]!, one[j]!, 0) <= 1e-6, `circles ${i} and ${j} no longer overlap`);
    }
  });
  it("reports failure instead of returning overlapping circles", () => {
    const ring = Array.from({ length: 8 }, (_, i) => ({ id: `${i}`, x: Math.cos(i), z: Math.sin(i), r: 5 }));
    assert.throws(() => relaxLayout(ring, [], { maxSweeps: 1 }), /relax-layout: circles still overlap after 1 sweeps/, "clear error");
  });
});

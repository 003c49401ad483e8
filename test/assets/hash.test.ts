import assert from "node:assert/strict";
import { fnv1a, intIn, pick, unit } from "../../tools/assets/hash";

describe("hash", () => {
  it("is stable and spreads near keys", () => {
    assert.equal(fnv1a("3273:roof"), fnv1a("3273:roof"), "same key, same hash");
    assert.notEqual(fnv1a("3273:w"), fnv1a("3274:w"), "neighbouring codes differ");
    const u = unit("x");
    assert.ok(u >= 0 && u < 1, "unit is in [0, 1)");
  });
  it("keeps intIn inside its range and rejects a bad one", () => {
    for (let i = 0; i < 200; i++) {
      const v = intIn(`k${i}`, 1, 3);
      assert.ok(v >= 1 && v <= 3 && Number.isInteger(v), `intIn k${i} in 1..3`);
    }
    assert.throws(() => intIn("k", 3, 1), /bad integer range/, "max < min");
    assert.throws(() => pick("k", []), /empty list/, "empty pick");
  });
});

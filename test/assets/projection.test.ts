import assert from "node:assert/strict";
import { createProjection } from "../../tools/assets/projection";

describe("projection", () => {
  const p = createProjection({ centerLat: -7, centerLon: 107, metresPerDegree: 100 });
  it("puts the centre at the origin", () => {
    assert.deepEqual(p.toPlaza(-7, 107).map((v) => Math.abs(v)), [0, 0], "centre -> (0, 0)");
  });
  it("maps north to -Z and east to +X", () => {
    assert.ok(p.toPlaza(-6, 107)[1] < 0, "a point further north has negative z");
    assert.ok(p.toPlaza(-7, 108)[0] > 0, "a point further east has positive x");
  });
  it("scales latitude by metresPerDegree and longitude also by cos(latitude)", () => {
    assert.equal(p.toPlaza(-6, 107)[1], -100, "one degree north = 100 m");
    assert.ok(Math.abs(p.toPlaza(-7, 108)[0] - 100 * Math.cos((7 * Math.PI) / 180)) < 1e-9, "one degree east = 100 cos(lat) m");
  });
  it("rejects bad input", () => {
    assert.throws(() => p.toPlaza(Number.NaN, 107), /projection: bad lat\/lon/, "NaN latitude");
    assert.throws(() => createProjection({ metresPerDegree: 0 }), /metresPerDegree/, "zero scale");
  });
});

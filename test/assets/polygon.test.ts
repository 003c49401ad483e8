import assert from "node:assert/strict";
import { pointInPolygon, signedArea2, triangulate, type P2 } from "../../tools/assets/polygon";

const area = (poly: readonly P2[], tris: Array<[number, number, number]>): number =>
  tris.reduce((s, [a, b, c]) => s + Math.abs(signedArea2([poly[a]!, poly[b]!, poly[c]!])) / 2, 0);

describe("polygon", () => {
  const L: P2[] = [[0, 0], [4, 0], [4, 1], [1, 1], [1, 3], [0, 3]]; // concave L shape, area 6
  it("triangulates a concave polygon into n-2 triangles covering its area", () => {
    const tris = triangulate(L);
    assert.equal(tris.length, L.length - 2, "n - 2 triangles");
    assert.ok(Math.abs(area(L, tris) - 6) < 1e-9, "triangle areas sum to the polygon's area");
    assert.deepEqual(triangulate([...L].reverse()).length, 4, "either winding works");
  });
  it("tells inside from outside, including the notch of a concave shape", () => {
    assert.ok(pointInPolygon([0.5, 2], L), "point in the upright of the L");
    assert.ok(!pointInPolygon([2, 2], L), "point in the notch is outside");
  });
  it("refuses fewer than 3 points", () => {
    assert.throws(() => triangulate([[0, 0], [1, 1]]), /at least 3 points/, "degenerate input");
  });
});

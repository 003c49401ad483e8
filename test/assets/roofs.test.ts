import assert from "node:assert/strict";
import { GeometryBuilder } from "../../tools/assets/geometry";
import { PALETTE } from "../../tools/assets/palette";
import { ROOF_BUILDERS, ROOF_FORMS } from "../../tools/assets/roofs/index";
import { jolopong } from "../../tools/assets/roofs/jolopong";

const frame = { halfWidth: 6, halfDepth: 4, eaveY: 4 };
const colors = { roof: PALETTE.roofs[0], ridge: PALETTE.gold, gable: PALETTE.warmWalls[0], trim: PALETTE.wood };

describe("roofs", () => {
  for (const form of ROOF_FORMS) {
    it(`${form}: builds a roof above the walls, rising to a ridge, within budget`, () => {
      const g = new GeometryBuilder();
      ROOF_BUILDERS[form](g, frame, colors);
      assert.ok(g.triangleCount > 4 && g.triangleCount < 400, `${form}: ${g.triangleCount} triangles`);
      const { min, max } = g.bounds();
      assert.ok(max[1] > frame.eaveY + 1.5, `${form}: top (${max[1]}) rises well above the eave`);
      assert.ok(max[0] >= frame.halfWidth && min[0] <= -frame.halfWidth, `${form}: covers the full width`);
      assert.ok(max[2] >= frame.halfDepth && min[2] <= -frame.halfDepth, `${form}: covers the full depth`);
      for (let i = 0; i < g.normals.length; i += 3) {
        const len = Math.hypot(g.normals[i]!, g.normals[i + 1]!, g.normals[i + 2]!);
        assert.ok(Math.abs(len - 1) < 1e-5, `${form}: unit normals`);
      }
    });
  }

  it("forms differ from one another in silhouette", () => {
    const sig = ROOF_FORMS.map((form) => {
      const g = new GeometryBuilder();
      ROOF_BUILDERS[form](g, frame, colors);
      const b = g.bounds();
      return `${g.triangleCount}|${b.max.map((v) => v.toFixed(2))}|${b.min.map((v) => v.toFixed(2))}`;
    });
    assert.equal(new Set(sig).size, ROOF_FORMS.length, "seven different shapes");
  });

  it("rejects a bad frame with the roof's name", () => {
    assert.throws(() => jolopong(new GeometryBuilder(), { halfWidth: 0, halfDepth: 4, eaveY: 3 }, colors), /^Error: jolopong: bad roof frame/, "zero width");
  });
});

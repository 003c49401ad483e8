// Baked light (tools/assets/bake.ts) and texture coordinates (geometry.ts) of generated faces.
import assert from "node:assert/strict";
import { lightAt, SUN_DIRECTION } from "../../tools/assets/bake";
import { GeometryBuilder } from "../../tools/assets/geometry";
import { PALETTE } from "../../tools/assets/palette";
import { stripV } from "../../tools/assets/textures";

describe("assets/bake", () => {
  it("lights a face turned to the sun more than one turned away, and a roof more than an eave's underside", () => {
    const sunny = lightAt("outdoor", [0, 3, 0], SUN_DIRECTION);
    const shaded = lightAt("outdoor", [0, 3, 0], [-SUN_DIRECTION[0], 0, -SUN_DIRECTION[2]]);
    assert.ok(sunny[0] > shaded[0] * 1.5, `sunlit ${sunny[0]} vs shaded ${shaded[0]}`);
    assert.ok(lightAt("outdoor", [0, 5, 0], [0, 1, 0])[1] > lightAt("outdoor", [0, 5, 0], [0, -1, 0])[1], "up-facing brighter than down-facing");
  });

  it("darkens walls towards the ground (contact occlusion), outdoors and in the hall", () => {
    for (const mode of ["outdoor", "indoor"] as const) {
      const low = lightAt(mode, [0, 0.05, 0], [1, 0, 0]);
      const high = lightAt(mode, [0, 2.5, 0], [1, 0, 0]);
      assert.ok(low[0] < high[0], `${mode}: ${low[0]} at the foot < ${high[0]} higher up`);
    }
  });

  it("bakes tint times light into COLOR_0 and keeps atlas UVs inside the surface's band", () => {
    const g = new GeometryBuilder();
    g.quad([0, 0, 0], [10, 0, 0], [10, 3, 0], [0, 3, 0], PALETTE.warmWalls[0]!);
    const [v0, v1] = stripV("plaster");
    for (let i = 1; i < g.uvs.length; i += 2) assert.ok(g.uvs[i]! >= v0 - 1e-9 && g.uvs[i]! <= v1 + 1e-9, `v ${g.uvs[i]} within the plaster band`);
    assert.ok(Math.max(...g.uvs.filter((_, i) => i % 2 === 0)) > 1, "u repeats along a 10 m wall");
    // Vertices a, b, c, d as given: b at y = 0, c above it at y = 3.
    assert.ok(g.uvs[5]! < g.uvs[3]!, "the wall's top edge maps to the top of its band (v = 0 is the image's top)");
    const light = lightAt("outdoor", [0, 0, 0], [0, 0, 1]);
    assert.ok(Math.abs(g.colors[0]! - Math.min(1, PALETTE.warmWalls[0]![0] * light[0])) < 1e-4, "colour is tint times light");
    assert.ok(g.colors[0]! < g.colors[6]!, "the foot of the wall is darker than its top");
  });
});

import assert from "node:assert/strict";
import { boundingRadius, buildingParams, frontReach, variantOf } from "../../tools/assets/building-params";
import { ROOF_FORMS } from "../../tools/assets/roofs/index";
import { buildOnce } from "./build-once";

describe("building-params", () => {
  it("uses all seven roof forms and gives consecutive codes different roofs", async () => {
    const { params } = await buildOnce();
    assert.deepEqual(new Set(params.map((p) => p.roof)), new Set(ROOF_FORMS), "every form appears");
    for (let i = 1; i < params.length; i++) {
      const a = params[i - 1]!;
      const b = params[i]!;
      if (Number(b.code) === Number(a.code) + 1) assert.notEqual(a.roof, b.roof, `${a.code} and ${b.code} differ in roof`);
    }
  });

  it("makes every building recognisably different (no two share form, size, storeys and colour)", async () => {
    const { params } = await buildOnce();
    const keys = params.map((p) => `${p.roof}|${p.width}|${p.depth}|${p.storeys}|${p.colors.wall.join()}`);
    assert.equal(new Set(keys).size, params.length, "27 distinct signatures");
    for (const p of params) {
      assert.ok(p.storeys >= 1 && p.storeys <= 3, `${p.code}: 1-3 storeys`);
      assert.ok(p.steps >= 1 && p.steps <= 3, `${p.code}: 1-3 steps`);
    }
  });

  it("maps the physical-MPP status to a variant the legend explains", () => {
    assert.equal(variantOf("yes"), "physical", "yes -> physical");
    assert.equal(variantOf("planned"), "planned", "planned -> planned");
    assert.equal(variantOf("unknown"), "digital", "unknown -> digital-only");
    assert.equal(variantOf("no"), "digital", "no -> digital-only");
  });

  it("is deterministic and bounds the building with its forecourt", () => {
    const row = { code: "3273", type: "kota" as const, name: "Kota Bandung", seat: "Bandung", lat: -6.91, lon: 107.61, physicalMpp: "yes" as const };
    const p = buildingParams(row);
    assert.deepEqual(buildingParams(row), p, "same region, same parameters");
    assert.ok(boundingRadius(p) > frontReach(p), "bounding circle reaches past the forecourt");
    assert.throws(() => buildingParams({ ...row, code: "32x3" }), /not numeric/, "bad code");
  });
});

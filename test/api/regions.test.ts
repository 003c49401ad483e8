import assert from "node:assert/strict";
import { validateRegion, validateRegions } from "../../src/domain/validate";
import { CSP_START, testApp, type TestApp } from "./helpers";
import { forEachEngine } from "../support/engines";

forEachEngine("API /regions", (engine) => {
  let t: TestApp;
  before(async () => { t = await testApp({ engine }); });
  after(async () => { await t.close(); });

  it("lists the 27 regions wrapped in { regions }", async () => {
    const res = await t.app.inject("/api/v1/regions");
    assert.equal(res.statusCode, 200, "status 200");
    assert.match(String(res.headers["content-type"]), /^application\/json/, "JSON content type");
    assert.match(String(res.headers.etag), /^"[\w-]+"$/, "a strong ETag");
    assert.equal(res.headers["cache-control"], "public, max-age=60, stale-while-revalidate=600", "data cache policy");
    assert.ok(String(res.headers["content-security-policy"]).startsWith(CSP_START), "CSP header");
    const body = validateRegions(res.json());
    assert.equal(body.regions.length, 27, "27 kabupaten/kota");
    assert.deepEqual(Object.keys(res.json()), ["regions"], "only the regions key");
    const bandung = body.regions.find((r) => r.code === "3273");
    assert.equal(bandung?.name, "Kota Bandung", "3273 is Kota Bandung");
    assert.ok(body.regions.every((r) => r.agencyCount >= 10 && r.agencyCount <= 16), "10..16 agencies each");
  });

  it("keeps an unknown physical-MPP status unknown, with a null note and source when the CSV has none", async () => {
    const body = validateRegions((await t.app.inject("/api/v1/regions")).json());
    const garut = body.regions.find((r) => r.code === "3205");
    assert.deepEqual(garut?.physicalMpp, { status: "unknown", note: null, source: null }, "Garut stays unknown");
    const sukabumi = body.regions.find((r) => r.code === "3202");
    assert.equal(sukabumi?.physicalMpp.status, "unknown", "Kab. Sukabumi unknown");
    assert.equal(sukabumi?.physicalMpp.source, "bandung.bisnis.com 2021-12-07", "its source kept");
  });

  it("returns one region with agencies and counters wrapped in { region }", async () => {
    const res = await t.app.inject("/api/v1/regions/3273");
    assert.equal(res.statusCode, 200, "status 200");
    const { region } = validateRegion(res.json());
    assert.equal(region.code, "3273", "the asked region");
    assert.ok(region.agencies.length >= 10 && region.agencies.length <= 16, "10..16 agencies");
    for (const a of region.agencies) {
      assert.ok(a.counters.length >= 1 && a.counters.length <= 2, `${a.id} has 1-2 counters`);
      assert.ok(a.counters.every((c) => /^[A-P][12]$/.test(c.label)), `${a.id} counter labels like A1`);
      assert.ok(a.serviceCount >= 1, `${a.id} offers services`);
    }
    assert.ok(region.agencies.some((a) => a.slug === "imigrasi"), "Kota Bandung has Imigrasi");
  });

  it("answers 404 region_not_found for an unknown code and 400 invalid_parameter for a malformed one", async () => {
    const unknown = await t.app.inject("/api/v1/regions/9999");
    assert.equal(unknown.statusCode, 404, "unknown region 404");
    assert.equal(unknown.json().error.code, "region_not_found", "region_not_found code");
    for (const bad of ["abc", "32730", "32%2073"]) {
      const res = await t.app.inject(`/api/v1/regions/${bad}`);
      assert.equal(res.statusCode, 400, `${bad}: 400`);
      assert.equal(res.json().error.code, "invalid_parameter", `${bad}: invalid_parameter`);
      assert.ok(String(res.headers["content-security-policy"]).startsWith(CSP_START), `${bad}: CSP on errors too`);
    }
  });
});

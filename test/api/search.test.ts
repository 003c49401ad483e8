import assert from "node:assert/strict";
import { validateSearchResult } from "../../src/domain/validate";
import { testApp, type TestApp } from "./helpers";
import { forEachEngine } from "../support/engines";

forEachEngine("API /search", (engine) => {
  let t: TestApp;
  before(async () => { t = await testApp({ engine }); });
  after(async () => { await t.close(); });

  const search = async (qs: string) => {
    const res = await t.app.inject(`/api/v1/search?${qs}`);
    assert.equal(res.statusCode, 200, `search ${qs}: status 200`);
    return validateSearchResult(res.json());
  };
  const regionsOf = (r: { hits: Array<{ service: { regionCode: string } }> }) => new Set(r.hits.map((h) => h.service.regionCode));

  it("finds paspor, SIM, KTP and NIB in many regions", async () => {
    const codes = (await t.app.inject("/api/v1/regions")).json().regions.map((r: { code: string }) => r.code) as string[];
    for (const [q, slugPart, minRegions] of [["paspor", "paspor", 10], ["SIM", "sim-", 27], ["KTP", "ktp-el", 27], ["NIB", "nib", 27]] as const) {
      let found = 0;
      for (const code of codes) {
        const r = await search(`q=${q}&region=${code}&limit=5`);
        if (r.hits[0]?.service.slug.includes(slugPart)) found++;
      }
      assert.ok(found >= minRegions, `${q}: top hit right in ${found} regions, expected >= ${minRegions}`);
    }
    const all = await search("q=SIM&limit=200");
    assert.ok(regionsOf(all).size >= 20, "one cross-region query spans many regions");
  });

  it("matches synonyms, case and accents", async () => {
    const cases: Array<[string, string]> = [
      ["passport", "paspor-biasa"],
      ["P%C3%A1SPOR", "paspor-biasa"],
      ["driving%20licence", "sim-a-baru"],
      ["surat%20izin%20mengemudi", "sim-c-baru"],
      ["identity%20card", "ktp-el-baru"],
      ["KTP-el", "ktp-el-baru"],
      ["nomor%20induk%20berusaha", "nib"],
      ["business%20id", "nib"],
      ["SKCK", "skck"],
      ["pajak%20kendaraan", "pajak-kendaraan-tahunan"],
      ["vehicle%20tax", "pajak-kendaraan-tahunan"],
    ];
    for (const [q, slug] of cases) {
      const r = await search(`q=${q}&region=3273&limit=200`);
      assert.ok(r.hits.some((h) => h.service.slug === slug), `${decodeURIComponent(q)} finds ${slug}`);
    }
  });

  it("ranks name matches above description matches and exact words above prefixes", async () => {
    const r = await search("q=paspor&region=3273");
    assert.equal(r.hits[0]?.service.agencySlug, "imigrasi", "a passport service first");
    const scores = r.hits.map((h) => h.score);
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a), "sorted by score");
    const sim = await search("q=sim&region=3273&limit=200");
    const first = sim.hits[0]!;
    assert.equal(first.service.agencySlug, "polres-sim", "SIM service first, before prefix matches like 'simpanan'");
    const kk = await search("q=kartu%20keluarga&region=3273");
    assert.equal(kk.hits[0]?.service.slug, "kartu-keluarga", "the phrase in the name wins");
  });

  it("honours limit (default 50, max 200), region and total", async () => {
    const all = await search("q=layanan");
    assert.ok(all.hits.length <= 50, "default limit 50");
    assert.ok(all.total >= all.hits.length, "total counts every match");
    const three = await search("q=sim&limit=3");
    assert.equal(three.hits.length, 3, "limit 3");
    const one = await search("q=sim&region=3204");
    assert.ok(one.hits.every((h) => h.service.regionCode === "3204"), "region filter");
    assert.equal(one.region, "3204", "region echoed");
    const over = await t.app.inject("/api/v1/search?q=sim&limit=201");
    assert.equal(over.statusCode, 400, "limit over 200 rejected");
  });

  it("rejects a missing, empty or over-long q and a bad region", async () => {
    for (const qs of ["", "q=", "q=%20%20"]) {
      const res = await t.app.inject(`/api/v1/search?${qs}`);
      assert.equal(res.statusCode, 400, `'${qs}': 400`);
      assert.equal(res.json().error.code, "query_missing", `'${qs}': query_missing`);
    }
    const long = await t.app.inject(`/api/v1/search?q=${"a".repeat(101)}`);
    assert.equal(long.json().error.code, "query_too_long", "over-long q");
    const ok100 = await t.app.inject(`/api/v1/search?q=${"a".repeat(100)}`);
    assert.equal(ok100.statusCode, 200, "100 characters is allowed");
    const badRegion = await t.app.inject("/api/v1/search?q=sim&region=xx");
    assert.equal(badRegion.json().error.code, "invalid_parameter", "malformed region");
    const unknownRegion = await t.app.inject("/api/v1/search?q=sim&region=3299");
    assert.equal(unknownRegion.json().error.code, "region_not_found", "unknown region");
  });

  it("treats FTS syntax in the query as plain words", async () => {
    for (const q of ['"', "NEAR(", "sim OR *", "a:b", "^x", "-"]) {
      const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
      assert.ok(res.statusCode === 200 || res.statusCode === 400, `${q}: no 500 (got ${res.statusCode})`);
    }
  });
});

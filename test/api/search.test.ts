import assert from "node:assert/strict";
import { validateSearchResult } from "../../src/domain/validate";
import { testApp, type TestApp } from "./helpers";
import { forEachEngine, withPostgres } from "../support/engines";

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

  it("puts the visitor's region (near) first, each part in score order (the Kota Bandung lobby asks for paspor)", async () => {
    const plain = await search("q=paspor&limit=5");
    assert.equal(plain.hits[0]?.service.regionCode, "3201", "without near, equal scores go in region-code order (Kabupaten Bogor first)");
    const r = await search("q=paspor&near=3273&limit=200");
    assert.equal(r.near, "3273", "near echoed");
    const firstOther = r.hits.findIndex((h) => h.service.regionCode !== "3273");
    assert.ok(firstOther > 0, "Kota Bandung's passport services come first");
    assert.ok(r.hits.slice(firstOther).every((h) => h.service.regionCode !== "3273"), "then only other regions");
    const local = r.hits.slice(0, firstOther).map((h) => h.score);
    assert.deepEqual(local, [...local].sort((a, b) => b - a), "the visitor's region's hits sorted by score");
    assert.equal(r.total, plain.total, "near reorders, it does not filter");
    const filtered = await search("q=paspor&region=3276&near=3273");
    assert.ok(filtered.hits.length > 0 && filtered.hits.every((h) => h.service.regionCode === "3276"), "the region filter wins over near");
    const bad = await t.app.inject("/api/v1/search?q=sim&near=3299");
    assert.equal(bad.json().error.code, "region_not_found", "unknown near region");
  });

  it("pages with offset and counts hits per region, so every region can be reached (paspor: Kota Cirebon, Bekasi, Depok, Tasikmalaya)", async () => {
    const first = await search("q=paspor&near=3273");
    assert.equal(first.hits.length, 50, "a page of 50");
    assert.ok(first.total > 50, `more than one page (${first.total})`);
    const second = await search(`q=paspor&near=3273&offset=50`);
    assert.equal(second.offset, 50, "offset echoed");
    assert.equal(second.hits.length, first.total - 50, "the second page holds the rest");
    const ids = [...first.hits, ...second.hits].map((h) => h.service.id);
    assert.equal(new Set(ids).size, first.total, "pages do not overlap and miss nothing");
    const paged = new Set([...first.hits, ...second.hits].map((h) => h.service.regionCode));
    for (const code of ["3274", "3275", "3276", "3278"]) assert.ok(paged.has(code), `${code} is reached by paging`);
    const counted = new Map(first.regions.map((c) => [c.code, c.count]));
    assert.equal([...counted.values()].reduce((a, b) => a + b, 0), first.total, "region counts add up to the total");
    for (const code of ["3274", "3275", "3276", "3278"]) {
      assert.ok((counted.get(code) ?? 0) > 0, `${code} is in the region counts`);
      const only = await search(`q=paspor&region=${code}`);
      assert.equal(only.total, counted.get(code), `${code}: the region filter gives its count`);
      assert.deepEqual(only.regions, first.regions, "region counts do not depend on the filter");
    }
    assert.deepEqual(first.regions.map((c) => c.code), [...first.regions.map((c) => c.code)].sort(), "region counts in code order");
    assert.ok(first.regions.every((c) => c.name.length > 0), "each counted region is named");
  });

  it("tolerates typos and word forms, ranking them below exact matches", async () => {
    const cases: Array<[string, string]> = [
      ["pasport", "paspor-biasa"],
      ["pasprot", "paspor-biasa"],
      ["ktp%20el", "ktp-el-baru"],
      ["akta%20lahir", "akta-kelahiran"],
      ["kartu%20keluarag", "kartu-keluarga"],
    ];
    for (const [q, slug] of cases) {
      const r = await search(`q=${q}&region=3273&limit=5`);
      assert.ok(r.hits.some((h) => h.service.slug === slug), `${decodeURIComponent(q)} finds ${slug} in the first five`);
    }
    const exact = await search("q=paspor&region=3273&limit=1");
    const typo = await search("q=pasport&region=3273&limit=1");
    assert.equal(typo.hits[0]?.service.id, exact.hits[0]?.service.id, "the typo finds the same first service");
    assert.ok(typo.hits[0]!.score < exact.hits[0]!.score, "a typo match scores below the exact word");
    const none = await search("q=qqqqzzzz");
    assert.equal(none.total, 0, "nonsense still finds nothing");
  });

  it("treats FTS syntax in the query as plain words", async () => {
    for (const q of ['"', "NEAR(", "sim OR *", "a:b", "^x", "-"]) {
      const res = await t.app.inject(`/api/v1/search?q=${encodeURIComponent(q)}`);
      assert.ok(res.statusCode === 200 || res.statusCode === 400, `${q}: no 500 (got ${res.statusCode})`);
    }
  });
});

withPostgres("API /search ranks identically on SQLite and PostgreSQL", (engine) => {
  let sqlite: TestApp;
  let postgres: TestApp;
  before(async () => { [sqlite, postgres] = await Promise.all([testApp(), testApp({ engine })]); });
  after(async () => { await Promise.all([sqlite?.close(), postgres?.close()]); });

  it("gives the same hits, scores, order and region counts for the same queries", async () => {
    const queries = ["paspor", "pasport", "ktp el", "akta lahir", "sim", "izin usaha", "nikah", "pajak kendaraan", "kartu keluarag", "layanan"];
    for (const q of queries) {
      for (const extra of ["", "&near=3273", "&near=3201&offset=20", "&region=3276"]) {
        const url = `/api/v1/search?q=${encodeURIComponent(q)}&limit=200${extra}`;
        const [a, b] = await Promise.all([sqlite.app.inject(url), postgres.app.inject(url)]);
        assert.equal(a.statusCode, 200, `${url}: SQLite 200`);
        assert.deepEqual(b.json(), a.json(), `${url}: PostgreSQL answers exactly as SQLite`);
      }
    }
  });
});

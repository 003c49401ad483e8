import assert from "node:assert/strict";
import { validateService, validateServices } from "../../src/domain/validate";
import { testApp, type TestApp } from "./helpers";
import { forEachEngine } from "../support/engines";

forEachEngine("API /regions/{code}/services and /services/{id}", (engine) => {
  let t: TestApp;
  before(async () => { t = await testApp({ engine }); });
  after(async () => { await t.close(); });

  it("lists a region's services wrapped in { region, services }", async () => {
    const res = await t.app.inject("/api/v1/regions/3204/services");
    assert.equal(res.statusCode, 200, "status 200");
    const body = validateServices(res.json());
    assert.equal(body.region, "3204", "the region code echoed");
    assert.ok(body.services.length >= 30, "at least 30 services");
    assert.ok(body.services.every((s) => s.regionCode === "3204"), "all of this region");
  });

  it("filters by agency slug and by words", async () => {
    const sim = validateServices((await t.app.inject("/api/v1/regions/3204/services?agency=polres-sim")).json());
    assert.ok(sim.services.length >= 6, "SIM services found");
    assert.ok(sim.services.every((s) => s.agencySlug === "polres-sim"), "only polres-sim");
    const kk = validateServices((await t.app.inject("/api/v1/regions/3204/services?q=kartu%20keluarga")).json());
    assert.ok(kk.services.some((s) => s.slug === "kartu-keluarga"), "q finds the KK service");
    assert.ok(kk.services.length < 10, "q narrows the list");
    const none = validateServices((await t.app.inject("/api/v1/regions/3204/services?agency=nope")).json());
    assert.equal(none.services.length, 0, "unknown agency slug gives an empty list");
  });

  it("rejects a malformed agency filter, an over-long q and an unknown region", async () => {
    const bad = await t.app.inject("/api/v1/regions/3204/services?agency=NOPE!");
    assert.equal(bad.statusCode, 400, "malformed agency 400");
    assert.equal(bad.json().error.code, "invalid_parameter", "invalid_parameter");
    const long = await t.app.inject(`/api/v1/regions/3204/services?q=${"x".repeat(101)}`);
    assert.equal(long.statusCode, 400, "over-long q 400");
    assert.equal(long.json().error.code, "query_too_long", "query_too_long");
    const unknown = await t.app.inject("/api/v1/regions/3299/services");
    assert.equal(unknown.statusCode, 404, "unknown region 404");
    assert.equal(unknown.json().error.code, "region_not_found", "region_not_found");
  });

  it("returns the verified passport record in full with its source and date", async () => {
    const res = await t.app.inject("/api/v1/services/3273-imigrasi-paspor-biasa");
    assert.equal(res.statusCode, 200, "status 200");
    const { service } = validateService(res.json());
    assert.equal(service.fee.amount, 350000, "passport Rp 350.000");
    assert.equal(service.verified, true, "verified from dated sources");
    assert.equal(service.lastVerified, "2026-12-07", "the day it was checked (data/catalog/imigrasi.json)");
    assert.match(service.source ?? "", /PP 45\/2024.*\(2024-10-18\)/, "names the regulation and its date");
    assert.ok(service.requirements.some((r) => r.startsWith("KTP-el")), "KTP-el required");
    assert.ok(service.complaintChannels.some((c) => c.kind === "lapor" && c.value === "https://www.lapor.go.id"), "SP4N-LAPOR! listed");
    assert.equal(service.regionName, "Kota Bandung", "region name joined");
  });

  it("keeps unsourced records honest: unverified, no date, no invented source", async () => {
    const { service } = validateService((await t.app.inject("/api/v1/services/3273-bpn-pengecekan-sertifikat")).json());
    assert.equal(service.verified, false, "not verified");
    assert.equal(service.source, null, "no source");
    assert.equal(service.lastVerified, null, "no date");
    assert.equal(service.fee.amount, null, "fee unknown, not zero");
    const ktp = validateService((await t.app.inject("/api/v1/services/3273-disdukcapil-ktp-el-baru")).json()).service;
    assert.equal(ktp.fee.amount, 0, "KTP-el is free");
    assert.ok(ktp.legalBasis.some((l) => l.includes("UU 24/2013") && l.includes("79A")), "UU 24/2013 art. 79A");
    assert.equal(ktp.verified, false, "sources without a date do not verify it");
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    for (const bad of ["abc", "3273", "3273-Imigrasi-paspor", `3273-${"a".repeat(130)}-x`]) {
      const res = await t.app.inject(`/api/v1/services/${bad}`);
      assert.equal(res.statusCode, 400, `${bad.slice(0, 20)}: 400`);
      assert.equal(res.json().error.code, "invalid_parameter", `${bad.slice(0, 20)}: invalid_parameter`);
    }
    const unknown = await t.app.inject("/api/v1/services/3273-imigrasi-paspor-emas");
    assert.equal(unknown.statusCode, 404, "unknown service 404");
    assert.equal(unknown.json().error.code, "service_not_found", "service_not_found");
  });
});

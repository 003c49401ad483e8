import assert from "node:assert/strict";
import { testApp, type TestApp } from "./helpers";
import { forEachEngine } from "../support/engines";
import { serviceSheet } from "../../src/domain/service-sheet";
import { escapeHtml } from "../../src/server/html/render";

forEachEngine("HTML fallback /layanan", (engine) => {
  let t: TestApp;
  before(async () => { t = await testApp({ engine }); });
  after(async () => { await t.close(); });

  it("lists the 27 regions with links, in Indonesian by default", async () => {
    const res = await t.app.inject("/layanan");
    assert.equal(res.statusCode, 200, "200");
    assert.match(String(res.headers["content-type"]), /^text\/html/, "HTML");
    assert.ok(String(res.headers["content-security-policy"]).includes("frame-ancestors 'none'"), "CSP");
    assert.match(res.body, /<html lang="id">/, "Indonesian");
    assert.equal((res.body.match(/href="\/layanan\/32\d\d"/g) ?? []).length, 27, "27 region links");
    assert.match(res.body, /<h1>/, "a heading");
    assert.doesNotMatch(res.body, /<script/, "no script");
  });

  it("shows a region's agencies and services with fees, and English with ?lang=en", async () => {
    const id = await t.app.inject("/layanan/3273");
    assert.match(id.body, /<h2>Instansi dan layanan<\/h2>/, "section heading");
    assert.match(id.body, /Rp 350\.000/, "passport fee formatted");
    assert.match(id.body, /href="\/layanan\/3273\/3273-imigrasi-paspor-biasa"/, "link to the service");
    const en = await t.app.inject("/layanan/3273?lang=en");
    assert.match(en.body, /<html lang="en">/, "English");
    assert.match(en.body, /Ordinary passport/, "English service names");
    assert.match(en.body, /href="\/layanan\/3273\/3273-imigrasi-paspor-biasa\?lang=en"/, "links keep the language");
  });

  it("shows one service in full and 404s for unknown ones", async () => {
    const res = await t.app.inject("/layanan/3273/3273-imigrasi-paspor-biasa");
    assert.equal(res.statusCode, 200, "200");
    for (const heading of ["Persyaratan", "Prosedur", "Biaya", "Dasar hukum", "Pengaduan"]) {
      assert.match(res.body, new RegExp(`<h2>${heading}</h2>`), `${heading} section`);
    }
    assert.match(res.body, /7 Desember 2026/, "last verified date (the day the record was checked, data/catalog/imigrasi.json)");
    const unverified = await t.app.inject("/layanan/3273/3273-bpn-pengecekan-sertifikat");
    assert.match(unverified.body, /Belum diverifikasi/, "unverified records say so");
    const missing = await t.app.inject("/layanan/3273/3204-imigrasi-paspor-biasa");
    assert.equal(missing.statusCode, 404, "service of another region 404");
    const noRegion = await t.app.inject("/layanan/3299");
    assert.equal(noRegion.statusCode, 404, "unknown region 404");
    const bad = await t.app.inject("/layanan/abc");
    assert.equal(bad.statusCode, 400, "malformed code 400");
  });

  it("renders the same service sheet the kiosks show, in both languages", async () => {
    const id = "3273-imigrasi-paspor-biasa";
    const service = (await t.app.inject(`/api/v1/services/${id}`)).json().service;
    for (const lang of ["id", "en"] as const) {
      const res = await t.app.inject(`/layanan/3273/${id}${lang === "en" ? "?lang=en" : ""}`);
      const sheet = serviceSheet(service, lang);
      assert.ok(res.body.includes(`<h1>${escapeHtml(sheet.title)}</h1>`), `${lang}: the sheet's title`);
      assert.ok(res.body.includes(escapeHtml(sheet.verification.text)), `${lang}: the sheet's verification line`);
      for (const s of sheet.sections) {
        assert.ok(res.body.includes(`<h2>${escapeHtml(s.heading)}</h2>`), `${lang}: heading ${s.heading}`);
        for (const l of s.lines) assert.ok(res.body.includes(escapeHtml(l.text)), `${lang}: ${s.id} line ${l.text}`);
      }
    }
  });
});

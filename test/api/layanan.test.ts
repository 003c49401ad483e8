import assert from "node:assert/strict";
import { testApp, type TestApp } from "./helpers";
import { forEachEngine } from "../support/engines";
import { serviceSheet } from "../../src/domain/service-sheet";
import { escapeHtml } from "../../src/server/html/render";
import { phrasebookFor } from "../../src/domain/words/files";

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

  it("renders the same service sheet the kiosks show, in every language", async () => {
    const id = "3273-imigrasi-paspor-biasa";
    const service = (await t.app.inject(`/api/v1/services/${id}`)).json().service;
    for (const lang of ["id", "en", "su"] as const) {
      const res = await t.app.inject(`/layanan/3273/${id}${lang === "id" ? "" : `?lang=${lang}`}`);
      const sheet = serviceSheet(service, lang, phrasebookFor(lang));
      assert.ok(res.body.includes(`>${escapeHtml(sheet.title)}</h1>`), `${lang}: the sheet's title`);
      assert.ok(res.body.includes(escapeHtml(sheet.verification.text)), `${lang}: the sheet's verification line`);
      for (const s of sheet.sections) {
        assert.ok(res.body.includes(`<h2>${escapeHtml(s.heading)}</h2>`), `${lang}: heading ${s.heading}`);
        for (const l of s.lines) assert.ok(res.body.includes(escapeHtml(l.text)), `${lang}: ${s.id} line ${l.text}`);
      }
    }
  });

  it("is styled by its own stylesheet and icon from this origin, nothing from another", async () => {
    const res = await t.app.inject("/layanan/3273/3273-imigrasi-paspor-biasa");
    const css = /<link rel="stylesheet" href="(\/layanan\/gaya\.css\?v=\w+)">/.exec(res.body);
    assert.ok(css, "links the local stylesheet");
    const sheet = await t.app.inject(css[1]!);
    assert.equal(sheet.statusCode, 200, "the stylesheet is served");
    assert.match(String(sheet.headers["content-type"]), /^text\/css/, "as CSS");
    assert.match(String(sheet.headers["cache-control"]), /immutable/, "versioned, cached for long");
    assert.doesNotMatch(sheet.body, /@import|@font-face|url\(\s*["']?https?:/, "no web font, no other origin");
    assert.match(sheet.body, /system-ui/, "system fonts");
    assert.match(sheet.body, /@media print/, "a print layout for the checklist");
    for (const path of ["/favicon.ico", "/favicon.svg"]) {
      const icon = await t.app.inject(path);
      assert.equal(icon.statusCode, 200, `${path}: no 404`);
      assert.match(String(icon.headers["content-type"]), /^image\/svg\+xml/, `${path}: an SVG icon`);
    }
    const refs = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const foreign = refs.filter((r) => /^https?:/.test(r) && !r.startsWith("https://wa.me/") && !r.startsWith("https://www.lapor.go.id")
      && !res.body.includes(`rel="noopener noreferrer">${r}`));
    assert.deepEqual(foreign.filter((r) => res.body.includes(`<link rel="stylesheet" href="${r}"`) || res.body.includes(`src="${r}"`)), [], "no resource loaded from another origin");
    assert.doesNotMatch(res.body, /<script|style="/, "no script and no inline style");
  });

  it("has a skip link, the three languages and the way back to the 3D app in its bar", async () => {
    const res = await t.app.inject("/layanan?lang=en");
    assert.match(res.body, /<a class="skip" href="#isi">Skip to content<\/a>/, "skip link");
    assert.match(res.body, /<main id="isi"/, "its target");
    assert.match(res.body, /href="\/layanan" lang="id" hreflang="id">Bahasa Indonesia</, "Indonesian");
    assert.match(res.body, /href="\/layanan\?lang=su" lang="su" hreflang="su">Basa Sunda</, "Sundanese");
    assert.match(res.body, /aria-current="true" lang="en"/, "the current language marked");
    assert.match(res.body, /<a href="\/\?lang=en">Open the 3D version<\/a>/, "the 3D app, in the same language");
    assert.match(res.body, /<form class="search" role="search" method="get" action="\/layanan\/cari">/, "search in every page");
  });

  it("searches like the app: typos forgiven, a region filter, pages, and a clear word on a long query", async () => {
    const res = await t.app.inject("/layanan/cari?q=paspor");
    assert.equal(res.statusCode, 200);
    const total = Number(/(\d+) layanan cocok dengan/.exec(res.body)?.[1]);
    assert.ok(total > 20, `more hits than one page (${total})`);
    assert.equal((res.body.match(/<li class="hit">/g) ?? []).length, 20, "20 per page");
    assert.match(res.body, /rel="next" href="\/layanan\/cari\?q=paspor&amp;page=2"/, "a next page");
    const page2 = await t.app.inject("/layanan/cari?q=paspor&page=2");
    assert.match(page2.body, /<ol class="hits" start="21">/, "page 2 continues the count");
    const typo = await t.app.inject("/layanan/cari?q=pasport");
    assert.match(typo.body, /href="\/layanan\/32\d\d\/32\d\d-imigrasi-/, "\"pasport\" finds passports");
    const region = await t.app.inject("/layanan/cari?q=paspor&region=3273");
    const codes = [...region.body.matchAll(/href="\/layanan\/(\d{4})\/\d{4}-/g)].map((m) => m[1]);
    assert.ok(codes.length > 0 && codes.every((c) => c === "3273"), "only Kota Bandung with the filter");
    assert.match(region.body, /<option value="3273" selected>Kota Bandung<\/option>/, "the filter shows its choice");
    const long = await t.app.inject(`/layanan/cari?q=${"a".repeat(300)}`);
    assert.equal(long.statusCode, 200, "not an error page");
    assert.match(long.body, /terlalu panjang: paling banyak \d+ karakter/, "says the query is too long");
    const evil = await t.app.inject(`/layanan/cari?q=${encodeURIComponent("<script>x</script>")}`);
    assert.doesNotMatch(evil.body, /<script>x/, "the query is shown as text");
    const en = await t.app.inject("/layanan/cari?q=paspor&lang=en");
    assert.match(en.body, />Ordinary passport \(non-electronic\)/, "English names in English");
  });

  it("shows the region's notes in the page's language (Indonesian notes in Indonesian)", async () => {
    const id = await t.app.inject("/layanan/3273");
    assert.match(id.body, /diresmikan 2022 di Jl\. Cianjur/, "the note in Indonesian");
    assert.doesNotMatch(id.body, /opened 2022|most demanded/, "no English note in the Indonesian page");
    const en = await t.app.inject("/layanan/3273?lang=en");
    assert.match(en.body, /opened 2022 at Jl\. Cianjur/, "English in English");
    assert.match(en.body, /<h3>Immigration office \/ passport service unit for Bandung<\/h3>/, "agency names in English");
  });

  it("shows the service's texts in English and marks Sundanese as a draft translation", async () => {
    const en = await t.app.inject("/layanan/3273/3273-imigrasi-paspor-biasa?lang=en");
    assert.match(en.body, /Register in the M-Paspor app or at the counter provided\./, "steps in English");
    assert.doesNotMatch(en.body, /Daftar melalui aplikasi M-Paspor/, "not in Indonesian");
    const hours = await t.app.inject("/layanan/3211/3211-disdukcapil-ktp-el-baru?lang=en");
    assert.match(hours.body, /Opening hours of [^<]*Sumedang \((as of \d{4}-\d\d-\d\d|undated source)\): Monday/, "the MPP's hours line in English");
    const su = await t.app.inject("/layanan/3273/3273-imigrasi-paspor-biasa?lang=su");
    assert.match(su.body, /<html lang="su">/, "Sundanese page");
    assert.match(su.body, /class="notice notice--draft">[^<]*draf/, "the draft notice");
    assert.match(su.body, />KTP-el nu masih lumaku atanapi serat katerangan pindah ka luar nagri</, "requirements in Sundanese");
    assert.doesNotMatch(su.body, /Daftar melalui aplikasi M-Paspor/, "steps not left in Indonesian");
  });

  it("lets a visitor take a service home: link, WhatsApp, checklist, and the MPP's address and map", async () => {
    const res = await t.app.inject({ url: "/layanan/3273/3273-imigrasi-paspor-biasa", headers: { host: "mpp.example.id" } });
    assert.match(res.body, /<input id="tautan" type="text" readonly value="http:\/\/mpp\.example\.id\/layanan\/3273\/3273-imigrasi-paspor-biasa">/, "the link to copy");
    const wa = /href="(https:\/\/wa\.me\/\?text=[^"]+)"/.exec(res.body);
    assert.ok(wa, "a WhatsApp share link");
    assert.match(decodeURIComponent(wa[1]!.replace(/&amp;/g, "&").split("text=")[1]!), /Paspor.*Kota Bandung.*http:\/\/mpp\.example\.id\/layanan\/3273\//, "the message names the service and links it");
    assert.match(res.body, /href="\/layanan\/3273\/3273-imigrasi-paspor-biasa\/daftar-periksa\.txt" download>/, "checklist download");
    assert.match(res.body, /<ul class="checklist">/, "requirements printable as a checklist");
    assert.match(res.body, /Jalan Cianjur, Kota Bandung/, "the MPP's address");
    assert.match(res.body, /Belum diketahui: data belum memuat telepon/, "contact said to be unknown, not invented");
    assert.match(res.body, /<svg class="map"[^>]*role="img"[^>]*aria-label="Letak di peta Jawa Barat: Kota Bandung"/, "a locally drawn map");
    assert.equal((res.body.match(/<circle /g) ?? []).length, 27, "every region's seat");
    const noMpp = await t.app.inject("/layanan/3202");
    assert.match(noMpp.body, /belum memiliki MPP fisik yang tercatat/, "a region without a building says so");
    const txt = await t.app.inject({ url: "/layanan/3273/3273-imigrasi-paspor-biasa/daftar-periksa.txt?lang=en", headers: { host: "mpp.example.id" } });
    assert.equal(txt.statusCode, 200);
    assert.match(String(txt.headers["content-type"]), /^text\/plain/, "a text file");
    assert.match(String(txt.headers["content-disposition"]), /attachment; filename="checklist-3273-imigrasi-paspor-biasa\.txt"/, "downloaded with a name");
    assert.match(txt.body, /\[ \] Valid electronic ID card \(KTP-el\)/, "requirements as boxes, in English");
    assert.match(txt.body, /Where: Mal Pelayanan Publik Kota Bandung, Jalan Cianjur, Kota Bandung/, "where to go");
    assert.match(txt.body, /http:\/\/mpp\.example\.id\/layanan\/3273\/3273-imigrasi-paspor-biasa\?lang=en/, "the way back");
  });
});

forEachEngine("API /regions/{code}/mpp (the visit card)", (engine) => {
  let t: TestApp;
  before(async () => { t = await testApp({ engine }); });
  after(async () => { await t.close(); });

  it("gives the physical MPP's address, hours, position and sources, null contact and null for a region without one", async () => {
    const res = await t.app.inject("/api/v1/regions/3273/mpp");
    assert.equal(res.statusCode, 200);
    const { mpp } = res.json();
    assert.equal(mpp.name, "Mal Pelayanan Publik Kota Bandung");
    assert.equal(mpp.address.text, "Jalan Cianjur, Kota Bandung", "address from data/mpp/3273.json");
    assert.equal(mpp.contact, null, "no contact in the data: null, not a guess");
    assert.equal(mpp.position.approximate, true, "the seat, said to be approximate");
    assert.ok(mpp.sources.some((s: string) => s.includes("Jabarnews")), "with its sources");
    assert.ok(res.headers.etag, "kept with an ETag");
    assert.equal((await t.app.inject("/api/v1/regions/3202/mpp")).json().mpp, null, "none known");
    assert.equal((await t.app.inject("/api/v1/regions/3299/mpp")).statusCode, 404, "unknown region");
  });
});

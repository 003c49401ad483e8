import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildSeed } from "../../../src/domain/catalog/seed";
import { defaultCatalog } from "../../../src/domain/catalog/data-files";
import { parseRegionsCsv } from "../../../src/domain/regions";
import type { Service } from "../../../src/domain/types";
import { phrasebookFor, regionNotes } from "../../../src/domain/words/files";
import { localizeService } from "../../../src/domain/words/localize-service";
import { Value } from "@sinclair/typebox/value";
import { parsePhrasebook, PhrasebookSchema, translateText } from "../../../src/domain/words/phrasebook";
import { regionNote } from "../../../src/domain/words/region-notes";
import { serviceSheet } from "../../../src/domain/service-sheet";

const CSV = new URL("../../../src/domain/catalog/kabkota-jabar.csv", import.meta.url);
const regions = parseRegionsCsv(readFileSync(CSV, "utf8"));

/** Every text of the catalog a citizen reads, as the files write it (with placeholders). */
function catalogTexts(): string[] {
  const out = new Set<string>();
  for (const c of defaultCatalog()) {
    for (const s of c.services) {
      for (const t of [s.description, ...s.requirements, ...s.steps, s.fee.note, s.duration, s.hours, s.product, ...s.legalBasis]) {
        if (t) out.add(t);
      }
    }
  }
  return [...out];
}

/** The seed's services as the API serves them (agency and region names joined in). */
function seedServices(): Service[] {
  const seed = buildSeed(regions);
  const agencies = new Map(seed.agencies.map((a) => [a.id, a]));
  const names = new Map(seed.regions.map((r) => [r.code, r.name]));
  return seed.services.map(({ keywords: _k, sort: _s, ...s }) => {
    const a = agencies.get(s.agencyId)!;
    return { ...s, agencySlug: a.slug, agencyName: a.name, agencyNameEn: a.nameEn, regionName: names.get(s.regionCode)! };
  });
}

describe("translations of the catalog (data/translations)", () => {
  it("has an English entry for every catalog text (a translation, or null to mark it untranslated)", () => {
    const en = phrasebookFor("en")!;
    const missing = catalogTexts().filter((t) => !Object.prototype.hasOwnProperty.call(en.texts, t));
    assert.deepEqual(missing, [], "catalog texts without an English entry");
  });

  it("keeps every placeholder of a text in its translation", () => {
    for (const lang of ["en", "su"] as const) {
      for (const [from, to] of Object.entries(phrasebookFor(lang)!.texts)) {
        if (to === null) continue;
        const holes = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(",");
        assert.equal(holes(to), holes(from), `${lang}: "${from}" -> "${to}" keeps {region}/{place}`);
      }
    }
  });

  it("gives every seeded service in every region its requirements, steps and product in English", () => {
    const en = phrasebookFor("en")!;
    const services = seedServices();
    assert.ok(services.length > 1000, "the whole seed is checked");
    for (const s of services) {
      const l = localizeService(s, "en", en);
      assert.deepEqual(l.untranslated, [], `${s.id}: every field has its English`);
      assert.notEqual(l.service.requirements[0], s.requirements[0], `${s.id}: requirements are not the Indonesian ones`);
      assert.ok(!/\{(region|place)\}/.test(l.service.description), `${s.id}: placeholders filled`);
    }
  });

  it("has a Sundanese translation for every text English translates", () => {
    const en = phrasebookFor("en")!;
    const su = phrasebookFor("su")!;
    const missing = Object.keys(en.texts).filter((t) => typeof en.texts[t] === "string" && typeof su.texts[t] !== "string");
    assert.deepEqual(missing, [], "texts with English but no Sundanese");
  });

  it("gives every seeded service in every region all its fields in Sundanese, marked as a draft", () => {
    const su = phrasebookFor("su")!;
    assert.equal(su.review.status, "draft", "su.json stays a draft until a reviewer confirms it");
    const services = seedServices();
    for (const s of services) {
      const l = localizeService(s, "su", su);
      assert.deepEqual(l.untranslated, [], `${s.id}: every field has its Sundanese`);
      assert.equal(l.draft, true, `${s.id}: shown with the draft notice`);
      assert.ok(!/\{(region|place)\}/.test(l.service.description), `${s.id}: placeholders filled`);
    }
    const passport = localizeService(services.find((x) => x.id === "3273-imigrasi-paspor-biasa")!, "su", su).service;
    assert.equal(passport.requirements[0], "KTP-el nu masih lumaku atanapi serat katerangan pindah ka luar nagri", "a requirement in Sundanese");
    assert.equal(passport.description, "Medalkeun paspor biasa sanés éléktronik nu lumakuna paling lami 5 taun kanggo warga nagara Indonésia di Kota Bandung.", "the region filled in");
  });

  it("translates a text filled for a region by its template", () => {
    const en = phrasebookFor("en")!;
    assert.equal(translateText(en, "Penggantian paspor yang rusak bagi warga Kota Bandung.", { regionName: "Kota Bandung" }),
      "Replacing a damaged passport for residents of Kota Bandung.");
    assert.equal(translateText(en, "Teks yang tidak ada di katalog"), null, "an unknown text has no translation");
  });

  it("marks a field with no translation instead of mixing languages, in the sheet", () => {
    const s = seedServices().find((x) => x.id === "3273-imigrasi-paspor-biasa")!;
    const edited = { ...s, requirements: [...s.requirements, "Persyaratan baru yang ditambah petugas"] };
    const sheet = serviceSheet(edited, "en", phrasebookFor("en"));
    const req = sheet.sections.find((x) => x.id === "requirements")!;
    assert.equal(req.lang, "id", "the section is marked as Indonesian");
    assert.match(req.note ?? "", /Not translated yet/, "and says so");
    assert.deepEqual(req.lines.map((l) => l.text), edited.requirements, "all its lines stay Indonesian, none translated half-way");
    const steps = sheet.sections.find((x) => x.id === "steps")!;
    assert.equal(steps.lang, undefined, "a translated section carries no marker");
    assert.equal(steps.lines[0]!.text, "Register in the M-Paspor app or at the counter provided.", "steps in English");
    const noBook = serviceSheet(s, "en", null);
    assert.equal(noBook.sections.find((x) => x.id === "steps")!.lang, "id", "without the phrasebook loaded the texts are marked");
    assert.equal(noBook.title, s.nameEn, "the name comes from the data's English name");
  });

  it("names the agency in English in English (agencyNameEn)", () => {
    const s = seedServices().find((x) => x.id === "3273-imigrasi-paspor-biasa")!;
    const sheet = serviceSheet(s, "en", phrasebookFor("en"));
    assert.equal(sheet.subtitle, `${s.agencyNameEn} · Kota Bandung`);
    assert.ok(!sheet.subtitle.includes("Kantor Imigrasi"), "no Indonesian agency name");
  });

  it("translates the region's MPP hours line by its grammar", () => {
    const s = seedServices().find((x) => x.id === "3273-imigrasi-paspor-biasa")!;
    const l = localizeService({ ...s, hours: "Jam buka Mal Pelayanan Publik Kota Bandung (per 2025-03-25): Senin–Kamis 07.30–13.30; Sabtu, Minggu: belum diketahui" }, "en", phrasebookFor("en"));
    assert.equal(l.service.hours, "Opening hours of Mal Pelayanan Publik Kota Bandung (as of 2025-03-25): Monday–Thursday 07.30–13.30; Saturday, Sunday: not known");
  });

  it("refuses a malformed phrasebook, naming the file", () => {
    assert.throws(() => parsePhrasebook({ formatVersion: 1, lang: "fr", from: "id", review: {}, texts: {} }, "x.json"), /x\.json/);
    assert.throws(() => parsePhrasebook({ formatVersion: 1, lang: "su", from: "id", review: { status: "reviewed", reviewer: null, date: null, note: null }, texts: {} }, "y.json"),
      /reviewer/, "reviewed needs a reviewer");
  });

  it("has the region table's physical-MPP notes in Indonesian and Sundanese (they are English in the table)", () => {
    const notes = regionNotes();
    for (const r of regions) {
      const note = r.physicalMpp.note;
      if (!note) continue;
      assert.equal(regionNote(notes, note, "id").lang, "id", `${r.code}: "${note}" has Indonesian`);
      assert.equal(regionNote(notes, note, "su").lang, "su", `${r.code}: "${note}" has Sundanese`);
    }
    assert.deepEqual(regionNote(notes, "an unknown note", "id"), { text: "an unknown note", lang: "en" }, "an untranslated note keeps its own language");
  });
  it("accepts and refuses exactly what PhrasebookSchema does (the app checks without TypeBox's checker)", () => {
    const good = JSON.parse(readFileSync(new URL("../../../data/translations/su.json", import.meta.url), "utf8")) as Record<string, unknown>;
    const review = good.review as Record<string, unknown>;
    const samples: unknown[] = [
      good, JSON.parse(readFileSync(new URL("../../../data/translations/en.json", import.meta.url), "utf8")),
      null, [], "x", { ...good, extra: 1 }, { ...good, formatVersion: 2 }, { ...good, lang: "fr" }, { ...good, from: "en" },
      { ...good, review: null }, { ...good, review: { ...review, status: "final" } }, { ...good, review: { ...review, reviewer: "" } },
      { ...good, review: { ...review, date: "7 Dec 2026" } }, { ...good, review: { ...review, note: 5 } }, { ...good, review: { ...review, more: 1 } },
      { ...good, texts: { a: "" } }, { ...good, texts: { a: null, b: "b" } }, { ...good, texts: { "": "x" } }, { ...good, texts: { a: "x".repeat(2001) } },
      (() => { const { texts: _, ...rest } = good; return rest; })(),
    ];
    for (const [i, v] of samples.entries()) {
      let ok = true;
      try { parsePhrasebook(v, "t.json"); } catch (e) { ok = /needs review\.reviewer/.test(String(e)); } // that rule is beyond the schema
      assert.equal(ok, Value.Check(PhrasebookSchema, v), `sample ${i}: the hand check agrees with the schema`);
    }
  });
});

import assert from "node:assert/strict";
import { CatalogError, checkCatalog, describePath, parseCatalogFile, type AgencyCatalog } from "../../../src/domain/catalog/load";
import type { CatalogFile, CatalogServiceRecord } from "../../../src/domain/catalog/schema";

/** A small, valid catalog file: one verified service with dated sources, one unknown. */
function good(): CatalogFile {
  return {
    formatVersion: 1,
    agency: {
      slug: "imigrasi", order: 12, name: "Kantor Imigrasi wilayah {place}", nameEn: "Immigration office for {place}",
      shortName: "Imigrasi", level: "nasional", counterCount: 2, keywords: ["paspor"],
      placement: { kind: "regions", regions: ["3273"] }, presenceNote: "Belum diverifikasi.",
      complaintChannels: [{ kind: "phone", label: "Call center", value: "1500", source: "sp" }],
    },
    sources: [
      { id: "pp", citation: "PP 28/2019, Lampiran", url: null, date: "2019-04-15", note: null },
      { id: "sp", citation: "Standar Pelayanan", url: "https://www.imigrasi.go.id/sp", date: "2024-01-02", note: null },
      { id: "news", citation: "a news page", url: null, date: null, note: null },
    ],
    services: [
      {
        slug: "paspor-biasa", name: "Paspor", nameEn: "Passport", keywords: [], description: "Paspor di {region}.",
        requirements: ["KTP-el"], steps: ["Datang."], fee: { amount: 350000, note: null }, duration: "4 hari kerja", hours: null,
        legalBasis: ["PP 28/2019"], product: "Paspor", onlineUrl: null,
        citations: { fee: ["pp"], requirements: ["sp"], duration: ["sp"] }, verified: true, checked: "2026-12-07",
      },
      {
        slug: "lain", name: "Lain", nameEn: "Other", keywords: [], description: "Lain.",
        requirements: ["KTP-el"], steps: ["Datang."], fee: { amount: null, note: "Belum diverifikasi." }, duration: null, hours: null,
        legalBasis: [], product: null, onlineUrl: null, citations: { requirements: ["news"] }, verified: false, checked: null,
      },
    ],
  };
}

const FILE = "data/catalog/imigrasi.json";
const parse = (f: unknown, file = FILE) => parseCatalogFile(JSON.stringify(f), file);

/** Parses a broken copy and returns its problems (fails the test if it parses). */
function problemsOf(edit: (f: CatalogFile & { services: CatalogServiceRecord[] }) => void, file = FILE): readonly string[] {
  const f = good() as CatalogFile & { services: CatalogServiceRecord[] };
  edit(f);
  try {
    parse(f, file);
  } catch (e) {
    assert.ok(e instanceof CatalogError, "throws a CatalogError");
    assert.equal(e.file, file, "names the file");
    assert.ok(e.message.startsWith(`${file}: `), "message starts with the file");
    return e.problems;
  }
  assert.fail("the broken file was accepted");
}

const has = (problems: readonly string[], pattern: RegExp) =>
  assert.ok(problems.some((p) => pattern.test(p)), `expected a problem matching ${pattern}, got:\n${problems.join("\n")}`);

describe("domain/catalog/load", () => {
  it("accepts a good file and keeps its records", () => {
    const cat = parse(good());
    assert.equal(cat.file, FILE, "remembers the file");
    assert.equal(cat.services.length, 2, "both services");
    assert.equal(cat.services[0]!.fee.amount, 350000, "fee kept");
  });

  it("names file, record and field for a wrong type", () => {
    const p = problemsOf((f) => { (f.services[0]!.fee as { amount: unknown }).amount = "350000"; });
    has(p, /^services\[0\] \(paspor-biasa\)\.fee\.amount: /);
  });

  it("refuses text that is not JSON, a missing field, an unknown field, a bad date and an old format", () => {
    assert.throws(() => parseCatalogFile("{ not json", FILE), (e: unknown) => e instanceof CatalogError && /not valid JSON/.test(e.message));
    has(problemsOf((f) => { delete (f.services[1] as Partial<CatalogServiceRecord>).steps; }), /services\[1\] \(lain\)/);
    has(problemsOf((f) => { (f.services[1] as unknown as Record<string, unknown>).feeAmount = 1; }), /services\[1\] \(lain\)/);
    has(problemsOf((f) => { f.sources[0]!.date = "2019-13-01"; }), /^sources\[0\] \(pp\)\.date/);
    has(problemsOf((f) => { (f as { formatVersion: number }).formatVersion = 2; }), /^formatVersion/);
    has(problemsOf((f) => { f.services[0]!.slug = "Paspor Biasa"; }), /slug/);
    has(problemsOf((f) => { f.services[0]!.fee.amount = -1; }), /fee\.amount/);
    has(problemsOf((f) => { f.services[0]!.fee.amount = 1.5; }), /fee\.amount/);
  });

  it("refuses a URL that is not plain https", () => {
    has(problemsOf((f) => { f.services[0]!.onlineUrl = "http://www.imigrasi.go.id"; }), /onlineUrl/);
    has(problemsOf((f) => { f.sources[1]!.url = "javascript:alert(1)"; }), /sources\[1\] \(sp\)\.url/);
    has(problemsOf((f) => { f.sources[1]!.url = "https://localhost/x"; }), /sources\[1\] \(sp\)\.url/);
  });

  it("honesty: a fee, free or not, needs a source; an unknown fee is null", () => {
    has(problemsOf((f) => { f.services[1]!.fee.amount = 0; }), /services\[1\] \(lain\)\.fee\.amount: free \(0\) needs a source/);
    has(problemsOf((f) => { f.services[1]!.fee.amount = 5000; }), /services\[1\] \(lain\)\.fee\.amount: an amount needs a source/);
  });

  it("honesty: a duration or hours need a source", () => {
    has(problemsOf((f) => { f.services[1]!.duration = "1 hari"; }), /\(lain\)\.duration: needs a source/);
    has(problemsOf((f) => { f.services[1]!.hours = "08.00-15.00"; }), /\(lain\)\.hours: needs a source/);
  });

  it("honesty: verified only with dated sources for fee and requirements, and a check date", () => {
    has(problemsOf((f) => { f.services[0]!.checked = null; }), /\(paspor-biasa\)\.checked: a verified record needs the date/);
    has(problemsOf((f) => { delete f.services[0]!.citations.requirements; }), /citations\.requirements: a verified record needs a source/);
    has(problemsOf((f) => { f.services[0]!.citations.requirements = ["news"]; }), /citations\.requirements: a verified record needs a dated source for requirements; "news" has no date/);
    assert.doesNotThrow(() => parse({ ...good(), services: [{ ...good().services[0]!, citations: { ...good().services[0]!.citations, requirements: ["news", "sp"] } }, good().services[1]!] }),
      "an undated source may add to a dated one");
    has(problemsOf((f) => { f.services[1]!.verified = true; f.services[1]!.checked = "2026-01-01"; }), /\(lain\)\.citations\.fee: a verified record needs a source/);
    has(problemsOf((f) => { f.services[1]!.checked = "2026-01-01"; }), /\(lain\)\.checked: an unverified record has no check date/);
  });

  it("refuses citations of unknown sources, unused sources, duplicates and a file named for another agency", () => {
    has(problemsOf((f) => { f.services[0]!.citations.fee = ["pp", "pp-2020"]; }), /citations\.fee: cites unknown source "pp-2020"/);
    has(problemsOf((f) => { f.agency.complaintChannels[0]!.source = "nope"; }), /complaintChannels\[0\]\.source: cites unknown source/);
    has(problemsOf((f) => { f.sources.push({ id: "unused", citation: "x", url: null, date: null, note: null }); }), /sources\[3\] \(unused\): never cited/);
    has(problemsOf((f) => { f.sources.push({ ...f.sources[0]! }); }), /sources\[3\] \(pp\)\.id: duplicate source id/);
    has(problemsOf((f) => { f.services.push({ ...f.services[1]! }); }), /services\[2\] \(lain\)\.slug: duplicate service slug/);
    has(problemsOf(() => undefined, "data/catalog/samsat.json"), /agency\.slug: "imigrasi" must match the file name \(samsat\.json\)/);
  });

  it("refuses unknown placeholders, and placeholders outside descriptions", () => {
    has(problemsOf((f) => { f.services[0]!.description = "Di {kota}."; }), /description: unknown placeholder \{kota\}/);
    has(problemsOf((f) => { f.services[0]!.name = "Paspor {region}"; }), /\.name: placeholders are allowed in the description only/);
    has(problemsOf((f) => { f.agency.name = "Imigrasi {kab}"; }), /agency\.name: unknown placeholder \{kab\}/);
  });

  it("reports every problem of a file at once", () => {
    const p = problemsOf((f) => { f.services[1]!.fee.amount = 0; f.services[1]!.duration = "1 hari"; });
    assert.equal(p.length, 2, "both problems listed");
  });

  it("checks across files: unique slugs and orders, sorted by order", () => {
    const a = parse(good());
    const b: AgencyCatalog = { ...parse({ ...good(), agency: { ...good().agency, slug: "samsat", order: 4 } }, "data/catalog/samsat.json") };
    assert.deepEqual(checkCatalog([a, b]).map((c) => c.agency.slug), ["samsat", "imigrasi"], "sorted by order");
    assert.throws(() => checkCatalog([a, { ...a, file: "x.json" }]), /agency slug "imigrasi" also in data\/catalog\/imigrasi\.json/);
    assert.throws(() => checkCatalog([a, { ...b, agency: { ...b.agency, order: 12 } }]), /agency\.order 12 also in/);
    assert.throws(() => checkCatalog([]), /no catalog files/);
  });

  it("describes JSON pointers with record slugs", () => {
    const data = { services: [{ slug: "a" }, { slug: "b", fee: {} }] };
    assert.equal(describePath("/services/1/fee/amount", data), "services[1] (b).fee.amount");
    assert.equal(describePath("", data), "(file)");
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultCatalog, defaultMpps, MPP_DIR, readJsonFiles } from "../../../src/domain/catalog/data-files";
import { CatalogError } from "../../../src/domain/catalog/load";
import { checkMpps, hoursText, parseMppFile, regularHours, toWeeklyHours } from "../../../src/domain/catalog/mpp-load";
import type { HoursPeriod, MppFile } from "../../../src/domain/catalog/mpp-schema";
import { parseRegionsCsv } from "../../../src/domain/regions";

const CSV = fileURLToPath(new URL("../../../src/domain/catalog/kabkota-jabar.csv", import.meta.url));
const regions = parseRegionsCsv(readFileSync(CSV, "utf8"));
const FILE = "data/mpp/3211.json";

const iv = (open: string, close: string) => [{ open, close }];
function good(): MppFile {
  return {
    formatVersion: 1, region: "3211", name: "MPP Sumedang",
    sources: [
      { id: "a", citation: "Source A", url: "https://example.go.id/a", date: "2024-01-02", note: null },
      { id: "b", citation: "Source B", url: null, date: null, note: "says the tenants" },
    ],
    address: { text: "Alun-alun", note: null, sources: ["a"] },
    hours: [{
      label: "Reguler", from: null, until: null, note: null, sources: ["a"],
      days: { mon: iv("08:00", "15:00"), tue: iv("08:00", "15:00"), wed: iv("08:00", "15:00"), thu: iv("08:00", "15:00"),
        fri: [{ open: "08:00", close: "11:00" }, { open: "13:00", close: "15:00" }], sat: [], sun: null },
    }],
    tenants: { list: [{ name: "Polres", agencies: ["polres-sim"] }], complete: false, note: null, sources: ["b"] },
  };
}

function problemsOf(edit: (f: MppFile) => void, file = FILE): readonly string[] {
  const f = good();
  edit(f);
  try {
    parseMppFile(JSON.stringify(f), file);
  } catch (e) {
    assert.ok(e instanceof CatalogError, "a CatalogError");
    assert.equal(e.file, file, "names the file");
    return e.problems;
  }
  assert.fail("the broken file was accepted");
}
const has = (problems: readonly string[], pattern: RegExp) =>
  assert.ok(problems.some((p) => pattern.test(p)), `expected ${pattern} in:\n${problems.join("\n")}`);

describe("domain/catalog/mpp-load", () => {
  it("accepts a good file", () => {
    const m = parseMppFile(JSON.stringify(good()), FILE);
    assert.equal(m.file, FILE, "remembers its file");
    assert.equal(regularHours(m)?.label, "Reguler", "finds the regular hours");
  });

  it("refuses bad shapes, naming record and field", () => {
    has(problemsOf((f) => { f.hours[0]!.days.mon = [{ open: "8:00", close: "15:00" }]; }), /^hours\[0\]\.days\.mon\[0\]\.open/);
    has(problemsOf((f) => { (f.hours[0]!.days as Record<string, unknown>).mon = undefined; }), /hours\[0\]\.days/);
    has(problemsOf((f) => { (f as { region: string }).region = "32"; }), /^region/);
    has(problemsOf((f) => { (f.address as unknown as Record<string, unknown>).street = "x"; }), /^address/);
    assert.throws(() => parseMppFile("[", FILE), /not valid JSON/);
  });

  it("refuses intervals that end before they start or overlap, and periods that end before they begin", () => {
    has(problemsOf((f) => { f.hours[0]!.days.tue = iv("15:00", "08:00"); }), /days\.tue\[0\]: opens at 15:00, not before it closes at 08:00/);
    has(problemsOf((f) => { f.hours[0]!.days.fri = [{ open: "08:00", close: "12:00" }, { open: "11:00", close: "15:00" }]; }), /days\.fri\[1\]: overlaps/);
    has(problemsOf((f) => { f.hours[0]!.from = "2025-03-10"; f.hours[0]!.until = "2025-03-01"; }), /until: 2025-03-01 is before from 2025-03-10/);
    has(problemsOf((f) => { f.hours.push({ ...f.hours[0]!, label: "Lagi" }); }), /more than one period without dates/);
    has(problemsOf((f) => { for (const d of ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const) f.hours[0]!.days[d] = null; }), /no day is known/);
  });

  it("refuses unknown and unused sources, and a file named for another region", () => {
    has(problemsOf((f) => { f.address!.sources = ["zzz"]; }), /address\.sources: cites unknown source "zzz"/);
    has(problemsOf((f) => { f.tenants = null; }), /sources\[1\] \(b\): never cited/);
    has(problemsOf(() => undefined, "data/mpp/3273.json"), /region: "3211" must match the file name \(3273\.json\)/);
  });

  it("checks files against the region table and the catalog's agencies", () => {
    const m = parseMppFile(JSON.stringify(good()), FILE);
    assert.equal(checkMpps([m], regions).get("3211"), m, "by region code");
    const unknownRegion = { ...m, region: "3299", file: "data/mpp/3299.json" };
    assert.throws(() => checkMpps([unknownRegion], regions), /region 3299 is not in the region table/);
    const noMpp = { ...m, region: "3202", file: "data/mpp/3202.json" };
    assert.throws(() => checkMpps([noMpp], regions), /physical MPP status "unknown", not "yes"/);
    assert.throws(() => checkMpps([m, { ...m, file: "copy.json" }], regions), /region 3211 also in/);
    assert.throws(() => checkMpps([m], regions, new Set(["disdukcapil"])), /unknown agency "polres-sim"/);
  });

  it("writes opening hours as a kiosk shows them", () => {
    const period = good().hours[0]!;
    assert.equal(hoursText(period), "Senin–Kamis 08.00–15.00; Jumat 08.00–11.00, 13.00–15.00; Sabtu tutup; Minggu: belum diketahui");
    const daily: HoursPeriod = { ...period, days: { mon: iv("10:00", "18:00"), tue: iv("10:00", "18:00"), wed: iv("10:00", "18:00"),
      thu: iv("10:00", "18:00"), fri: iv("10:00", "18:00"), sat: iv("10:00", "18:00"), sun: iv("10:00", "18:00") } };
    assert.equal(hoursText(daily), "Setiap hari 10.00–18.00");
  });

  it("gives the queue its weekly hours, Sunday first, unknown days closed", () => {
    const w = toWeeklyHours(good().hours[0]!);
    assert.equal(w.length, 7, "seven days");
    assert.deepEqual(w[0], [], "Sunday: unknown, so no booking");
    assert.deepEqual(w[1], [{ open: "08:00", close: "15:00" }], "Monday");
    assert.deepEqual(w[5], [{ open: "08:00", close: "11:00" }, { open: "13:00", close: "15:00" }], "Friday with its break");
    assert.deepEqual(w[6], [], "Saturday: closed");
  });

  it("loads every file of data/mpp/, canonical, for regions with a physical MPP", () => {
    const files = readJsonFiles(MPP_DIR);
    const mpps = defaultMpps(regions);
    assert.equal(mpps.size, files.length, "one MPP per file");
    assert.ok(mpps.size >= 5, `${mpps.size} MPP files`);
    for (const { file, text } of files) assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, `${file} is canonical JSON`);
    const slugs = new Set(defaultCatalog().map((c) => c.agency.slug));
    for (const m of mpps.values()) for (const t of m.tenants?.list ?? []) for (const a of t.agencies) assert.ok(slugs.has(a), `${m.file}: ${a} is a catalog agency`);
  });
});

import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HolidayFileError, parseHolidayFile, type HolidayFile } from "../../../src/domain/calendar/holidays";
import { loadHolidayFile, loadHolidayFiles } from "../../../src/domain/calendar/load";

const file2026 = () => JSON.parse(readFileSync("data/calendar/holidays-2026.json", "utf8")) as HolidayFile;

describe("domain/calendar/holidays", () => {
  it("loads the 2026 and 2027 files with the counts the government announced", () => {
    const files = loadHolidayFiles("data/calendar");
    assert.deepEqual(files.map((f) => f.year), [2026, 2027], "one file per year, sorted");
    const count = (f: HolidayFile, kind: string) => f.days.filter((d) => d.kind === kind).length;
    assert.equal(count(files[0]!, "libur_nasional"), 17, "2026: 17 hari libur nasional");
    assert.equal(count(files[0]!, "cuti_bersama"), 8, "2026: 8 hari cuti bersama");
    assert.equal(count(files[1]!, "libur_nasional"), 18, "2027: 18 hari libur nasional");
    assert.equal(count(files[1]!, "cuti_bersama"), 8, "2027: 8 hari cuti bersama");
    assert.match(files[0]!.source.number, /1497 Tahun 2025/, "2026 names its SKB number");
    assert.equal(files[0]!.source.signedAt, "2025-09-19", "2026 SKB signing date");
    assert.match(files[1]!.source.number, /1205 Tahun 2026/, "2027 names its SKB number");
    assert.equal(files[1]!.source.primaryRead, false, "2027 says honestly it was not read from the decree itself");
  });

  it("holds the days the decrees name", () => {
    const [y26, y27] = loadHolidayFiles("data/calendar");
    const kindOf = (f: HolidayFile, date: string) => f.days.find((d) => d.date === date)?.kind;
    assert.equal(kindOf(y26!, "2026-08-17"), "libur_nasional", "Proklamasi Kemerdekaan 2026");
    assert.equal(kindOf(y26!, "2026-03-23"), "cuti_bersama", "Idulfitri joint leave 2026");
    assert.equal(kindOf(y26!, "2026-03-21"), "libur_nasional", "Idulfitri 1447 H on a Saturday");
    assert.equal(kindOf(y27!, "2027-03-10"), "libur_nasional", "Idulfitri 1448 H");
    assert.equal(kindOf(y27!, "2027-12-26"), "libur_nasional", "the second Isra Mikraj of 2027");
    assert.equal(kindOf(y26!, "2026-08-18"), undefined, "an ordinary day is not listed");
  });

  it("refuses a file that breaks the schema, naming the file and the field", () => {
    const bad = file2026() as unknown as { days: Array<Record<string, unknown>> };
    bad.days[3]!.kind = "libur";
    assert.throws(() => parseHolidayFile(bad, "x.json"), (e: unknown) => e instanceof HolidayFileError
      && /x\.json at \/days\/3\/kind/.test(e.message), "an unknown kind is named with its path");
    const extra = { ...file2026(), surprise: 1 };
    assert.throws(() => parseHolidayFile(extra, "x.json"), /\/surprise.*Unexpected property/, "unknown fields are refused");
    assert.throws(() => parseHolidayFile("[]", "x.json"), /x\.json at \/: Expected object/, "not an object");
  });

  it("refuses impossible, foreign, repeated, unordered and mis-weekdayed dates", () => {
    const cases: Array<[(f: HolidayFile) => void, RegExp, string]> = [
      [(f) => { f.days[0]!.date = "2026-02-30"; }, /2026-02-30 is not a real date/, "30 February"],
      [(f) => { f.days[0]!.date = "2025-12-31"; }, /is not in 2026/, "a date of another year"],
      [(f) => { f.days[1]!.date = f.days[0]!.date; f.days[1]!.day = "Kamis"; }, /listed twice/, "a repeated date"],
      [(f) => { f.days.reverse(); }, /out of order/, "unsorted days"],
      [(f) => { f.days[0]!.day = "Jumat"; }, /2026-01-01 is a Kamis, not a Jumat/, "a weekday that does not match"],
      [(f) => { f.days.pop(); }, /lists 16 libur_nasional days, the decree announced 17/, "a dropped day"],
    ];
    for (const [mutate, pattern, what] of cases) {
      const f = file2026();
      mutate(f);
      assert.throws(() => parseHolidayFile(f, "t.json"), pattern, what);
    }
  });

  it("reports unreadable, non-JSON and misnamed files clearly", () => {
    const dir = mkdtempSync(join(tmpdir(), "holidays-"));
    try {
      assert.throws(() => loadHolidayFile(join(dir, "holidays-2030.json")), /cannot be read \(ENOENT\)/, "a missing file");
      writeFileSync(join(dir, "holidays-2026.json"), "{ nope");
      assert.throws(() => loadHolidayFiles(dir), /holidays-2026\.json: is not valid JSON/, "broken JSON names the file");
      writeFileSync(join(dir, "holidays-2026.json"), JSON.stringify(file2026()));
      writeFileSync(join(dir, "holidays-2031.json"), JSON.stringify(file2026()));
      assert.throws(() => loadHolidayFiles(dir), /holidays-2031\.json at \/year: the file name says 2031, the file says 2026/, "name and content must agree");
      assert.throws(() => loadHolidayFiles(join(dir, "none")), /directory cannot be read/, "a missing directory");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { parseRegionsCsv } from "../../tools/assets/regions-csv";
import { CSV_PATH } from "./build-once";

const HEADER = "code,type,name,seat,lat,lon,physical_mpp,physical_mpp_note,source";
const ROW = "3273,kota,Kota Bandung,Bandung,-6.91,107.61,yes,opened 2022,detik";

describe("regions-csv", () => {
  it("parses the repo's copy of the 27 kabupaten/kota", () => {
    const rows = parseRegionsCsv(readFileSync(CSV_PATH, "utf8"));
    assert.equal(rows.length, 27, "27 regions");
    assert.equal(rows.filter((r) => r.type === "kota").length, 9, "9 kota");
    const bandung = rows.find((r) => r.code === "3273");
    assert.ok(bandung, "Kota Bandung is present");
    assert.equal(bandung.lat, -6.91, "latitude is parsed as a number");
    assert.deepEqual(rows.map((r) => r.code), [...rows.map((r) => r.code)].sort(), "rows come sorted by code");
  });

  const bad: Array<[string, string, RegExp]> = [
    ["a wrong header", "code,type\n" + ROW, /line 1, column \d+: /],
    ["a missing field", `${HEADER}\n3273,kota,Kota Bandung`, /line 2, column \d+: /],
    ["a bad code", `${HEADER}\n${ROW.replace("3273", "327")}`, /line 2, column 1: code/],
    ["a duplicate code", `${HEADER}\n${ROW}\n${ROW}`, /line 3, column 1: code: duplicate code 3273/],
    ["a bad type", `${HEADER}\n${ROW.replace(",kota,", ",city,")}`, /line 2, column 2: type/],
    ["a non-numeric longitude", `${HEADER}\n${ROW.replace("107.61", "east")}`, /line 2, column 6: lon/],
    ["an unknown status", `${HEADER}\n${ROW.replace(",yes,", ",maybe,")}`, /line 2, column 7: physical_mpp/],
    ["an empty line inside", `${HEADER}\n\n${ROW}`, /line 2, column 1: blank line/],
    ["an unterminated quote", `${HEADER}\n${ROW.replace("opened", '"opened')}`, /line 2, column \d+: unterminated/],
  ];
  for (const [what, text, re] of bad) {
    it(`rejects ${what} with the line number`, () => {
      assert.throws(() => parseRegionsCsv(text, { expectedRows: 0, source: "t.csv" }), re, `error names the line for ${what}`);
    });
  }

  it("rejects a seat outside Jawa Barat, naming the region", () => {
    assert.throws(() => parseRegionsCsv(`${HEADER}\n${ROW.replace("-6.91", "6.91")}`, { expectedRows: 0 }), /region 3273: lat 6.91 is not in Jawa Barat/, "layout bounds are checked");
  });

  it("rejects a file with the wrong number of regions", () => {
    assert.throws(() => parseRegionsCsv(`${HEADER}\n${ROW}\n`), /expected 27 regions, found 1/, "row count is checked");
  });
});

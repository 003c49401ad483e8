import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseRegionsCsv, REGION_CSV_HEADER } from "../../src/domain/regions";

const COPY = fileURLToPath(new URL("../../src/domain/catalog/kabkota-jabar.csv", import.meta.url));
const SHARED = fileURLToPath(new URL("../../../shared/domain/kabkota-jabar.csv", import.meta.url));
const HEADER = REGION_CSV_HEADER.join(",");

describe("domain/regions", () => {
  it("parses the repository's copy: 27 regions, 18 kabupaten and 9 kota", () => {
    const regions = parseRegionsCsv(readFileSync(COPY, "utf8"));
    assert.equal(regions.length, 27, "27 regions");
    assert.equal(regions.filter((r) => r.type === "kabupaten").length, 18, "18 kabupaten");
    assert.equal(regions.filter((r) => r.type === "kota").length, 9, "9 kota");
    const garut = regions.find((r) => r.code === "3205");
    assert.deepEqual(garut?.physicalMpp, { status: "unknown", note: null, source: null }, "unknown kept, empty note/source null");
    const majalengka = regions.find((r) => r.code === "3210");
    assert.equal(majalengka?.physicalMpp.status, "planned", "planned kept");
  });

  it("matches shared/domain/kabkota-jabar.csv byte for byte when that folder is present", function () {
    if (!existsSync(SHARED)) this.skip();
    assert.equal(readFileSync(COPY, "utf8"), readFileSync(SHARED, "utf8"), "copy is current: cp ../shared/domain/kabkota-jabar.csv src/domain/catalog/");
  });

  it("names line and column of a bad value", () => {
    const row = (fields: string) => `${HEADER}\n3273,kota,Kota Bandung,Bandung,-6.91,107.61,yes,,\n${fields}\n`;
    assert.throws(() => parseRegionsCsv(row("327x,kota,A,B,1,2,yes,,")), /line 3, column 1: code/, "bad code");
    assert.throws(() => parseRegionsCsv(row("3273,kota,A,B,1,2,yes,,")), /line 3, column 1: code: duplicate/, "duplicate code");
    assert.throws(() => parseRegionsCsv(row("3274,city,A,B,1,2,yes,,")), /line 3, column 2: type/, "bad type");
    assert.throws(() => parseRegionsCsv(row("3274,kota,A,B,north,2,yes,,")), /line 3, column 5: lat/, "bad latitude");
    assert.throws(() => parseRegionsCsv(row("3274,kota,A,B,1,,yes,,")), /line 3, column 6: lon/, "empty longitude");
    assert.throws(() => parseRegionsCsv(row("3274,kota,A,B,1,2,maybe,,")), /line 3, column 7: physical_mpp/, "bad status");
    assert.throws(() => parseRegionsCsv(row("3274,kota,,B,1,2,yes,,")), /line 3, column 3: name: empty/, "empty name");
  });
});

// Hostile files at the readers (no database): wrong encodings, formulas, 100,000 rows, zip bombs
// posing as XLSX (refused from the declared sizes before parsing, or when a part lies about its
// size), and exports neutralising formula injection.
import assert from "node:assert/strict";
import { readCsv, writeCsv } from "../../src/server/transfer/csv";
import { looksLikeFormula, neutralizeCell, unneutralize } from "../../src/server/transfer/cells";
import { invalidUtf8Offsets, MAX_ROWS, SheetError } from "../../src/server/transfer/sheet";
import { readXlsx, writeXlsx } from "../../src/server/transfer/xlsx";
import { readZipGuarded } from "../../src/server/transfer/zip-guard";
import { makeZip, xlsxParts, xmlRow } from "../support/zip";

async function sheetErrors(fn: () => unknown): Promise<SheetError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof SheetError) return err;
    throw err;
  }
  throw new Error("expected a SheetError");
}

const HEADER = ["ID Layanan", "Kode Wilayah", "Instansi", "Slug Layanan", "Nama Layanan"];

describe("import files: CSV", () => {
  it("reads a UTF-8 CSV with a BOM, commas or semicolons, and quoted line breaks", () => {
    for (const sep of [",", ";"]) {
      const text = `\ufeff${HEADER.join(sep)}\r\n3273-a-b${sep}${sep}${sep}${sep}"Nama, dengan koma"\r\n3273-a-c${sep}${sep}${sep}${sep}"dua\nbaris"\r\n`;
      const s = readCsv(Buffer.from(text, "utf8"));
      assert.deepEqual(s.header, HEADER, `header (${sep})`);
      assert.deepEqual(s.rows.map((r) => r.cells[4]), ["Nama, dengan koma", "dua\nbaris"], `cells (${sep})`);
      assert.deepEqual(s.rows.map((r) => r.row), [2, 3], "spreadsheet row numbers");
    }
  });

  it("refuses invalid UTF-8 and names the rows it is on", async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER.join(",")}\nx,,,,Baik\ny,,,,Bu`), Buffer.from([0xc3, 0x28]), Buffer.from("k\nz,,,,caf"), Buffer.from([0xe9]), Buffer.from("\n")]);
    const err = await sheetErrors(() => readCsv(bytes));
    assert.deepEqual(err.errors.map((e) => e.row), [3, 4], "rows 3 and 4 (Latin-1 é, a broken two-byte sequence)");
    assert.match(err.errors[0]!.message, /UTF-8/, "says why");
  });

  it("knows valid from invalid UTF-8: overlong forms, surrogates and truncation are invalid", () => {
    assert.deepEqual(invalidUtf8Offsets(Buffer.from("Rp 50.000 · café · 😀", "utf8")), [], "valid text");
    assert.equal(invalidUtf8Offsets(Buffer.from([0xc0, 0xaf]))[0], 0, "overlong slash");
    assert.equal(invalidUtf8Offsets(Buffer.from([0xed, 0xa0, 0x80]))[0], 0, "a surrogate");
    assert.equal(invalidUtf8Offsets(Buffer.from([0xf4, 0x90, 0x80, 0x80]))[0], 0, "past U+10FFFF");
    assert.equal(invalidUtf8Offsets(Buffer.from([0x41, 0xe2, 0x82]))[0], 1, "truncated at the end");
  });

  it("stops at 5,000 data rows: a 100,000-row file is refused as a whole, quickly", async () => {
    const lines = [HEADER.join(","), ...Array.from({ length: 100_000 }, (_, i) => `3273-x-${i},,,,Layanan ${i}`)];
    const err = await sheetErrors(() => readCsv(Buffer.from(lines.join("\n"))));
    assert.equal(err.errors.length, 1, "one file-level error");
    assert.equal(err.errors[0]!.row, 0, "about the file");
    assert.match(err.errors[0]!.message, /more than 5,000 data rows/, "says the limit");
    const ok = readCsv(Buffer.from(lines.slice(0, MAX_ROWS + 1).join("\n")));
    assert.equal(ok.rows.length, MAX_ROWS, "exactly the limit is fine");
  });

  it("writes formulas as text: =, +, -, @, tab and CR get a leading apostrophe", () => {
    const csv = writeCsv(["a", "b"], [["=HYPERLINK(\"http://evil\",\"klik\")", "+1"], ["-2+3", "@SUM(A1)"], ["\tx", "aman"], [350000, null]]);
    assert.ok(csv.startsWith("\ufeff"), "BOM for Excel");
    assert.ok(csv.includes(`"'=HYPERLINK(""http://evil"",""klik"")"`), "= neutralised");
    for (const cell of [`"'+1"`, `"'-2+3"`, `"'@SUM(A1)"`, `"'\tx"`, `"aman"`, `"350000"`]) assert.ok(csv.includes(cell), `${cell} as written`);
  });

  it("round-trips neutralised cells and refuses raw formulas on import", () => {
    for (const v of ["=1+1", "+62 812", "-ish", "@home"]) assert.equal(unneutralize(neutralizeCell(v)), v, `${v} round-trips`);
    assert.equal(unneutralize("'biasa"), "'biasa", "an apostrophe before ordinary text stays");
    for (const v of ["=cmd|' /C calc'!A0", "+SUM(A1)", "@SUM(A1)", "-A1"]) assert.equal(looksLikeFormula(v), true, `${v} looks like a formula`);
    for (const v of ["- KTP-el", "-5", "Rp 50.000", "a=b"]) assert.equal(looksLikeFormula(v), false, `${v} does not`);
  });
});

describe("import files: XLSX and zip bombs", () => {
  it("reads an exported workbook back, with texts neutralised in the cells", async () => {
    const bytes = await writeXlsx(HEADER, [["3273-a-b", "3273", "a", "b", "=2+2 (tulisan)"], ["3273-a-c", "3273", "a", "c", "Biasa"]]);
    const s = await readXlsx(bytes);
    assert.deepEqual(s.header, HEADER, "header");
    assert.equal(s.rows[0]!.cells[4], "'=2+2 (tulisan)", "stored with the apostrophe, as text");
    assert.deepEqual(s.errors, [], "no errors");
  });

  it("refuses formula cells per row", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Standar Pelayanan");
    ws.addRow(HEADER);
    ws.addRow(["3273-a-b", "", "", "", "Biasa"]);
    ws.addRow(["3273-a-c", "", "", "", { formula: "HYPERLINK(\"http://evil\",\"klik\")", result: "klik" }]);
    const s = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.deepEqual(s.errors.map((e) => [e.row, e.column]), [[3, "Nama Layanan"]], "row 3, its column");
    assert.match(s.errors[0]!.message, /formula/, "says why");
  });

  it("refuses a sheet of 100,000 rows by counting them before exceljs parses it", async () => {
    const rows = [xmlRow(1, HEADER), ...Array.from({ length: 100_000 }, (_, i) => xmlRow(i + 2, [`L${i}`]))].join("");
    const err = await sheetErrors(() => readXlsx(makeZip(xlsxParts(rows))));
    assert.equal(err.errors.length, 1, "one file-level error");
    assert.match(err.errors[0]!.message, /100,001 rows/, "names the count");
  });

  it("refuses a zip bomb from its declared sizes, before inflating anything", async () => {
    const zeros = Buffer.alloc(40 * 1024 * 1024);
    const bomb = makeZip([...xlsxParts(xmlRow(1, HEADER)), { name: "xl/media/bomb.bin", data: zeros }]);
    assert.ok(bomb.length < 200 * 1024, `the bomb is small (${bomb.length} bytes)`);
    const err = await sheetErrors(() => readXlsx(bomb));
    assert.match(err.errors[0]!.message, /expands \d+ times|uncompressed/, err.errors[0]!.message);
    const many = makeZip(Array.from({ length: 600 }, (_, i) => ({ name: `xl/p${i}.xml`, data: Buffer.from("<a/>") })));
    assert.match((await sheetErrors(() => readXlsx(many))).errors[0]!.message, /600 parts/, "too many parts");
  });

  it("refuses a part that lies about its size (inflation stops at the declared size)", async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 0x41);
    const liar = makeZip([...xlsxParts(xmlRow(1, HEADER)), { name: "xl/sharedStrings.xml", data: big, declaredSize: 1000 }]);
    const err = await sheetErrors(() => readZipGuarded(liar));
    assert.match(err.errors[0]!.message, /declared size/, "refused");
  });

  it("refuses invalid UTF-8 inside the workbook's XML, files that are not ZIPs, and unsafe part names", async () => {
    const parts = xlsxParts(xmlRow(1, HEADER));
    parts[4] = { name: "xl/worksheets/sheet1.xml", data: Buffer.concat([parts[4]!.data.subarray(0, 60), Buffer.from([0xff, 0xfe]), parts[4]!.data.subarray(60)]) };
    assert.match((await sheetErrors(() => readXlsx(makeZip(parts)))).errors[0]!.message, /UTF-8/, "bad bytes in XML");
    assert.match((await sheetErrors(() => readXlsx(Buffer.from("ID Layanan,Nama\n")))).errors[0]!.message, /not an XLSX/, "a CSV sent as XLSX");
    const evil = makeZip([{ name: "../../etc/passwd", data: Buffer.from("x") }]);
    assert.match((await sheetErrors(() => readXlsx(evil))).errors[0]!.message, /unsafe name/, "path traversal");
  });
});

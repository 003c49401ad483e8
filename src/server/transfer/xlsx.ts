// XLSX in and out with exceljs (pinned). In: the ZIP is checked first (zip-guard.ts: sizes before
// parsing, bombs refused), the worksheet's rows are counted in its XML before exceljs parses it,
// and only then does exceljs read the sheet "Standar Pelayanan" (or the first one). A formula cell
// is a per-row error (an import takes values, never formulas). Out: the template's columns, one
// row per service, texts neutralised against formula injection, and a "Petunjuk" sheet.
import type ExcelJSNamespace from "exceljs";
import { neutralizeCell } from "./cells";
import { fileError, MAX_ROWS, type ImportError, type SheetData } from "./sheet";
import { readZipGuarded } from "./zip-guard";
import { COLUMNS } from "./template";

type ExcelJS = typeof ExcelJSNamespace;
/** exceljs is big: loaded on the first import or export, not when the server starts. */
let excel: Promise<ExcelJS> | null = null;
const loadExcel = () => (excel ??= import("exceljs").then((m) => ((m as { default?: ExcelJS }).default ?? (m as unknown as ExcelJS))));

export const SHEET_NAME = "Standar Pelayanan";
export const HELP_SHEET = "Petunjuk";

function cellText(ExcelJS: ExcelJS, cell: ExcelJSNamespace.Cell): { text: string; error: string | null } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { text: "", error: null };
  if (cell.type === ExcelJS.ValueType.Formula || (typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v))) {
    return { text: "", error: "This cell holds a formula: type the value itself (an import takes values, never formulas)." };
  }
  if (cell.type === ExcelJS.ValueType.Error) return { text: "", error: "This cell holds a spreadsheet error (#REF!, #N/A, ...)." };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), error: null };
  if (typeof v === "number") return { text: Number.isInteger(v) ? String(v) : String(v), error: null };
  if (typeof v === "boolean") return { text: v ? "ya" : "tidak", error: null };
  if (typeof v === "string") return { text: v, error: null };
  if (typeof v === "object" && v !== null && "richText" in v) {
    return { text: (v as { richText: Array<{ text: string }> }).richText.map((r) => r.text).join(""), error: null };
  }
  if (typeof v === "object" && v !== null && "text" in v) return { text: String((v as { text: unknown }).text ?? ""), error: null };
  return { text: String(v), error: null };
}

export async function readXlsx(bytes: Buffer): Promise<SheetData> {
  const parts = readZipGuarded(bytes);
  for (const p of parts) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(p.name)) continue;
    const rows = p.data.toString("utf8").match(/<row[\s>]/g)?.length ?? 0;
    if (rows > MAX_ROWS + 1) throw fileError(`The sheet ${p.name} has ${rows.toLocaleString("en")} rows; at most ${MAX_ROWS.toLocaleString("en")} data rows: split the file.`);
  }
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJSNamespace.Buffer);
  } catch (err) {
    throw fileError(`The XLSX file could not be read (${(err as Error).message.split("\n")[0]!.slice(0, 120)}).`);
  }
  const ws = wb.getWorksheet(SHEET_NAME) ?? wb.worksheets[0];
  if (!ws) throw fileError("The XLSX file has no worksheet.");
  const errors: ImportError[] = [];
  let header: string[] = [];
  const rows: SheetData["rows"] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = Math.max(row.cellCount, header.length);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      const { text, error } = cellText(ExcelJS, row.getCell(c));
      if (error) errors.push({ row: rowNumber, column: header[c - 1] || `kolom ${c}`, message: error });
      cells.push(text);
    }
    if (header.length === 0) header = cells;
    else if (cells.some((t) => t.trim() !== "")) rows.push({ row: rowNumber, cells });
  });
  if (header.length === 0) throw fileError("The worksheet is empty: use the template's header row.");
  return { header, rows, errors };
}

export async function writeXlsx(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const wb = new ExcelJS.Workbook();
  wb.creator = "MPP Digital XR";
  const ws = wb.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow([...header]);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r.map((v) => (v === null ? null : typeof v === "number" ? v : neutralizeCell(v))));
  ws.columns.forEach((col) => { col.width = 28; col.alignment = { wrapText: true, vertical: "top" }; });
  const help = wb.addWorksheet(HELP_SHEET);
  help.addRow(["Kolom", "Petunjuk"]).font = { bold: true };
  for (const c of COLUMNS) help.addRow([c.header, neutralizeCell(c.help)]);
  help.getColumn(1).width = 40;
  help.getColumn(2).width = 100;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// CSV in and out with papaparse (pinned). In: strict UTF-8 (a BOM is fine), comma or semicolon
// separated (Excel in Indonesian locales writes semicolons), at most MAX_ROWS data rows (parsing
// stops there: a 100,000-row file costs no more than a 5,001-row one), quoting errors per row.
// Out: UTF-8 with a BOM (so Excel reads accents), CRLF, every cell neutralised against formulas.
import Papa from "papaparse";
import { neutralizeCell } from "./cells";
import { decodeUtf8, fileError, MAX_ROWS, type ImportError, type SheetData } from "./sheet";

export function readCsv(bytes: Uint8Array): SheetData {
  const text = decodeUtf8(bytes);
  if (text.trim() === "") throw fileError("The file is empty: use the template's header row.");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", preview: MAX_ROWS + 2, delimitersToGuess: [",", ";", "\t"] });
  const data = parsed.data;
  if (data.length > MAX_ROWS + 1) {
    throw fileError(`The file has more than ${MAX_ROWS.toLocaleString("en")} data rows: split it (one region or agency per file).`);
  }
  const errors: ImportError[] = parsed.errors
    .filter((e) => e.code !== "UndetectableDelimiter")
    .map((e) => ({ row: (e.row ?? -1) + 1, column: null, message: `CSV: ${e.message}` }));
  const [header = [], ...rest] = data;
  // Spreadsheet row numbers: papaparse dropped empty lines, so count them back from its cursor-less
  // output by position; rows are numbered in order of the non-empty lines (the usual case: none empty).
  return { header, rows: rest.map((cells, i) => ({ row: i + 2, cells })), errors };
}

export function writeCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const data = rows.map((r) => r.map((v) => (v === null ? "" : typeof v === "number" ? String(v) : neutralizeCell(v))));
  return `\ufeff${Papa.unparse({ fields: [...header], data }, { newline: "\r\n", quotes: true })}\r\n`;
}

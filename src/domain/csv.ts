// A small strict CSV parser (RFC 4180: commas, double-quoted fields, "" as an escaped quote,
// LF or CRLF line ends). Strict because seed data must fail loudly: every error names the
// line and column where the input went wrong.

export class CsvError extends Error {
  constructor(
    readonly source: string,
    readonly line: number,
    readonly column: number,
    detail: string,
  ) {
    super(`csv: ${source} line ${line}, column ${column}: ${detail}`);
    this.name = "CsvError";
  }
}

export interface CsvRow {
  /** 1-based line number where the row starts. */
  line: number;
  fields: string[];
}

/** Parses all rows; a trailing newline at the end of the file is allowed, blank lines are not. */
export function parseCsv(text: string, source = "input"): CsvRow[] {
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let col = 1;
  let rowLine = 1;
  let quoted = false; // inside a quoted field
  let wasQuoted = false; // current field was quoted and is closed
  let quoteLine = 1; // where the open quote started, for the unterminated-quote error
  let quoteCol = 1;
  let i = 0;
  const endRow = () => {
    fields.push(field);
    if (fields.length === 1 && fields[0] === "" && !wasQuoted) {
      throw new CsvError(source, rowLine, 1, "blank line");
    }
    rows.push({ line: rowLine, fields });
    fields = [];
    field = "";
    wasQuoted = false;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; col += 2; continue; }
        quoted = false; wasQuoted = true; i++; col++; continue;
      }
      if (c === "\n") { line++; col = 1; } else col++;
      field += c; i++; continue;
    }
    if (c === '"') {
      if (field !== "" || wasQuoted) throw new CsvError(source, line, col, "quote inside an unquoted field");
      quoted = true; quoteLine = line; quoteCol = col; i++; col++; continue;
    }
    if (c === ",") { fields.push(field); field = ""; wasQuoted = false; i++; col++; continue; }
    if (c === "\r" && text[i + 1] === "\n") { i++; continue; }
    if (c === "\n") {
      endRow();
      i++; line++; col = 1; rowLine = line;
      continue;
    }
    if (c === "\r") throw new CsvError(source, line, col, "bare carriage return");
    if (wasQuoted) throw new CsvError(source, line, col, "text after a closing quote");
    field += c; i++; col++;
  }
  if (quoted) throw new CsvError(source, quoteLine, quoteCol, "unterminated quoted field");
  if (field !== "" || fields.length > 0 || wasQuoted) endRow();
  return rows;
}

/**
 * Parses a CSV whose first row is a header that must equal `expectedHeader`; every row must
 * have as many fields as the header. Returns one record per data row with its line number.
 */
export function parseCsvRecords<K extends string>(
  text: string,
  expectedHeader: readonly K[],
  source = "input",
): Array<{ line: number; record: Record<K, string> }> {
  const rows = parseCsv(text, source);
  const header = rows[0];
  if (header === undefined) throw new CsvError(source, 1, 1, "empty file, expected a header row");
  expectedHeader.forEach((name, idx) => {
    if (header.fields[idx] !== name) {
      throw new CsvError(source, 1, idx + 1, `expected header "${name}", got ${JSON.stringify(header.fields[idx] ?? null)}`);
    }
  });
  if (header.fields.length !== expectedHeader.length) {
    throw new CsvError(source, 1, expectedHeader.length + 1, `expected ${expectedHeader.length} header fields, got ${header.fields.length}`);
  }
  return rows.slice(1).map((row) => {
    if (row.fields.length !== expectedHeader.length) {
      throw new CsvError(source, row.line, Math.min(row.fields.length, expectedHeader.length) + 1,
        `expected ${expectedHeader.length} fields, got ${row.fields.length}`);
    }
    const record = {} as Record<K, string>;
    expectedHeader.forEach((name, idx) => { record[name] = row.fields[idx]!; });
    return { line: row.line, record };
  });
}

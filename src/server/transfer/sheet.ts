// What the CSV and XLSX readers hand to the importer: a header and rows of cell texts, each row with
// its spreadsheet row number, plus the errors found while reading (a formula cell, bad bytes).

export interface ImportError {
  /** 1-based spreadsheet row (1 is the header); 0 for the file as a whole. */
  row: number;
  column: string | null;
  message: string;
}

export interface SheetData {
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
  errors: ImportError[];
}

/** More data rows than any region's catalog needs (all of Jawa Barat is about 1,400 services). */
export const MAX_ROWS = 5000;
/** Bytes of an uploaded file (the route's body limit). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Errors listed at most; the rest are counted in one line. */
export const MAX_ERRORS = 200;

export class SheetError extends Error {
  constructor(readonly errors: ImportError[]) {
    super(errors.map((e) => e.message).join("; "));
    this.name = "SheetError";
  }
}

export function fileError(message: string): SheetError {
  return new SheetError([{ row: 0, column: null, message }]);
}

/**
 * Offsets of invalid UTF-8 sequences (overlong forms, surrogates, code points past U+10FFFF and
 * truncated sequences are invalid), at most `max`.
 */
export function invalidUtf8Offsets(bytes: Uint8Array, max = MAX_ERRORS): number[] {
  const bad: number[] = [];
  let i = 0;
  while (i < bytes.length && bad.length < max) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need = 0;
    let min = 0;
    let cp = 0;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; cp = b & 0x07; }
    else { bad.push(i); i++; continue; }
    let ok = true;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) { bad.push(i); i++; continue; }
    i += need + 1;
  }
  return bad;
}

/** The 1-based line of a byte offset (counting LF bytes before it). */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Decodes UTF-8 strictly; a file with invalid bytes is refused with the rows (lines) they are on. */
export function decodeUtf8(bytes: Uint8Array): string {
  const bad = invalidUtf8Offsets(bytes);
  if (bad.length > 0) {
    const rows = [...new Set(bad.map((o) => lineOfOffset(bytes, o)))];
    throw new SheetError(rows.map((row) => ({
      row, column: null,
      message: `Invalid UTF-8 bytes on this line (byte ${bad.find((o) => lineOfOffset(bytes, o) === row)}): save the file as "CSV UTF-8".`,
    })));
  }
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

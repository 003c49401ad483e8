// Spreadsheet cells on the way out and in. Out: a text beginning with =, +, -, @ (or a tab or
// carriage return, which some programs skip before looking) would be run as a formula by Excel,
// LibreOffice or Google Sheets when the file is opened (CSV/formula injection, OWASP): every export
// writes such a text with a leading apostrophe, which spreadsheets show as plain text. In: that
// apostrophe is taken off again, and a cell that still begins like a formula is refused.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An imported cell's text: an export's protective apostrophe removed. */
export function unneutralize(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** True when an imported text would be a formula (after removing our own apostrophe). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+@]/.test(text) || /^-[^\s\d]/.test(text);
}

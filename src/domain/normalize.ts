// Text folding for search: the same rules on both sides (stored text and the query), so that
// "Pásport", "PASPORT" and "pasport" compare equal. Pure string work, no locale tables.

/** Lowercase, accents removed (NFKD then combining marks dropped), whitespace collapsed. */
export function foldText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Folded words: letters and digits only, e.g. "KTP-el (baru)" -> ["ktp", "el", "baru"]. */
export function tokenize(text: string): string[] {
  return foldText(text).split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
}

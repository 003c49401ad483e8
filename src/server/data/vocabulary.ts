// Typo and word-form tolerance for search, computed in code from the catalog's own words, so
// both engines get the same alternatives and rank identically (issue 20 point 3).
// A query word becomes a set of forms, each worth a share of the points of the word itself:
//   the word                          100%  "paspor"
//   catalog words that contain it      70%  "lahir" -> "kelahiran" (Indonesian ke-/-an, per-/-an)
//   catalog words one or two edits off 60%  "pasport" -> "paspor", "passport" (only when the word
//                                           starts no catalog word, so a real word is not "corrected")
// Tried first: trigram similarity in each engine (pg_trgm needs an extension the role may not
// create, and FTS5 has none); a vocabulary in code is small (a few thousand words) and identical
// on both engines.

/** A query word's forms: [catalog word or the word itself, share of its points in percent]. */
export type WordForms = ReadonlyArray<readonly [string, number]>;

export const FORM_SHARE = { exact: 100, contains: 70, typo: 60 } as const;
/** Most alternatives per query word and kind: broad words would otherwise match half the catalog. */
const MAX_ALTERNATIVES = 6;
/** Shorter words get no alternatives: "sim" and "ktp" are exact abbreviations. */
const MIN_FUZZY_LENGTH = 4;

export class Vocabulary {
  /** Distinct folded words, sorted (deterministic alternatives). */
  readonly words: readonly string[];

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)].filter((w) => w.length > 0).sort();
  }

  /** True when some catalog word starts with `word` (what the engines match). */
  hasPrefix(word: string): boolean {
    // Binary search for the first word >= `word`.
    let lo = 0;
    let hi = this.words.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.words[mid]! < word) lo = mid + 1; else hi = mid;
    }
    return lo < this.words.length && this.words[lo]!.startsWith(word);
  }

  /** The forms of one folded query word (always starting with the word itself). */
  forms(word: string): WordForms {
    const out: Array<readonly [string, number]> = [[word, FORM_SHARE.exact]];
    if (word.length < MIN_FUZZY_LENGTH || /^\d+$/.test(word)) return out;
    const contains = this.words
      .filter((v) => v.length > word.length && v.indexOf(word, 1) > 0 && !v.startsWith(word))
      .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
      .slice(0, MAX_ALTERNATIVES);
    for (const v of contains) out.push([v, FORM_SHARE.contains]);
    if (!this.hasPrefix(word)) {
      const max = word.length >= 7 ? 2 : 1;
      const near: Array<[string, number]> = [];
      for (const v of this.words) {
        if (Math.abs(v.length - word.length) > max && v.length < word.length) continue;
        // Whole word, or the typed word as a mistyped beginning ("pasp0r" -> "paspornya").
        let d = editDistance(word, v, max);
        if (d > max && v.length > word.length && word.length >= 5) d = editDistance(word, v.slice(0, word.length), max);
        if (d <= max) near.push([v, d]);
      }
      near.sort((a, b) => a[1] - b[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1));
      for (const [v] of near.slice(0, MAX_ALTERNATIVES)) if (!out.some(([w]) => w === v)) out.push([v, FORM_SHARE.typo]);
    }
    return out;
  }
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours: "pasprot"),
 * giving up early: anything above `max` is returned as max + 1.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[b.length]!, max + 1);
}

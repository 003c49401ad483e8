// Search ranking, computed in code from folded word lists, the same on both engines (the engines
// only find the candidates: rows where every query word is a word prefix). bm25 alone cannot say
// "a name match beats a description match, an exact word beats a prefix", so the score is ours.
// Synonyms ("passport", "driving licence", "vehicle tax") live in each service's keywords column,
// so they are indexed too and an officer can extend them.
import { foldText, tokenize } from "../../domain/normalize";
import type { WordForms } from "./vocabulary";

/** Words of a field, folded, and the whole folded field for phrase matches. */
interface Folded { words: string[]; text: string }

export interface SearchDoc {
  /** The texts the doc was built from: a changed row gets a new doc. */
  key: string;
  name: Folded; nameEn: Folded; keywords: Folded; slug: Folded; agency: Folded; description: Folded;
}

export interface SearchTexts {
  name: string; nameEn: string; keywords: string; slug: string; agencyText: string; description: string;
}

/** Points per field for an exact word and for a prefix: names first, description last. */
const WEIGHTS: ReadonlyArray<[keyof Omit<SearchDoc, "key">, number, number]> = [
  ["name", 100, 60],
  ["nameEn", 80, 48],
  ["keywords", 60, 36],
  ["slug", 50, 30],
  ["agency", 40, 24],
  ["description", 10, 6],
];

export const MAX_QUERY_WORDS = 12;

const fold = (text: string): Folded => ({ words: tokenize(text), text: foldText(text) });

export function docKey(t: SearchTexts): string {
  return `${t.name}\u0000${t.nameEn}\u0000${t.keywords}\u0000${t.agencyText}\u0000${t.description}\u0000${t.slug}`;
}

export function searchDoc(t: SearchTexts): SearchDoc {
  return {
    key: docKey(t),
    name: fold(t.name), nameEn: fold(t.nameEn), keywords: fold(t.keywords), slug: fold(t.slug),
    agency: fold(t.agencyText), description: fold(t.description),
  };
}

/** The query's distinct folded words (at most MAX_QUERY_WORDS) and its folded phrase. */
export function queryWords(query: string): { words: string[]; phrase: string } {
  return { words: [...new Set(tokenize(query))].slice(0, MAX_QUERY_WORDS), phrase: foldText(query) };
}

/**
 * Points of a document for the query: per query word, the best of its forms (the word itself,
 * or a catalog word it is part of or a typo of, worth a share: vocabulary.ts) in the best field.
 * Integer arithmetic only, so both engines' candidates get bit-identical scores.
 */
export function score(doc: SearchDoc, terms: readonly WordForms[], phrase: string): number {
  let total = 0;
  for (const forms of terms) {
    let best = 0;
    for (const [w, share] of forms) {
      for (const [field, exact, prefix] of WEIGHTS) {
        const fieldWords = doc[field].words;
        let points = 0;
        if (fieldWords.includes(w)) points = exact;
        else if (fieldWords.some((fw) => fw.startsWith(w))) points = prefix;
        best = Math.max(best, Math.round((points * share) / 100));
      }
    }
    total += best;
  }
  // The whole query as a phrase in the name (e.g. "paspor biasa") beats scattered words.
  if (terms.length > 1 && doc.name.text.includes(phrase)) total += 50;
  return total;
}

// Translations of the catalog's texts, kept as data beside the catalog (data/translations/*.json):
// one phrasebook per language, keyed by the exact Indonesian text as the catalog files write it
// (with {region}/{place} placeholders). Keyed by text, not by record: when an officer edits a
// text in /admin its old translation stops matching and the field is shown as "not translated"
// instead of a stale translation. A `null` value marks a text deliberately left untranslated.
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

/**
 * How far a phrasebook can be trusted: `draft` (machine or first-pass translation, shown to
 * citizens with a "draft translation" notice until a reviewer confirms it), `team` (written by the
 * project team, like the catalog's own nameEn), `reviewed` (confirmed by the named reviewer on the date).
 */
export const REVIEW_STATUSES = ["draft", "team", "reviewed"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const PhrasebookSchema = Type.Object({
  formatVersion: Type.Literal(1),
  lang: Type.Union([Type.Literal("en"), Type.Literal("su")]),
  from: Type.Literal("id"),
  review: Type.Object({
    status: Type.Union(REVIEW_STATUSES.map((s) => Type.Literal(s))),
    reviewer: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
    date: Type.Union([Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" }), Type.Null()]),
    note: Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]),
  }, { additionalProperties: false }),
  texts: Type.Record(Type.String({ minLength: 1 }), Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()])),
}, { additionalProperties: false });
export type Phrasebook = Static<typeof PhrasebookSchema>;

/** The phrasebook if `value` is one, else an Error naming the first problem (and the file). */
export function parsePhrasebook(value: unknown, file: string): Phrasebook {
  if (Value.Check(PhrasebookSchema, value)) {
    const book = value as Phrasebook;
    if (book.review.status === "reviewed" && (!book.review.reviewer || !book.review.date)) {
      throw new Error(`${file}: review.status "reviewed" needs review.reviewer and review.date`);
    }
    return book;
  }
  const first = [...Value.Errors(PhrasebookSchema, value)][0];
  throw new Error(`${file}: ${first ? `${first.path || "/"}: ${first.message}` : "not a phrasebook"}`);
}

/** Where a region-specific text came from, so the placeholders can be put back. */
export interface TextContext {
  /** "Kota Bandung". */
  regionName: string;
}

function place(regionName: string): string {
  return regionName.replace(/^(Kabupaten|Kota)\s+/, "");
}

/**
 * The translation of `text`, or null when the phrasebook has none (or marks it untranslated).
 * A text filled for a region ("... di Kota Bandung.") is looked up by its template
 * ("... di {region}.") and the translation filled the same way.
 */
export function translateText(book: Phrasebook, text: string, ctx?: TextContext): string | null {
  const own = Object.prototype.hasOwnProperty.call(book.texts, text) ? book.texts[text] : undefined;
  if (typeof own === "string") return own;
  if (own === null || !ctx) return null;
  const p = place(ctx.regionName);
  const candidates = [text.replaceAll(ctx.regionName, "{region}"), text.replaceAll(p, "{place}")];
  for (const key of candidates) {
    if (key === text || !Object.prototype.hasOwnProperty.call(book.texts, key)) continue;
    const hit = book.texts[key];
    if (typeof hit !== "string") return null;
    return hit.replaceAll("{region}", ctx.regionName).replaceAll("{place}", p);
  }
  return null;
}

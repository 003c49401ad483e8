// Translations of the catalog's texts, kept as data beside the catalog (data/translations/*.json):
// one phrasebook per language, keyed by the exact Indonesian text as the catalog files write it
// (with {region}/{place} placeholders). Keyed by text, not by record: when an officer edits a
// text in /admin its old translation stops matching and the field is shown as "not translated"
// instead of a stale translation. A `null` value marks a text deliberately left untranslated.
import { Type, type Static } from "@sinclair/typebox";

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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown, min: number, max: number) => typeof v === "string" && v.length >= min && v.length <= max;

/** The first way `v` differs from PhrasebookSchema, or null. Written out by hand: TypeBox's Value
 *  checker would add ~60 KB to the app's entry chunk (the schema stays the documented shape). */
function firstProblem(v: unknown): string | null {
  if (!isObject(v)) return "/: expected an object";
  const extra = (o: Record<string, unknown>, keys: readonly string[], at: string) => {
    const k = Object.keys(o).find((x) => !keys.includes(x));
    return k === undefined ? null : `${at}/${k}: unexpected property`;
  };
  const top = extra(v, ["formatVersion", "lang", "from", "review", "texts"], "");
  if (top) return top;
  if (v.formatVersion !== 1) return "/formatVersion: expected 1";
  if (v.lang !== "en" && v.lang !== "su") return "/lang: expected en or su";
  if (v.from !== "id") return "/from: expected id";
  const r = v.review;
  if (!isObject(r)) return "/review: expected an object";
  const reviewExtra = extra(r, ["status", "reviewer", "date", "note"], "/review");
  if (reviewExtra) return reviewExtra;
  if (!(REVIEW_STATUSES as readonly unknown[]).includes(r.status)) return `/review/status: expected one of ${REVIEW_STATUSES.join(", ")}`;
  if (r.reviewer !== null && !isText(r.reviewer, 1, 200)) return "/review/reviewer: expected null or 1-200 characters";
  if (r.date !== null && !(typeof r.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(r.date))) return "/review/date: expected null or YYYY-MM-DD";
  if (r.note !== null && !isText(r.note, 0, 2000)) return "/review/note: expected null or up to 2000 characters";
  if (!isObject(v.texts)) return "/texts: expected an object";
  for (const [k, t] of Object.entries(v.texts)) {
    if (t !== null && !isText(t, 1, 2000)) return `/texts/${k.slice(0, 40)}: expected null or 1-2000 characters`;
  }
  return null;
}

/** The phrasebook if `value` is one, else an Error naming the first problem (and the file). */
export function parsePhrasebook(value: unknown, file: string): Phrasebook {
  const problem = firstProblem(value);
  if (problem) throw new Error(`${file}: ${problem}`);
  const book = value as Phrasebook;
  if (book.review.status === "reviewed" && (!book.review.reviewer || !book.review.date)) {
    throw new Error(`${file}: review.status "reviewed" needs review.reviewer and review.date`);
  }
  return book;
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

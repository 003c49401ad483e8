// The physical MPP as a visitor planning to go needs it: where it is (address, the region's seat
// on a map drawn locally), when it is open, how to reach it, each with its sources. Built from
// data/mpp/<code>.json by src/server/data/mpp-visits.ts; a region without a physical MPP, or without facts,
// has none. No contact of any MPP is in the data yet: `contact` stays null ("not known") rather
// than a guessed number.
import { Type, type Static } from "@sinclair/typebox";
import type { UiLang } from "./words/langs";
import { translateText, type Phrasebook } from "./words/phrasebook";
import { translateHoursText } from "./words/hours-line";

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const MppVisitSchema = Type.Object({
  regionCode: Type.String({ pattern: "^\\d{4}$" }),
  name: Type.String(),
  address: Type.Union([Type.Object({ text: Type.String(), note: Nullable(Type.String()) }), Type.Null()]),
  hours: Type.Array(Type.Object({
    label: Type.String(),
    from: Nullable(Type.String()),
    until: Nullable(Type.String()),
    /** "Senin–Kamis 07.30–13.30; Jumat 07.30–14.00; Sabtu, Minggu: belum diketahui". */
    text: Type.String(),
    note: Nullable(Type.String()),
  })),
  /** No MPP's own phone or email is in the data yet: null, shown as "not known". */
  contact: Type.Union([Type.Object({ kind: Type.String(), value: Type.String() }), Type.Null()]),
  /** The region's seat (approximate, from the region table): good for a map, not for navigation. */
  position: Type.Object({ lat: Type.Number(), lon: Type.Number(), approximate: Type.Boolean() }),
  sources: Type.Array(Type.String()),
});
export type MppVisit = Static<typeof MppVisitSchema>;
export const MppVisitAnswer = Type.Object({ mpp: Type.Union([MppVisitSchema, Type.Null()]) });

/** A text of the visit card in a language, with the language it is actually in (untranslated: "id"). */
export interface LocalText { text: string; lang: UiLang }

export interface LocalVisit {
  name: string;
  address: { text: LocalText; note: LocalText | null } | null;
  hours: { label: LocalText; text: LocalText; note: LocalText | null; from: string | null; until: string | null }[];
  /** Citations, in their original language (Indonesian titles). */
  sources: string[];
}

export function localizeVisit(v: MppVisit, lang: UiLang, book: Phrasebook | null): LocalVisit {
  const t = (text: string): LocalText => {
    if (lang === "id") return { text, lang };
    const hit = book ? translateText(book, text) : null;
    return hit === null ? { text, lang: "id" } : { text: hit, lang };
  };
  const hours = (text: string): LocalText => {
    if (lang === "id") return { text, lang };
    const hit = translateHoursText(text, lang);
    return hit === null ? { text, lang: "id" } : { text: hit, lang };
  };
  return {
    name: v.name,
    address: v.address ? { text: t(v.address.text), note: v.address.note ? t(v.address.note) : null } : null,
    hours: v.hours.map((h) => ({ label: t(h.label), text: hours(h.text), note: h.note ? t(h.note) : null, from: h.from, until: h.until })),
    sources: [...v.sources],
  };
}

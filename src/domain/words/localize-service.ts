// One service in the visitor's language: the names and the catalog's texts (requirements, steps,
// fee note, product, ...) from the language's phrasebook. A field is translated whole or not at
// all: when any line of it has no translation the field stays in Indonesian and is listed in
// `untranslated`, so the sheet can mark it (and give it lang="id") instead of mixing languages.
import type { Service } from "../types";
import type { UiLang } from "./langs";
import { translateText, type Phrasebook, type TextContext } from "./phrasebook";
import { translateHoursLine } from "./hours-line";

export const TRANSLATABLE_FIELDS = [
  "name", "agencyName", "description", "requirements", "steps", "fee", "duration", "hours", "product", "legalBasis",
] as const;
export type TranslatableField = (typeof TRANSLATABLE_FIELDS)[number];

export interface LocalizedService {
  service: Service;
  lang: UiLang;
  /** Fields still in Indonesian because (part of) them has no translation. */
  untranslated: TranslatableField[];
  /** The translation is a draft not yet confirmed by a reviewer. */
  draft: boolean;
}

/**
 * `service` in `lang`. Indonesian is the catalog's own language (returned as is); English and
 * Sundanese need their phrasebook (`book`); without one every translatable field is untranslated.
 */
export function localizeService(service: Service, lang: UiLang, book: Phrasebook | null): LocalizedService {
  if (lang === "id") return { service, lang, untranslated: [], draft: false };
  const ctx: TextContext = { regionName: service.regionName };
  const untranslated: TranslatableField[] = [];
  const one = (field: TranslatableField, text: string | null): string | null => {
    if (text === null || text.trim() === "") return text;
    const hit = book ? translateText(book, text, ctx) : null;
    if (hit === null) { untranslated.push(field); return text; }
    return hit;
  };
  const list = (field: TranslatableField, texts: readonly string[]): string[] => {
    const hits = texts.map((t) => (book ? translateText(book, t, ctx) : null));
    if (hits.some((h) => h === null)) { untranslated.push(field); return [...texts]; }
    return hits as string[];
  };
  // Names: English has its own columns (nameEn, agencyNameEn); Sundanese is in the phrasebook.
  const name = lang === "en"
    ? (service.nameEn ? service.nameEn : (untranslated.push("name"), service.name))
    : one("name", service.name)!;
  const agencyName = lang === "en"
    ? (service.agencyNameEn ? service.agencyNameEn : (untranslated.push("agencyName"), service.agencyName))
    : one("agencyName", service.agencyName)!;
  const hoursLine = service.hours ? translateHoursLine(service.hours, lang) : null;
  const localized: Service = {
    ...service,
    name,
    nameEn: service.nameEn,
    agencyName,
    description: one("description", service.description) ?? service.description,
    requirements: list("requirements", service.requirements),
    steps: list("steps", service.steps),
    fee: { amount: service.fee.amount, note: one("fee", service.fee.note) },
    duration: one("duration", service.duration),
    hours: hoursLine ?? one("hours", service.hours),
    product: one("product", service.product),
    legalBasis: list("legalBasis", service.legalBasis),
  };
  return { service: localized, lang, untranslated, draft: book?.review.status === "draft" };
}

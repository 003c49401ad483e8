// One service as every surface shows it. The 3D kiosk panel, its DOM mirror (both through
// src/app/kiosk/screens/service.ts) and the /layanan HTML page (src/server/html/render.ts) render
// this description, so they cannot disagree on a heading, a fallback or which links are followed.
// Pure: no DOM, no Babylon; the language is a parameter and every label is in SHEET_LABELS.
import { formatRupiah, formatVerifiedDate, unknownLabel, type Lang } from "./format";
import { verifiedAgeNote } from "./admin/review-age";
import type { Service, ServiceSummary } from "./types";
import type { UiLang } from "./words/langs";
import type { Phrasebook } from "./words/phrasebook";
import { localizeService, type TranslatableField } from "./words/localize-service";

/** The labels of a service sheet, in both languages (the only copy: the app's strings.ts has none). */
export const SHEET_LABELS = {
  id: {
    fee: "Biaya",
    requirements: "Persyaratan",
    steps: "Prosedur",
    duration: "Waktu penyelesaian",
    hours: "Jam layanan",
    product: "Produk layanan",
    legalBasis: "Dasar hukum",
    complaints: "Pengaduan",
    online: "Layanan daring",
    source: "Sumber",
    askAtCounter: "tanyakan di loket",
    lastVerified: "Terakhir diverifikasi {date}",
    unverified: "Belum diverifikasi: periksa di loket sebelum datang",
    unverifiedNoSource: "Belum diverifikasi — belum ada sumber resmi",
    notVerified: "Belum diverifikasi",
    notTranslated: "Belum diterjemahkan: ditampilkan dalam bahasa Indonesia",
    draftTranslation: "Terjemahan ini masih draf dan belum diperiksa",
    sourceOriginal: "Sumber dikutip dengan judul aslinya",
  },
  en: {
    fee: "Fee",
    requirements: "Requirements",
    steps: "Procedure",
    duration: "Processing time",
    hours: "Opening hours",
    product: "What you receive",
    legalBasis: "Legal basis",
    complaints: "Complaints",
    online: "Online service",
    source: "Source",
    askAtCounter: "ask at the counter",
    lastVerified: "Last verified {date}",
    unverified: "Not verified: check at the counter before you go",
    unverifiedNoSource: "Not verified — no official source yet",
    notVerified: "Not verified",
    notTranslated: "Not translated yet: shown in Indonesian",
    draftTranslation: "This translation is a draft, not yet checked by a reviewer",
    sourceOriginal: "Sources are cited by their original Indonesian titles",
  },
  // Basa Sunda lemes (the polite register of public service); a draft until a reviewer confirms it.
  su: {
    fee: "Biaya",
    requirements: "Sarat-sarat",
    steps: "Prosedur",
    duration: "Waktos réngséna",
    hours: "Waktos layanan",
    product: "Produk layanan",
    legalBasis: "Dasar hukum",
    complaints: "Pangaduan",
    online: "Layanan daring",
    source: "Sumber",
    askAtCounter: "mangga taroskeun di loket",
    lastVerified: "Pamungkas diverifikasi {date}",
    unverified: "Teu acan diverifikasi: mangga parios di loket sateuacan sumping",
    unverifiedNoSource: "Teu acan diverifikasi — teu acan aya sumber resmi",
    notVerified: "Teu acan diverifikasi",
    notTranslated: "Teu acan ditarjamahkeun: ditémbongkeun dina basa Indonésia",
    draftTranslation: "Tarjamahan basa Sunda ieu masih draf, teu acan dipariksa ku pamariksa",
    sourceOriginal: "Sumber dicutat ku judul aslina dina basa Indonésia",
  },
} as const satisfies Record<UiLang, Record<string, string>>;

export type SheetLabel = keyof (typeof SHEET_LABELS)["id"];

export type SheetSectionId =
  | "fee" | "requirements" | "steps" | "duration" | "hours" | "product" | "legalBasis" | "complaints" | "online" | "source";

/** One line of a section; `href` is set only for a link every surface may follow (see safeWebUrl). */
export interface SheetLine {
  text: string;
  href?: string;
}

export interface SheetSection {
  id: SheetSectionId;
  heading: string;
  lines: SheetLine[];
  /** Numbered steps (an <ol>, "1. " on the 3D panel). */
  ordered: boolean;
  /** The lines' language when it is not the sheet's (an untranslated field): a `lang` attribute. */
  lang?: "id";
  /** Shown under the heading, e.g. "Not translated yet: shown in Indonesian". */
  note?: string;
}

export interface ServiceSheet {
  serviceId: string;
  regionCode: string;
  title: string;
  /** "Agency · Region". */
  subtitle: string;
  /** The record's description, or null when it has none. */
  description: string | null;
  verification: { verified: boolean; text: string };
  sections: SheetSection[];
  /** The online service as a followable link, or null. */
  online: { label: string; href: string } | null;
  /** The sheet's language, and "id" for a title or description that has no translation yet. */
  lang: UiLang;
  titleLang: UiLang;
  descriptionLang: UiLang;
  /** "Draft translation ..." when the language's phrasebook is a draft; null otherwise. */
  translationNote: string | null;
}

export function sheetLabel(key: SheetLabel, lang: UiLang): string {
  return SHEET_LABELS[lang][key];
}

/**
 * The name to show in a language: the English name where there is one, the Indonesian name
 * otherwise (an empty `nameEn` means nobody translated it yet).
 */
export function localName(x: { name: string; nameEn?: string | null }, lang: UiLang): string {
  return lang === "en" && x.nameEn ? x.nameEn : x.name;
}

/**
 * A link every surface may follow: https only. Data never injects `javascript:` or `data:`, and a
 * citizen is never sent to an unencrypted page; such a value is still shown, as text.
 */
export function safeWebUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** The verification line: the dated check when verified, otherwise what the citizen should do. */
export function verificationText(service: Pick<Service, "verified" | "lastVerified" | "source">, lang: UiLang): { verified: boolean; text: string } {
  if (service.verified && service.lastVerified) {
    return { verified: true, text: sheetLabel("lastVerified", lang).replace("{date}", formatVerifiedDate(service.lastVerified, lang) + verifiedAgeNote(service.lastVerified, lang)) };
  }
  return { verified: false, text: sheetLabel(service.source ? "unverified" : "unverifiedNoSource", lang) };
}

/** What a row of a service list says besides the name: the fee, and "not verified" when so. */
export function serviceRow(s: Pick<ServiceSummary, "name" | "nameEn" | "fee" | "verified">, lang: UiLang): { name: string; fee: string; notVerified: string | null } {
  return { name: localName(s, lang), fee: formatRupiah(s.fee.amount, lang), notVerified: s.verified ? null : sheetLabel("notVerified", lang) };
}

/**
 * The sheet of `service` in `lang`. Texts come from the catalog (Indonesian) translated by the
 * language's phrasebook (`book`, data/translations/); a field with no translation stays in
 * Indonesian and its section says so (`note`, `lang: "id"`), never a silent mix of languages.
 */
export function serviceSheet(original: Service, lang: UiLang, book: Phrasebook | null = null): ServiceSheet {
  const localized = localizeService(original, lang, book);
  const service = localized.service;
  const missing = new Set<TranslatableField>(localized.untranslated);
  const unknown = unknownLabel(lang);
  const text = (value: string | null) => [{ text: value && value.trim() ? value : unknown }];
  const list = (values: readonly string[]) => (values.length > 0 ? values.map((v) => ({ text: v })) : [{ text: unknown }]);
  const section = (id: SheetSectionId, lines: SheetLine[], ordered = false, field?: TranslatableField): SheetSection => {
    const s: SheetSection = { id, heading: sheetLabel(id, lang), lines, ordered };
    if (field && missing.has(field)) { s.lang = "id"; s.note = sheetLabel("notTranslated", lang); }
    return s;
  };
  const link = (textValue: string, url: string | null): SheetLine => {
    const href = safeWebUrl(url);
    return href ? { text: textValue, href } : { text: textValue };
  };
  const online = safeWebUrl(service.onlineUrl);
  const source = section("source", text(service.source));
  if (lang !== "id" && service.source) { source.lang = "id"; source.note = sheetLabel("sourceOriginal", lang); }

  return {
    serviceId: service.id,
    regionCode: service.regionCode,
    title: service.name,
    subtitle: `${service.agencyName} · ${service.regionName}`,
    description: service.description.trim() ? service.description : null,
    verification: verificationText(service, lang),
    sections: [
      section("fee", [{ text: formatRupiah(service.fee.amount, lang) }, ...(service.fee.note ? [{ text: service.fee.note }] : [])], false, "fee"),
      section("requirements", list(service.requirements), false, "requirements"),
      section("steps", list(service.steps), service.steps.length > 0, "steps"),
      section("duration", text(service.duration), false, "duration"),
      section("hours", text(service.hours), false, "hours"),
      section("product", text(service.product), false, "product"),
      section("legalBasis", list(service.legalBasis), false, "legalBasis"),
      section("complaints", service.complaintChannels.length > 0
        ? service.complaintChannels.map((c) => link(`${c.label}: ${c.value ?? sheetLabel("askAtCounter", lang)}`, c.value))
        : [{ text: unknown }]),
      section("online", service.onlineUrl ? [link(service.onlineUrl, service.onlineUrl)] : [{ text: unknown }]),
      source,
    ],
    online: online ? { label: sheetLabel("online", lang), href: online } : null,
    lang,
    titleLang: missing.has("name") ? "id" : lang,
    descriptionLang: missing.has("description") ? "id" : lang,
    translationNote: localized.draft ? sheetLabel("draftTranslation", lang) : null,
  };
}

// One service as every surface shows it. The 3D kiosk panel, its DOM mirror (both through
// src/app/kiosk/screens/service.ts) and the /layanan HTML page (src/server/html/render.ts) render
// this description, so they cannot disagree on a heading, a fallback or which links are followed.
// Pure: no DOM, no Babylon; the language is a parameter and every label is in SHEET_LABELS.
import { formatRupiah, formatVerifiedDate, unknownLabel, type Lang } from "./format";
import { verifiedAgeNote } from "./admin/review-age";
import type { Service, ServiceSummary } from "./types";

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
  },
} as const satisfies Record<Lang, Record<string, string>>;

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
}

export function sheetLabel(key: SheetLabel, lang: Lang): string {
  return SHEET_LABELS[lang][key];
}

/**
 * The name to show in a language: the English name where there is one, the Indonesian name
 * otherwise (an empty `nameEn` means nobody translated it yet).
 */
export function localName(x: { name: string; nameEn?: string | null }, lang: Lang): string {
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
export function verificationText(service: Pick<Service, "verified" | "lastVerified" | "source">, lang: Lang): { verified: boolean; text: string } {
  if (service.verified && service.lastVerified) {
    return { verified: true, text: sheetLabel("lastVerified", lang).replace("{date}", formatVerifiedDate(service.lastVerified, lang) + verifiedAgeNote(service.lastVerified, lang)) };
  }
  return { verified: false, text: sheetLabel(service.source ? "unverified" : "unverifiedNoSource", lang) };
}

/** What a row of a service list says besides the name: the fee, and "not verified" when so. */
export function serviceRow(s: Pick<ServiceSummary, "name" | "nameEn" | "fee" | "verified">, lang: Lang): { name: string; fee: string; notVerified: string | null } {
  return { name: localName(s, lang), fee: formatRupiah(s.fee.amount, lang), notVerified: s.verified ? null : sheetLabel("notVerified", lang) };
}

export function serviceSheet(service: Service, lang: Lang): ServiceSheet {
  const unknown = unknownLabel(lang);
  const text = (value: string | null) => [{ text: value && value.trim() ? value : unknown }];
  const list = (values: readonly string[]) => (values.length > 0 ? values.map((v) => ({ text: v })) : [{ text: unknown }]);
  const section = (id: SheetSectionId, lines: SheetLine[], ordered = false): SheetSection => ({ id, heading: sheetLabel(id, lang), lines, ordered });
  const link = (textValue: string, url: string | null): SheetLine => {
    const href = safeWebUrl(url);
    return href ? { text: textValue, href } : { text: textValue };
  };
  const online = safeWebUrl(service.onlineUrl);

  return {
    serviceId: service.id,
    regionCode: service.regionCode,
    title: localName(service, lang),
    subtitle: `${service.agencyName} · ${service.regionName}`,
    description: service.description.trim() ? service.description : null,
    verification: verificationText(service, lang),
    sections: [
      section("fee", [{ text: formatRupiah(service.fee.amount, lang) }, ...(service.fee.note ? [{ text: service.fee.note }] : [])]),
      section("requirements", list(service.requirements)),
      section("steps", list(service.steps), service.steps.length > 0),
      section("duration", text(service.duration)),
      section("hours", text(service.hours)),
      section("product", text(service.product)),
      section("legalBasis", list(service.legalBasis)),
      section("complaints", service.complaintChannels.length > 0
        ? service.complaintChannels.map((c) => link(`${c.label}: ${c.value ?? sheetLabel("askAtCounter", lang)}`, c.value))
        : [{ text: unknown }]),
      section("online", service.onlineUrl ? [link(service.onlineUrl, service.onlineUrl)] : [{ text: unknown }]),
      section("source", text(service.source)),
    ],
    online: online ? { label: sheetLabel("online", lang), href: online } : null,
  };
}

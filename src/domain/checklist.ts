// A service's requirements as a checklist to take home: a plain-text file (download, /layanan's
// "daftar-periksa.txt") and the same lines for print. Built from the service sheet, so it says
// what the kiosk says, in the visitor's language, with the verification line and the link back.
import type { UiLang } from "./words/langs";
import type { LocalVisit } from "./visit";

const LABELS = {
  id: { head: "Daftar periksa", bring: "Bawa dokumen ini", steps: "Prosedur", fee: "Biaya", where: "Tempat", hours: "Jam buka", link: "Informasi lengkap", untranslated: "(belum diterjemahkan)" },
  en: { head: "Checklist", bring: "Bring these documents", steps: "Procedure", fee: "Fee", where: "Where", hours: "Opening hours", link: "Full information", untranslated: "(not translated yet: in Indonesian)" },
  su: { head: "Daptar pariksa", bring: "Mangga candak dokumén ieu", steps: "Prosedur", fee: "Biaya", where: "Tempat", hours: "Waktos muka", link: "Émbaran lengkep", untranslated: "(teu acan ditarjamahkeun: dina basa Indonésia)" },
} as const satisfies Record<UiLang, Record<string, string>>;

/** What a checklist is made of: a service sheet (domain/service-sheet.ts) or the kiosk view made from one. */
export interface ChecklistSource {
  title: string;
  subtitle: string | null;
  sections: readonly { id?: string; lines: readonly { text: string }[]; lang?: string }[];
  /** The verification line ("Belum diverifikasi: ..."). */
  verification: string | null;
}

/** The checklist as text lines ("[ ] KTP-el"); `url` is the service's page to come back to. */
export function checklistLines(sheet: ChecklistSource, lang: UiLang, url: string, visit: LocalVisit | null = null): string[] {
  const l = LABELS[lang];
  const section = (id: string) => sheet.sections.find((s) => s.id === id);
  const req = section("requirements");
  const steps = section("steps");
  const fee = section("fee");
  const mark = (s: { lang?: string } | undefined) => (s?.lang && s.lang !== lang ? ` ${l.untranslated}` : "");
  const lines = [
    `MPP Digital Jawa Barat · ${l.head}`,
    sheet.title,
    ...(sheet.subtitle ? [sheet.subtitle] : []),
    "",
    `${l.bring}${mark(req)}:`,
    ...(req?.lines ?? []).map((x) => `[ ] ${x.text}`),
    "",
    `${l.steps}${mark(steps)}:`,
    ...(steps?.lines ?? []).map((x, i) => `${i + 1}. ${x.text}`),
    "",
    `${l.fee}: ${(fee?.lines ?? []).map((x) => x.text).join(" · ")}`,
  ];
  if (visit) {
    lines.push("", `${l.where}: ${visit.name}${visit.address ? `, ${visit.address.text.text}` : ""}`);
    for (const h of visit.hours) lines.push(`${l.hours} (${h.label.text}): ${h.text.text}`);
  }
  lines.push("", ...(sheet.verification ? [sheet.verification] : []), `${l.link}: ${url}`);
  return lines;
}

/** The checklist file's text: CRLF line ends, so Notepad on an old Windows PC shows the lines. */
export function checklistText(sheet: ChecklistSource, lang: UiLang, url: string, visit: LocalVisit | null = null): string {
  return checklistLines(sheet, lang, url, visit).join("\r\n") + "\r\n";
}

/** A file name for the download: "daftar-periksa-3273-imigrasi-paspor-biasa.txt". */
export function checklistFileName(serviceId: string, lang: UiLang): string {
  const word = lang === "en" ? "checklist" : lang === "su" ? "daptar-pariksa" : "daftar-periksa";
  return `${word}-${serviceId.replace(/[^a-z0-9-]/gi, "")}.txt`;
}

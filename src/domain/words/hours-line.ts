// The one generated catalog text: the region's MPP hours line the seed writes into a service's
// `hours` ("Jam buka Mal Pelayanan Publik Kota Bandung (per 2025-03-25): Senin–Kamis 07.30–13.30;
// Jumat 07.30–14.00; Sabtu, Minggu: belum diketahui"; catalog/seed.ts mppHoursLine and
// mpp-load.ts hoursText). It cannot be in a phrasebook, so it is translated by its grammar here.

const WORDS = {
  en: {
    days: { Senin: "Monday", Selasa: "Tuesday", Rabu: "Wednesday", Kamis: "Thursday", Jumat: "Friday", Sabtu: "Saturday", Minggu: "Sunday" },
    everyDay: "Every day", closed: "closed", unknown: "not known",
    head: (mpp: string, asOf: string) => `Opening hours of ${mpp} (${asOf})`,
    asOf: (date: string) => `as of ${date}`, undated: "undated source",
  },
  su: {
    days: { Senin: "Senén", Selasa: "Salasa", Rabu: "Rebo", Kamis: "Kemis", Jumat: "Jumaah", Sabtu: "Saptu", Minggu: "Minggu" },
    everyDay: "Unggal dinten", closed: "tutup", unknown: "teu acan kauninga",
    head: (mpp: string, asOf: string) => `Waktos muka ${mpp} (${asOf})`,
    asOf: (date: string) => `kaayaan kaping ${date}`, undated: "sumberna teu aya titimangsana",
  },
} as const;

const LINE = /^Jam buka (.+?) \((?:per (\d{4}-\d{2}-\d{2})|(sumber tanpa tanggal))\): (.+)$/;

/** The days-and-clocks part (mpp-load.ts hoursText) in English or Sundanese; null when it has words the grammar does not know. */
export function translateHoursText(text: string, lang: "en" | "su"): string | null {
  const w = WORDS[lang];
  const days = w.days as Record<string, string>;
  const body = text
    .replace(/Setiap hari/g, w.everyDay)
    .replace(/belum diketahui/g, w.unknown)
    .replace(/\btutup\b/g, w.closed)
    .replace(/\b(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b/g, (d) => days[d]!);
  // Anything left in Indonesian (a word the grammar above does not know) means no translation.
  return /\b(dan|atau|hari|buka)\b/.test(body) ? null : body;
}

/** The hours line in English or Sundanese, or null when `text` is not such a line. */
export function translateHoursLine(text: string, lang: "en" | "su"): string | null {
  const m = LINE.exec(text);
  if (!m) return null;
  const w = WORDS[lang];
  const body = translateHoursText(m[4]!, lang);
  return body === null ? null : `${w.head(m[1]!, m[2] ? w.asOf(m[2]) : w.undated)}: ${body}`;
}

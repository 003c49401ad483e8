// Dates, times and rupiah as citizens in West Java read them. All dates are shown in
// Asia/Jakarta (WIB) whatever the device's zone, so a kiosk and a phone agree.
// Rupiah comes from src/domain/format.ts so the kiosks and the plain /layanan list agree.
import type { Lang } from "./strings";

const ZONE = "Asia/Jakarta";
const LOCALE: Record<Lang, string> = { id: "id-ID", en: "en-GB" };
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Accepts a Date, an ISO date ("2023-03-07") or an ISO timestamp; throws on anything else. */
export function toDate(value: Date | string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("format: invalid Date");
    return value;
  }
  const m = ISO_DATE.exec(value);
  // A bare date means that calendar day in Jakarta: noon UTC is that day in every zone
  // from UTC-11 to UTC+11, so formatting in WIB (UTC+7) never shifts it.
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)) : new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`format: not a date: ${JSON.stringify(value)}`);
  return d;
}

/** "27 Nov 2026" (both languages share the day-month-year order). */
export function formatDate(value: Date | string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: "numeric", month: "short", year: "numeric", timeZone: ZONE,
  }).format(toDate(value));
}

/** "27 Nov 2026, 14.05 WIB" (id) / "27 Nov 2026, 14:05 WIB" (en). */
export function formatDateTime(value: Date | string, lang: Lang): string {
  const text = new Intl.DateTimeFormat(LOCALE[lang], {
    day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit",
    hourCycle: "h23", timeZone: ZONE,
  }).format(toDate(value));
  return `${text} WIB`;
}

/** Group digits: "350.000" in Indonesian, "350,000" in English. */
export function formatInteger(n: number, lang: Lang): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`format: not an integer: ${n}`);
  const sep = lang === "id" ? "." : ",";
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return n < 0 ? `-${digits}` : digits;
}

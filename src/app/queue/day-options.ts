// The days of the booking window for one agency, from the server's day answers: shared by the DOM
// booking dialog and the kiosk's queue screens (so it stays out of the QR code's chunk).
import type { Lang, QueueDay } from "../../domain/queue/shapes";
import { WEEKDAY_NAMES, weekdayOf } from "../../domain/time/wib";
import { pickText } from "../i18n/su-layers";

export interface DayOption {
  date: string;
  /** "Sen 02/03" */
  label: string;
  /** Places still bookable for the agency that day; 0 when closed or full. */
  free: number;
  /** Why not, in the visitor's language (closed day, full); null when bookable. */
  reason: string | null;
}

/** One option per day of the window, for one agency, from the server's day answers. */
export function dayOptions(days: readonly QueueDay[], agencyId: string, lang: Lang, words: { full: string; noSlots: string }): DayOption[] {
  return days.map((d) => {
    const [, m, day] = d.date.split("-");
    const w = weekdayOf(d.date);
    const label = `${pickText(lang, { id: WEEKDAY_NAMES.id[w]!, en: WEEKDAY_NAMES.en[w]! }).slice(0, 3)} ${day}/${m}`;
    const a = d.agencies.find((x) => x.agencyId === agencyId);
    const closure = a?.closure ?? d.closure;
    if (!a || !a.open) return { date: d.date, label, free: 0, reason: closure ? closure.name[lang] : words.noSlots };
    const free = a.slots.filter((s) => s.bookable).reduce((n, s) => n + s.remaining, 0);
    return { date: d.date, label, free, reason: free > 0 ? null : a.slots.some((s) => s.reason === "slot_full") ? words.full : words.noSlots };
  });
}

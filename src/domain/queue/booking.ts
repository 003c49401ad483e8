// The booking rules of the online queue: which days and slots can be booked, and why not.
//
//   window:   today up to `windowDays` (7) days ahead, WIB dates;
//   today:    a slot can be booked until `cutoffMinutes` (30) before it starts; a started slot never;
//   closed:   weekends, national holidays, joint leave days and the region's closed days (calendar),
//             weekdays without opening hours, an agency without opening hours at all, and years the
//             holiday calendar does not cover (better no booking than one on an unknown holiday);
//   capacity: slotCapacities(dailyQuota, slots) minus what is booked.
//
// Every refusal has a code, an HTTP status and a message in Indonesian and English.
import type { Calendar } from "../calendar/calendar";
import {
  addDays, compareDates, isIsoDate, parseWallTime, toWib, WEEKDAY_NAMES, weekdayOf, yearOf,
  type IsoDate, type WallTime,
} from "../time/wib";
import { isOpenAt, type WeeklyHours } from "./hours";
import { checkSlotMinutes, DEFAULT_SLOT_MINUTES, slotCapacities, slotsOn, type Slot } from "./slots";

export const QUEUE_ERROR_CODES = [
  "invalid_date", "invalid_slot", "past_date", "closed_day", "outside_hours", "outside_window", "slot_full",
] as const;
export type QueueErrorCode = (typeof QUEUE_ERROR_CODES)[number];

export interface Bilingual { id: string; en: string }

export interface QueuePolicy {
  slotMinutes: number;
  /** How many days after today can still be booked (7: today and the next 7 days). */
  windowDays: number;
  /** Minutes before a slot starts after which it can no longer be booked online today. */
  cutoffMinutes: number;
  /** Bookings an agency takes per day, spread over the slots. */
  dailyQuota: number;
}

export const DEFAULT_QUEUE_POLICY: Readonly<QueuePolicy> = Object.freeze({
  slotMinutes: DEFAULT_SLOT_MINUTES,
  windowDays: 7,
  cutoffMinutes: 30,
  dailyQuota: 100,
});

export interface QueueContext {
  now: Date;
  calendar: Calendar;
  /** The agency's opening hours; null when not entered (then nothing can be booked). */
  hours: WeeklyHours | null;
  policy?: Partial<QueuePolicy>;
}

export type DayClosure = { kind: "weekend" | "libur_nasional" | "cuti_bersama" | "region_closed" | "no_hours" | "no_calendar"; name: Bilingual };

export interface SlotPlan extends Slot {
  capacity: number;
  remaining: number;
  /** Whether a citizen can book it now; when not, why. */
  bookable: boolean;
  reason: QueueErrorCode | null;
}

export interface DayPlan {
  date: IsoDate;
  open: boolean;
  closure: DayClosure | null;
  slots: SlotPlan[];
}

export interface QueueRefusal {
  ok: false;
  code: QueueErrorCode;
  /** 409 for slot_full (someone else took it), 400 for the rest. */
  status: 400 | 409;
  message: Bilingual;
}
export type BookingCheck = { ok: true; slot: Slot; capacity: number; remaining: number } | QueueRefusal;

function policyOf(ctx: QueueContext): QueuePolicy {
  const p = { ...DEFAULT_QUEUE_POLICY, ...ctx.policy };
  checkSlotMinutes(p.slotMinutes);
  for (const k of ["windowDays", "cutoffMinutes", "dailyQuota"] as const) {
    if (!Number.isInteger(p[k]) || p[k] < 0) throw new RangeError(`queue: policy ${k} ${p[k]} must be a whole number >= 0`);
  }
  return p;
}

/** The first and last date that can be booked now. */
export function bookingWindow(now: Date, windowDays = DEFAULT_QUEUE_POLICY.windowDays): { from: IsoDate; to: IsoDate } {
  const today = toWib(now).date;
  return { from: today, to: addDays(today, windowDays) };
}

/** Why the agency's counters are closed on a date, or null when they are open. */
export function dayClosure(date: IsoDate, ctx: Pick<QueueContext, "calendar" | "hours">): DayClosure | null {
  if (!ctx.calendar.isCovered(date)) {
    const y = yearOf(date);
    return { kind: "no_calendar", name: { id: `kalender libur ${y} belum tersedia`, en: `the ${y} holiday calendar is not loaded yet` } };
  }
  const c = ctx.calendar.closure(date);
  if (c) return c;
  if (ctx.hours === null) return { kind: "no_hours", name: { id: "jam layanan belum diisi", en: "opening hours not entered" } };
  if ((ctx.hours[weekdayOf(date)] ?? []).length === 0) {
    const wd = weekdayOf(date);
    return { kind: "no_hours", name: { id: `tidak buka hari ${WEEKDAY_NAMES.id[wd]}`, en: `not open on ${WEEKDAY_NAMES.en[wd]}s` } };
  }
  return null;
}

/**
 * The day's slots with capacity, remaining places and whether each can be booked now.
 * `booked` maps a slot's start ("08:00") to the places taken (cancelled bookings not counted).
 */
export function planDay(date: IsoDate, ctx: QueueContext, booked: Readonly<Record<WallTime, number>> = {}): DayPlan {
  if (!isIsoDate(date)) throw new RangeError(`queue: bad date ${JSON.stringify(date)}`);
  const policy = policyOf(ctx);
  const closure = dayClosure(date, ctx);
  if (closure || ctx.hours === null) return { date, open: false, closure, slots: [] };
  const slots = slotsOn(ctx.hours, date, policy.slotMinutes);
  const capacities = slotCapacities(policy.dailyQuota, slots.length);
  const window = bookingWindow(ctx.now, policy.windowDays);
  const now = toWib(ctx.now);
  const plans = slots.map((slot, i): SlotPlan => {
    const capacity = capacities[i] ?? 0;
    const remaining = Math.max(0, capacity - (booked[slot.start] ?? 0));
    let reason: QueueErrorCode | null = null;
    if (compareDates(date, window.from) < 0) reason = "past_date";
    else if (compareDates(date, window.to) > 0) reason = "outside_window";
    else if (date === now.date && slot.startMinutes <= now.minutes) reason = "past_date";
    else if (date === now.date && slot.startMinutes - now.minutes < policy.cutoffMinutes) reason = "outside_window";
    else if (remaining === 0) reason = "slot_full";
    return { ...slot, capacity, remaining, bookable: reason === null, reason };
  });
  return { date, open: true, closure: null, slots: plans };
}

/** Checks a booking request for `date` and `slot` ("08:30") against every rule, most basic first. */
export function checkBooking(date: unknown, slot: unknown, ctx: QueueContext, booked: Readonly<Record<WallTime, number>> = {}): BookingCheck {
  if (!isIsoDate(date)) return refuse("invalid_date", {});
  if (typeof slot !== "string" || parseWallTime(slot) === null) return refuse("invalid_slot", {});
  const policy = policyOf(ctx);
  const window = bookingWindow(ctx.now, policy.windowDays);
  if (compareDates(date, window.from) < 0) return refuse("past_date", { date });
  if (compareDates(date, window.to) > 0) return refuse("outside_window", { date, windowEnd: window.to, windowDays: policy.windowDays });
  const plan = planDay(date, ctx, booked);
  if (!plan.open) return refuse("closed_day", { date, reason: plan.closure?.name });
  const s = plan.slots.find((p) => p.start === slot);
  if (!s) return refuse("outside_hours", { date, slot, first: plan.slots[0]?.start, last: plan.slots.at(-1)?.start });
  if (s.reason === "outside_window") return refuse("outside_window", { date, slot, cutoff: policy.cutoffMinutes });
  if (s.reason) return refuse(s.reason, { date, slot });
  const { capacity, remaining, reason: _r, bookable: _b, ...bare } = s;
  return { ok: true, slot: bare, capacity, remaining };
}

/** Whether a walk-in number can be given now (counters open at this minute of a working day). */
export function checkWalkIn(ctx: Pick<QueueContext, "now" | "calendar" | "hours">): { ok: true; date: IsoDate } | QueueRefusal {
  const now = toWib(ctx.now);
  const closure = dayClosure(now.date, ctx);
  if (closure || ctx.hours === null) return refuse("closed_day", { date: now.date, reason: closure?.name });
  const intervals = ctx.hours[weekdayOf(now.date)] ?? [];
  if (!isOpenAt(ctx.hours, now.date, now.minutes)) return refuse("outside_hours", { date: now.date, slot: now.time, hours: intervals.map((iv) => `${iv.open}-${iv.close}`).join(", ") });
  return { ok: true, date: now.date };
}

interface MessageParams {
  date?: IsoDate;
  slot?: string;
  reason?: Bilingual | undefined;
  windowEnd?: IsoDate;
  windowDays?: number;
  cutoff?: number;
  first?: string | undefined;
  last?: string | undefined;
  hours?: string;
}

/** The bilingual message of a refusal; exported so routes can build the JSON error. */
export function queueErrorMessage(code: QueueErrorCode, p: MessageParams): Bilingual {
  switch (code) {
    case "invalid_date":
      return { id: "Tanggal tidak valid. Gunakan format TTTT-BB-HH, misalnya 2026-03-02.", en: "Invalid date. Use YYYY-MM-DD, e.g. 2026-03-02." };
    case "invalid_slot":
      return { id: "Jam tidak valid. Gunakan format JJ:MM, misalnya 08:30.", en: "Invalid time. Use HH:MM, e.g. 08:30." };
    case "past_date":
      return p.slot
        ? { id: `Slot ${p.slot} pada ${p.date} sudah lewat. Pilih slot yang lebih lambat.`, en: `The ${p.slot} slot on ${p.date} has already passed. Choose a later slot.` }
        : { id: `Tanggal ${p.date} sudah lewat.`, en: `${p.date} is in the past.` };
    case "closed_day":
      return {
        id: `MPP tidak melayani pada ${p.date}${p.reason ? ` (${p.reason.id})` : ""}. Pilih hari lain.`,
        en: `The MPP does not serve on ${p.date}${p.reason ? ` (${p.reason.en})` : ""}. Choose another day.`,
      };
    case "outside_hours":
      if (p.hours !== undefined) {
        return { id: `Loket sedang tutup. Jam layanan hari ini: ${p.hours}.`, en: `The counters are closed now. Today's hours: ${p.hours}.` };
      }
      return {
        id: `${p.slot} bukan slot layanan pada ${p.date}. Slot tersedia dari ${p.first} sampai ${p.last}.`,
        en: `${p.slot} is not a service slot on ${p.date}. Slots run from ${p.first} to ${p.last}.`,
      };
    case "outside_window":
      return p.cutoff !== undefined
        ? { id: `Pendaftaran online slot ${p.slot} hari ini sudah ditutup (${p.cutoff} menit sebelum mulai). Ambil nomor di loket atau pilih slot lain.`, en: `Online booking for today's ${p.slot} slot has closed (${p.cutoff} minutes before it starts). Take a number at the MPP or choose another slot.` }
        : { id: `Antrean online bisa diambil paling jauh ${p.windowDays} hari ke depan, sampai ${p.windowEnd}.`, en: `Online queue numbers can be taken at most ${p.windowDays} days ahead, until ${p.windowEnd}.` };
    case "slot_full":
      return { id: `Slot ${p.slot} pada ${p.date} sudah penuh. Pilih slot lain.`, en: `The ${p.slot} slot on ${p.date} is full. Choose another slot.` };
  }
}

function refuse(code: QueueErrorCode, p: MessageParams): QueueRefusal {
  return { ok: false, code, status: code === "slot_full" ? 409 : 400, message: queueErrorMessage(code, p) };
}

// Dates and wall times in Asia/Jakarta (WIB, UTC+7, no daylight saving since 1964), computed with
// plain UTC arithmetic so the answer never depends on the server's TZ. Intl with timeZone would work
// too, but Node builds without full ICU and small-icu containers have broken it before; a fixed
// offset is exact for WIB and needs nothing.
//
// Conventions used by every domain module:
//   IsoDate  "YYYY-MM-DD", a calendar day in WIB (no time, no zone);
//   WallTime "HH:MM", a time of day on a WIB wall clock, 00:00..23:59;
//   instants are Date objects (absolute points in time).

export const WIB_TIME_ZONE = "Asia/Jakarta";
export const WIB_OFFSET_MINUTES = 7 * 60;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export type IsoDate = string;
export type WallTime = string;
/** 0 = Sunday (Minggu) .. 6 = Saturday (Sabtu), as Date.getUTCDay(). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Year, month (1-12) and day of a valid IsoDate, or null for anything else ("2026-02-30" is null). */
export function parseIsoDate(value: unknown): { year: number; month: number; day: number } | null {
  if (typeof value !== "string") return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1970 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function requireDate(date: IsoDate, what = "date"): { year: number; month: number; day: number } {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`wib: bad ${what} ${JSON.stringify(date)}, expected a real YYYY-MM-DD date`);
  return p;
}

/** Minutes since midnight of a WallTime ("08:30" -> 510), or null when it is not HH:MM 00:00..23:59. */
export function parseWallTime(value: unknown): number | null {
  if (typeof value !== "string") return null;
  const m = WALL_TIME.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** "HH:MM" for minutes since midnight; 1440 is allowed and written "24:00" (end of the day). */
export function formatWallTime(minutes: number): WallTime {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw new RangeError(`wib: minutes ${minutes} outside 0..1440`);
  }
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Day number since 1970-01-01 of a date, for arithmetic. */
function dayNumber(date: IsoDate): number {
  const { year, month, day } = requireDate(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The WIB calendar date and wall time of an instant. */
export function toWib(instant: Date): { date: IsoDate; time: WallTime; minutes: number } {
  const t = instant.getTime();
  if (!Number.isFinite(t)) throw new RangeError("wib: invalid Date");
  const shifted = new Date(t + WIB_OFFSET_MINUTES * MS_PER_MINUTE);
  const minutes = shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
  return { date: shifted.toISOString().slice(0, 10), time: formatWallTime(minutes), minutes };
}

/** Today's date in WIB (the date a citizen in Bandung sees on the wall calendar). */
export function todayWib(now: Date = new Date()): IsoDate {
  return toWib(now).date;
}

/** The instant at which WIB wall clocks show `time` on `date` ("2026-03-02", "08:00" -> 01:00Z). */
export function wibToInstant(date: IsoDate, time: WallTime | number): Date {
  const { year, month, day } = requireDate(date);
  const minutes = typeof time === "number" ? time : parseWallTime(time);
  if (minutes === null || !Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    throw new RangeError(`wib: bad wall time ${JSON.stringify(time)}, expected HH:MM`);
  }
  return new Date(Date.UTC(year, month - 1, day) + (minutes - WIB_OFFSET_MINUTES) * MS_PER_MINUTE);
}

/** Weekday of a date: 0 = Minggu/Sunday .. 6 = Sabtu/Saturday. */
export function weekdayOf(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** `date` plus `days` (negative goes back); month and year ends handled. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`wib: days ${days} is not an integer`);
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** -1, 0 or 1, for sorting dates. Valid IsoDates sort as strings; this also checks them. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = daysBetween(b, a);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

/** The year of a date, as a number. */
export function yearOf(date: IsoDate): number {
  return requireDate(date).year;
}

/** Weekday names for messages, Indonesian and English, indexed by Weekday. */
export const WEEKDAY_NAMES = {
  id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
  en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
} as const;

// Working days for one region's MPP: Saturday and Sunday off, national holidays and joint leave days
// off (from the SKB files), plus the region's own closed days a region admin enters (and open days
// that override a joint leave day or a weekend, e.g. an MPP open on Saturday mornings).
//
// Counting convention (the one SP4N-LAPOR! deadlines and "within N working days" use): day 0 is the
// given date, and the count starts the next working day. addWorkingDays(d, n) is the n-th working day
// after d; workingDaysBetween(a, b) counts working days in (a, b]; so
// workingDaysBetween(a, addWorkingDays(a, n)) === n.
import { addDays, compareDates, isIsoDate, weekdayOf, yearOf, type IsoDate, type Weekday } from "../time/wib";
import type { HolidayFile, HolidayKind } from "./holidays";

export interface Bilingual { id: string; en: string }

/** A day a region's MPP is closed besides the national calendar (a region admin edits these). */
export interface RegionClosedDay { date: IsoDate; reason: Bilingual }

export type ClosureKind = "weekend" | HolidayKind | "region_closed";
export interface Closure { kind: ClosureKind; name: Bilingual }

export interface CalendarOptions {
  /** National holiday files (data/calendar). */
  holidays: readonly HolidayFile[];
  /** Region-specific closed days. */
  regionClosed?: readonly RegionClosedDay[];
  /** Region-specific open days: open even on a weekend or a cuti bersama day (never on a libur nasional). */
  regionOpen?: readonly IsoDate[];
  /** Weekly days off; default Saturday and Sunday. */
  weekend?: readonly Weekday[];
  /** Whether cuti bersama closes the MPP; default true (its ASN staff are on joint leave). */
  cutiBersamaClosed?: boolean;
}

const DEFAULTS = { weekend: [0, 6] as readonly Weekday[], cutiBersamaClosed: true };
const WEEKEND_NAME: Bilingual = { id: "Akhir pekan", en: "Weekend" };
/** Longest stretch without a working day the search functions accept before calling the data broken. */
const MAX_SEARCH_DAYS = 366;

export interface Calendar {
  /** Years whose national holidays are known. Other years count weekends and region days only. */
  readonly years: readonly number[];
  isCovered(date: IsoDate): boolean;
  /** Why the MPP is closed on `date`, or null when it is a working day. */
  closure(date: IsoDate): Closure | null;
  isWorkingDay(date: IsoDate): boolean;
  /** The first working day after `date` (or `date` itself with inclusive: true). */
  nextWorkingDay(date: IsoDate, opts?: { inclusive?: boolean }): IsoDate;
  /** The n-th working day after `date` (n >= 0; n = 0 gives `date`). */
  addWorkingDays(date: IsoDate, n: number): IsoDate;
  /** Working days in (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}

function requireDate(date: IsoDate): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`calendar: bad date ${JSON.stringify(date)}, expected YYYY-MM-DD`);
  return date;
}

export function createCalendar(options: CalendarOptions): Calendar {
  const weekend = new Set(options.weekend ?? DEFAULTS.weekend);
  const cutiClosed = options.cutiBersamaClosed ?? DEFAULTS.cutiBersamaClosed;
  const national = new Map<IsoDate, { kind: HolidayKind; name: Bilingual }>();
  const years = new Set<number>();
  for (const file of options.holidays) {
    if (years.has(file.year)) throw new Error(`calendar: two holiday files for ${file.year}`);
    years.add(file.year);
    for (const d of file.days) national.set(d.date, { kind: d.kind, name: d.name });
  }
  const regionClosed = new Map<IsoDate, Bilingual>();
  for (const c of options.regionClosed ?? []) {
    if (!isIsoDate(c.date)) throw new RangeError(`calendar: bad region closed day ${JSON.stringify(c.date)}`);
    regionClosed.set(c.date, c.reason);
  }
  const regionOpen = new Set<IsoDate>();
  for (const d of options.regionOpen ?? []) {
    if (!isIsoDate(d)) throw new RangeError(`calendar: bad region open day ${JSON.stringify(d)}`);
    regionOpen.add(d);
  }

  function closure(date: IsoDate): Closure | null {
    requireDate(date);
    const region = regionClosed.get(date);
    if (region) return { kind: "region_closed", name: region };
    const holiday = national.get(date);
    // A libur nasional closes every office; a region cannot open on one.
    if (holiday?.kind === "libur_nasional") return { kind: holiday.kind, name: holiday.name };
    if (regionOpen.has(date)) return null;
    if (holiday && cutiClosed) return { kind: holiday.kind, name: holiday.name };
    if (weekend.has(weekdayOf(date))) return { kind: "weekend", name: WEEKEND_NAME };
    return null;
  }
  const isWorkingDay = (date: IsoDate) => closure(date) === null;

  function nextWorkingDay(date: IsoDate, opts: { inclusive?: boolean } = {}): IsoDate {
    let d = opts.inclusive ? date : addDays(date, 1);
    for (let i = 0; i < MAX_SEARCH_DAYS; i++, d = addDays(d, 1)) if (isWorkingDay(d)) return d;
    throw new Error(`calendar: no working day within ${MAX_SEARCH_DAYS} days after ${date}; check the closed days`);
  }

  function addWorkingDays(date: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`calendar: working days ${n} must be a whole number >= 0`);
    let d = requireDate(date);
    for (let i = 0; i < n; i++) d = nextWorkingDay(d);
    return d;
  }

  function workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const order = compareDates(from, to);
    if (order === 0) return 0;
    if (order > 0) return -workingDaysBetween(to, from);
    let count = 0;
    for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
    return count;
  }

  const sortedYears = [...years].sort((a, b) => a - b);
  return {
    years: sortedYears,
    isCovered: (date) => years.has(yearOf(date)),
    closure,
    isWorkingDay,
    nextWorkingDay,
    addWorkingDays,
    workingDaysBetween,
  };
}

// Opening hours of an agency's counters, per weekday: a list of open intervals ("08:00"-"12:00",
// "13:00"-"15:00" for a lunch break), or an empty list when closed that day. Index 0 is Sunday (Minggu)
// .. 6 Saturday (Sabtu), as weekdayOf() returns. Stored and sent as JSON in exactly this shape.
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { parseWallTime, weekdayOf, type IsoDate, type WallTime } from "../time/wib";

const Time = Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$" });
export const OpenIntervalSchema = Type.Object({ open: Time, close: Time }, { additionalProperties: false });
export const WeeklyHoursSchema = Type.Array(Type.Array(OpenIntervalSchema, { maxItems: 6 }), { minItems: 7, maxItems: 7 });

export type OpenInterval = Static<typeof OpenIntervalSchema>;
/** Seven lists of open intervals, Sunday first. */
export type WeeklyHours = ReadonlyArray<ReadonlyArray<OpenInterval>>;

export class OpeningHoursError extends Error {
  constructor(readonly path: string, detail: string) {
    super(`opening hours${path ? ` at ${path}` : ""}: ${detail}`);
    this.name = "OpeningHoursError";
  }
}

/** Minutes since midnight of an interval end; "24:00" is the end of the day. */
function minutesOf(t: WallTime): number {
  return t === "24:00" ? 1440 : (parseWallTime(t) as number);
}

/**
 * Checks opening hours from a data file, the database or an admin form, and returns them with each
 * day's intervals sorted. Refuses an interval that ends before it opens and overlapping intervals.
 */
export function parseWeeklyHours(input: unknown): WeeklyHours {
  const first = Value.Errors(WeeklyHoursSchema, input).First();
  if (first) throw new OpeningHoursError(first.path || "/", first.message);
  return (input as OpenInterval[][]).map((day, weekday) => {
    const sorted = [...day].sort((a, b) => minutesOf(a.open) - minutesOf(b.open));
    sorted.forEach((iv, i) => {
      if (minutesOf(iv.open) >= minutesOf(iv.close)) {
        throw new OpeningHoursError(`/${weekday}`, `${iv.open}-${iv.close} closes before it opens`);
      }
      const prev = sorted[i - 1];
      if (prev && minutesOf(iv.open) < minutesOf(prev.close)) {
        throw new OpeningHoursError(`/${weekday}`, `${prev.open}-${prev.close} and ${iv.open}-${iv.close} overlap`);
      }
    });
    return sorted.map((iv) => ({ open: iv.open, close: iv.close }));
  });
}

/** The open intervals on a date, as minutes since midnight. */
export function intervalsOn(hours: WeeklyHours, date: IsoDate): Array<{ open: number; close: number }> {
  return (hours[weekdayOf(date)] ?? []).map((iv) => ({ open: minutesOf(iv.open), close: minutesOf(iv.close) }));
}

/** Whether the counters are open at a wall-clock minute of a date (open <= t < close). */
export function isOpenAt(hours: WeeklyHours, date: IsoDate, minute: number): boolean {
  return intervalsOn(hours, date).some((iv) => minute >= iv.open && minute < iv.close);
}

/** An example for tests and demo seeds, not a sourced fact: Mon-Thu 08:00-12:00 and 13:00-15:00, Fri 08:00-11:30 and 13:00-15:00. */
export const EXAMPLE_WEEKLY_HOURS: WeeklyHours = parseWeeklyHours([
  [],
  [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }],
  [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }],
  [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }],
  [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }],
  [{ open: "08:00", close: "11:30" }, { open: "13:00", close: "15:00" }],
  [],
]);

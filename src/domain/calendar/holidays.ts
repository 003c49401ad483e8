// Indonesia's national holidays (hari libur nasional) and joint leave days (cuti bersama), one data
// file per year (data/calendar/holidays-YYYY.json), each transcribed from that year's SKB 3 Menteri.
// This module declares the file's shape once (TypeBox) and turns a parsed file into checked data,
// with an error naming the file and the field for anything wrong. Reading the files from disk is in
// ./load.ts, so this module stays free of I/O and runs in the browser too.
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { parseIsoDate, weekdayOf, WEEKDAY_NAMES, type IsoDate } from "../time/wib";

export const HOLIDAY_KINDS = ["libur_nasional", "cuti_bersama"] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

const Text = Type.String({ minLength: 1, maxLength: 300 });
const Bilingual = Type.Object({ id: Text, en: Text }, { additionalProperties: false });
const DateString = Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });

export const HolidayDaySchema = Type.Object({
  date: DateString,
  /** The weekday as printed next to the date in the source ("Kamis"); checked against the date. */
  day: Type.Optional(Type.Union(WEEKDAY_NAMES.id.map((d) => Type.Literal(d)))),
  kind: Type.Union(HOLIDAY_KINDS.map((k) => Type.Literal(k))),
  name: Bilingual,
}, { additionalProperties: false });

export const HolidayFileSchema = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  source: Type.Object({
    title: Type.String({ minLength: 1 }),
    /** The decree's numbers, e.g. "Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025". */
    number: Type.String({ minLength: 1 }),
    signedAt: DateString,
    urls: Type.Array(Type.String({ pattern: "^https://" }), { minItems: 1 }),
    /** true only when the dates were read from the decree (or its official annex) itself. */
    primaryRead: Type.Boolean(),
    checkedAgainst: Type.Array(Type.String({ minLength: 1 })),
    retrieved: DateString,
    note: Type.String(),
  }, { additionalProperties: false }),
  /** The totals the government announced, checked against the days listed. */
  counts: Type.Object({
    libur_nasional: Type.Integer({ minimum: 0 }),
    cuti_bersama: Type.Integer({ minimum: 0 }),
  }, { additionalProperties: false }),
  days: Type.Array(HolidayDaySchema),
}, { additionalProperties: false });

export type HolidayDay = Static<typeof HolidayDaySchema>;
export type HolidayFile = Static<typeof HolidayFileSchema>;

export class HolidayFileError extends Error {
  constructor(readonly file: string, readonly path: string, detail: string) {
    super(`holidays: ${file}${path ? ` at ${path}` : ""}: ${detail}`);
    this.name = "HolidayFileError";
  }
}

/**
 * Checks a parsed holiday file and returns it typed. Beyond the schema: every date is a real date in
 * the file's year, in order, listed once, on the weekday the source printed, and the days of each
 * kind add up to the announced counts (so a dropped or invented day fails loudly).
 */
export function parseHolidayFile(json: unknown, file = "holiday file"): HolidayFile {
  const first = Value.Errors(HolidayFileSchema, json).First();
  if (first) {
    const got = first.value === undefined ? "nothing" : JSON.stringify(first.value)?.slice(0, 60);
    throw new HolidayFileError(file, first.path || "/", `${first.message} (got ${got})`);
  }
  const data = json as HolidayFile;
  let previous: IsoDate | null = null;
  const counts = { libur_nasional: 0, cuti_bersama: 0 };
  data.days.forEach((d, i) => {
    const path = `/days/${i}/date`;
    const p = parseIsoDate(d.date);
    if (!p) throw new HolidayFileError(file, path, `${d.date} is not a real date`);
    if (p.year !== data.year) throw new HolidayFileError(file, path, `${d.date} is not in ${data.year}`);
    if (previous !== null && d.date <= previous) {
      throw new HolidayFileError(file, path, `${d.date} is ${d.date === previous ? "listed twice" : "out of order"}`);
    }
    if (d.day !== undefined && WEEKDAY_NAMES.id[weekdayOf(d.date)] !== d.day) {
      throw new HolidayFileError(file, `/days/${i}/day`, `${d.date} is a ${WEEKDAY_NAMES.id[weekdayOf(d.date)]}, not a ${d.day}`);
    }
    counts[d.kind] += 1;
    previous = d.date;
  });
  for (const kind of HOLIDAY_KINDS) {
    if (counts[kind] !== data.counts[kind]) {
      throw new HolidayFileError(file, `/counts/${kind}`, `the file lists ${counts[kind]} ${kind} days, the decree announced ${data.counts[kind]}`);
    }
  }
  if (!parseIsoDate(data.source.signedAt)) throw new HolidayFileError(file, "/source/signedAt", "not a real date");
  return data;
}

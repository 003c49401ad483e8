// Reads data/mpp/<code>.json (mpp-schema.ts) and checks what the shape cannot: every fact cites
// known sources, every source is cited, intervals are ordered, periods do not contradict each
// other, and the region is one of the 27 with a physical MPP. Also turns opening hours into the
// words a kiosk shows ("Senin–Jumat 08.00–15.00").
import { parseWeeklyHours, type WeeklyHours } from "../queue/hours";
import type { RegionRecord } from "../regions";
import { CatalogError, schemaProblems } from "./load";
import { MppFileSchema, WEEKDAYS, type HoursPeriod, type Interval, type MppFile, type Weekday } from "./mpp-schema";

/** One validated MPP file, with the file name it came from. */
export interface MppInfo extends MppFile {
  file: string;
}

const minutes = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3));

function periodProblems(h: HoursPeriod, where: string): string[] {
  const p: string[] = [];
  for (const day of WEEKDAYS) {
    const intervals = h.days[day];
    if (intervals === null) continue;
    intervals.forEach((iv, i) => {
      if (minutes(iv.open) >= minutes(iv.close)) p.push(`${where}.days.${day}[${i}]: opens at ${iv.open}, not before it closes at ${iv.close}`);
      const prev = intervals[i - 1];
      if (prev && minutes(prev.close) > minutes(iv.open)) p.push(`${where}.days.${day}[${i}]: overlaps or precedes the interval before it`);
    });
  }
  if (h.from !== null && h.until !== null && h.from > h.until) p.push(`${where}.until: ${h.until} is before from ${h.from}`);
  if (WEEKDAYS.every((d) => h.days[d] === null)) p.push(`${where}.days: no day is known; leave the period out instead`);
  return p;
}

/** Parses and checks one MPP file's text. Throws CatalogError with every problem found. */
export function parseMppFile(text: string, file: string): MppInfo {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new CatalogError(file, [`not valid JSON: ${(e as Error).message}`]);
  }
  const shape = schemaProblems(MppFileSchema, data);
  if (shape.length > 0) throw new CatalogError(file, shape);
  const mpp = data as MppFile;
  const p: string[] = [];
  const ids = new Set<string>();
  mpp.sources.forEach((s, i) => {
    if (ids.has(s.id)) p.push(`sources[${i}] (${s.id}).id: duplicate source id`);
    ids.add(s.id);
  });
  const cited = new Set<string>();
  const cite = (where: string, list: readonly string[]) => {
    for (const id of list) {
      cited.add(id);
      if (!ids.has(id)) p.push(`${where}.sources: cites unknown source "${id}"`);
    }
  };
  if (mpp.address) cite("address", mpp.address.sources);
  if (mpp.tenants) cite("tenants", mpp.tenants.sources);
  let openEnded = 0;
  mpp.hours.forEach((h, i) => {
    const where = `hours[${i}] (${h.label})`;
    cite(where, h.sources);
    p.push(...periodProblems(h, where));
    if (h.from === null && h.until === null) openEnded++;
  });
  if (openEnded > 1) p.push("hours: more than one period without dates; only the regular hours are open-ended");
  mpp.sources.forEach((s, i) => {
    if (!cited.has(s.id)) p.push(`sources[${i}] (${s.id}): never cited; remove it or cite it`);
  });
  const base = file.split(/[\\/]/).pop() ?? file;
  if (base !== `${mpp.region}.json`) p.push(`region: "${mpp.region}" must match the file name (${base})`);
  if (p.length > 0) throw new CatalogError(file, p);
  return { file, ...mpp };
}

/**
 * Checks the files against the region table: each names a region that exists and whose physical
 * MPP status is "yes", and no region has two files. Returns them by region code.
 */
export function checkMpps(mpps: readonly MppInfo[], regions: readonly RegionRecord[], knownAgencies?: ReadonlySet<string>): Map<string, MppInfo> {
  const p: string[] = [];
  const byCode = new Map<string, MppInfo>();
  for (const m of mpps) {
    const region = regions.find((r) => r.code === m.region);
    if (!region) p.push(`${m.file}: region ${m.region} is not in the region table`);
    else if (region.physicalMpp.status !== "yes") p.push(`${m.file}: region ${m.region} has physical MPP status "${region.physicalMpp.status}", not "yes"`);
    if (byCode.has(m.region)) p.push(`${m.file}: region ${m.region} also in ${byCode.get(m.region)!.file}`);
    byCode.set(m.region, m);
    m.tenants?.list.forEach((t, i) => {
      for (const slug of t.agencies) {
        if (knownAgencies && !knownAgencies.has(slug)) p.push(`${m.file}: tenants.list[${i}] (${t.name}).agencies: unknown agency "${slug}"`);
      }
    });
  }
  if (p.length > 0) throw new CatalogError("data/mpp", p);
  return byCode;
}

/** The regular (open-ended) hours of an MPP, or null when no source gives them. */
export function regularHours(mpp: MppInfo): HoursPeriod | null {
  return mpp.hours.find((h) => h.until === null) ?? null;
}

const DAY_ID: Record<Weekday, string> = { mon: "Senin", tue: "Selasa", wed: "Rabu", thu: "Kamis", fri: "Jumat", sat: "Sabtu", sun: "Minggu" };
const clockId = (c: string) => c.replace(":", ".");
const dayText = (intervals: readonly Interval[]) =>
  intervals.length === 0 ? "tutup" : intervals.map((iv) => `${clockId(iv.open)}–${clockId(iv.close)}`).join(", ");

/**
 * "Senin–Kamis 08.00–15.00; Jumat 08.00–11.00, 13.00–15.00; Sabtu tutup": consecutive days with
 * the same hours are joined; days no source gives are left out and said to be unknown.
 */
export function hoursText(h: HoursPeriod): string {
  const parts: string[] = [];
  let i = 0;
  while (i < WEEKDAYS.length) {
    const day = WEEKDAYS[i]!;
    const intervals = h.days[day];
    if (intervals === null) { i++; continue; }
    const text = dayText(intervals);
    let j = i;
    while (j + 1 < WEEKDAYS.length && h.days[WEEKDAYS[j + 1]!] !== null && dayText(h.days[WEEKDAYS[j + 1]!]!) === text) j++;
    const days = j === i ? DAY_ID[day] : j === WEEKDAYS.length - 1 && i === 0 ? "Setiap hari" : `${DAY_ID[day]}–${DAY_ID[WEEKDAYS[j]!]}`;
    parts.push(`${days} ${text}`);
    i = j + 1;
  }
  const unknown = WEEKDAYS.filter((d) => h.days[d] === null);
  if (unknown.length > 0) parts.push(`${unknown.map((d) => DAY_ID[d]).join(", ")}: belum diketahui`);
  return parts.join("; ");
}

/**
 * The period's hours in the queue's shape (src/domain/queue/hours.ts: seven lists, Sunday first).
 * A day no source gives becomes closed: the queue books nothing on a day whose hours are unknown.
 */
export function toWeeklyHours(h: HoursPeriod): WeeklyHours {
  const sundayFirst: Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
  return parseWeeklyHours(sundayFirst.map((d) => (h.days[d] ?? []).map((iv) => ({ open: iv.open, close: iv.close }))));
}

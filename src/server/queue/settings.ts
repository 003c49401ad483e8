// What the queue knows about a region's MPP at the moment of a request: its status, the national
// calendar with the region's own closed and open days, and per agency the counters, letter, quota,
// slot length and opening hours (the agency's own, else the MPP's from its record; none: no booking).
// Read from the database on every request (a handful of indexed rows), so an officer's change holds
// at once on every node.
import { fileURLToPath } from "node:url";
import type { Kysely } from "kysely";
import { WEEKDAYS, type WeekHours } from "../../domain/admin/record-fields";
import { createCalendar, type Calendar } from "../../domain/calendar/calendar";
import type { HolidayFile } from "../../domain/calendar/holidays";
import { loadHolidayFiles } from "../../domain/calendar/load";
import { DEFAULT_QUEUE_POLICY, type QueuePolicy } from "../../domain/queue/booking";
import { parseWeeklyHours, type WeeklyHours } from "../../domain/queue/hours";
import { queueLetter } from "../../domain/queue/number";
import type { PhysicalMppStatus } from "../../domain/types";
import type { Database } from "../db/tables";

export const CALENDAR_DIR = fileURLToPath(new URL("../../../data/calendar", import.meta.url));

let holidays: HolidayFile[] | null = null;
/** The SKB holiday files, read and checked once per process (a bad file stops the start with its name). */
export function holidayFiles(dir = CALENDAR_DIR): HolidayFile[] {
  holidays ??= loadHolidayFiles(dir);
  return holidays;
}

export interface QueueCounter { id: string; label: string }

export interface AgencyQueue {
  agencyId: string;
  regionCode: string;
  shortName: string;
  letter: string;
  counters: QueueCounter[];
  dailyQuota: number;
  slotMinutes: number;
  walkInQuota: number | null;
  /** The agency's own hours (null: the MPP's). */
  ownHours: WeeklyHours | null;
  /** What the queue uses; null: none known, nothing can be booked. */
  hours: WeeklyHours | null;
}

export interface RegionDay { date: string; kind: "closed" | "open"; reason: { id: string; en: string } }

export interface RegionQueue {
  code: string;
  name: string;
  mppStatus: PhysicalMppStatus;
  mppHours: WeeklyHours | null;
  days: RegionDay[];
  calendar: Calendar;
  agencies: AgencyQueue[];
}

export interface QueueLimits {
  windowDays: number;
  cutoffMinutes: number;
}

export function policyFor(agency: AgencyQueue, limits: QueueLimits): QueuePolicy {
  return { ...DEFAULT_QUEUE_POLICY, ...limits, dailyQuota: agency.dailyQuota, slotMinutes: agency.slotMinutes };
}

/** The MPP record's hours (Monday-first, null days unknown) in the queue's shape; unknown days are closed. */
export function mppWeeklyHours(text: string | null): WeeklyHours | null {
  if (text === null) return null;
  try {
    const week = JSON.parse(text) as Partial<WeekHours> | null;
    if (!week || typeof week !== "object") return null;
    const days = WEEKDAYS.map((d) => week[d]);
    if (days.every((d) => !Array.isArray(d) || d.length === 0)) return null;
    const sundayFirst = [days[6], ...days.slice(0, 6)].map((d) => (Array.isArray(d) ? d.map((iv) => ({ open: iv.open, close: iv.close })) : []));
    return parseWeeklyHours(sundayFirst);
  } catch {
    // A malformed record gives no hours (no booking) rather than a 500 for every citizen.
    return null;
  }
}

function ownHours(text: string | null): WeeklyHours | null {
  if (text === null) return null;
  try {
    return parseWeeklyHours(JSON.parse(text));
  } catch {
    return null;
  }
}

function defaultLetter(counters: readonly QueueCounter[]): string {
  for (const c of counters) {
    try {
      return queueLetter(c.label);
    } catch {
      // a label without a leading letter: try the next counter
    }
  }
  return "A";
}

/** The region's queue facts, or null for an unknown region. `agencyId` narrows the agencies read. */
export async function loadRegionQueue(db: Kysely<Database>, code: string, agencyId?: string): Promise<RegionQueue | null> {
  const region = await db.selectFrom("regions").select(["code", "name", "mpp_status", "mpp_hours"]).where("code", "=", code).executeTakeFirst();
  if (!region) return null;
  let aq = db.selectFrom("agencies as a")
    .leftJoin("queue_settings as s", "s.agency_id", "a.id")
    .select(["a.id", "a.short_name", "a.sort", "s.daily_quota", "s.slot_minutes", "s.letter", "s.hours", "s.walk_in_quota"])
    .where("a.region_code", "=", code);
  if (agencyId !== undefined) aq = aq.where("a.id", "=", agencyId);
  const [agencies, counters, days] = await Promise.all([
    aq.orderBy("a.sort").orderBy("a.id").execute(),
    db.selectFrom("counters as c").innerJoin("agencies as a", "a.id", "c.agency_id")
      .select(["c.id", "c.label", "c.agency_id"]).where("a.region_code", "=", code)
      .orderBy("c.agency_id").orderBy("c.sort").orderBy("c.id").execute(),
    db.selectFrom("queue_region_days").select(["date", "kind", "reason_id", "reason_en"]).where("region_code", "=", code).orderBy("date").execute(),
  ]);
  const byAgency = new Map<string, QueueCounter[]>();
  for (const c of counters) {
    const list = byAgency.get(c.agency_id) ?? [];
    list.push({ id: c.id, label: c.label });
    byAgency.set(c.agency_id, list);
  }
  const mppHours = mppWeeklyHours(region.mpp_hours);
  const regionDays: RegionDay[] = days.map((d) => ({ date: d.date, kind: d.kind, reason: { id: d.reason_id, en: d.reason_en } }));
  return {
    code: region.code,
    name: region.name,
    mppStatus: region.mpp_status,
    mppHours,
    days: regionDays,
    calendar: createCalendar({
      holidays: holidayFiles(),
      regionClosed: regionDays.filter((d) => d.kind === "closed").map((d) => ({ date: d.date, reason: d.reason })),
      regionOpen: regionDays.filter((d) => d.kind === "open").map((d) => d.date),
    }),
    agencies: agencies.map((a) => {
      const list = byAgency.get(a.id) ?? [];
      const own = ownHours(a.hours ?? null);
      return {
        agencyId: a.id,
        regionCode: code,
        shortName: a.short_name,
        letter: a.letter ?? defaultLetter(list),
        counters: list,
        dailyQuota: a.daily_quota ?? DEFAULT_QUEUE_POLICY.dailyQuota,
        slotMinutes: a.slot_minutes ?? DEFAULT_QUEUE_POLICY.slotMinutes,
        walkInQuota: a.walk_in_quota ?? null,
        ownHours: own,
        hours: own ?? mppHours,
      };
    }),
  };
}

/** The region code of an agency id ("3273-imigrasi" -> "3273"), checked against the database. */
export async function agencyRegion(db: Kysely<Database>, agencyId: string): Promise<string | null> {
  const row = await db.selectFrom("agencies").select("region_code").where("id", "=", agencyId).executeTakeFirst();
  return row?.region_code ?? null;
}

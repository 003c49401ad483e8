// A region admin's queue settings: per agency the daily quota, slot length, letter, own opening hours
// (else the MPP's) and walk-in quota; per region the closed days (an MPP event, a local holiday) and
// open days (a Saturday service day). Changes take effect at once, for new bookings; bookings already
// made keep their slot. Each change writes one audit row in its transaction.
import type { Kysely } from "kysely";
import type { Officer } from "../../domain/admin/roles";
import { createCalendar } from "../../domain/calendar/calendar";
import { OpeningHoursError, parseWeeklyHours } from "../../domain/queue/hours";
import type { AgencySettingsInput } from "../../domain/queue/shapes";
import { compareDates, isIsoDate, todayWib } from "../../domain/time/wib";
import { recordAudit } from "../audit/log";
import type { Db } from "../db/open";
import type { Database } from "../db/tables";
import { QueueFailure, queueMessage } from "./errors";
import { holidayFiles, loadRegionQueue } from "./settings";

export interface AdminContext {
  db: Db;
  now: () => number;
  officer: Officer;
  address: string;
}

const actor = (ctx: AdminContext) => ({ username: ctx.officer.username, role: ctx.officer.role, address: ctx.address });

export async function readSettings(db: Kysely<Database>, code: string) {
  const region = await loadRegionQueue(db, code);
  if (!region) return null;
  return {
    region: region.code,
    physicalMpp: region.mppStatus,
    mppHours: region.mppHours ? region.mppHours.map((d) => [...d]) : null,
    agencies: region.agencies.map((a) => ({
      agencyId: a.agencyId, shortName: a.shortName, dailyQuota: a.dailyQuota, slotMinutes: a.slotMinutes, letter: a.letter,
      hours: a.ownHours ? a.ownHours.map((d) => [...d]) : null, walkInQuota: a.walkInQuota,
      effectiveHours: a.hours ? a.hours.map((d) => [...d]) : null,
    })),
    days: region.days,
  };
}

export async function saveAgencySettings(ctx: AdminContext, agencyId: string, input: AgencySettingsInput): Promise<void> {
  const regionCode = agencyId.slice(0, 4);
  const region = await loadRegionQueue(ctx.db.kysely, regionCode);
  const agency = region?.agencies.find((a) => a.agencyId === agencyId);
  if (!region || !agency) throw new QueueFailure("agency_not_found", queueMessage("agency_not_found"));
  let hours: string | null = null;
  if (input.hours !== null) {
    try {
      hours = JSON.stringify(parseWeeklyHours(input.hours));
    } catch (err) {
      if (!(err instanceof OpeningHoursError)) throw err;
      throw new QueueFailure("invalid_parameter", { id: `Jam layanan tidak valid: ${err.message}`, en: `Opening hours are not valid: ${err.message}` });
    }
  }
  if (region.agencies.some((a) => a.agencyId !== agencyId && a.letter === input.letter)) {
    throw new QueueFailure("letter_taken", queueMessage("letter_taken"));
  }
  const nowIso = new Date(ctx.now()).toISOString();
  const row = {
    daily_quota: input.dailyQuota, slot_minutes: input.slotMinutes, letter: input.letter, hours,
    walk_in_quota: input.walkInQuota, updated_at: nowIso, updated_by: ctx.officer.username,
  };
  const before = { dailyQuota: agency.dailyQuota, slotMinutes: agency.slotMinutes, letter: agency.letter, hours: agency.ownHours, walkInQuota: agency.walkInQuota };
  const after = { dailyQuota: input.dailyQuota, slotMinutes: input.slotMinutes, letter: input.letter, hours: hours ? JSON.parse(hours) as unknown : null, walkInQuota: input.walkInQuota };
  const changes = (Object.keys(after) as Array<keyof typeof after>)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: k, before: before[k], after: after[k] }));
  if (changes.length === 0) return;
  await ctx.db.transaction(async (trx) => {
    await trx.insertInto("queue_settings").values({ agency_id: agencyId, ...row })
      .onConflict((oc) => oc.column("agency_id").doUpdateSet(row)).execute();
    await recordAudit(trx, { actor: actor(ctx), action: "queue.settings", entity: `agency:${agencyId}`, changes, at: nowIso });
  });
}

function checkDay(ctx: AdminContext, date: string): void {
  if (!isIsoDate(date)) throw new QueueFailure("invalid_date", { id: "Tanggal tidak valid. Gunakan format TTTT-BB-HH.", en: "Invalid date. Use YYYY-MM-DD." });
  if (compareDates(date, todayWib(new Date(ctx.now()))) < 0) {
    throw new QueueFailure("past_date", { id: `Tanggal ${date} sudah lewat.`, en: `${date} is in the past.` });
  }
}

export async function setRegionDay(ctx: AdminContext, code: string, date: string, input: { kind: "closed" | "open"; reason: { id: string; en: string } }): Promise<void> {
  checkDay(ctx, date);
  if (input.kind === "open") {
    const national = createCalendar({ holidays: holidayFiles() }).closure(date);
    if (national?.kind === "libur_nasional") {
      throw new QueueFailure("closed_day", {
        id: `${date} adalah hari libur nasional (${national.name.id}); MPP tidak dapat dibuka.`,
        en: `${date} is a national holiday (${national.name.en}); the MPP cannot open.`,
      });
    }
  }
  const nowIso = new Date(ctx.now()).toISOString();
  const reason = { id: input.reason.id.trim(), en: input.reason.en.trim() || input.reason.id.trim() };
  await ctx.db.transaction(async (trx) => {
    const old = await trx.selectFrom("queue_region_days").selectAll().where("region_code", "=", code).where("date", "=", date).executeTakeFirst();
    const row = { kind: input.kind, reason_id: reason.id, reason_en: reason.en, updated_at: nowIso, updated_by: ctx.officer.username };
    await trx.insertInto("queue_region_days").values({ region_code: code, date, ...row })
      .onConflict((oc) => oc.columns(["region_code", "date"]).doUpdateSet(row)).execute();
    await recordAudit(trx, {
      actor: actor(ctx), action: "queue.day", entity: `region:${code}`, at: nowIso,
      changes: [{ field: `day.${date}`, before: old ? { kind: old.kind, reason: { id: old.reason_id, en: old.reason_en } } : null, after: { kind: input.kind, reason } }],
    });
  });
}

export async function deleteRegionDay(ctx: AdminContext, code: string, date: string): Promise<boolean> {
  checkDay(ctx, date);
  const nowIso = new Date(ctx.now()).toISOString();
  return ctx.db.transaction(async (trx) => {
    const old = await trx.selectFrom("queue_region_days").selectAll().where("region_code", "=", code).where("date", "=", date).executeTakeFirst();
    if (!old) return false;
    await trx.deleteFrom("queue_region_days").where("region_code", "=", code).where("date", "=", date).execute();
    await recordAudit(trx, {
      actor: actor(ctx), action: "queue.day", entity: `region:${code}`, at: nowIso,
      changes: [{ field: `day.${date}`, before: { kind: old.kind, reason: { id: old.reason_id, en: old.reason_en } }, after: null }],
    });
    return true;
  });
}

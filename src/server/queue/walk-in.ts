// Walk-in numbers, taken at the lobby's screen (or a ticket machine) for today, while the agency's
// counters are open. The number comes from the agency's day row under its lock (locks.ts), shared
// with the day's bookings: unique and gapless per agency and day on every node. Each ticket also has
// a code (printed with a QR code): once the number is served, its holder opens /?antrean=CODE to
// rate the service once (visit.ts).
import { checkWalkIn } from "../../domain/queue/booking";
import { generateCode } from "../../domain/queue/code";
import { formatQueueNumber } from "../../domain/queue/number";
import type { WalkInTicket } from "../../domain/queue/shapes";
import { toWib } from "../../domain/time/wib";
import type { Db } from "../db/open";
import { fail, QueueFailure, queueMessage } from "./errors";
import { isUniqueViolation } from "./bookings";
import { lockDay } from "./locks";
import { loadRegionQueue } from "./settings";

export async function takeWalkIn(deps: { db: Db; now: () => number }, agencyId: string): Promise<WalkInTicket> {
  const { db } = deps;
  const now = new Date(deps.now());
  const regionCode = agencyId.slice(0, 4);
  const region = await loadRegionQueue(db.kysely, regionCode, agencyId);
  const agency = region?.agencies[0];
  if (!region || !agency) throw new QueueFailure("agency_not_found", queueMessage("agency_not_found"));
  if (region.mppStatus !== "yes") throw new QueueFailure("no_physical_mpp", queueMessage("no_physical_mpp"));
  const open = checkWalkIn({ now, calendar: region.calendar, hours: agency.counters.length > 0 ? agency.hours : null });
  if (!open.ok) fail(open);
  const date = open.date;
  const nowIso = now.toISOString();
  const take = () => db.transaction(async (trx) => {
    const seq = await lockDay(trx, agencyId, date, true);
    if (agency.walkInQuota !== null) {
      const taken = await trx.selectFrom("queue_tickets").select((eb) => eb.fn.countAll<number>().as("n"))
        .where("agency_id", "=", agencyId).where("date", "=", date).where("kind", "=", "walk_in").executeTakeFirstOrThrow();
      if (Number(taken.n) >= agency.walkInQuota) throw new QueueFailure("walk_in_full", queueMessage("walk_in_full"));
    }
    const inserted = await trx.insertInto("queue_tickets").values({
      kind: "walk_in", code: generateCode(), region_code: regionCode, agency_id: agencyId, service_id: null, date,
      slot_start: null, slot_end: null, seq, number: formatQueueNumber(agency.letter, seq), status: "waiting",
      name: null, phone: null, phone_key: null, address_key: null, ready_at: nowIso, created_at: nowIso,
      called_at: null, counter_id: null, target_counter_id: null, finished_at: null,
    }).returningAll().executeTakeFirstOrThrow();
    const waiting = await trx.selectFrom("queue_tickets").select((eb) => eb.fn.countAll<number>().as("n"))
      .where("agency_id", "=", agencyId).where("date", "=", date).where("status", "=", "waiting")
      .where("target_counter_id", "is", null).where("ready_at", "<=", nowIso).where("id", "<>", inserted.id)
      .executeTakeFirstOrThrow();
    return { row: inserted, ahead: Number(waiting.n) };
  });
  let taken: Awaited<ReturnType<typeof take>>;
  for (let attempt = 0; ; attempt++) {
    try {
      taken = await take();
      break;
    } catch (err) {
      // A new code colliding with a live one (1 in ~5e10): draw again; the number rolled back with it.
      if (attempt < 3 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
  const { row, ahead } = taken;
  return {
    number: row.number, code: row.code!, agencyId, regionCode, date, issuedAt: row.created_at, time: toWib(now).time,
    waitingAhead: ahead, counters: agency.counters.map((c) => c.label),
  };
}

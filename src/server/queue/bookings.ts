// Online bookings: take a place in a slot, look it up by its code, cancel it.
//
// Taking a place (createBooking): the domain's rules first (domain/queue/booking.ts: date, window,
// cut-off, closed days, hours), then one transaction that locks the holder rows of the phone and
// the address (the active-bookings caps), then the agency's day row (which also hands out the
// number), counts the slot's places under that lock and inserts the booking. On PostgreSQL the
// count runs after the lock is granted, so it sees every booking committed before: 200 requests
// for 10 places on any number of nodes give exactly 10 bookings. A refused booking rolls its number
// back: numbers have no gaps.
//
// Cancelling is one guarded UPDATE (status waiting -> cancelled): of two cancellations at once
// exactly one changes the row, so a place is freed exactly once.
import type { Kysely } from "kysely";
import { parseContact, normalizeCitizenText } from "../../domain/feedback/text";
import { checkBooking, queueErrorMessage, type QueueErrorCode } from "../../domain/queue/booking";
import { generateCode, normalizeCode } from "../../domain/queue/code";
import { formatQueueNumber } from "../../domain/queue/number";
import type { Booking, BookingRequest, BookingStatus, QueueTicket } from "../../domain/queue/shapes";
import { todayWib, wibToInstant } from "../../domain/time/wib";
import type { Db } from "../db/open";
import type { Database } from "../db/tables";
import type { QueueTicketsTable } from "../db/tables-queue";
import type { Selectable } from "kysely";
import { fail, QueueFailure, queueMessage } from "./errors";
import { hmacKey, keyOf, lockDay, lockHolders } from "./locks";
import { loadRegionQueue, policyFor, type QueueLimits } from "./settings";
import { queueSurvey } from "./visit";

export interface BookingCaps {
  /** Active bookings (waiting, today or later) per phone number; 0: no cap. */
  perPhone: number;
  /** Active bookings per client address; 0: no cap. */
  perAddress: number;
  /** Addresses without the per-address cap (a lobby kiosk shared by many citizens). */
  exemptAddresses: ReadonlySet<string>;
}

export interface BookingDeps {
  db: Db;
  now: () => number;
  limits: QueueLimits;
  caps: BookingCaps;
}

type TicketRow = Selectable<QueueTicketsTable>;

export function bookingStatus(status: TicketRow["status"]): BookingStatus {
  return status === "waiting" ? "booked" : status;
}

async function countersOf(db: Kysely<Database>, agencyId: string): Promise<string[]> {
  const rows = await db.selectFrom("counters").select("label").where("agency_id", "=", agencyId).orderBy("sort").orderBy("id").execute();
  return rows.map((r) => r.label);
}

export function toBooking(r: TicketRow, counters: string[]): Booking {
  return {
    code: r.code!, number: r.number, agencyId: r.agency_id, serviceId: r.service_id, regionCode: r.region_code,
    date: r.date, slot: r.slot_start!, slotEnd: r.slot_end!, status: bookingStatus(r.status), counters, createdAt: r.created_at,
  };
}

const refusal = (code: QueueErrorCode, date: string, slot: string) => new QueueFailure(code, queueErrorMessage(code, { date, slot }));

function cleanName(name: string | undefined): string | null {
  if (name === undefined || name.trim() === "") return null;
  const t = normalizeCitizenText(name, { maxLength: 80, singleLine: true });
  if (!t.ok) {
    throw new QueueFailure("invalid_parameter", t.code === "text_too_long"
      ? { id: "Nama terlalu panjang (paling banyak 80 karakter).", en: "The name is too long (at most 80 characters)." }
      : { id: "Nama tidak valid.", en: "The name is not valid." });
  }
  return t.text;
}

function cleanPhone(phone: string | undefined): string | null {
  if (phone === undefined || phone.trim() === "") return null;
  const c = parseContact(phone);
  if (!c.ok || c.kind !== "phone") {
    throw new QueueFailure("invalid_parameter", { id: "Nomor HP tidak valid. Contoh: 0812-3456-7890.", en: "The phone number is not valid. Example: 0812-3456-7890." });
  }
  return c.value;
}

export const isUniqueViolation = (err: unknown) => {
  const code = String((err as { code?: unknown } | null)?.code ?? "");
  return code === "23505" || code.startsWith("SQLITE_CONSTRAINT_UNIQUE");
};

export async function createBooking(deps: BookingDeps, input: BookingRequest, address: string): Promise<Booking> {
  const { db } = deps;
  const now = new Date(deps.now());
  const regionCode = input.agencyId.slice(0, 4);
  const region = await loadRegionQueue(db.kysely, regionCode, input.agencyId);
  const agency = region?.agencies[0];
  if (!region || !agency) throw new QueueFailure("agency_not_found", queueMessage("agency_not_found"));
  if (region.mppStatus !== "yes") throw new QueueFailure("no_physical_mpp", queueMessage("no_physical_mpp"));
  if (input.serviceId !== undefined) {
    const s = await db.kysely.selectFrom("services").select("agency_id").where("id", "=", input.serviceId).executeTakeFirst();
    if (!s || s.agency_id !== input.agencyId) {
      throw new QueueFailure("service_not_found", { id: "Layanan ini tidak ada pada instansi tersebut.", en: "This agency has no such service." });
    }
  }
  const ctx = { now, calendar: region.calendar, hours: agency.counters.length > 0 ? agency.hours : null, policy: policyFor(agency, deps.limits) };
  const check = checkBooking(input.date, input.slot, ctx);
  if (!check.ok) fail(check);
  const { slot, capacity } = check;
  const date = input.date;
  const name = cleanName(input.name);
  const phone = cleanPhone(input.phone);

  // Fast refusal without a transaction once the slot is full (most of a burst, after the first few).
  const bookedNow = await countBooked(db.kysely, input.agencyId, date, slot.start);
  if (bookedNow >= capacity) throw refusal("slot_full", date, slot.start);

  const key = await hmacKey(db.kysely);
  const phoneKey = phone && deps.caps.perPhone > 0 ? keyOf(key, "phone", phone) : null;
  const addressKey = deps.caps.perAddress > 0 && !deps.caps.exemptAddresses.has(address) ? keyOf(key, "address", address) : null;
  const today = todayWib(now);
  const nowIso = now.toISOString();
  const counters = agency.counters.map((c) => c.label);

  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.transaction(async (trx) => {
        await lockHolders(trx, [phoneKey, addressKey].filter((k): k is string => k !== null), nowIso);
        for (const [column, value, max] of [["phone_key", phoneKey, deps.caps.perPhone], ["address_key", addressKey, deps.caps.perAddress]] as const) {
          if (value === null) continue;
          const active = await trx.selectFrom("queue_tickets").select((eb) => eb.fn.countAll<number>().as("n"))
            .where(column, "=", value).where("kind", "=", "booking").where("status", "=", "waiting").where("date", ">=", today)
            .executeTakeFirstOrThrow();
          if (Number(active.n) >= max) throw new QueueFailure("too_many_bookings", queueMessage("too_many_bookings", { max }));
        }
        const seq = await lockDay(trx, input.agencyId, date, true);
        if (await countBooked(trx, input.agencyId, date, slot.start) >= capacity) throw refusal("slot_full", date, slot.start);
        return trx.insertInto("queue_tickets").values({
          kind: "booking", code: generateCode(), region_code: regionCode, agency_id: input.agencyId, service_id: input.serviceId ?? null,
          date, slot_start: slot.start, slot_end: slot.end, seq, number: formatQueueNumber(agency.letter, seq), status: "waiting",
          name, phone, phone_key: phoneKey, address_key: addressKey,
          ready_at: wibToInstant(date, slot.start).toISOString(), created_at: nowIso,
          called_at: null, counter_id: null, target_counter_id: null, finished_at: null,
        }).returningAll().executeTakeFirstOrThrow();
      });
      return toBooking(row, counters);
    } catch (err) {
      // A new code colliding with a live one (1 in ~5e10 per booking): draw again.
      if (attempt < 3 && isUniqueViolation(err)) continue;
      throw err;
    }
  }
}

/** Places taken in a slot: every booking that is not cancelled (called, served and no-show included). */
async function countBooked(db: Kysely<Database>, agencyId: string, date: string, slotStart: string): Promise<number> {
  const row = await db.selectFrom("queue_tickets").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("agency_id", "=", agencyId).where("date", "=", date).where("kind", "=", "booking")
    .where("slot_start", "=", slotStart).where("status", "<>", "cancelled")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Places taken per slot start of an agency's day. */
export async function bookedBySlot(db: Kysely<Database>, regionCode: string, date: string): Promise<Map<string, Record<string, number>>> {
  const rows = await db.selectFrom("queue_tickets").select(["agency_id", "slot_start", (eb) => eb.fn.countAll<number>().as("n")])
    .where("region_code", "=", regionCode).where("date", "=", date).where("kind", "=", "booking").where("status", "<>", "cancelled")
    .groupBy(["agency_id", "slot_start"]).execute();
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const m = out.get(r.agency_id) ?? {};
    m[r.slot_start ?? ""] = Number(r.n);
    out.set(r.agency_id, m);
  }
  return out;
}

const notFound = () => new QueueFailure("booking_not_found", queueMessage("booking_not_found"));

/** A booking by its code; once served, with its survey (the visit its holder may rate once). */
export async function findBooking(db: Kysely<Database>, input: string, now: Date = new Date()): Promise<Booking> {
  const code = normalizeCode(input);
  if (code === null) throw notFound();
  const row = await db.selectFrom("queue_tickets").selectAll().where("code", "=", code).where("kind", "=", "booking").executeTakeFirst();
  if (!row) throw notFound();
  const booking = toBooking(row, await countersOf(db, row.agency_id));
  const survey = await queueSurvey(db, row, now);
  return survey ? { ...booking, survey } : booking;
}

/** A booking or a walk-in number by its code (no name or phone), with its survey once served. */
export async function findTicket(db: Kysely<Database>, input: string, now: Date): Promise<QueueTicket> {
  const code = normalizeCode(input);
  if (code === null) throw notFound();
  const r = await db.selectFrom("queue_tickets").selectAll().where("code", "=", code).executeTakeFirst();
  if (!r) throw notFound();
  return {
    code, kind: r.kind, number: r.number, agencyId: r.agency_id, serviceId: r.service_id, regionCode: r.region_code, date: r.date,
    status: r.status, survey: await queueSurvey(db, r, now),
  };
}

export async function cancelBooking(deps: Pick<BookingDeps, "db" | "now">, input: string): Promise<Booking> {
  const code = normalizeCode(input);
  if (code === null) throw notFound();
  const nowIso = new Date(deps.now()).toISOString();
  const row = await deps.db.transaction((trx) => trx.updateTable("queue_tickets")
    .set({ status: "cancelled", finished_at: nowIso })
    .where("code", "=", code).where("kind", "=", "booking").where("status", "=", "waiting")
    .returningAll().executeTakeFirst());
  if (row) return toBooking(row, await countersOf(deps.db.kysely, row.agency_id));
  const existing = await findBooking(deps.db.kysely, code);
  throw new QueueFailure("booking_not_active", queueMessage("booking_not_active", { status: existing.status }));
}

// Migration 20: the queue (issue 14). Settings per agency, closed and open days per region, the day
// rows that hand out queue numbers under a lock, the tickets (online bookings and walk-in numbers in
// one table: they share the day's numbers and the counters call both), the counters' calls (what the
// lobby board shows), a version per region's board (nodes poll it to push changes to their boards),
// and lock rows for the per-phone and per-address caps. Personal data (a name and a phone a citizen
// chose to give, keyed hashes of phone and address) lives only in queue_tickets and is deleted with
// its row by the retention job (src/server/queue/retention.ts).
import { sql, type Kysely } from "kysely";
import type { Engine } from "./engines/engine";
import type { Migration } from "./migrations";

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} IN (${sql.join(values.map((v) => sql.lit(v)))})`;

/** As shipped in migration 20; test/server/queue-schema.test.ts checks them against the domain's lists. */
export const TICKET_KINDS_V20 = ["booking", "walk_in"] as const;
export const TICKET_STATUSES_V20 = ["waiting", "called", "served", "no_show", "cancelled"] as const;
export const CALL_ACTIONS_V20 = ["call", "recall", "served", "no_show", "transfer"] as const;
export const DAY_KINDS_V20 = ["closed", "open"] as const;

export const QUEUE_MIGRATION: Migration = {
  version: 20,
  name: "queue: settings, region days, day numbers, tickets, calls, boards, holders",
  async up(db: Kysely<any>, e: Engine) {
    const { key, serialPk } = e.types;
    const text = sql`text`;
    const int = sql`integer`;
    await db.schema.createTable("queue_settings")
      .addColumn("agency_id", key, (c) => c.primaryKey().references("agencies.id").onDelete("cascade"))
      .addColumn("daily_quota", int, (c) => c.notNull().check(sql`daily_quota >= 0 AND daily_quota <= 10000`))
      .addColumn("slot_minutes", int, (c) => c.notNull().check(sql`slot_minutes >= 5 AND slot_minutes <= 240`))
      .addColumn("letter", text, (c) => c.check(sql`letter IS NULL OR length(letter) = 1`))
      // JSON WeeklyHours (domain/queue/hours.ts, Sunday first); null: the MPP's hours.
      .addColumn("hours", text, (c) => c.check(sql`hours IS NULL OR ${e.jsonCheck("hours")}`))
      .addColumn("walk_in_quota", int, (c) => c.check(sql`walk_in_quota IS NULL OR walk_in_quota >= 0`))
      .addColumn("updated_at", text, (c) => c.notNull())
      .addColumn("updated_by", text, (c) => c.notNull())
      .execute();
    await db.schema.createTable("queue_region_days")
      .addColumn("region_code", key, (c) => c.notNull().references("regions.code"))
      .addColumn("date", key, (c) => c.notNull().check(sql`length(date) = 10`))
      .addColumn("kind", text, (c) => c.notNull().check(inList("kind", DAY_KINDS_V20)))
      .addColumn("reason_id", text, (c) => c.notNull())
      .addColumn("reason_en", text, (c) => c.notNull())
      .addColumn("updated_at", text, (c) => c.notNull())
      .addColumn("updated_by", text, (c) => c.notNull())
      .addPrimaryKeyConstraint("queue_region_days_pk", ["region_code", "date"])
      .execute();
    // One row per agency and day: last_seq is the last number given. Writers update it first, which
    // locks it (PostgreSQL row lock; SQLite's write lock), so numbers and capacity checks of one
    // agency's day are serialized on every node.
    await db.schema.createTable("queue_days")
      .addColumn("agency_id", key, (c) => c.notNull())
      .addColumn("date", key, (c) => c.notNull())
      .addColumn("last_seq", int, (c) => c.notNull().check(sql`last_seq >= 0`))
      .addPrimaryKeyConstraint("queue_days_pk", ["agency_id", "date"])
      .execute();
    await db.schema.createTable("queue_tickets")
      .addColumn("id", serialPk, (c) => c.primaryKey())
      .addColumn("kind", text, (c) => c.notNull().check(inList("kind", TICKET_KINDS_V20)))
      .addColumn("code", key, (c) => c.unique())
      .addColumn("region_code", key, (c) => c.notNull())
      .addColumn("agency_id", key, (c) => c.notNull())
      .addColumn("service_id", key)
      .addColumn("date", key, (c) => c.notNull())
      .addColumn("slot_start", text)
      .addColumn("slot_end", text)
      .addColumn("seq", int, (c) => c.notNull().check(sql`seq >= 1`))
      .addColumn("number", text, (c) => c.notNull())
      .addColumn("status", text, (c) => c.notNull().check(inList("status", TICKET_STATUSES_V20)))
      .addColumn("name", text)
      .addColumn("phone", text)
      .addColumn("phone_key", key)
      .addColumn("address_key", key)
      .addColumn("ready_at", text, (c) => c.notNull())
      .addColumn("created_at", text, (c) => c.notNull())
      .addColumn("called_at", text)
      .addColumn("counter_id", key)
      .addColumn("call_count", int, (c) => c.notNull().defaultTo(0))
      .addColumn("target_counter_id", key)
      .addColumn("finished_at", text)
      .addUniqueConstraint("queue_tickets_number", ["agency_id", "date", "seq"])
      .addCheckConstraint("queue_tickets_booking", sql`kind <> 'booking' OR (code IS NOT NULL AND slot_start IS NOT NULL AND slot_end IS NOT NULL)`)
      .execute();
    await db.schema.createIndex("queue_tickets_waiting").on("queue_tickets").columns(["agency_id", "date", "status", "ready_at"]).execute();
    await db.schema.createIndex("queue_tickets_region").on("queue_tickets").columns(["region_code", "date"]).execute();
    await db.schema.createIndex("queue_tickets_phone").on("queue_tickets").columns(["phone_key", "status", "date"]).execute();
    await db.schema.createIndex("queue_tickets_address").on("queue_tickets").columns(["address_key", "status", "date"]).execute();
    await db.schema.createIndex("queue_tickets_counter").on("queue_tickets").columns(["counter_id", "status", "date"]).execute();
    await db.schema.createIndex("queue_tickets_date").on("queue_tickets").column("date").execute();
    await db.schema.createTable("queue_calls")
      .addColumn("id", serialPk, (c) => c.primaryKey())
      .addColumn("region_code", key, (c) => c.notNull())
      .addColumn("agency_id", key, (c) => c.notNull())
      .addColumn("counter_id", key, (c) => c.notNull())
      .addColumn("ticket_id", int, (c) => c.notNull())
      .addColumn("number", text, (c) => c.notNull())
      .addColumn("action", text, (c) => c.notNull().check(inList("action", CALL_ACTIONS_V20)))
      .addColumn("to_counter_id", key)
      .addColumn("date", key, (c) => c.notNull())
      .addColumn("at", text, (c) => c.notNull())
      .addColumn("officer", text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("queue_calls_region").on("queue_calls").columns(["region_code", "date", "id"]).execute();
    await db.schema.createIndex("queue_calls_counter").on("queue_calls").columns(["counter_id", "date", "id"]).execute();
    await db.schema.createTable("queue_boards")
      .addColumn("region_code", key, (c) => c.primaryKey())
      .addColumn("version", int, (c) => c.notNull())
      .execute();
    // Lock rows for "at most N active bookings per phone / per address": a booking updates its
    // holders' rows before counting, so two bookings of one phone on two nodes cannot both pass.
    await db.schema.createTable("queue_holders")
      .addColumn("key", key, (c) => c.primaryKey())
      .addColumn("touched_at", text, (c) => c.notNull())
      .execute();
  },
};

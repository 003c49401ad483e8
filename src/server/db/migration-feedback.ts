// Migrations 30-39: questions, complaints and the SKM (issue 15). Tables in tables-feedback.ts.
// Enumerations in CHECK constraints are written out as shipped (a new value needs a new migration);
// test/server/feedback-schema.test.ts checks them against the domain's lists.
import { sql, type Kysely } from "kysely";
import type { Engine } from "./engines/engine";
import type { Migration } from "./migrations";

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} IN (${sql.join(values.map((v) => sql.lit(v)))})`;

const ANSWER_COLUMNS = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"] as const;

async function up30(db: Kysely<any>, e: Engine): Promise<void> {
  const { key, serialPk } = e.types;
  const text = sql`text`;
  const int = sql`integer`;
  await db.schema.createTable("tickets")
    .addColumn("id", serialPk, (c) => c.primaryKey())
    .addColumn("code", key, (c) => c.notNull().unique())
    .addColumn("kind", text, (c) => c.notNull().check(inList("kind", ["konsultasi", "pengaduan"])))
    .addColumn("status", text, (c) => c.notNull().check(inList("status", ["received", "in_progress", "answered", "closed"])))
    .addColumn("region_code", key, (c) => c.notNull().references("regions.code"))
    .addColumn("agency_id", key, (c) => c.references("agencies.id"))
    .addColumn("service_id", key)
    .addColumn("text", text, (c) => c.notNull())
    .addColumn("contact", text)
    .addColumn("contact_kind", text, (c) => c.check(sql`contact_kind IS NULL OR contact_kind IN ('email', 'phone')`))
    .addColumn("lang", text, (c) => c.notNull().defaultTo("id").check(inList("lang", ["id", "en"])))
    .addColumn("channel", text, (c) => c.notNull().defaultTo("web").check(inList("channel", ["web", "lobby", "xr"])))
    .addColumn("received_at", text, (c) => c.notNull())
    .addColumn("forwarded_at", text)
    .addColumn("acted_at", text)
    .addColumn("closed_at", text)
    .addColumn("updated_at", text, (c) => c.notNull())
    .addColumn("contact_purged_at", text)
    .addColumn("lapor_id", text)
    .addCheckConstraint("tickets_contact_kind", sql`(contact IS NULL) = (contact_kind IS NULL)`)
    .addCheckConstraint("tickets_closed", sql`(status = 'closed') = (closed_at IS NOT NULL)`)
    .execute();
  await db.schema.createIndex("tickets_region").on("tickets").columns(["region_code", "status"]).execute();
  await db.schema.createIndex("tickets_agency").on("tickets").columns(["agency_id", "status"]).execute();
  await db.schema.createIndex("tickets_closed_at").on("tickets").column("closed_at").execute();

  await db.schema.createTable("ticket_events")
    .addColumn("id", serialPk, (c) => c.primaryKey())
    .addColumn("ticket_id", int, (c) => c.notNull().references("tickets.id").onDelete("cascade"))
    .addColumn("at", text, (c) => c.notNull())
    .addColumn("type", text, (c) => c.notNull().check(inList("type", ["take", "answer", "forward", "close", "reopen", "lapor", "citizen"])))
    .addColumn("actor", text)
    .addColumn("body", text)
    .addColumn("from_agency", key)
    .addColumn("to_agency", key)
    .addColumn("visible", int, (c) => c.notNull().check(sql`visible IN (0, 1)`))
    .execute();
  await db.schema.createIndex("ticket_events_ticket").on("ticket_events").columns(["ticket_id", "id"]).execute();

  let surveys = db.schema.createTable("surveys")
    .addColumn("id", serialPk, (c) => c.primaryKey())
    .addColumn("region_code", key, (c) => c.notNull().references("regions.code"))
    .addColumn("agency_id", key, (c) => c.notNull().references("agencies.id"))
    .addColumn("service_id", key)
    .addColumn("day", key, (c) => c.notNull())
    .addColumn("visit_kind", text, (c) => c.notNull().check(inList("visit_kind", ["service", "queue", "lobby"])));
  for (const u of ANSWER_COLUMNS) surveys = surveys.addColumn(u, int, (c) => c.notNull().check(sql`${sql.ref(u)} BETWEEN 1 AND 4`));
  await surveys.addColumn("comment", text).execute();
  await db.schema.createIndex("surveys_region_day").on("surveys").columns(["region_code", "day"]).execute();
  await db.schema.createIndex("surveys_agency_day").on("surveys").columns(["agency_id", "day"]).execute();

  await db.schema.createTable("visit_tokens")
    .addColumn("token_hash", key, (c) => c.primaryKey())
    .addColumn("kind", text, (c) => c.notNull().check(inList("kind", ["service", "queue", "lobby"])))
    .addColumn("region_code", key, (c) => c.notNull())
    .addColumn("agency_id", key)
    .addColumn("service_id", key)
    .addColumn("issued_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("spent_at", text)
    .execute();
  await db.schema.createIndex("visit_tokens_expires").on("visit_tokens").column("expires_at").execute();

  await db.schema.createTable("visit_counts")
    .addColumn("day", key, (c) => c.notNull())
    .addColumn("region_code", key, (c) => c.notNull())
    .addColumn("agency_id", key, (c) => c.notNull())
    .addColumn("kind", text, (c) => c.notNull().check(inList("kind", ["service", "queue", "lobby"])))
    .addColumn("count", int, (c) => c.notNull())
    .addPrimaryKeyConstraint("visit_counts_pk", ["region_code", "day", "agency_id", "kind"])
    .execute();

  await db.schema.createTable("feedback_quota")
    .addColumn("day", key, (c) => c.notNull())
    .addColumn("subject", key, (c) => c.notNull())
    .addColumn("action", key, (c) => c.notNull())
    .addColumn("count", int, (c) => c.notNull())
    .addPrimaryKeyConstraint("feedback_quota_pk", ["day", "subject", "action"])
    .execute();
  await db.schema.createTable("feedback_salt")
    .addColumn("day", key, (c) => c.primaryKey())
    .addColumn("salt", text, (c) => c.notNull())
    .execute();
}

export const FEEDBACK_MIGRATIONS: readonly Migration[] = [
  { version: 30, name: "feedback: tickets, ticket events, surveys, visit tokens and counts, daily limits", up: up30 },
];

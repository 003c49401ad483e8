// Migration 4: what officers need (issue 13). Accounts with a role and its scope (a CHECK keeps
// role and scope consistent), sessions stored here so every node knows them, sign-in attempts
// counted here so a lockout holds across nodes, the audit log (append-only: triggers refuse UPDATE,
// DELETE and TRUNCATE on both engines; the application has no such path either) with its head row,
// drafts under review, and the columns a published record gains (Standar Pelayanan components,
// who verified it and the source's date; an MPP's address and hours per weekday).
import { sql, type Kysely } from "kysely";
import type { Engine } from "./engines/engine";
import type { Migration } from "./migrations";

/** prev_hash of the first audit row. */
export const AUDIT_GENESIS = "0".repeat(64);

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} IN (${sql.join(values.map((v) => sql.lit(v)))})`;

const exec = (db: Kysely<any>, text: string) => sql.raw(text).execute(db);

async function appendOnly(db: Kysely<any>, e: Engine): Promise<void> {
  if (e.name === "postgres") {
    await exec(db, `CREATE FUNCTION mpp_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$`);
    await exec(db, "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION mpp_audit_append_only()");
    await exec(db, "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION mpp_audit_append_only()");
  } else {
    for (const event of ["UPDATE", "DELETE"]) {
      await exec(db, `CREATE TRIGGER audit_log_no_${event.toLowerCase()} BEFORE ${event} ON audit_log BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END`);
    }
  }
}

export const OFFICERS_MIGRATION: Migration = {
  version: 4,
  name: "officers: accounts, sessions, sign-in attempts, audit log, drafts",
  async up(db, e) {
    const { key, serialPk } = e.types;
    const text = sql`text`;
    await db.schema.createTable("officers")
      .addColumn("id", serialPk, (c) => c.primaryKey())
      .addColumn("username", key, (c) => c.notNull().unique())
      .addColumn("password_hash", text, (c) => c.notNull())
      .addColumn("role", text, (c) => c.notNull().check(inList("role", ["province-admin", "region-admin", "editor"])))
      .addColumn("region_code", key, (c) => c.references("regions.code"))
      .addColumn("agency_slug", key)
      .addColumn("disabled", sql`integer`, (c) => c.notNull().defaultTo(0).check(sql`disabled IN (0, 1)`))
      .addColumn("created_at", text, (c) => c.notNull())
      .addColumn("updated_at", text, (c) => c.notNull())
      .addColumn("password_changed_at", text, (c) => c.notNull())
      .addCheckConstraint("officers_scope", sql`(role = 'province-admin' AND region_code IS NULL AND agency_slug IS NULL)
        OR (role = 'region-admin' AND region_code IS NOT NULL AND agency_slug IS NULL)
        OR (role = 'editor' AND region_code IS NOT NULL AND agency_slug IS NOT NULL)`)
      .execute();
    await db.schema.createTable("sessions")
      .addColumn("id_hash", key, (c) => c.primaryKey())
      .addColumn("officer_id", sql`integer`, (c) => c.notNull().references("officers.id").onDelete("cascade"))
      .addColumn("created_at", text, (c) => c.notNull())
      .addColumn("last_seen_at", text, (c) => c.notNull())
      .addColumn("expires_at", text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("sessions_officer").on("sessions").column("officer_id").execute();
    await db.schema.createTable("login_attempts")
      .addColumn("id", serialPk, (c) => c.primaryKey())
      .addColumn("username", key, (c) => c.notNull())
      .addColumn("address", key, (c) => c.notNull())
      .addColumn("at", text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("login_attempts_username").on("login_attempts").columns(["username", "at"]).execute();
    await db.schema.createIndex("login_attempts_address").on("login_attempts").columns(["address", "at"]).execute();
    await db.schema.createTable("audit_log")
      .addColumn("seq", sql`integer`, (c) => c.primaryKey())
      .addColumn("at", text, (c) => c.notNull())
      .addColumn("actor", text, (c) => c.notNull())
      .addColumn("actor_role", text)
      .addColumn("address", text)
      .addColumn("action", text, (c) => c.notNull())
      .addColumn("entity", key, (c) => c.notNull())
      .addColumn("changes", text, (c) => c.notNull().check(e.jsonCheck("changes")))
      .addColumn("note", text)
      .addColumn("prev_hash", text, (c) => c.notNull())
      .addColumn("hash", text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex("audit_log_entity").on("audit_log").columns(["entity", "seq"]).execute();
    await db.schema.createTable("audit_head")
      .addColumn("id", sql`integer`, (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn("seq", sql`integer`, (c) => c.notNull())
      .addColumn("hash", text, (c) => c.notNull())
      .execute();
    await db.insertInto("audit_head").values({ id: 1, seq: 0, hash: AUDIT_GENESIS }).execute();
    await appendOnly(db, e);
    await db.schema.createTable("drafts")
      .addColumn("id", serialPk, (c) => c.primaryKey())
      .addColumn("kind", text, (c) => c.notNull().check(inList("kind", ["service", "agency", "region"])))
      .addColumn("entity_id", key, (c) => c.notNull())
      .addColumn("is_new", sql`integer`, (c) => c.notNull().check(sql`is_new IN (0, 1)`))
      .addColumn("region_code", key, (c) => c.notNull())
      .addColumn("agency_slug", key)
      .addColumn("status", text, (c) => c.notNull().check(inList("status", ["draft", "in_review", "rejected", "published"])))
      .addColumn("data", text, (c) => c.notNull().check(e.jsonCheck("data")))
      .addColumn("base", text)
      .addColumn("claim", text)
      .addColumn("change_note", text, (c) => c.notNull())
      .addColumn("authors", text, (c) => c.notNull())
      .addColumn("created_at", text, (c) => c.notNull())
      .addColumn("updated_at", text, (c) => c.notNull())
      .addColumn("submitted_at", text)
      .addColumn("submitted_by", text)
      .addColumn("decided_at", text)
      .addColumn("decided_by", text)
      .addColumn("decision_note", text)
      .execute();
    // At most one open draft per record, enforced by the database on every node.
    await exec(db, "CREATE UNIQUE INDEX drafts_open ON drafts (kind, entity_id) WHERE status IN ('draft', 'in_review')");
    await db.schema.createIndex("drafts_scope").on("drafts").columns(["region_code", "status"]).execute();
    await db.schema.alterTable("services").addColumn("standard", text, (c) => c.notNull().defaultTo("{}")).execute();
    await db.schema.alterTable("services").addColumn("verified_by", text).execute();
    await db.schema.alterTable("services").addColumn("source_date", text).execute();
    await db.schema.alterTable("regions").addColumn("mpp_address", text).execute();
    await db.schema.alterTable("regions").addColumn("mpp_hours", text).execute();
  },
};

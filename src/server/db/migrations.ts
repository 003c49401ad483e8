// The database schema as an ordered list of migrations, the same list on both engines. Each runs
// once, inside a transaction that first takes the schema lock (SQLite: BEGIN IMMEDIATE; PostgreSQL:
// an advisory lock, so nodes starting together wait for each other), and is recorded in
// schema_migrations. A database at any earlier version, including one made by the SQL-only
// migrations before Kysely (versions 1 and 2, same names), is brought forward on start.
// Never edit a migration that has shipped: append a new one. Enumerations in CHECK constraints
// are written out as shipped; test/server/database-schema.test.ts checks them against the
// domain's `as const` lists, so a new value there fails until a migration allows it.
import { sql, type Kysely } from "kysely";
import type { Engine } from "./engines/engine";
import { FEEDBACK_MIGRATIONS } from "./migration-feedback";
import { OFFICERS_MIGRATION } from "./migration-officers";
import { QUEUE_MIGRATION } from "./migration-queue";
import type { Database } from "./tables";

export interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

const inList = (column: string, values: readonly string[]) =>
  sql`${sql.ref(column)} IN (${sql.join(values.map((v) => sql.lit(v)))})`;

/** The catalog tables whose every write bumps data_version (queue, audit and similar tables must not). */
export const VERSIONED_TABLES = ["regions", "agencies", "counters", "services"] as const;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "regions, agencies, counters, services",
    async up(db, e) {
      const { key, real, serialPk } = e.types;
      await db.schema.createTable("regions")
        .addColumn("code", key, (c) => c.primaryKey().check(sql`length(code) = 4`))
        .addColumn("type", sql`text`, (c) => c.notNull().check(inList("type", ["kabupaten", "kota"])))
        .addColumn("name", sql`text`, (c) => c.notNull())
        .addColumn("seat", sql`text`, (c) => c.notNull())
        .addColumn("lat", real, (c) => c.notNull())
        .addColumn("lon", real, (c) => c.notNull())
        .addColumn("mpp_status", sql`text`, (c) => c.notNull().check(inList("mpp_status", ["yes", "planned", "no", "unknown"])))
        .addColumn("mpp_note", sql`text`)
        .addColumn("mpp_source", sql`text`)
        .addColumn("updated_at", sql`text`, (c) => c.notNull().defaultTo(e.nowIso))
        .execute();
      await db.schema.createTable("agencies")
        .addColumn("id", key, (c) => c.primaryKey())
        .addColumn("region_code", key, (c) => c.notNull().references("regions.code"))
        .addColumn("slug", key, (c) => c.notNull())
        .addColumn("name", sql`text`, (c) => c.notNull())
        .addColumn("name_en", sql`text`, (c) => c.notNull())
        .addColumn("short_name", sql`text`, (c) => c.notNull())
        .addColumn("level", sql`text`, (c) => c.notNull().check(inList("level", ["nasional", "provinsi", "daerah", "bumn", "bumd"])))
        .addColumn("note", sql`text`)
        .addColumn("sort", sql`integer`, (c) => c.notNull().defaultTo(0))
        .addColumn("updated_at", sql`text`, (c) => c.notNull().defaultTo(e.nowIso))
        .addUniqueConstraint("agencies_region_slug", ["region_code", "slug"])
        .execute();
      await db.schema.createIndex("agencies_region").on("agencies").columns(["region_code", "sort"]).execute();
      await db.schema.createTable("counters")
        .addColumn("id", key, (c) => c.primaryKey())
        .addColumn("agency_id", key, (c) => c.notNull().references("agencies.id"))
        .addColumn("label", sql`text`, (c) => c.notNull())
        .addColumn("sort", sql`integer`, (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex("counters_agency").on("counters").columns(["agency_id", "sort"]).execute();
      // pk is an explicit integer key so the search index's references survive VACUUM.
      await db.schema.createTable("services")
        .addColumn("pk", serialPk, (c) => c.primaryKey())
        .addColumn("id", key, (c) => c.notNull().unique())
        .addColumn("region_code", key, (c) => c.notNull().references("regions.code"))
        .addColumn("agency_id", key, (c) => c.notNull().references("agencies.id"))
        .addColumn("slug", key, (c) => c.notNull())
        .addColumn("name", sql`text`, (c) => c.notNull())
        .addColumn("name_en", sql`text`, (c) => c.notNull())
        .addColumn("description", sql`text`, (c) => c.notNull())
        .addColumn("requirements", sql`text`, (c) => c.notNull().check(e.jsonCheck("requirements")))
        .addColumn("steps", sql`text`, (c) => c.notNull().check(e.jsonCheck("steps")))
        .addColumn("fee_amount", sql`integer`, (c) => c.check(sql`fee_amount IS NULL OR fee_amount >= 0`))
        .addColumn("fee_note", sql`text`)
        .addColumn("duration", sql`text`)
        .addColumn("hours", sql`text`)
        .addColumn("legal_basis", sql`text`, (c) => c.notNull().check(e.jsonCheck("legal_basis")))
        .addColumn("product", sql`text`)
        .addColumn("complaint_channels", sql`text`, (c) => c.notNull().check(e.jsonCheck("complaint_channels")))
        .addColumn("online_url", sql`text`)
        .addColumn("source", sql`text`)
        .addColumn("verified", sql`integer`, (c) => c.notNull().defaultTo(0).check(sql`verified IN (0, 1)`))
        .addColumn("last_verified", sql`text`)
        .addColumn("keywords", sql`text`, (c) => c.notNull().defaultTo(""))
        .addColumn("sort", sql`integer`, (c) => c.notNull().defaultTo(0))
        .addColumn("updated_at", sql`text`, (c) => c.notNull().defaultTo(e.nowIso))
        // the honesty rule: a verified record names its source and the date it was checked
        .addCheckConstraint("services_verified_sourced", sql`verified = 0 OR (source IS NOT NULL AND last_verified IS NOT NULL)`)
        .execute();
      await db.schema.createIndex("services_region").on("services").columns(["region_code", "sort"]).execute();
      await db.schema.createIndex("services_agency").on("services").columns(["agency_id", "sort"]).execute();
      await e.createTouchTrigger(db, "regions", "code");
      await e.createTouchTrigger(db, "agencies", "id");
      await e.createTouchTrigger(db, "services", "pk");
    },
  },
  {
    version: 2,
    name: "full-text search index on services",
    up: (db, e) => e.createSearchIndex(db),
  },
  {
    version: 3,
    name: "data version for caches across nodes; meta",
    async up(db, e) {
      await db.schema.createTable("data_version")
        .addColumn("id", sql`integer`, (c) => c.primaryKey().check(sql`id = 1`))
        .addColumn("version", sql`bigint`, (c) => c.notNull())
        .execute();
      await db.insertInto("data_version").values({ id: 1, version: 1 }).execute();
      await db.schema.createTable("meta")
        .addColumn("key", e.types.key, (c) => c.primaryKey())
        .addColumn("value", sql`text`, (c) => c.notNull())
        .execute();
      await e.createDataVersionTriggers(db, VERSIONED_TABLES);
    },
  },
  OFFICERS_MIGRATION,
  QUEUE_MIGRATION,
  ...FEEDBACK_MIGRATIONS,
];

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

async function ensureMigrationsTable(db: Kysely<Database>, e: Engine): Promise<void> {
  await db.schema.createTable("schema_migrations").ifNotExists()
    .addColumn("version", sql`integer`, (c) => c.primaryKey())
    .addColumn("name", sql`text`, (c) => c.notNull())
    .addColumn("applied_at", sql`text`, (c) => c.notNull().defaultTo(e.nowIso))
    .execute();
}

/** The newest migration recorded, or 0 for an empty database. */
export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("schema_migrations").select((eb) => eb.fn.max("version").as("v")).executeTakeFirst();
  return Number(row?.v ?? 0);
}

/** Applies every migration not yet recorded, in order; returns the versions applied by this call. */
export async function migrate(engine: Engine, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  migrations.forEach((m, i) => {
    if (i > 0 && m.version <= migrations[i - 1]!.version) {
      throw new MigrationError(`migrations: versions must increase, ${m.version} follows ${migrations[i - 1]!.version}`);
    }
  });
  const newest = migrations.at(-1)?.version ?? 0;
  await engine.transaction(async (trx) => {
    await engine.lockSchema(trx);
    await ensureMigrationsTable(trx, engine);
    // A database newer than this server (a rolled-back deploy) is refused, not half-used.
    const current = await schemaVersion(trx);
    if (current > newest) {
      throw new MigrationError(`migrations: the database is at schema version ${current}, newer than this server knows (${newest}); run a newer version of the server`);
    }
  });
  const applied: number[] = [];
  for (const m of migrations) {
    const ran = await engine.transaction(async (trx) => {
      await engine.lockSchema(trx);
      // Re-checked under the lock: another node may have applied it while this one waited.
      const done = await trx.selectFrom("schema_migrations").select("version").where("version", "=", m.version).executeTakeFirst();
      if (done) return false;
      await m.up(trx, engine);
      await trx.insertInto("schema_migrations").values({ version: m.version, name: m.name }).execute();
      return true;
    });
    if (ran) applied.push(m.version);
  }
  return applied;
}

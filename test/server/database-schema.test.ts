// The schema against the domain: CHECK constraints accept exactly the `as const` lists (a new
// value in a list fails here until a migration allows it), and a database made by the SQL-only
// migrations of before (schema version 2) is brought forward on start with its data intact.
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { build } from "../../src/server/app";
import { migrate, MIGRATIONS } from "../../src/server/db/migrations";
import { openDatabase } from "../../src/server/db/open";
import { AGENCY_LEVELS, MPP_STATUSES, REGION_TYPES } from "../../src/domain/types";
import { forEachEngine } from "../support/engines";

const LEGACY_SQL = readFileSync(new URL("./fixtures/schema-v2-sqlite.sql", import.meta.url), "utf8");

forEachEngine("database schema: CHECK constraints match the domain's lists", (engine) => {
  it("accepts every listed value and refuses any other, for region type, MPP status and agency level", async () => {
    const db = await openDatabase(await engine.freshConfig(), { seed: false });
    try {
      const region = (code: string, type: string, status: string) => db.kysely.insertInto("regions")
        .values({ code, type: type as never, name: "x", seat: "x", lat: 0, lon: 0, mpp_status: status as never }).execute();
      let n = 1000;
      for (const type of REGION_TYPES) await region(String(n++), type, "unknown");
      for (const status of MPP_STATUSES) await region(String(n++), "kota", status);
      await assert.rejects(region(String(n++), "desa", "unknown"), /check/i, "an unlisted region type is refused");
      await assert.rejects(region(String(n++), "kota", "maybe"), /check/i, "an unlisted MPP status is refused");
      const agency = (id: string, level: string) => db.kysely.insertInto("agencies")
        .values({ id, region_code: "1000", slug: id, name: "x", name_en: "x", short_name: "x", level: level as never }).execute();
      for (const level of AGENCY_LEVELS) await agency(`a-${level}`, level);
      await assert.rejects(agency("a-x", "swasta"), /check/i, "an unlisted agency level is refused");
    } finally {
      await db.close();
    }
  });
});

describe("database schema: bringing a version-2 SQLite file forward", () => {
  const dirs: string[] = [];
  const engineFile = async () => {
    dirs.push(mkdtempSync(join(tmpdir(), "mpp-legacy-")));
    return { engine: "sqlite" as const, path: join(dirs.at(-1)!, "mpp.sqlite") };
  };
  after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it("applies only the new migrations, keeps the rows, and serves them like a new database", async () => {
    const fresh = await engineFile();
    const legacy = new Database(fresh.path);
    legacy.exec(LEGACY_SQL);
    legacy.exec(`INSERT INTO regions (code, type, name, seat, lat, lon, mpp_status, mpp_note) VALUES
      ('3273', 'kota', 'Kota Bandung', 'Bandung', -6.91, 107.61, 'yes', 'dicatat petugas')`);
    legacy.close();
    const app = await build({ database: fresh, distDir: "/nonexistent" });
    try {
      const health = (await app.inject("/api/v1/health")).json();
      assert.deepEqual(health.database, { engine: "sqlite", schemaVersion: MIGRATIONS.at(-1)!.version }, "brought to the newest version");
      const bandung = (await app.inject("/api/v1/regions/3273")).json().region;
      assert.equal(bandung.physicalMpp.note, "dicatat petugas", "the existing row is kept as it was");
      assert.ok(bandung.agencies.length >= 10, "the missing catalog rows were seeded around it");
      const hits = (await app.inject("/api/v1/search?q=paspor&region=3273")).json().hits;
      assert.equal(hits[0].service.agencySlug, "imigrasi", "the old FTS index serves search");
    } finally {
      await app.close();
    }
    const check = new Database(fresh.path, { readonly: true });
    const versions = check.prepare("SELECT version FROM schema_migrations ORDER BY version").all() as Array<{ version: number }>;
    check.close();
    assert.deepEqual(versions.map((v) => v.version), MIGRATIONS.map((m) => m.version), "each version recorded once");
  });

  it("makes the same tables on a new file as the SQL-only migrations made", async () => {
    const a = await engineFile();
    const legacy = new Database(a.path);
    legacy.exec(LEGACY_SQL);
    legacy.close();
    const b = await engineFile();
    // Migrations 1 and 2 are the ones the SQL-only versions shipped; later ones may add columns.
    const db = await openDatabase(b, { migrate: false, seed: false });
    await migrate(db.engine, MIGRATIONS.filter((m) => m.version <= 2));
    const columns = async (k: typeof db.kysely) => {
      const out: Record<string, string> = {};
      for (const t of ["regions", "agencies", "counters", "services"]) {
        const { rows } = await sql<{ name: string; type: string; notnull: number; pk: number }>`SELECT name, type, "notnull", pk FROM pragma_table_info(${t})`.execute(k);
        out[t] = rows.map((r) => `${r.name}:${r.type.toLowerCase()}:${r.notnull}:${r.pk}`).join(",");
      }
      return out;
    };
    const now = await columns(db.kysely);
    await db.close();
    const old = await openDatabase(a, { migrate: false, seed: false });
    const before = await columns(old.kysely);
    await old.close();
    assert.deepEqual(now, before, "same columns, types, NOT NULL and keys");
  });
});


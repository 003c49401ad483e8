// Migrations, seeding and restarts, on both engines: migrate and seed once, a restart changes
// nothing, an officer's edits survive, edits by another connection show without a restart.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql, type Kysely } from "kysely";
import { build } from "../../src/server/app";
import type { DatabaseConfig } from "../../src/server/db/config";
import { migrate, MIGRATIONS } from "../../src/server/db/migrations";
import { openDatabase, type Db } from "../../src/server/db/open";
import { NOTHING_SEEDED, seedDatabase } from "../../src/server/db/seed";
import { forEachEngine } from "../support/engines";

const TABLES = ["regions", "agencies", "counters", "services", "schema_migrations"];

/** Row counts and a hash of every row (without timestamps of when the migration ran). */
async function snapshot(db: Kysely<any>): Promise<{ counts: Record<string, number>; hash: string }> {
  const counts: Record<string, number> = {};
  const hash = createHash("sha256");
  for (const table of TABLES) {
    const { rows } = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY 1`.execute(db);
    counts[table] = rows.length;
    for (const row of rows) hash.update(JSON.stringify(row));
  }
  return { counts, hash: hash.digest("hex") };
}

const servicePath = "/api/v1/services/3273-imigrasi-paspor-biasa";

forEachEngine("database: migrations, seed, restarts", (engine) => {
  let dir: string;
  let config: DatabaseConfig;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "mpp-db-"));
    config = await engine.freshConfig();
  });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it("migrates and seeds once; a second start changes nothing", async () => {
    const one = await openDatabase(config);
    assert.deepEqual(one.migrated, MIGRATIONS.map((m) => m.version), "all migrations applied on a new database");
    assert.ok(one.seeded.services > 27 * 30, "services inserted");
    assert.equal(one.seeded.regions, 27, "27 regions seeded");
    const a = await snapshot(one.kysely);
    await one.close();
    const two = await openDatabase(config);
    try {
      assert.deepEqual(two.migrated, [], "no migration applied twice");
      assert.deepEqual(two.seeded, NOTHING_SEEDED, "nothing inserted twice");
      const b = await snapshot(two.kysely);
      assert.deepEqual(b.counts, a.counts, "same row counts after a restart");
      assert.equal(b.hash, a.hash, "same content hash after a restart");
      assert.equal(await two.schemaVersion(), MIGRATIONS.at(-1)!.version, "schema version is the newest migration");
    } finally {
      await two.close();
    }
  });

  it("keeps an officer's edits and additions across restarts; the seed does not overwrite them", async () => {
    await (await build({ database: config, distDir: dir })).close();
    const db = await openDatabase(config, { migrate: false, seed: false });
    await db.kysely.updateTable("services").set({ hours: "Senin-Jumat 08.00-15.00", fee_note: "dicek petugas" })
      .where("id", "=", "3273-imigrasi-paspor-biasa").execute();
    await db.kysely.insertInto("services").values({
      id: "3273-imigrasi-visa-kunjungan", region_code: "3273", agency_id: "3273-imigrasi", slug: "visa-kunjungan",
      name: "Visa kunjungan", name_en: "Visit visa", description: "Uji", requirements: "[]", steps: "[]", legal_basis: "[]",
      complaint_channels: "[]", keywords: "visa",
    }).execute();
    await db.kysely.updateTable("regions").set({ mpp_note: "catatan petugas" }).where("code", "=", "3205").execute();
    await db.close();
    // A new catalog (another hash) runs the seed again: it still must not overwrite.
    const forced = await openDatabase(config, { seed: false });
    assert.deepEqual(await seedDatabase(forced.engine, undefined, { force: true }), NOTHING_SEEDED, "a forced seed inserts nothing that exists");
    await forced.close();
    const app = await build({ database: config, distDir: dir });
    try {
      const svc = (await app.inject(servicePath)).json().service;
      assert.equal(svc.hours, "Senin-Jumat 08.00-15.00", "edited hours survive");
      assert.equal(svc.fee.note, "dicek petugas", "edited fee note survives");
      const added = await app.inject("/api/v1/services/3273-imigrasi-visa-kunjungan");
      assert.equal(added.statusCode, 200, "an added service is served");
      const found = (await app.inject("/api/v1/search?q=visa&region=3273")).json();
      assert.ok(found.hits.some((h: { service: { id: string } }) => h.service.id === "3273-imigrasi-visa-kunjungan"), "and indexed for search");
      const garut = (await app.inject("/api/v1/regions/3205")).json().region;
      assert.equal(garut.physicalMpp.note, "catatan petugas", "region edit survives");
      assert.equal(garut.physicalMpp.status, "unknown", "status untouched");
    } finally {
      await app.close();
    }
  });

  it("does not bring back a row an officer deleted when the catalog is unchanged", async () => {
    const db = await openDatabase(config);
    await db.kysely.deleteFrom("services").where("id", "=", "3273-bpn-pengecekan-sertifikat").execute();
    await db.close();
    const again = await openDatabase(config);
    try {
      assert.deepEqual(again.seeded, NOTHING_SEEDED, "same catalog: no seeding");
      const row = await again.kysely.selectFrom("services").select("id").where("id", "=", "3273-bpn-pengecekan-sertifikat").executeTakeFirst();
      assert.equal(row, undefined, "the deleted service stays deleted");
    } finally {
      await again.close();
    }
  });

  it("sees edits made by another connection while running, within a second", async () => {
    const app = await build({ database: config, distDir: dir });
    const other = await openDatabase(config, { migrate: false, seed: false });
    try {
      const status = async () => (await app.inject("/api/v1/regions")).json().regions.find((r: { code: string }) => r.code === "3279").physicalMpp.status;
      const before = await app.inject("/api/v1/regions");
      assert.equal(await status(), "unknown", "unknown before");
      await other.kysely.updateTable("regions").set({ mpp_status: "planned" }).where("code", "=", "3279").execute();
      const t0 = Date.now();
      while ((await status()) !== "planned" && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 25));
      const ms = Date.now() - t0;
      assert.equal(await status(), "planned", `the edit shows without a restart (after ${ms} ms)`);
      const r0 = Date.now();
      await status();
      const requestMs = Date.now() - r0;
      assert.ok(ms <= 1000 + 2 * requestMs, `within a second (${ms} ms; one request ${requestMs} ms)`);
      const after = await app.inject("/api/v1/regions");
      assert.notEqual(after.headers.etag, before.headers.etag, "the ETag changed with the data");
    } finally {
      await other.close();
      await app.close();
    }
  });

  it("refuses a verified row without source or date (the honesty rule as a constraint)", async () => {
    const db = await openDatabase(config);
    try {
      await assert.rejects(
        db.kysely.updateTable("services").set({ verified: 1, source: null }).where("id", "=", "3273-imigrasi-paspor-biasa").execute(),
        /CHECK constraint|check constraint/, "constraint rejects it");
    } finally {
      await db.close();
    }
  });

  it("rejects migrations out of order and rolls back a failing one", async () => {
    const db = await openDatabase(config, { migrate: false, seed: false });
    try {
      const noop = async () => {};
      await assert.rejects(migrate(db.engine, [{ version: 2, name: "b", up: noop }, { version: 1, name: "a", up: noop }]), /versions must increase/, "order checked");
      await assert.rejects(migrate(db.engine, [{
        version: 1, name: "bad",
        async up(k) {
          await k.schema.createTable("x").addColumn("a", "integer").execute();
          await sql`SELECT nope FROM missing`.execute(k);
        },
      }]), /missing/, "failure surfaces");
      const x = await sql`SELECT count(*) AS n FROM schema_migrations`.execute(db.kysely);
      assert.equal(Number((x.rows[0] as { n: unknown }).n), 0, "the failed migration is not recorded");
      await assert.rejects(sql`SELECT * FROM x`.execute(db.kysely), /x/, "and left no table behind");
      await migrate(db.engine, [{ version: 7, name: "future", up: noop }]);
      await assert.rejects(migrate(db.engine, [{ version: 1, name: "a", up: noop }]), /newer than this server/, "a newer database is refused");
    } finally {
      await db.close();
    }
  });
});


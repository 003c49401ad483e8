import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/server/app";
import { migrate, MIGRATIONS } from "../../src/server/db/migrations";
import { openDatabase } from "../../src/server/db/open";

const TABLES = ["regions", "agencies", "counters", "services", "schema_migrations"];

/** Row counts and a hash of every row (without timestamps of when the migration ran). */
function snapshot(path: string): { counts: Record<string, number>; hash: string } {
  const db = new Database(path, { readonly: true });
  try {
    const counts: Record<string, number> = {};
    const hash = createHash("sha256");
    for (const table of TABLES) {
      const rows = db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all() as Array<Record<string, unknown>>;
      counts[table] = rows.length;
      for (const row of rows) hash.update(JSON.stringify(row));
    }
    return { counts, hash: hash.digest("hex") };
  } finally {
    db.close();
  }
}

describe("database: migrations, seed, restarts", () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), "mpp-db-")); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it("migrates and seeds once; a second build changes nothing", async () => {
    const path = join(dir, "nested", "mpp.sqlite");
    const first = await build({ dbPath: path, distDir: dir });
    await first.close();
    const a = snapshot(path);
    assert.equal(a.counts.regions, 27, "27 regions seeded");
    assert.equal(a.counts.schema_migrations, MIGRATIONS.length, "every migration recorded");
    const second = await build({ dbPath: path, distDir: dir });
    await second.close();
    const b = snapshot(path);
    assert.deepEqual(b.counts, a.counts, "same row counts after a restart");
    assert.equal(b.hash, a.hash, "same content hash after a restart");
  });

  it("reports what each open did: everything the first time, nothing the second", () => {
    const path = join(dir, "mpp.sqlite");
    const one = openDatabase(path);
    assert.deepEqual(one.migrated, MIGRATIONS.map((m) => m.version), "all migrations applied on a new file");
    assert.ok(one.seeded.services > 27 * 30, "services inserted");
    assert.equal(one.db.pragma("journal_mode", { simple: true }), "wal", "WAL mode");
    one.db.close();
    const two = openDatabase(path);
    assert.deepEqual(two.migrated, [], "no migration applied twice");
    assert.deepEqual(two.seeded, { regions: 0, agencies: 0, counters: 0, services: 0 }, "nothing inserted twice");
    two.db.close();
  });

  it("keeps an officer's edits and additions across restarts; the seed does not overwrite them", async () => {
    const path = join(dir, "mpp.sqlite");
    await (await build({ dbPath: path, distDir: dir })).close();
    const db = new Database(path);
    db.prepare("UPDATE services SET hours = ?, fee_note = ? WHERE id = ?").run("Senin-Jumat 08.00-15.00", "dicek petugas", "3273-imigrasi-paspor-biasa");
    db.prepare(`INSERT INTO services (id, region_code, agency_id, slug, name, name_en, description, requirements, steps,
      legal_basis, complaint_channels, keywords) VALUES ('3273-imigrasi-visa-kunjungan', '3273', '3273-imigrasi', 'visa-kunjungan',
      'Visa kunjungan', 'Visit visa', 'Uji', '[]', '[]', '[]', '[]', 'visa')`).run();
    db.prepare("UPDATE regions SET mpp_note = ? WHERE code = ?").run("catatan petugas", "3205");
    db.close();
    const app = await build({ dbPath: path, distDir: dir });
    try {
      const svc = (await app.inject("/api/v1/services/3273-imigrasi-paspor-biasa")).json().service;
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

  it("sees edits made by another connection while running (no stale cache)", async () => {
    const path = join(dir, "mpp.sqlite");
    const app = await build({ dbPath: path, distDir: dir });
    try {
      const before = (await app.inject("/api/v1/regions")).json().regions.find((r: { code: string }) => r.code === "3279");
      const db = new Database(path);
      db.prepare("UPDATE regions SET mpp_status = 'planned' WHERE code = '3279'").run();
      db.close();
      const after = (await app.inject("/api/v1/regions")).json().regions.find((r: { code: string }) => r.code === "3279");
      assert.equal(before.physicalMpp.status, "unknown", "unknown before");
      assert.equal(after.physicalMpp.status, "planned", "the edit shows without a restart");
    } finally {
      await app.close();
    }
  });

  it("refuses a verified row without source or date (the honesty rule as a constraint)", () => {
    const { db } = openDatabase(":memory:");
    try {
      assert.throws(() => db.prepare("UPDATE services SET verified = 1, source = NULL WHERE id = '3273-imigrasi-paspor-biasa'").run(),
        /CHECK constraint/, "constraint rejects it");
    } finally {
      db.close();
    }
  });

  it("rejects migrations out of order and rolls back a failing one", () => {
    const db = new Database(":memory:");
    try {
      assert.throws(() => migrate(db, [{ version: 2, name: "b", sql: "" }, { version: 1, name: "a", sql: "" }]), /versions must increase/, "order checked");
      assert.throws(() => migrate(db, [{ version: 1, name: "bad", sql: "CREATE TABLE x (a); SELECT nope FROM missing;" }]), /no such table/, "failure surfaces");
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'x'").all();
      assert.equal(tables.length, 0, "the failed migration left nothing behind");
      assert.equal((db.prepare("SELECT count(*) AS n FROM schema_migrations").get() as { n: number }).n, 0, "not recorded");
    } finally {
      db.close();
    }
  });
});

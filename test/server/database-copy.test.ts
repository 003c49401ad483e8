// npm run db:copy and db:backup: an SQLite file (with an officer's edit and a deletion) moved to
// PostgreSQL serves the very same answers there; a non-empty target is refused unless --replace;
// the online backup of SQLite is a working database.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "../../src/server/app";
import { runDbCommand } from "../../src/server/db/cli";
import { MIGRATIONS } from "../../src/server/db/migrations";
import { postgresConfig } from "../../src/server/db/config";
import { openDatabase } from "../../src/server/db/open";
import { createPostgresDatabase, withPostgres } from "../support/engines";

const ROUTES = [
  "/api/v1/regions", "/api/v1/regions/3273", "/api/v1/regions/3204/services", "/api/v1/services/3273-imigrasi-paspor-biasa",
  "/api/v1/search?q=paspor", "/api/v1/search?q=sim%20a&region=3273", "/api/v1/search?q=visa", "/layanan/3273",
];

describe("db commands on SQLite", () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), "mpp-cli-")); });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it("db:migrate brings a new file to the newest schema, then says it is there", async () => {
    const env = { DB_PATH: join(dir, "m.sqlite") };
    const [first] = await runDbCommand(["migrate"], env);
    const versions = MIGRATIONS.map((m) => m.version);
    const newest = versions.at(-1)!;
    assert.ok(first!.endsWith(`applied migrations ${versions.join(", ")}; schema version ${newest}`), `applies every migration, in order (${first})`);
    const [second] = await runDbCommand(["migrate"], env);
    assert.ok(second!.endsWith(`already at schema version ${newest}`), `then nothing (${second})`);
  });

  it("db:backup writes an online copy that opens as the same data", async () => {
    const path = join(dir, "live.sqlite");
    const live = await openDatabase({ engine: "sqlite", path });
    try {
      const [line] = await runDbCommand(["backup", join(dir, "backup.sqlite")], { DB_PATH: path });
      assert.match(line!, /backed up SQLite file .*live\.sqlite to .*backup\.sqlite/, "reports the copy");
    } finally {
      await live.close();
    }
    const copy = await openDatabase({ engine: "sqlite", path: join(dir, "backup.sqlite") });
    try {
      assert.deepEqual(copy.migrated, [], "the backup is at the same schema version");
      const n = await copy.kysely.selectFrom("services").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      assert.ok(Number(n.n) > 27 * 30, "with the services");
    } finally {
      await copy.close();
    }
  });

  it("refuses bad arguments with a usage line", async () => {
    await assert.rejects(runDbCommand(["copy"], {}), /copy needs --from/, "copy without --from");
    await assert.rejects(runDbCommand(["nope"], {}), /^DatabaseConfigError: usage:|usage:/, "unknown command");
    await assert.rejects(runDbCommand(["backup", "x"], { DATABASE_URL: "postgres://u:p@h/db" }), /use pg_dump/, "backup on PostgreSQL points to pg_dump");
  });
});

withPostgres("db:copy from SQLite to PostgreSQL", () => {
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), "mpp-copy-")); });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it("moves every row so that both engines give the same answers, and refuses a non-empty target", async function () {
    this.timeout(120_000);
    const file = join(dir, "mpp.sqlite");
    const sqlite = await openDatabase({ engine: "sqlite", path: file });
    await sqlite.kysely.updateTable("services").set({ hours: "Senin-Kamis 08.00-14.00" }).where("id", "=", "3273-imigrasi-paspor-biasa").execute();
    await sqlite.kysely.deleteFrom("services").where("id", "=", "3204-bpn-pengecekan-sertifikat").execute();
    await sqlite.kysely.insertInto("services").values({
      id: "3273-imigrasi-visa-kunjungan", region_code: "3273", agency_id: "3273-imigrasi", slug: "visa-kunjungan", name: "Visa kunjungan",
      name_en: "Visit visa", description: "Uji", requirements: "[]", steps: "[]", legal_basis: "[]", complaint_channels: "[]", keywords: "visa",
    }).execute();
    await sqlite.close();
    const pg = await createPostgresDatabase("copy");

    const [line] = await runDbCommand(["copy", "--from", file], { DATABASE_URL: pg.url });
    assert.match(line!, /^copied SQLite file .* -> PostgreSQL at .*: regions 27, agencies \d+, counters \d+, services \d+, meta 1$/, `reports counts (${line})`);
    assert.doesNotMatch(line!, /mpp-test/, "no password in the report");

    const a = await build({ database: { engine: "sqlite", path: file } });
    const b = await build({ database: postgresConfig(pg.url) });
    try {
      for (const url of ROUTES) {
        const [ra, rb] = await Promise.all([a.inject(url), b.inject(url)]);
        assert.equal(ra.statusCode, 200, `${url}: 200`);
        assert.equal(rb.body, ra.body, `${url}: PostgreSQL answers exactly as the SQLite file`);
      }
      const ha = (await a.inject("/api/v1/health")).json();
      const hb = (await b.inject("/api/v1/health")).json();
      assert.deepEqual({ ...hb, database: undefined }, { ...ha, database: undefined }, "same counts and data timestamp");
      assert.equal(hb.database.engine, "postgres", "health names the engine");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    // A new service added on PostgreSQL after the copy gets a fresh key, not one of the copied ones.
    const after = await openDatabase(postgresConfig(pg.url));
    try {
      assert.deepEqual(after.seeded, { regions: 0, agencies: 0, counters: 0, services: 0 }, "the copied seed state keeps the deleted row deleted");
      await after.kysely.insertInto("services").values({
        id: "3273-imigrasi-visa-pelajar", region_code: "3273", agency_id: "3273-imigrasi", slug: "visa-pelajar", name: "Visa pelajar",
        name_en: "Student visa", description: "Uji", requirements: "[]", steps: "[]", legal_basis: "[]", complaint_channels: "[]",
      }).execute();
    } finally {
      await after.close();
    }
    await assert.rejects(runDbCommand(["copy", "--from", file], { DATABASE_URL: pg.url }), /not empty; pass --replace/, "a non-empty target is refused");
    const [again] = await runDbCommand(["copy", "--from", file, "--replace"], { DATABASE_URL: pg.url });
    assert.match(again!, /services \d+/, "--replace copies over it");
  });
});

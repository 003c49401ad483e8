// Run a test suite on every database engine: SQLite always, PostgreSQL when TEST_DATABASE_URL is
// set or the local server answers (postgres://mpp:mpp-test@localhost:5432/postgres, as .ci/run
// sets it up). With CI=true a missing PostgreSQL FAILS the suite instead of skipping it.
// TEST_ENGINES=sqlite (or =postgres) runs one engine only.
//
//   import { forEachEngine } from "../support/engines";
//
//   forEachEngine("queue bookings", (engine) => {
//     let db: Db;
//     before(async () => { db = await openDatabase(await engine.freshConfig()); });   // your own database
//     after(() => db.close());
//     it("gives the slot to exactly 10 of 200", async () => { ... });
//   });
//
// engine.freshConfig()  a new, empty database (PostgreSQL: a throwaway database; SQLite: a temp
//                       file) for suites that write. openDatabase()/build() migrate and seed it.
// engine.sharedConfig() one migrated and seeded database per test process, shared by READ-ONLY
//                       suites (the API suites): saves migrating and seeding per suite.
// engine.name           "sqlite" | "postgres", for titles and engine-specific assertions.
// Throwaway PostgreSQL databases are named mpp_t_<pid>_..., dropped after the run (root after
// hook), and left-overs of dead test processes are dropped at the next run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { postgresConfig, type DatabaseConfig } from "../../src/server/db/config";
import { openDatabase } from "../../src/server/db/open";
import type { DatabaseEngine } from "../../src/domain/types";

export const LOCAL_POSTGRES_URL = "postgres://mpp:mpp-test@localhost:5432/postgres";

export interface TestEngine {
  name: DatabaseEngine;
  freshConfig(): Promise<DatabaseConfig>;
  sharedConfig(): Promise<DatabaseConfig>;
}

const ci = process.env.CI === "true" || process.env.CI === "1";
const only = process.env.TEST_ENGINES?.split(",").map((s) => s.trim()).filter(Boolean);
const adminUrl = process.env.TEST_DATABASE_URL?.trim() || LOCAL_POSTGRES_URL;
const PREFIX = `mpp_t_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL cannot be used, or null when it can (probed once per process, at load). */
const postgresProblem: string | null = only && !only.includes("postgres")
  ? "TEST_ENGINES excludes postgres"
  : await withAdmin(async (c) => {
    await c.query("select 1");
    // Left-overs of test processes that died before their after hook.
    const { rows } = await c.query<{ datname: string }>("select datname from pg_database where datname like 'mpp\\_t\\_%'");
    for (const { datname } of rows) {
      const pid = Number(datname.split("_")[2]);
      let alive = true;
      try { process.kill(pid, 0); } catch (e) { alive = (e as NodeJS.ErrnoException).code === "EPERM"; }
      if (!alive) await c.query(`drop database if exists "${datname}" with (force)`).catch(() => undefined);
    }
    return null;
  }).catch((err: Error) => `PostgreSQL not reachable at ${new URL(adminUrl).host} (${err.message.split("\n")[0]})`);

let counter = 0;
const created: string[] = [];
const tempDirs: string[] = [];

/** A new empty PostgreSQL database on the test server; dropped after the run. */
export async function createPostgresDatabase(label = "db"): Promise<{ name: string; url: string }> {
  const name = `${PREFIX}_${label.replace(/[^a-z0-9]/g, "").slice(0, 12)}_${++counter}`;
  await withAdmin((c) => c.query(`create database "${name}"`));
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export async function dropPostgresDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`));
  const i = created.indexOf(name);
  if (i >= 0) created.splice(i, 1);
}

function sqliteFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "mpp-db-"));
  tempDirs.push(dir);
  return join(dir, "mpp.sqlite");
}

let sharedSqlite: Promise<DatabaseConfig> | null = null;
let sharedPostgres: Promise<DatabaseConfig> | null = null;

async function migratedAndSeeded(config: DatabaseConfig): Promise<DatabaseConfig> {
  const db = await openDatabase(config);
  await db.close();
  return config;
}

const ENGINES: Record<DatabaseEngine, TestEngine> = {
  sqlite: {
    name: "sqlite",
    freshConfig: async () => ({ engine: "sqlite", path: sqliteFile() }),
    sharedConfig: () => (sharedSqlite ??= migratedAndSeeded({ engine: "sqlite", path: sqliteFile() })),
  },
  postgres: {
    name: "postgres",
    freshConfig: async () => postgresConfig((await createPostgresDatabase()).url),
    sharedConfig: () => (sharedPostgres ??= createPostgresDatabase("shared").then(({ url }) => migratedAndSeeded(postgresConfig(url)))),
  },
};

/** Whether PostgreSQL suites run in this process (false: they are skipped, or fail under CI). */
export const postgresAvailable = postgresProblem === null;

/** Registers `describe(\`${title} [engine]\`)` once per engine; PostgreSQL skipped (or failing under CI) when unreachable. */
export function forEachEngine(title: string, body: (engine: TestEngine) => void): void {
  for (const name of ["sqlite", "postgres"] as const) {
    if (only && !only.includes(name)) continue;
    const full = `${title} [${name}]`;
    if (name === "postgres" && postgresProblem !== null) {
      if (ci) describe(full, () => { it("needs PostgreSQL (CI=true: a missing server is a failure)", () => { throw new Error(postgresProblem); }); });
      else describe.skip(`${full}: ${postgresProblem}`, () => body(ENGINES.postgres));
      continue;
    }
    describe(full, () => body(ENGINES[name]));
  }
}

/** Runs the body only where PostgreSQL is available (under CI a missing server fails). */
export function withPostgres(title: string, body: (engine: TestEngine) => void): void {
  if (only && !only.includes("postgres")) return;
  if (postgresProblem !== null) {
    if (ci) describe(title, () => { it("needs PostgreSQL (CI=true: a missing server is a failure)", () => { throw new Error(postgresProblem); }); });
    else describe.skip(`${title}: ${postgresProblem}`, () => body(ENGINES.postgres));
    return;
  }
  describe(title, () => body(ENGINES.postgres));
}

if (typeof after === "function") {
  // Root hook (registered at load, outside any describe): runs once after every suite of the process.
  after(async function dropTestDatabases() {
    this.timeout(180_000);
    if (created.length > 0) {
      // One admin connection for all: on a loaded machine a connection per database is what takes the time.
      await withAdmin(async (c) => {
        for (const name of created.splice(0)) await c.query(`drop database if exists "${name}" with (force)`).catch(() => undefined);
      }).catch(() => undefined);
    }
    for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
}

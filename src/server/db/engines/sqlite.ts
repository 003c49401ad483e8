// The embedded engine: one better-sqlite3 connection in WAL mode (readers never block the writer),
// FTS5 for search candidates, BEGIN IMMEDIATE for write transactions (the write lock is taken at
// the start, so two writers never deadlock on a lock upgrade; busy_timeout makes the second wait).
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery, Kysely, sql, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler,
  type DatabaseConnection, type Dialect, type SqliteDatabase, type SqliteStatement,
} from "kysely";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { SqliteConfig } from "../config";
import type { Database } from "../tables";
import type { Engine } from "./engine";

const NOW = sql<string>`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;
const NOW_TEXT = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

/** Kysely prepares every query again; better-sqlite3 statements can be kept and re-run (bounded cache). */
function withStatementCache(db: BetterSqlite3.Database, size = 256): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => db.close(),
    prepare(text: string) {
      let st = cache.get(text);
      if (!st) {
        if (cache.size >= size) cache.clear();
        st = db.prepare(text) as unknown as SqliteStatement;
        cache.set(text, st);
      }
      return st;
    },
  };
}

const FTS_ROW = `new.pk, new.name, new.name_en, new.slug,
  coalesce((SELECT a.name || ' ' || a.short_name || ' ' || a.name_en || ' ' || a.slug FROM agencies a WHERE a.id = new.agency_id), ''),
  new.keywords, new.description`;

const exec = (db: Kysely<any>, text: string) => sql.raw(text).execute(db);

const UNAVAILABLE = new Set(["SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN"]);

export function openSqlite(config: SqliteConfig): Engine {
  const memory = config.path === ":memory:";
  // Errors here (folder not writable, not a database, ...) propagate as they are: startup.ts names
  // the file and what to do from their code.
  if (!memory) mkdirSync(dirname(config.path), { recursive: true });
  const raw = new BetterSqlite3(config.path);
  try {
    // WAL: readers never block the writer (an officer editing while the server answers).
    if (!memory) raw.pragma("journal_mode = WAL");
    raw.pragma("foreign_keys = ON");
    raw.pragma("busy_timeout = 5000");
  } catch (err) {
    raw.close();
    throw err;
  }
  const database = withStatementCache(raw);
  const dialect: Dialect = {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateSqliteDriver({ database }),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
  const kysely = new Kysely<Database>({ dialect });
  // Prepared on first use: the table exists only once the migrations ran.
  let versionStatement: BetterSqlite3.Statement | null = null;

  return {
    name: "sqlite",
    kysely,
    nowIso: NOW,
    types: { serialPk: sql`integer`, key: sql`text`, real: sql`real` },
    versionTtlMs: 0,
    // Inside an open transaction (a writer between statements) the row may hold an uncommitted
    // bump that could still roll back: then the caller reads through Kysely, which waits for it.
    readVersionNow: () => {
      if (raw.inTransaction) return null;
      versionStatement ??= raw.prepare("SELECT cast(version AS text) FROM data_version WHERE id = 1").pluck();
      return String(versionStatement.get() ?? "0");
    },
    jsonCheck: (column) => sql`json_valid(${sql.ref(column)})`,

    async createTouchTrigger(db, table, key) {
      await exec(db, `CREATE TRIGGER ${table}_touch AFTER UPDATE ON ${table} WHEN new.updated_at IS old.updated_at BEGIN
  UPDATE ${table} SET updated_at = ${NOW_TEXT} WHERE ${key} = new.${key};
END`);
    },

    async createSearchIndex(db) {
      for (const statement of [
        `CREATE VIRTUAL TABLE services_fts USING fts5(
  name, name_en, slug, agency, keywords, description,
  tokenize = 'unicode61 remove_diacritics 2'
)`,
        `CREATE TRIGGER services_fts_insert AFTER INSERT ON services BEGIN
  INSERT INTO services_fts(rowid, name, name_en, slug, agency, keywords, description) VALUES (${FTS_ROW});
END`,
        `CREATE TRIGGER services_fts_delete AFTER DELETE ON services BEGIN
  DELETE FROM services_fts WHERE rowid = old.pk;
END`,
        `CREATE TRIGGER services_fts_update AFTER UPDATE ON services BEGIN
  DELETE FROM services_fts WHERE rowid = old.pk;
  INSERT INTO services_fts(rowid, name, name_en, slug, agency, keywords, description) VALUES (${FTS_ROW});
END`,
        // an agency renamed by hand re-indexes its services (the update fires services_fts_update)
        `CREATE TRIGGER agencies_fts_update AFTER UPDATE OF name, short_name, name_en ON agencies BEGIN
  UPDATE services SET keywords = keywords WHERE agency_id = new.id;
END`,
        `INSERT INTO services_fts(rowid, name, name_en, slug, agency, keywords, description)
  SELECT s.pk, s.name, s.name_en, s.slug,
    coalesce((SELECT a.name || ' ' || a.short_name || ' ' || a.name_en || ' ' || a.slug FROM agencies a WHERE a.id = s.agency_id), ''),
    s.keywords, s.description
  FROM services s`,
      ]) await exec(db, statement);
    },

    async createDataVersionTriggers(db, tables) {
      // SQLite has row-level triggers only: one bump per changed row, all inside the writer's transaction.
      for (const table of tables) {
        for (const event of ["INSERT", "UPDATE", "DELETE"]) {
          await exec(db, `CREATE TRIGGER ${table}_data_version_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END`);
        }
      }
    },

    searchCandidates(terms) {
      // Words are letters and digits only (tokenize), so quoting them cannot inject FTS syntax;
      // the whole expression is still a bound parameter.
      const match = terms.map((forms) => `(${forms.map((w) => `"${w}"*`).join(" OR ")})`).join(" AND ");
      return sql`s.pk IN (SELECT rowid FROM services_fts WHERE services_fts MATCH ${match})`;
    },

    afterExplicitKeys: async () => { /* INTEGER PRIMARY KEY continues after the largest rowid by itself */ },
    transaction: (fn) => kysely.transaction().execute(fn),
    lockSchema: async () => { /* BEGIN IMMEDIATE already holds the database's write lock */ },
    isUnavailable(err) {
      const code = String((err as { code?: unknown } | null)?.code ?? "");
      return [...UNAVAILABLE].some((c) => code === c || code.startsWith(`${c}_`));
    },
    probe: async () => { await sql`select 1`.execute(kysely); },
    close: () => kysely.destroy(),
  };
}

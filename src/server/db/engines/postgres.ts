// The engine for several nodes: a `pg` pool per node. Requests that find every connection busy
// wait in the pool's queue for at most poolWaitMs, then fail as "unavailable" (503); statements
// are cancelled by the server after statementTimeoutMs; idle connections lost to a server restart
// are logged in one line and replaced on the next request. Search candidates come from
// services_search, a folded word list per service kept by triggers; schema changes and seeding
// take a transaction-level advisory lock so nodes starting together migrate exactly once.
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { describeTarget, type PostgresConfig } from "../config";
import type { Database } from "../tables";
import { DatabaseStartError, reasonOf, type Engine } from "./engine";

const NOW_TEXT = `to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const NOW = sql.raw<string>(`(${NOW_TEXT})`);

/** Key of the advisory lock held while migrating or seeding ("mpp" in ASCII). */
export const SCHEMA_LOCK_KEY = 0x6d7070;

const exec = (db: Kysely<any>, text: string) => sql.raw(text).execute(db);

// SQLSTATE classes and codes that mean "not now" rather than "wrong": connection exceptions,
// shutdown and startup, too many connections, cancelled by statement_timeout.
const UNAVAILABLE_STATES = ["08", "53", "57P01", "57P02", "57P03", "57014"];
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "EPIPE", "ENETUNREACH"]);
const UNAVAILABLE_MESSAGES = [
  "timeout exceeded when trying to connect", "Connection terminated", "connection timeout", "not queryable",
  "Cannot use a pool after calling end", "Client was closed", "Query read timeout",
];

const RETRYABLE = new Set(["40001", "40P01"]);

export function openPostgres(config: PostgresConfig, log: (message: string) => void): Engine {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolMax,
    connectionTimeoutMillis: config.poolWaitMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: config.statementTimeoutMs,
    idle_in_transaction_session_timeout: Math.max(config.statementTimeoutMs * 3, 30_000),
    application_name: "mpp-digital-xr",
    keepAlive: true,
  });
  // Without a listener an idle connection dropped by a server restart would crash the process.
  pool.on("error", (err) => log(`database: an idle connection to ${describeTarget(config)} was lost (${reasonOf(err)}); it is replaced on the next request`));
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });

  const isUnavailable = (err: unknown): boolean => {
    if (err instanceof AggregateError) return err.errors.some(isUnavailable);
    const e = err as { code?: unknown; message?: unknown } | null;
    const code = typeof e?.code === "string" ? e.code : "";
    const message = typeof e?.message === "string" ? e.message : "";
    return UNAVAILABLE_CODES.has(code)
      || (code.length === 5 && UNAVAILABLE_STATES.some((s) => code.startsWith(s)))
      || UNAVAILABLE_MESSAGES.some((m) => message.includes(m));
  };

  return {
    name: "postgres",
    kysely,
    nowIso: NOW,
    // COLLATE "C": keys sort bytewise, as on SQLite, whatever the database's default collation.
    types: { serialPk: sql`serial`, key: sql`text COLLATE "C"`, real: sql`double precision` },
    versionTtlMs: 250,
    // A cast that fails rejects the row just as a failed CHECK would.
    jsonCheck: (column) => sql`(${sql.ref(column)}::json IS NOT NULL)`,

    async createTouchTrigger(db, table) {
      await exec(db, `CREATE OR REPLACE FUNCTION mpp_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN NEW.updated_at := ${NOW_TEXT}; END IF;
  RETURN NEW;
END $$`);
      await exec(db, `CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION mpp_touch()`);
    },

    async createSearchIndex(db) {
      // The same folding as domain/normalize.ts: NFKD, combining marks dropped, lower case, words of
      // letters and digits; stored as " word word ... " so a word prefix is a substring " w".
      for (const statement of [
        `DO $$ BEGIN
  IF current_setting('server_encoding') <> 'UTF8' THEN
    RAISE EXCEPTION 'the database must use UTF8 encoding (it uses %)', current_setting('server_encoding');
  END IF;
END $$`,
        `CREATE FUNCTION mpp_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ' ' || btrim(regexp_replace(lower(regexp_replace(normalize(coalesce(t, ''), NFKD),
    '[\\u0300-\\u036f\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f]', '', 'g')), '[^[:alnum:]]+', ' ', 'g')) || ' '
$$`,
        `CREATE TABLE services_search (
  pk integer PRIMARY KEY REFERENCES services(pk) ON DELETE CASCADE,
  tokens text NOT NULL
)`,
        `CREATE FUNCTION mpp_services_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO services_search (pk, tokens)
  SELECT NEW.pk, mpp_fold(NEW.name) || mpp_fold(NEW.name_en) || mpp_fold(NEW.slug)
    || mpp_fold((SELECT a.name || ' ' || a.short_name || ' ' || a.name_en || ' ' || a.slug FROM agencies a WHERE a.id = NEW.agency_id))
    || mpp_fold(NEW.keywords) || mpp_fold(NEW.description)
  ON CONFLICT (pk) DO UPDATE SET tokens = excluded.tokens;
  RETURN NULL;
END $$`,
        "CREATE TRIGGER services_search_sync AFTER INSERT OR UPDATE ON services FOR EACH ROW EXECUTE FUNCTION mpp_services_search_sync()",
        // an agency renamed by hand re-indexes its services (the update fires services_search_sync)
        `CREATE FUNCTION mpp_agency_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE services SET keywords = keywords WHERE agency_id = NEW.id;
  RETURN NULL;
END $$`,
        "CREATE TRIGGER agencies_search_sync AFTER UPDATE OF name, short_name, name_en ON agencies FOR EACH ROW EXECUTE FUNCTION mpp_agency_search_sync()",
        "UPDATE services SET keywords = keywords",
      ]) await exec(db, statement);
    },

    async createDataVersionTriggers(db, tables) {
      // Statement-level: one bump per writing statement, however many rows it touched.
      await exec(db, `CREATE FUNCTION mpp_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END $$`);
      for (const table of tables) {
        await exec(db, `CREATE TRIGGER ${table}_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
  FOR EACH STATEMENT EXECUTE FUNCTION mpp_bump_data_version()`);
      }
    },

    searchCandidates(terms) {
      const each = terms.map((forms) => sql`(${sql.join(forms.map((w) => sql`position(${` ${w}`} in x.tokens) > 0`), sql` OR `)})`);
      return sql`EXISTS (SELECT 1 FROM services_search x WHERE x.pk = s.pk AND ${sql.join(each, sql` AND `)})`;
    },

    async transaction(fn, options = {}) {
      const retries = options.retries ?? 3;
      for (let attempt = 0; ; attempt++) {
        try {
          return await kysely.transaction().setIsolationLevel(options.isolation ?? "read committed").execute(fn);
        } catch (err) {
          const code = (err as { code?: unknown } | null)?.code;
          if (attempt >= retries || typeof code !== "string" || !RETRYABLE.has(code)) throw err;
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * (attempt + 1)));
        }
      }
    },

    async afterExplicitKeys(db, table, column) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), coalesce((SELECT max(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(db);
    },

    async lockSchema(trx) {
      await sql`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_KEY})`.execute(trx);
    },

    isUnavailable,

    async probe() {
      try {
        await sql`select 1`.execute(kysely);
      } catch (err) {
        throw new DatabaseStartError(`database: cannot connect to ${describeTarget(config)}: ${reasonOf(err)}`);
      }
    },

    close: () => kysely.destroy(),
  };
}

// Which database to use, from options or the environment: PostgreSQL when DATABASE_URL is set,
// otherwise the embedded SQLite file (DB_PATH, default data/mpp.sqlite). Also the one place that
// turns a target into words for messages and logs: host, port and database name, never the
// password or the whole connection string.
import { resolve } from "node:path";

export interface SqliteConfig {
  engine: "sqlite";
  /** File path, created if missing; ":memory:" for a throwaway database. */
  path: string;
}

export interface PostgresConfig {
  engine: "postgres";
  url: string;
  /** Connections per node (DB_POOL_MAX, default 10). */
  poolMax: number;
  /** How long a request waits for a free connection before it gets 503 (DB_POOL_WAIT_MS, default 2000). */
  poolWaitMs: number;
  /** Longest a statement may run before PostgreSQL cancels it (DB_STATEMENT_TIMEOUT_MS, default 10000). */
  statementTimeoutMs: number;
}

export type DatabaseConfig = SqliteConfig | PostgresConfig;

export const POSTGRES_DEFAULTS = { poolMax: 10, poolWaitMs: 2000, statementTimeoutMs: 10_000 } as const;

export class DatabaseConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseConfigError";
  }
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new DatabaseConfigError(`${name} must be a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}

/** A PostgreSQL config for the URL, with pool settings from the environment (or the defaults). */
export function postgresConfig(url: string, env: NodeJS.ProcessEnv = {}): PostgresConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError("DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)");
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") {
    throw new DatabaseConfigError(`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//...)`);
  }
  return {
    engine: "postgres",
    url,
    poolMax: positiveInt(env, "DB_POOL_MAX", POSTGRES_DEFAULTS.poolMax),
    poolWaitMs: positiveInt(env, "DB_POOL_WAIT_MS", POSTGRES_DEFAULTS.poolWaitMs),
    statementTimeoutMs: positiveInt(env, "DB_STATEMENT_TIMEOUT_MS", POSTGRES_DEFAULTS.statementTimeoutMs),
  };
}

/** DATABASE_URL (PostgreSQL) or DB_PATH (SQLite, default data/mpp.sqlite, relative to the working directory). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) return postgresConfig(url, env);
  return { engine: "sqlite", path: env.DB_PATH === ":memory:" ? ":memory:" : resolve(env.DB_PATH ?? "data/mpp.sqlite") };
}

/** "PostgreSQL at db.example:5432, database mpp" or "SQLite file /srv/mpp.sqlite": no password, no URL. */
export function describeTarget(config: DatabaseConfig): string {
  if (config.engine === "sqlite") return config.path === ":memory:" ? "SQLite in memory" : `SQLite file ${config.path}`;
  const u = new URL(config.url);
  const host = u.hostname || "localhost";
  const db = decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username) || "postgres";
  return `PostgreSQL at ${host}:${u.port || "5432"}, database ${db}`;
}

/** Removes anything that looks like a connection string or a password from a message. */
export function redact(text: string): string {
  return text
    .replace(/postgres(?:ql)?:\/\/[^\s"']*/gi, "postgres://…")
    .replace(/password=[^\s&"']*/gi, "password=…");
}

// Opens the database for the server or a command: connects (SQLite file or PostgreSQL pool),
// brings the schema forward, seeds what is missing, and hands out the engine, the data version
// and the transaction helper. Failures at start are one-line DatabaseStartErrors naming the
// target (host, port, database; never the password).
import type { Kysely, Transaction } from "kysely";
import type { SeedData } from "../../domain/catalog/seed";
import type { DatabaseEngine } from "../../domain/types";
import { describeTarget, type DatabaseConfig } from "./config";
import { DataVersion, bumpDataVersion } from "./data-version";
import { DatabaseStartError, reasonOf, type Engine, type TransactionOptions } from "./engines/engine";
import { openPostgres } from "./engines/postgres";
import { openSqlite } from "./engines/sqlite";
import { migrate, MigrationError, schemaVersion } from "./migrations";
import { defaultSeed, NOTHING_SEEDED, seedDatabase, type SeedCounts } from "./seed";
import type { Database } from "./tables";

export interface OpenOptions {
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** Insert missing catalog rows (default true); false for commands and tests that bring their own data. */
  seed?: boolean | SeedData;
  /** Where one-line warnings go (lost idle connections); default stderr. */
  log?: (message: string) => void;
  /** Overrides the engine's data-version TTL (ms). */
  versionTtlMs?: number;
}

export interface Db {
  readonly engine: Engine;
  readonly name: DatabaseEngine;
  readonly kysely: Kysely<Database>;
  readonly dataVersion: DataVersion;
  /** "PostgreSQL at host:5432, database mpp" or "SQLite file ..." (no secrets). */
  readonly target: string;
  readonly migrated: number[];
  readonly seeded: SeedCounts;
  schemaVersion(): Promise<number>;
  /**
   * Runs fn in one transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: the isolation asked, retried
   * on serialization failures). Use only trx inside fn. See docs/architecture.md, "Writes".
   */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** A transaction that also bumps the data version: for writes that change what the API shows. */
  write<T>(fn: (trx: Transaction<Database>) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** True when err means "the database is unavailable for now" (answer 503). */
  isUnavailable(err: unknown): boolean;
  close(): Promise<void>;
}

const defaultLog = (message: string) => process.stderr.write(`${message}\n`);

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Db> {
  const log = options.log ?? defaultLog;
  const engine = config.engine === "postgres" ? openPostgres(config, log) : openSqlite(config); // SQLite file errors propagate
  const target = describeTarget(config);
  try {
    await engine.probe();
    let migrated: number[] = [];
    try {
      if (options.migrate !== false) migrated = await migrate(engine);
    } catch (err) {
      if (err instanceof MigrationError) throw new DatabaseStartError(`database: ${target}: ${err.message}`);
      if (config.engine === "sqlite") throw err;
      throw new DatabaseStartError(`database: migrating ${target} failed: ${reasonOf(err)}`);
    }
    let seeded: SeedCounts = { ...NOTHING_SEEDED };
    if (options.seed !== false) {
      try {
        seeded = await seedDatabase(engine, options.seed === undefined || options.seed === true ? defaultSeed() : options.seed);
      } catch (err) {
        if (config.engine === "sqlite") throw err;
        throw new DatabaseStartError(`database: seeding ${target} failed: ${reasonOf(err)}`);
      }
    }
    const dataVersion = new DataVersion(engine.kysely, options.versionTtlMs ?? engine.versionTtlMs, Date.now, engine.readVersionNow ?? null);
    return {
      engine,
      name: engine.name,
      kysely: engine.kysely,
      dataVersion,
      target,
      migrated,
      seeded,
      schemaVersion: () => schemaVersion(engine.kysely),
      transaction: (fn, o) => engine.transaction(fn, o),
      async write(fn, o) {
        try {
          return await engine.transaction(async (trx) => {
            const result = await fn(trx);
            await bumpDataVersion(trx);
            return result;
          }, o);
        } finally {
          dataVersion.invalidate();
        }
      },
      isUnavailable: (err) => engine.isUnavailable(err),
      close: () => engine.close(),
    };
  } catch (err) {
    await engine.close().catch(() => undefined);
    // SQLite's own errors keep their code (startup.ts explains them); PostgreSQL's become one safe line.
    if (err instanceof DatabaseStartError || config.engine === "sqlite") throw err;
    throw new DatabaseStartError(`database: cannot open ${target}: ${reasonOf(err)}`);
  }
}

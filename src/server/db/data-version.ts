// The data version: one number in data_version that every write to the catalog moves (triggers,
// or bumpDataVersion() for writes the triggers do not see). Caches built from the data (region
// lists, search documents, serialized answers) carry the version they were built at and are
// rebuilt when it moves, so a change made through any node, or by hand in psql/sqlite3, shows on
// every node. Reads are lazy and shared: a request reads the version only when the last read is
// older than the engine's TTL (SQLite 0: every request, it is a local read; PostgreSQL 250 ms),
// and concurrent requests share one read. Where the engine can read it synchronously for almost
// nothing (SQLite outside a transaction: Engine.readVersionNow) that read is used, without
// Kysely's connection queue and promise chain on every request. A failing read fails the request (503 while the
// database is down) instead of serving caches of unknown age.
import { sql, type Kysely } from "kysely";
import type { Database } from "./tables";

export class DataVersion {
  private value: string | null = null;
  private readAt = 0;
  private inflight: Promise<string> | null = null;
  private generation = 0;

  /** Compiled once: this runs on every request on SQLite. */
  private readonly query;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    /** A synchronous read (Engine.readVersionNow); null from it means "read through Kysely now". */
    private readonly readNow: (() => string | null) | null = null,
  ) {
    this.query = versionQuery(db).compile();
  }

  /**
   * The version when it is known without waiting: the last read within the TTL, or the engine's
   * synchronous read; null when it must be read through the database (current()). Throws what
   * the synchronous read throws.
   */
  currentNow(): string | null {
    if (this.value !== null && this.ttlMs > 0 && this.now() - this.readAt < this.ttlMs) return this.value;
    const read = this.readNow?.() ?? null;
    if (read !== null) {
      this.value = read;
      this.readAt = this.now();
    }
    return read;
  }

  /** The current version as an opaque string; equal strings mean equal data. */
  current(): Promise<string> {
    const known = this.currentNow();
    if (known !== null) return Promise.resolve(known);
    if (!this.inflight) {
      const generation = this.generation;
      const read: Promise<string> = this.db.executeQuery(this.query).then(
        ({ rows }) => {
          const v = rows[0]?.v ?? "0";
          // A read begun before invalidate() may predate the write: answer with it, do not keep it.
          if (generation === this.generation) {
            this.value = v;
            this.readAt = this.now();
          }
          if (this.inflight === read) this.inflight = null;
          return v;
        },
        (err: unknown) => {
          if (this.inflight === read) this.inflight = null;
          throw err;
        },
      );
      this.inflight = read;
    }
    return this.inflight;
  }

  /** Forgets the cached value: the next current() reads it anew (after a write through this process). */
  invalidate(): void {
    this.value = null;
    this.inflight = null;
    this.generation++;
  }
}

const versionQuery = (db: Kysely<Database>) =>
  db.selectFrom("data_version").select(sql<string>`cast(version as text)`.as("v")).where("id", "=", 1);

export async function readVersion(db: Kysely<Database>): Promise<string> {
  return (await versionQuery(db).executeTakeFirst())?.v ?? "0";
}

/**
 * Moves the data version, inside the caller's transaction when given one: every node's caches and
 * ETags change within a second. For writes that triggers do not cover (e.g. an officer publishing
 * a draft kept in a table outside VERSIONED_TABLES).
 */
export async function bumpDataVersion(db: Kysely<Database>): Promise<void> {
  await db.updateTable("data_version").set((eb) => ({ version: eb("version", "+", 1) })).where("id", "=", 1).execute();
}

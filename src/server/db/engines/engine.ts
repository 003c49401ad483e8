// What differs between the two engines, behind one interface: connecting, the few DDL pieces
// with no portable form (triggers, the search index), the full-text candidates of a search, the
// write transaction, and which errors mean "the database is unavailable, answer 503". Everything
// else (tables, queries, migrations' table definitions, seeding) is written once with Kysely.
import type { Kysely, RawBuilder, SqlBool, Transaction } from "kysely";
import type { DatabaseEngine } from "../../../domain/types";
import { StartError } from "../../startup";
import { redact } from "../config";
import type { Database } from "../tables";

/** A column type in DDL, as raw SQL (e.g. sql`integer`). */
export type DataTypeExpression = RawBuilder<unknown>;

export type IsolationLevel = "read committed" | "repeatable read" | "serializable";

export interface TransactionOptions {
  /**
   * PostgreSQL isolation level (default "read committed"). SQLite transactions are always
   * serializable: BEGIN IMMEDIATE takes the database's write lock at the start.
   */
  isolation?: IsolationLevel;
  /** Retries after a serialization failure or deadlock on PostgreSQL (default 3). */
  retries?: number;
}

export interface Engine {
  readonly name: DatabaseEngine;
  readonly kysely: Kysely<Database>;
  /** An SQL expression giving the current UTC time as ISO-8601 text with milliseconds. */
  readonly nowIso: RawBuilder<string>;
  /** Column types for DDL: an auto-numbered integer key, a text key compared bytewise, a float. */
  readonly types: { serialPk: DataTypeExpression; key: DataTypeExpression; real: DataTypeExpression };
  /** How long a read data version stays fresh in this process (0: read it on every request). */
  readonly versionTtlMs: number;
  /**
   * The data version read synchronously, where that costs almost nothing (SQLite: one prepared
   * statement on the process's own connection, about a microsecond against tens through Kysely's
   * queue); null when it cannot be read that way now (a transaction is open on the connection, whose
   * uncommitted bump must not be seen). Absent: always read through Kysely.
   */
  readonly readVersionNow?: () => string | null;
  /** A CHECK condition that the text column holds valid JSON. */
  jsonCheck(column: string): RawBuilder<unknown>;
  /** Migration 1: keep updated_at current when a row is edited by hand. */
  createTouchTrigger(db: Kysely<any>, table: string, key: string): Promise<void>;
  /** Migration 2: the full-text index of services, kept current by triggers. */
  createSearchIndex(db: Kysely<any>): Promise<void>;
  /** Migration 3: every write to these tables bumps data_version. */
  createDataVersionTriggers(db: Kysely<any>, tables: readonly string[]): Promise<void>;
  /**
   * A condition on services aliased "s": true for rows where, for every term, one of its folded
   * words (the query word or its alternatives: data/vocabulary.ts) is a word prefix.
   */
  searchCandidates(terms: ReadonlyArray<readonly string[]>): RawBuilder<SqlBool>;
  /** Runs fn in one write transaction; see TransactionOptions. */
  transaction<T>(fn: (trx: Transaction<Database>) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Inside a transaction: waits for the schema lock (migrations, seeding) held by another node. */
  lockSchema(trx: Kysely<Database>): Promise<void>;
  /** After rows were inserted with explicit keys (db:copy): move auto-numbering past them. */
  afterExplicitKeys(db: Kysely<any>, table: string, column: string): Promise<void>;
  /** True for errors that mean "unavailable for now" (server down, pool exhausted, busy): 503, not 500. */
  isUnavailable(err: unknown): boolean;
  /** Checks the server answers; throws a one-line error naming the host when it does not. */
  probe(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A database that cannot be opened at start: the message is one line, names the target, and holds
 * no secret. A StartError, so main.ts prints it as it is. (SQLite's own file errors are not wrapped:
 * startup.ts explains them with the file's path.)
 */
export class DatabaseStartError extends StartError {
  override name = "DatabaseStartError";
}

/** The one-line reason of a driver error, without stack or connection string. */
export function reasonOf(err: unknown): string {
  if (err instanceof AggregateError && err.errors.length > 0) return reasonOf(err.errors[0]);
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === "string" ? e.code : "";
  const message = redact(typeof e?.message === "string" ? e.message.split("\n")[0]! : String(err));
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host not found";
  if (code === "ETIMEDOUT") return "connection timed out";
  return message || code || "unknown error";
}

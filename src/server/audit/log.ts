// The audit trail: every state change of officers' features writes exactly one row through
// recordAudit(), inside the transaction of the change itself (so a change and its row commit or
// fail together). Rows are append-only and chained: each stores the hash of the row before it and
// its own hash over its content, so an edit, an insert or a gap made behind the application's
// back breaks the chain (verify.ts, `npm run audit -- verify`).
//
// One writer at a time, on both engines: the first statement of a write is an UPDATE of the single
// audit_head row, which takes that row's lock (PostgreSQL: a row lock held to the end of the
// transaction, so writers on every node queue there and each sees the head the previous one left;
// SQLite: the transaction already holds the database's write lock). Sequence numbers are taken from
// the head, never from a sequence, so they have no gaps.
import { createHash } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Change } from "../../domain/admin/service-fields";
import type { Database } from "../db/tables";
import type { AuditLogTable } from "../db/tables-officers";

/** Every action the log knows; later features add theirs here (one list for readers and tests). */
export const AUDIT_ACTIONS = [
  "auth.login", "auth.login_failed", "auth.logout",
  "officer.create", "officer.disable", "officer.enable", "officer.password_reset",
  "draft.save", "draft.submit", "draft.publish", "draft.reject",
  "record.verify",
  "ticket.take", "ticket.answer", "ticket.forward", "ticket.close", "ticket.lapor",
  // the queue (src/server/queue)
  "queue.call", "queue.recall", "queue.served", "queue.no_show", "queue.transfer", "queue.settings", "queue.day",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditActor {
  /** Username; "cli:<os user>" for the account command; "(unknown)" for a sign-in of no account. */
  username: string;
  role: string | null;
  /** The client's address as the server saw it; null for commands run on the server. */
  address: string | null;
}

export interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  /** "service:<id>", "agency:<id>", "region:<code>", "officer:<username>", "ticket:<code>". */
  entity: string;
  changes?: readonly Change[];
  note?: string | null;
  /** ISO time; default now. Tests pass a fixed one. */
  at?: string;
}

/** A row of the audit log as stored (the table's own shape, db/tables-officers.ts). */
export type AuditRow = AuditLogTable;

/** The hash of a row: SHA-256 over its content and the previous row's hash, as canonical JSON. */
export function rowHash(r: Omit<AuditRow, "hash">): string {
  return createHash("sha256")
    .update(JSON.stringify([r.seq, r.at, r.actor, r.actor_role, r.address, r.action, r.entity, r.changes, r.note, r.prev_hash]))
    .digest("hex");
}

/** Changes as stored: JSON of [{ field, before, after }] with undefined turned into null. */
export function encodeChanges(changes: readonly Change[]): string {
  return JSON.stringify(changes.map((c) => ({ field: c.field, before: c.before ?? null, after: c.after ?? null })));
}

/**
 * Appends one row. Must run inside the transaction that makes the change (db.transaction or
 * db.write): the head's row lock is held until that transaction ends.
 */
export async function recordAudit(trx: Transaction<Database>, input: AuditInput): Promise<{ seq: number; hash: string }> {
  const head = await trx.updateTable("audit_head")
    .set((eb) => ({ seq: eb("seq", "+", 1) }))
    .where("id", "=", 1)
    .returning(["seq", "hash"])
    .executeTakeFirstOrThrow();
  const row: Omit<AuditRow, "hash"> = {
    seq: Number(head.seq),
    at: input.at ?? new Date().toISOString(),
    actor: input.actor.username,
    actor_role: input.actor.role,
    address: input.actor.address,
    action: input.action,
    entity: input.entity,
    changes: encodeChanges(input.changes ?? []),
    note: input.note ?? null,
    prev_hash: head.hash,
  };
  const hash = rowHash(row);
  await trx.insertInto("audit_log").values({ ...row, hash }).execute();
  await trx.updateTable("audit_head").set({ hash }).where("id", "=", 1).execute();
  return { seq: row.seq, hash };
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  role: string | null;
  address: string | null;
  action: string;
  entity: string;
  changes: Change[];
  note: string | null;
}

export function toEntry(r: AuditRow): AuditEntry {
  return {
    seq: Number(r.seq), at: r.at, actor: r.actor, role: r.actor_role, address: r.address, action: r.action, entity: r.entity,
    changes: JSON.parse(r.changes) as Change[], note: r.note,
  };
}

/** The entries of one entity (or all, for entity null), oldest first, at most `limit` from `afterSeq`. */
export async function auditEntries(db: Kysely<Database>, options: { entity: string | null; afterSeq?: number; limit: number }): Promise<AuditEntry[]> {
  let q = db.selectFrom("audit_log").selectAll().where("seq", ">", options.afterSeq ?? 0);
  if (options.entity !== null) q = q.where("entity", "=", options.entity);
  const rows = await q.orderBy("seq").limit(options.limit).execute();
  return rows.map((r) => toEntry(r as AuditRow));
}

// The counter page's work: call the next number, call it again, mark it served or absent, send it
// to another counter. One transaction per action, under the day row of the counter's agency
// (locks.ts), so two counters of one agency never call the same number; every action writes a
// queue_calls row (what the lobby board shows) and one audit row, in the same transaction.
//
// Who is next: numbers sent to this counter first (a visitor transferred here already waited
// once), then the agency's waiting numbers by the time they became callable (a walk-in when it was
// taken, a booking at its slot's start), then by number.
import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { Officer } from "../../domain/admin/roles";
import type { CounterState } from "../../domain/queue/shapes";
import { todayWib } from "../../domain/time/wib";
import { recordAudit, type AuditAction } from "../audit/log";
import type { Db } from "../db/open";
import type { Database } from "../db/tables";
import type { CallAction, QueueTicketsTable } from "../db/tables-queue";
import { QueueFailure, queueMessage } from "./errors";
import { bumpBoard, hmacKey, lockDay } from "./locks";
import { issueQueueVisit } from "./visit";

export interface CounterRef {
  id: string;
  label: string;
  agencyId: string;
  agencySlug: string;
  agencyShortName: string;
  regionCode: string;
}

export type CounterActionName = "call" | "recall" | "served" | "no_show" | "transfer";

type Trx = Transaction<Database>;
type Ticket = Selectable<QueueTicketsTable>;

export async function loadCounter(db: Kysely<Database>, id: string): Promise<CounterRef | null> {
  const r = await db.selectFrom("counters as c").innerJoin("agencies as a", "a.id", "c.agency_id")
    .select(["c.id", "c.label", "a.id as agency_id", "a.slug", "a.short_name", "a.region_code"])
    .where("c.id", "=", id).executeTakeFirst();
  return r ? { id: r.id, label: r.label, agencyId: r.agency_id, agencySlug: r.slug, agencyShortName: r.short_name, regionCode: r.region_code } : null;
}

/** Counters of a region (or of one agency of it), with the numbers waiting for each agency now. */
export async function listCounters(db: Kysely<Database>, region: string, agencySlug: string | null, now: Date) {
  let q = db.selectFrom("counters as c").innerJoin("agencies as a", "a.id", "c.agency_id")
    .select(["c.id", "c.label", "a.id as agency_id", "a.short_name", "a.region_code"]).where("a.region_code", "=", region);
  if (agencySlug !== null) q = q.where("a.slug", "=", agencySlug);
  const rows = await q.orderBy("a.sort").orderBy("c.sort").orderBy("c.id").execute();
  const waiting = await db.selectFrom("queue_tickets").select(["agency_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("region_code", "=", region).where("date", "=", todayWib(now)).where("status", "=", "waiting")
    .where("ready_at", "<=", now.toISOString()).where("target_counter_id", "is", null)
    .groupBy("agency_id").execute();
  const byAgency = new Map(waiting.map((w) => [w.agency_id, Number(w.n)]));
  return rows.map((r) => ({ id: r.id, label: r.label, agencyId: r.agency_id, agencyShortName: r.short_name, regionCode: r.region_code, waiting: byAgency.get(r.agency_id) ?? 0 }));
}

const waitingFor = (c: CounterRef, date: string) => (db: Kysely<Database>) => db.selectFrom("queue_tickets")
  .where("date", "=", date).where("status", "=", "waiting")
  .where((eb) => eb.or([eb("target_counter_id", "=", c.id), eb.and([eb("target_counter_id", "is", null), eb("agency_id", "=", c.agencyId)])]));

async function currentAt(db: Kysely<Database>, counterId: string, date: string): Promise<Ticket | undefined> {
  return db.selectFrom("queue_tickets").selectAll().where("counter_id", "=", counterId).where("date", "=", date).where("status", "=", "called")
    .orderBy("called_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
}

export async function counterState(db: Kysely<Database>, c: CounterRef, now: Date): Promise<CounterState> {
  const date = todayWib(now);
  const nowIso = now.toISOString();
  const base = waitingFor(c, date);
  const [current, ready, later, next, calls, targets] = await Promise.all([
    currentAt(db, c.id, date),
    base(db).where("ready_at", "<=", nowIso).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base(db).where("ready_at", ">", nowIso).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    base(db).where("ready_at", "<=", nowIso).selectAll()
      .orderBy(sql`CASE WHEN target_counter_id IS NULL THEN 1 ELSE 0 END`).orderBy("ready_at").orderBy("seq").limit(5).execute(),
    db.selectFrom("queue_calls").select(["action", (eb) => eb.fn.countAll<number>().as("n")])
      .where("counter_id", "=", c.id).where("date", "=", date).where("action", "in", ["served", "no_show"]).groupBy("action").execute(),
    db.selectFrom("counters as c").innerJoin("agencies as a", "a.id", "c.agency_id").select(["c.id", "c.label", "a.short_name"])
      .where("a.region_code", "=", c.regionCode).where("c.id", "<>", c.id).orderBy("a.sort").orderBy("c.sort").execute(),
  ]);
  const count = (a: string) => Number(calls.find((x) => x.action === a)?.n ?? 0);
  return {
    counter: { id: c.id, label: c.label, agencyId: c.agencyId, agencyShortName: c.agencyShortName, regionCode: c.regionCode },
    date,
    current: current ? {
      number: current.number, kind: current.kind, slot: current.slot_start, serviceId: current.service_id,
      calledAt: current.called_at ?? nowIso, callCount: Math.max(1, Number(current.call_count)),
    } : null,
    waiting: Number(ready.n),
    next: next.map((t) => ({ number: t.number, kind: t.kind, slot: t.slot_start, serviceId: t.service_id, transferred: t.target_counter_id !== null })),
    later: Number(later.n),
    servedToday: count("served"),
    noShowToday: count("no_show"),
    transferTargets: targets.map((t) => ({ id: t.id, label: t.label, agencyShortName: t.short_name })),
  };
}

export interface ActionContext {
  db: Db;
  now: () => number;
  officer: Officer;
  address: string;
}

const AUDIT: Record<CounterActionName, AuditAction> = {
  call: "queue.call", recall: "queue.recall", served: "queue.served", no_show: "queue.no_show", transfer: "queue.transfer",
};

/** Performs one counter action; `expect` is the number the officer's page shows (undefined: not checked). */
export async function counterAction(
  ctx: ActionContext, c: CounterRef, action: CounterActionName, opts: { expect?: string | null; to?: CounterRef } = {},
): Promise<{ number: string }> {
  const now = new Date(ctx.now());
  const nowIso = now.toISOString();
  const date = todayWib(now);
  // Read before the transaction (SQLite has one connection): the key of the served numbers' visits.
  const key = await hmacKey(ctx.db.kysely);
  return ctx.db.transaction(async (trx) => {
    await lockDay(trx, c.agencyId, date, false);
    const current = await currentAt(trx, c.id, date);
    if (opts.expect !== undefined && (current?.number ?? null) !== opts.expect) {
      throw new QueueFailure("counter_moved", queueMessage("counter_moved", { number: current?.number }));
    }
    const log = (t: Ticket, a: CallAction, to: string | null = null) => trx.insertInto("queue_calls").values({
      region_code: c.regionCode, agency_id: t.agency_id, counter_id: c.id, ticket_id: t.id, number: t.number,
      action: a, to_counter_id: to, date, at: nowIso, officer: ctx.officer.username,
    }).execute();
    const audit = (before: string | null, after: string | null, note: string | null = null) => recordAudit(trx, {
      actor: { username: ctx.officer.username, role: ctx.officer.role, address: ctx.address },
      action: AUDIT[action], entity: `counter:${c.id}`, changes: [{ field: "number", before, after }], note, at: nowIso,
    });
    if (action === "call") {
      const next = await pickNext(trx, c, date, nowIso);
      if (!next) throw new QueueFailure("queue_empty", queueMessage("queue_empty"));
      if (current) {
        await finish(trx, current, "served", nowIso);
        await log(current, "served");
        await issueQueueVisit(trx, key, current, now);
      }
      await trx.updateTable("queue_tickets")
        .set((eb) => ({ status: "called", counter_id: c.id, called_at: nowIso, call_count: eb("call_count", "+", 1), target_counter_id: null }))
        .where("id", "=", next.id).execute();
      await log(next, "call");
      await bumpBoard(trx, c.regionCode);
      await audit(current?.number ?? null, next.number);
      return { number: next.number };
    }
    if (!current) throw new QueueFailure("no_current_ticket", queueMessage("no_current_ticket"));
    if (action === "recall") {
      await trx.updateTable("queue_tickets").set((eb) => ({ call_count: eb("call_count", "+", 1) })).where("id", "=", current.id).execute();
      await log(current, "recall");
      await bumpBoard(trx, c.regionCode);
      await audit(current.number, current.number);
    } else if (action === "served" || action === "no_show") {
      await finish(trx, current, action, nowIso);
      await log(current, action);
      if (action === "served") await issueQueueVisit(trx, key, current, now);
      await audit(current.number, null);
    } else {
      const to = opts.to!;
      await trx.updateTable("queue_tickets").set({ status: "waiting", target_counter_id: to.id, ready_at: nowIso })
        .where("id", "=", current.id).execute();
      await log(current, "transfer", to.id);
      await audit(current.number, null, `to ${to.id}`);
    }
    return { number: current.number };
  });
}

async function finish(trx: Trx, t: Ticket, status: "served" | "no_show", nowIso: string): Promise<void> {
  await trx.updateTable("queue_tickets").set({ status, finished_at: nowIso }).where("id", "=", t.id).execute();
}

async function pickNext(trx: Trx, c: CounterRef, date: string, nowIso: string): Promise<Ticket | undefined> {
  return waitingFor(c, date)(trx).where("ready_at", "<=", nowIso).selectAll()
    .orderBy(sql`CASE WHEN target_counter_id IS NULL THEN 1 ELSE 0 END`).orderBy("ready_at").orderBy("seq").limit(1)
    .executeTakeFirst();
}

// What officers do with questions and complaints: take one up, answer, forward to another agency,
// close, and hand a complaint off to SP4N-LAPOR!. Each step is one transaction that checks the
// ticket's state in the same statement that changes it (two officers at once: one wins, the other
// gets 409) and writes exactly one audit row through recordAudit, with the officer. An answer's
// text is kept in ticket_events; the audit row holds its SHA-256, so an answer edited behind the
// application's back no longer matches the append-only log.
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import type { Officer } from "../../domain/admin/roles";
import { normalizeCitizenText } from "../../domain/feedback/text";
import { canTransition, type TicketStatus } from "../../domain/feedback/tickets";
import { recordAudit, type AuditAction } from "../audit/log";
import type { Db } from "../db/open";
import type { Database } from "../db/tables";
import type { TicketEventType } from "../db/tables-feedback";
import { HttpError } from "../errors";
import { cleanText, type TicketRow } from "./tickets";

export interface HandlingActor { officer: Officer; address: string | null }

interface Step {
  action: AuditAction;
  /** The status after the step (or the same one). */
  to: TicketStatus;
  event: { type: TicketEventType; body: string | null; toAgency?: string | null };
  set?: Partial<Pick<TicketRow, "region_code" | "agency_id" | "lapor_id" | "forwarded_at">>;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

const sha256 = (s: string) => `sha256:${createHash("sha256").update(s).digest("hex")}`;

async function apply(db: Db, code: string, actor: HandlingActor, now: Date, plan: (t: TicketRow, trx: Transaction<Database>) => Promise<Step> | Step): Promise<void> {
  const at = now.toISOString();
  await db.transaction(async (trx) => {
    const t = await trx.selectFrom("tickets").selectAll().where("code", "=", code).executeTakeFirst();
    if (!t) throw new HttpError("ticket_not_found");
    const step = await plan(t, trx);
    if (step.to !== t.status && !canTransition(t.status, step.to)) {
      throw new HttpError("conflict", `A ticket that is ${t.status} cannot become ${step.to}.`);
    }
    const acted = step.to === "answered" || step.to === "closed";
    const update = trx.updateTable("tickets").set({
      status: step.to,
      updated_at: at,
      forwarded_at: step.set?.forwarded_at ?? t.forwarded_at ?? at,
      acted_at: acted ? t.acted_at ?? at : t.acted_at,
      closed_at: step.to === "closed" ? t.closed_at ?? at : null,
      ...(step.set?.region_code ? { region_code: step.set.region_code } : {}),
      ...(step.set?.agency_id !== undefined ? { agency_id: step.set.agency_id } : {}),
      ...(step.set?.lapor_id !== undefined ? { lapor_id: step.set.lapor_id } : {}),
    // Guarded by what was read: a change by another officer meanwhile makes this one a 409.
    }).where("id", "=", t.id).where("status", "=", t.status).where("updated_at", "=", t.updated_at);
    const r = await update.executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new HttpError("conflict", "Another officer changed this ticket at the same moment: reload it.");
    await trx.insertInto("ticket_events").values({
      ticket_id: t.id, at, type: step.event.type, actor: actor.officer.username, body: step.event.body,
      from_agency: t.agency_id, to_agency: step.event.toAgency ?? null, visible: 1,
    }).execute();
    const changes = step.to !== t.status ? [{ field: "status", before: t.status, after: step.to }, ...step.changes] : step.changes;
    await recordAudit(trx, {
      actor: { username: actor.officer.username, role: actor.officer.role, address: actor.address },
      action: step.action, entity: `ticket:${t.code}`, changes, at,
    });
  });
}

/** The responsible unit takes the ticket up: received -> in progress; the 3-day clock stops. */
export function takeTicket(db: Db, code: string, actor: HandlingActor, now: Date): Promise<void> {
  return apply(db, code, actor, now, (t) => {
    if (t.status !== "received") throw new HttpError("conflict", `Only a received ticket can be taken up (this one is ${t.status}).`);
    return { action: "ticket.take", to: "in_progress", event: { type: "take", body: null }, changes: [] };
  });
}

/** An answer the citizen reads by the code. Another answer to an answered ticket adds to it. */
export function answerTicket(db: Db, code: string, text: unknown, actor: HandlingActor, now: Date): Promise<void> {
  const body = cleanText(text, "text");
  return apply(db, code, actor, now, (t) => {
    if (t.status === "closed") throw new HttpError("ticket_closed");
    return { action: "ticket.answer", to: "answered", event: { type: "answer", body }, changes: [{ field: "answer", before: null, after: sha256(body) }] };
  });
}

/** To another agency (any region's): it moves to that agency's inbox, whose 5-day clock starts now. */
export function forwardTicket(db: Db, code: string, agencyId: string, note: unknown, actor: HandlingActor, now: Date): Promise<void> {
  const clean = note === undefined || note === null || (typeof note === "string" && note.trim() === "") ? null : cleanText(note, "note");
  return apply(db, code, actor, now, async (t, trx) => {
    if (t.status === "closed") throw new HttpError("ticket_closed");
    if (t.agency_id === agencyId) throw new HttpError("conflict", `The ticket is already with ${agencyId}.`);
    const target = await trx.selectFrom("agencies").select(["id", "region_code"]).where("id", "=", agencyId).executeTakeFirst();
    if (!target) throw new HttpError("unknown_reference", `No agency ${agencyId}.`);
    return {
      action: "ticket.forward", to: t.status, event: { type: "forward", body: clean, toAgency: target.id },
      set: { agency_id: target.id, region_code: target.region_code, forwarded_at: now.toISOString() },
      changes: [{ field: "agency", before: t.agency_id, after: target.id }, ...(t.region_code !== target.region_code ? [{ field: "region", before: t.region_code, after: target.region_code }] : [])],
    };
  });
}

export function closeTicket(db: Db, code: string, note: unknown, actor: HandlingActor, now: Date): Promise<void> {
  const clean = note === undefined || note === null || (typeof note === "string" && note.trim() === "") ? null : cleanText(note, "note");
  return apply(db, code, actor, now, (t) => {
    if (t.status === "closed") throw new HttpError("ticket_closed", "This ticket is closed already.");
    return { action: "ticket.close", to: "closed", event: { type: "close", body: clean }, changes: [] };
  });
}

/** Records the tracking id LAPOR! gave after the officer filed the complaint there; closes here by default. */
export function recordLaporHandOff(db: Db, code: string, laporId: unknown, close: boolean, actor: HandlingActor, now: Date): Promise<void> {
  const id = normalizeCitizenText(laporId, { maxLength: 40, singleLine: true });
  if (!id.ok) throw new HttpError("invalid_text", `laporId: ${id.message.en}`);
  return apply(db, code, actor, now, (t) => {
    if (t.status === "closed") throw new HttpError("ticket_closed");
    return {
      action: "ticket.lapor", to: close ? "closed" : t.status, event: { type: "lapor", body: id.text },
      set: { lapor_id: id.text }, changes: [{ field: "laporId", before: t.lapor_id, after: id.text }],
    };
  });
}

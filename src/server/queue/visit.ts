// The SKM after a queue number used (issue 15, point 3). When a counter marks a number served (the
// "served" button, or calling the next number while one is at the counter), the same transaction
// issues a "queue" visit (feedback/visits.ts) whose token is derived from the ticket's code with the
// database's own key: HMAC(key, "skm-visit:" + code). So nothing new is stored on the ticket, only
// the holder of the code (a booking's code, or the code printed on a walk-in ticket) can fetch the
// token, by looking the code up, and the survey spends it once (one survey per visit).
//
// The survey stays anonymous: the survey row names no token, and the token row names no ticket.
import { createHmac } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { QueueSurvey } from "../../domain/queue/shapes";
import type { Database } from "../db/tables";
import type { QueueTicketsTable } from "../db/tables-queue";
import { DEFAULT_FEEDBACK_SETTINGS } from "../feedback/settings";
import { issueVisitToken, visitTokenHash } from "../feedback/visits";
import { hmacKey } from "./locks";

type Ticket = Selectable<QueueTicketsTable>;

export const queueVisitToken = (key: Buffer, code: string) => createHmac("sha256", key).update(`skm-visit:${code}`).digest("base64url");

/** In the transaction that marks `t` served: its visit, once (a ticket without a code has none). */
export async function issueQueueVisit(trx: Kysely<Database>, key: Buffer, t: Ticket, now: Date): Promise<void> {
  if (!t.code) return;
  const token = queueVisitToken(key, t.code);
  const exists = await trx.selectFrom("visit_tokens").select("token_hash").where("token_hash", "=", visitTokenHash(token)).executeTakeFirst();
  if (exists) return;
  await issueVisitToken(trx, { kind: "queue", regionCode: t.region_code, agencyId: t.agency_id, serviceId: t.service_id }, now,
    DEFAULT_FEEDBACK_SETTINGS.visitTtlMs.queue, token);
}

/** The survey of a served ticket as its holder sees it; null before it was served (or when it never had a visit). */
export async function queueSurvey(db: Kysely<Database>, t: Pick<Ticket, "code" | "status">, now: Date): Promise<QueueSurvey | null> {
  if (!t.code || t.status !== "served") return null;
  const token = queueVisitToken(await hmacKey(db), t.code);
  const row = await db.selectFrom("visit_tokens").select(["expires_at", "spent_at"]).where("token_hash", "=", visitTokenHash(token)).executeTakeFirst();
  if (!row) return null;
  if (row.spent_at) return { state: "used", token: null, expiresAt: row.expires_at };
  if (row.expires_at <= now.toISOString()) return { state: "expired", token: null, expiresAt: row.expires_at };
  return { state: "open", token, expiresAt: row.expires_at };
}

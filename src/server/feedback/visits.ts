// Visit tokens: "one survey per visit". The server issues a token when a visit happens (a service
// was read, a queue number was used at the counter, a lobby visit ended) and the survey spends it,
// once: the spend is one guarded UPDATE (spent_at IS NULL AND not expired), so two surveys sent with
// the same token at the same moment, on any nodes, record one. Only the token's SHA-256 is stored,
// and nothing ties a survey to the token it spent (the survey stays anonymous).
//
// Each issued visit also counts in visit_counts (per day, agency and kind): the population the
// SKM's sample table is read against.
//
// The queue (src/server/queue/visit.ts) issues a "queue" visit in the transaction that marks a number
// served, with a token derived from the ticket's code, so the holder of the code can fetch it later.
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { toWib } from "../../domain/time/wib";
import type { Database } from "../db/tables";
import type { VisitKind } from "../db/tables-feedback";
import { HttpError } from "../errors";
import { DEFAULT_FEEDBACK_SETTINGS } from "./settings";

export interface VisitInput {
  kind: VisitKind;
  regionCode: string;
  agencyId: string | null;
  serviceId: string | null;
}

export interface IssuedVisit extends VisitInput {
  token: string;
  expiresAt: string;
}

export const visitTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** `token`: a token the caller derived (the queue's, from a ticket code); by default a random one. */
export async function issueVisitToken(
  db: Kysely<Database>, v: VisitInput, now: Date, ttlMs: number = DEFAULT_FEEDBACK_SETTINGS.visitTtlMs[v.kind], token: string = randomBytes(24).toString("base64url"),
): Promise<IssuedVisit> {
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db.insertInto("visit_tokens").values({
    token_hash: visitTokenHash(token), kind: v.kind, region_code: v.regionCode, agency_id: v.agencyId, service_id: v.serviceId,
    issued_at: now.toISOString(), expires_at: expiresAt, spent_at: null,
  }).execute();
  await db.insertInto("visit_counts").values({ day: toWib(now).date, region_code: v.regionCode, agency_id: v.agencyId ?? "", kind: v.kind, count: 1 })
    .onConflict((oc) => oc.columns(["region_code", "day", "agency_id", "kind"]).doUpdateSet((eb) => ({ count: eb("visit_counts.count", "+", 1) })))
    .execute();
  return { ...v, token, expiresAt };
}

/** The visit of a public request: a service that exists, or a region for a lobby visit. */
export async function visitFor(db: Kysely<Database>, body: { kind: "service" | "lobby"; serviceId?: string; regionCode?: string }): Promise<VisitInput> {
  if (body.kind === "service") {
    if (!body.serviceId) throw new HttpError("invalid_parameter", "A service visit needs serviceId.");
    const s = await db.selectFrom("services").select(["region_code", "agency_id"]).where("id", "=", body.serviceId).executeTakeFirst();
    if (!s) throw new HttpError("unknown_reference", `No service ${body.serviceId}.`);
    return { kind: "service", regionCode: s.region_code, agencyId: s.agency_id, serviceId: body.serviceId };
  }
  if (!body.regionCode) throw new HttpError("invalid_parameter", "A lobby visit needs regionCode.");
  const r = await db.selectFrom("regions").select("code").where("code", "=", body.regionCode).executeTakeFirst();
  if (!r) throw new HttpError("unknown_reference", `No kabupaten/kota with code ${body.regionCode} in Jawa Barat.`);
  return { kind: "lobby", regionCode: r.code, agencyId: null, serviceId: null };
}

/** Spends the token (once) and answers the visit it stood for; 409 when spent, 400 when unknown or expired. */
export async function spendVisitToken(trx: Kysely<Database>, token: string, now: Date): Promise<VisitInput> {
  const hash = visitTokenHash(token);
  const at = now.toISOString();
  const spent = await trx.updateTable("visit_tokens").set({ spent_at: at })
    .where("token_hash", "=", hash).where("spent_at", "is", null).where("expires_at", ">", at)
    .returning(["kind", "region_code", "agency_id", "service_id"])
    .executeTakeFirst();
  if (spent) return { kind: spent.kind, regionCode: spent.region_code, agencyId: spent.agency_id, serviceId: spent.service_id };
  const row = await trx.selectFrom("visit_tokens").select(["spent_at"]).where("token_hash", "=", hash).executeTakeFirst();
  if (row?.spent_at) throw new HttpError("visit_used");
  throw new HttpError("visit_invalid");
}

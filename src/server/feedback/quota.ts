// Daily limits per client address, shared by every node (the counts live in the database). The
// address itself is never stored: the subject is an HMAC of it under a random salt made for the WIB
// day, and the salt and the day's counts are deleted two days later (purge.ts), after which the
// rows cannot be tied to an address by anyone.
//
// The check and the count are one statement (INSERT ... ON CONFLICT DO UPDATE ... WHERE count < max
// RETURNING), so two nodes or a burst of requests never let more than `max` through.
import { createHmac, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { addDays, toWib, wibToInstant } from "../../domain/time/wib";
import type { Database } from "../db/tables";
import { HttpError } from "../errors";

export type QuotaAction = "ticket" | "message" | "survey" | "visit";

export type QuotaResult = { ok: true; count: number } | { ok: false; retryAfterSeconds: number };

async function saltFor(db: Kysely<Database>, day: string): Promise<string> {
  await db.insertInto("feedback_salt").values({ day, salt: randomBytes(32).toString("base64url") })
    .onConflict((oc) => oc.column("day").doNothing()).execute();
  const row = await db.selectFrom("feedback_salt").select("salt").where("day", "=", day).executeTakeFirstOrThrow();
  return row.salt;
}

/** The day's pseudonym of an address (the same on every node, unlinkable once the salt is deleted). */
export async function subjectOf(db: Kysely<Database>, address: string, day: string): Promise<string> {
  return createHmac("sha256", await saltFor(db, day)).update(address).digest("base64url").slice(0, 32);
}

/** Seconds until the next WIB midnight, when the day's counts start again. */
export function secondsToNextDay(now: Date): number {
  const next = wibToInstant(addDays(toWib(now).date, 1), "00:00");
  return Math.max(1, Math.ceil((next.getTime() - now.getTime()) / 1000));
}

/** Counts one `action` for the address today; refuses (without counting) once `max` is reached. */
export async function takeQuota(db: Kysely<Database>, address: string, action: QuotaAction, max: number, now: Date): Promise<QuotaResult> {
  const day = toWib(now).date;
  const subject = await subjectOf(db, address, day);
  const row = await db.insertInto("feedback_quota").values({ day, subject, action, count: 1 })
    .onConflict((oc) => oc.columns(["day", "subject", "action"])
      .doUpdateSet((eb) => ({ count: eb("feedback_quota.count", "+", 1) }))
      .where("feedback_quota.count", "<", max))
    .returning("count")
    .executeTakeFirst();
  if (!row) return { ok: false, retryAfterSeconds: secondsToNextDay(now) };
  return { ok: true, count: Number(row.count) };
}

/** 429 daily_limit, with the seconds until the next WIB day for Retry-After. */
export class DailyLimitError extends HttpError {
  constructor(readonly retryAfterSeconds: number, what: string) {
    super("daily_limit", `This address has reached today's limit of ${what}: try again tomorrow.`);
  }
}

/** A check run inside the writing transaction: the count rolls back with a write that fails. */
export type QuotaCheck = (trx: Kysely<Database>) => Promise<void>;

export function quotaCheck(address: string, action: QuotaAction, max: number, now: Date): QuotaCheck {
  return async (trx) => {
    const r = await takeQuota(trx, address, action, max, now);
    if (!r.ok) throw new DailyLimitError(r.retryAfterSeconds, `${max} ${action}s`);
  };
}

// Personal data is kept only as long as it serves the visit (UU 27/2022): bookings and walk-in
// numbers (with the optional name and phone, and the hashed phone and address), the counters' calls,
// the day rows and the cap's lock rows are deleted `retentionDays` after their date (QUEUE_RETENTION_DAYS,
// default 30). Runs at start and then every hour on every node; the deletes are idempotent.
import { addDays, todayWib, wibToInstant } from "../../domain/time/wib";
import { reasonOf } from "../db/engines/engine";
import type { Db } from "../db/open";

export const DEFAULT_RETENTION_DAYS = 30;
export const RETENTION_EVERY_MS = 3600_000;

export interface Purged { tickets: number; calls: number; days: number; holders: number }

/** Deletes queue rows whose date is more than `retentionDays` days before today (WIB). */
export async function purgeQueue(db: Db, now: Date, retentionDays: number): Promise<Purged> {
  if (!Number.isInteger(retentionDays) || retentionDays < 0) throw new RangeError(`queue retention: ${retentionDays} must be a whole number of days >= 0`);
  const cutoff = addDays(todayWib(now), -retentionDays);
  const cutoffIso = wibToInstant(cutoff, "00:00").toISOString();
  return db.transaction(async (trx) => {
    const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows);
    return {
      tickets: n(await trx.deleteFrom("queue_tickets").where("date", "<", cutoff).executeTakeFirst()),
      calls: n(await trx.deleteFrom("queue_calls").where("date", "<", cutoff).executeTakeFirst()),
      days: n(await trx.deleteFrom("queue_days").where("date", "<", cutoff).executeTakeFirst()),
      holders: n(await trx.deleteFrom("queue_holders").where("touched_at", "<", cutoffIso).executeTakeFirst()),
    };
  });
}

/** QUEUE_RETENTION_DAYS: whole days, 0..3650; unset: 30. */
export function retentionDaysFromEnv(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_RETENTION_DAYS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 3650) throw new RangeError(`QUEUE_RETENTION_DAYS must be a whole number of days from 0 to 3650, got ${JSON.stringify(value)}`);
  return n;
}

/** Runs the purge now and every hour until stop(); failures are reported in one line and retried next time. */
export function startRetention(db: Db, options: { days: number; now: () => number; log: (m: string) => void; everyMs?: number }): { stop(): void; ran: Promise<void> } {
  const run = async () => {
    try {
      const p = await purgeQueue(db, new Date(options.now()), options.days);
      if (p.tickets + p.calls > 0) options.log(`queue retention: deleted ${p.tickets} tickets and ${p.calls} calls older than ${options.days} days`);
    } catch (err) {
      options.log(`queue retention failed (${reasonOf(err)}); trying again in an hour`);
    }
  };
  const ran = run();
  const timer = setInterval(() => void run(), options.everyMs ?? RETENTION_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), ran };
}

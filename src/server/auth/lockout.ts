// Sign-in lockout, counted in the database so it holds across nodes: after 5 failed sign-ins for
// one username, or from one address, within 15 minutes, further attempts get 429 with Retry-After
// until the oldest of those failures is 15 minutes old.
//
// Holds under concurrency without a lock: an attempt first records itself (committed), then counts
// the attempts in the window, itself included. Of N simultaneous attempts, the k-th to count sees
// at least k rows, so at most 5 ever reach the password check (a burst may get fewer through). A refused attempt removes its own row again (it was
// never checked, so it must not extend the lockout); a successful one removes its row and the
// username's earlier failures.
import type { Kysely } from "kysely";
import type { Database } from "../db/tables";

export interface LockoutRule {
  max: number;
  windowMs: number;
}

export const DEFAULT_LOCKOUT: Readonly<LockoutRule> = { max: 5, windowMs: 15 * 60_000 };

export type Reservation = { ok: true; id: number } | { ok: false; retryAfterSeconds: number };

const iso = (ms: number) => new Date(ms).toISOString();

/** Seconds until fewer than `max` of these attempt times (ISO, any order) are inside the window. */
function secondsUntilFree(times: string[], rule: LockoutRule, now: number): number {
  const sorted = times.map((t) => Date.parse(t)).sort((a, b) => a - b);
  // With n attempts in the window, n - max + 1 of them must leave it: the (n-max)-th oldest decides.
  const decisive = sorted[sorted.length - rule.max];
  if (decisive === undefined) return 1;
  return Math.max(1, Math.ceil((decisive + rule.windowMs - now) / 1000));
}

export async function reserveAttempt(db: Kysely<Database>, username: string, address: string, now: number, rule: LockoutRule): Promise<Reservation> {
  const cutoff = iso(now - rule.windowMs);
  // Old attempts count for nothing: drop them while we are here.
  await db.deleteFrom("login_attempts").where("at", "<=", cutoff).execute();
  const row = await db.insertInto("login_attempts").values({ username, address, at: iso(now) }).returning("id").executeTakeFirstOrThrow();
  const id = Number(row.id);
  const [byName, byAddress] = await Promise.all([
    db.selectFrom("login_attempts").select(["id", "at"]).where("username", "=", username).where("at", ">", cutoff).execute(),
    db.selectFrom("login_attempts").select(["id", "at"]).where("address", "=", address).where("at", ">", cutoff).execute(),
  ]);
  // Counted with itself: more than `max` means `max` failures (or attempts in flight) came first.
  if (byName.length <= rule.max && byAddress.length <= rule.max) return { ok: true, id };
  await db.deleteFrom("login_attempts").where("id", "=", id).execute();
  const others = (rows: Array<{ id: number; at: string }>) => rows.filter((r) => Number(r.id) !== id).map((r) => r.at);
  const wait = Math.max(
    byName.length > rule.max ? secondsUntilFree(others(byName), rule, now) : 0,
    byAddress.length > rule.max ? secondsUntilFree(others(byAddress), rule, now) : 0,
  );
  return { ok: false, retryAfterSeconds: wait };
}

/** After a successful sign-in: the attempt and the username's earlier failures stop counting. */
export async function clearAttempts(db: Kysely<Database>, id: number, username: string): Promise<void> {
  await db.deleteFrom("login_attempts").where((eb) => eb.or([eb("id", "=", id), eb("username", "=", username)])).execute();
}

/** How many failures of this username are in the window now (for the audit note). */
export async function failuresFor(db: Kysely<Database>, username: string, now: number, rule: LockoutRule): Promise<number> {
  const row = await db.selectFrom("login_attempts").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("username", "=", username).where("at", ">", iso(now - rule.windowMs)).executeTakeFirst();
  return Number(row?.n ?? 0);
}

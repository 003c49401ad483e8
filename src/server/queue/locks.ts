// The rows queue writes lock first, so that checks and changes are serialized where they must be, on
// every node and both engines (PostgreSQL: the upsert's row lock, held to the end of the
// transaction; SQLite: BEGIN IMMEDIATE already holds the write lock):
//
//   holder rows (phone, address)   bookings of one phone or one address, for the active-bookings cap
//   the agency's day row           its numbers, its slots' capacity, its counters' calls
//   the region's board row         the board's version (after the day row)
//
// Always in this order (holders sorted), so two transactions never wait on each other in a circle.
// A transaction that fails after taking a number rolls the number back with everything else: numbers
// have no gaps.
import { createHmac, randomBytes } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/tables";

type Trx = Transaction<Database>;

/** Locks the agency's row for the day (creating it). With take: the next queue number (1, 2, ...). */
export async function lockDay(trx: Trx, agencyId: string, date: string, take: boolean): Promise<number> {
  const row = await trx.insertInto("queue_days")
    .values({ agency_id: agencyId, date, last_seq: take ? 1 : 0 })
    .onConflict((oc) => oc.columns(["agency_id", "date"]).doUpdateSet((eb) => ({
      last_seq: take ? eb("queue_days.last_seq", "+", 1) : eb.ref("queue_days.last_seq"),
    })))
    .returning("last_seq")
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

/** Locks the holder rows of these keys (sorted), creating them. */
export async function lockHolders(trx: Trx, keys: readonly string[], nowIso: string): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await trx.insertInto("queue_holders").values({ key, touched_at: nowIso })
      .onConflict((oc) => oc.column("key").doUpdateSet({ touched_at: nowIso }))
      .execute();
  }
}

/** Moves the region's board version on; nodes polling it push the new board to their screens. */
export async function bumpBoard(trx: Trx, regionCode: string): Promise<number> {
  const row = await trx.insertInto("queue_boards").values({ region_code: regionCode, version: 1 })
    .onConflict((oc) => oc.column("region_code").doUpdateSet((eb) => ({ version: eb("queue_boards.version", "+", 1) })))
    .returning("version")
    .executeTakeFirstOrThrow();
  return Number(row.version);
}

const KEY_NAME = "queue_hmac_key";
const keys = new WeakMap<object, Promise<Buffer>>();

/**
 * The database's own key for hashing phones and addresses (made at first use, kept in meta), so the
 * caps work across nodes without storing an address, and a hash means nothing without the database.
 */
export function hmacKey(db: Kysely<Database>): Promise<Buffer> {
  let p = keys.get(db);
  if (!p) {
    p = (async () => {
      await db.insertInto("meta").values({ key: KEY_NAME, value: randomBytes(32).toString("hex") })
        .onConflict((oc) => oc.column("key").doNothing()).execute();
      const row = await db.selectFrom("meta").select("value").where("key", "=", KEY_NAME).executeTakeFirstOrThrow();
      return Buffer.from(row.value, "hex");
    })();
    p.catch(() => keys.delete(db));
    keys.set(db, p);
  }
  return p;
}

export function keyOf(key: Buffer, kind: "phone" | "address", value: string): string {
  return `${kind[0]}:${createHmac("sha256", key).update(`${kind}:${value}`).digest("base64url")}`;
}

// The lobby board of a region's MPP: per counter the number called last today, and the last calls.
// Read from queue_calls, so every node shows the same board.
import type { Kysely } from "kysely";
import type { Board } from "../../domain/queue/shapes";
import { todayWib } from "../../domain/time/wib";
import type { Database } from "../db/tables";

/** Calls read to fill the board: enough for every counter of a busy MPP and the "recent" list. */
const CALLS_READ = 400;
const RECENT = 8;

export async function readBoard(db: Kysely<Database>, region: string, now: Date): Promise<Board> {
  const date = todayWib(now);
  const [counters, calls] = await Promise.all([
    db.selectFrom("counters as c").innerJoin("agencies as a", "a.id", "c.agency_id")
      .select(["c.id", "c.label", "a.id as agency_id", "a.short_name"])
      .where("a.region_code", "=", region).orderBy("a.sort").orderBy("c.sort").orderBy("c.id").execute(),
    db.selectFrom("queue_calls").select(["id", "counter_id", "number", "action", "at"])
      .where("region_code", "=", region).where("date", "=", date).where("action", "in", ["call", "recall"])
      .orderBy("id", "desc").limit(CALLS_READ).execute(),
  ]);
  const latest = new Map<string, (typeof calls)[number]>();
  for (const c of calls) if (!latest.has(c.counter_id)) latest.set(c.counter_id, c);
  const labels = new Map(counters.map((c) => [c.id, c.label]));
  return {
    region,
    date,
    counters: counters.map((c) => {
      const call = latest.get(c.id);
      return {
        counterId: c.id, label: c.label, agencyId: c.agency_id, agencyShortName: c.short_name,
        number: call?.number ?? null, callId: call ? Number(call.id) : null, action: call?.action ?? null, calledAt: call?.at ?? null,
      };
    }),
    recent: calls.slice(0, RECENT).map((c) => ({ number: c.number, counterLabel: labels.get(c.counter_id) ?? c.counter_id, at: c.at, callId: Number(c.id) })),
  };
}

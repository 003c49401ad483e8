// The queue under simultaneous requests, on SQLite (one node) and on PostgreSQL (two app nodes on one
// database): 200 bookings for a 10-place slot give exactly 10 bookings and 190 slot_full, never a
// 5xx; numbers are unique and gapless per agency and day; a cancelled place is freed exactly once;
// walk-in numbers are unique across nodes, also mixed with bookings of the same day.
import assert from "node:assert/strict";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { postgresConfig } from "../../src/server/db/config";
import { createPostgresDatabase, forEachEngine } from "../support/engines";
import { at, book, openMpp, queueFixture, send, type QueueFixture } from "../support/queue";

const IMI = "3273-imigrasi";
const TUE = "2026-03-03";

function tally(responses: LightMyRequestResponse[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of responses) {
    const key = r.statusCode < 300 ? String(r.statusCode) : `${r.statusCode} ${r.json().error.code}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

async function sequences(f: QueueFixture, agencyId: string, date: string): Promise<number[]> {
  const rows = await f.db.kysely.selectFrom("queue_tickets").select("seq").where("agency_id", "=", agencyId).where("date", "=", date).orderBy("seq").execute();
  return rows.map((r) => Number(r.seq));
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

forEachEngine("queue under simultaneous requests", (engine) => {
  let f: QueueFixture;
  let nodes: FastifyInstance[];
  before(async function () {
    this.timeout(120_000);
    // PostgreSQL: two nodes, each with its own pool of 10 connections. A request may wait up to 20 s
    // for a connection here (2 s in production): 200 transactions queue on one row lock, and this
    // machine is shared with other test runs.
    const config = engine.name === "postgres"
      ? postgresConfig((await createPostgresDatabase("queueload")).url, { DB_POOL_WAIT_MS: "20000" })
      : undefined;
    f = await queueFixture(engine, config ? { config } : {});
    await openMpp(f.db);
    nodes = engine.name === "postgres" ? [f.app, await f.addNode()] : [f.app];
  });
  after(async () => { await f.close(); });
  beforeEach(async () => {
    f.clock.now = at("2026-03-02", "07:00");
    await f.db.kysely.deleteFrom("queue_tickets").execute();
    await f.db.kysely.deleteFrom("queue_days").execute();
  });
  const node = (i: number) => nodes[i % nodes.length]!;

  it("gives a 10-place slot to exactly 10 of 200 simultaneous requests, the rest 409 slot_full, no 5xx", async function () {
    this.timeout(120_000);
    const all = await Promise.all(range(200).map((i) => book(node(i), { agencyId: IMI, date: TUE, slot: "10:00" })));
    assert.deepEqual(tally(all), { 201: 10, "409 slot_full": 190 }, "exactly 10 bookings");
    const numbers = all.filter((r) => r.statusCode === 201).map((r) => r.json().booking.number as string).sort();
    assert.equal(new Set(numbers).size, 10, "10 different numbers");
    assert.deepEqual(await sequences(f, IMI, TUE), range(10), "numbers 1..10: refused requests took none (no gaps)");
    const codes = all.filter((r) => r.statusCode === 201).map((r) => r.json().booking.code as string);
    assert.equal(new Set(codes).size, 10, "10 different codes");
  });

  it("frees a cancelled place exactly once, even when cancelled from both nodes at once", async function () {
    this.timeout(120_000);
    const made: string[] = [];
    for (let i = 0; i < 10; i++) made.push((await book(node(i), { agencyId: IMI, date: TUE, slot: "10:30" })).json().booking.code);
    const cancels = await Promise.all(range(20).map((i) => send(node(i), { method: "DELETE", url: `/api/v1/queue/bookings/${made[0]}` })));
    assert.deepEqual(tally(cancels), { 200: 1, "409 booking_not_active": 19 }, "one cancellation, 19 told it is already cancelled");
    const rebook = await Promise.all(range(50).map((i) => book(node(i), { agencyId: IMI, date: TUE, slot: "10:30" })));
    assert.deepEqual(tally(rebook), { 201: 1, "409 slot_full": 49 }, "the one freed place goes to one request");
    assert.deepEqual(await sequences(f, IMI, TUE), range(11), "still gapless (the cancelled number stays taken)");
  });

  it("gives walk-in numbers unique and gapless across nodes, mixed with the day's bookings", async function () {
    this.timeout(120_000);
    f.clock.now = at("2026-03-02", "08:00");
    const walkIns = range(60).map((i) => send(node(i), { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: IMI } }));
    const bookings = range(40).map((i) => book(node(i + 1), { agencyId: IMI, date: "2026-03-02", slot: ["09:00", "09:30", "10:00", "10:30"][i % 4]! }));
    const all = await Promise.all([...walkIns, ...bookings]);
    assert.deepEqual(tally(all), { 201: 100 }, "every request served");
    const numbers = all.map((r) => (r.json().ticket ?? r.json().booking).number as string);
    assert.equal(new Set(numbers).size, 100, "100 different numbers");
    assert.deepEqual(await sequences(f, IMI, "2026-03-02"), range(100), "1..100 without a gap");
  });

  it("keeps each agency's numbers apart: two agencies at once each count from 1", async function () {
    this.timeout(120_000);
    f.clock.now = at("2026-03-02", "09:00");
    const agencies = ["3273-imigrasi", "3273-disdukcapil"];
    const all = await Promise.all(range(40).map((i) => send(node(i), { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: agencies[i % 2] } })));
    assert.deepEqual(tally(all), { 201: 40 });
    for (const a of agencies) assert.deepEqual(await sequences(f, a, "2026-03-02"), range(20), `${a}: 1..20`);
  });
});

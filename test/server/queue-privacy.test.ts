// Privacy and abuse on both engines: bookings and tickets deleted QUEUE_RETENTION_DAYS after their
// date (default 30), also by the job a server runs at start; nothing personal in the logs (name,
// phone, code, address); per-address rate limits answered in the visitor's language.
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { build } from "../../src/server/app";
import { purgeQueue, retentionDaysFromEnv } from "../../src/server/queue/retention";
import { forEachEngine } from "../support/engines";
import { at, book, openMpp, queueFixture, send, type QueueFixture } from "../support/queue";

const IMI = "3273-imigrasi";

async function insertTicket(f: QueueFixture, date: string, seq: number): Promise<void> {
  await f.db.kysely.insertInto("queue_tickets").values({
    kind: "walk_in", code: null, region_code: "3273", agency_id: IMI, service_id: null, date, slot_start: null, slot_end: null,
    seq, number: `L-${String(seq).padStart(3, "0")}`, status: "served", name: "Nama Lama", phone: "+6281200000000",
    phone_key: null, address_key: null, ready_at: `${date}T01:00:00.000Z`, created_at: `${date}T01:00:00.000Z`,
    called_at: null, counter_id: null, target_counter_id: null, finished_at: null,
  }).execute();
  await f.db.kysely.insertInto("queue_calls").values({
    region_code: "3273", agency_id: IMI, counter_id: "3273-imigrasi-1", ticket_id: seq, number: `L-${seq}`, action: "call",
    to_counter_id: null, date, at: `${date}T01:00:00.000Z`, officer: "ed-imigrasi",
  }).execute();
}

const dates = async (f: QueueFixture) => (await f.db.kysely.selectFrom("queue_tickets").select("date").orderBy("date").execute()).map((r) => r.date);

forEachEngine("queue privacy and abuse", (engine) => {
  let f: QueueFixture;
  before(async function () {
    this.timeout(60_000);
    f = await queueFixture(engine);
    await openMpp(f.db);
  });
  after(async () => { await f.close(); });
  beforeEach(async () => {
    f.clock.now = at("2026-03-02", "07:00");
    for (const t of ["queue_tickets", "queue_days", "queue_calls"] as const) await f.db.kysely.deleteFrom(t).execute();
  });

  it("deletes bookings, tickets and calls more than N days after their date, and keeps the rest", async () => {
    await insertTicket(f, "2026-01-30", 1);
    await insertTicket(f, "2026-01-31", 1);
    await insertTicket(f, "2026-02-01", 1);
    const purged = await purgeQueue(f.db, new Date(at("2026-03-02", "07:00")), 30);
    assert.deepEqual({ tickets: purged.tickets, calls: purged.calls }, { tickets: 1, calls: 1 }, "one day is past 30 days");
    assert.deepEqual(await dates(f), ["2026-01-31", "2026-02-01"], "the 30th day back is still kept");
    await purgeQueue(f.db, new Date(at("2026-03-02", "07:00")), 0);
    assert.deepEqual(await dates(f), [], "0 days: nothing before today");
  });

  it("runs the deletion when a server starts, with QUEUE_RETENTION_DAYS", async function () {
    this.timeout(60_000);
    await insertTicket(f, "2026-02-20", 1);
    await insertTicket(f, "2026-02-27", 1);
    const node = await f.addNode({ retention: true, retentionDays: retentionDaysFromEnv("5") });
    for (let i = 0; i < 50 && (await dates(f)).length > 1; i++) await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await dates(f), ["2026-02-27"], "the row 10 days old is gone, the one 3 days old stays");
    await node.close();
    assert.equal(retentionDaysFromEnv(undefined), 30, "default 30 days");
    assert.throws(() => retentionDaysFromEnv("tiga puluh"), /QUEUE_RETENTION_DAYS/);
    assert.throws(() => retentionDaysFromEnv("-1"), /QUEUE_RETENTION_DAYS/);
  });

  it("writes nothing personal to the log: no name, phone, booking code or client address", async function () {
    this.timeout(60_000);
    let log = "";
    const stream = new Writable({ write(chunk, _enc, done) { log += String(chunk); done(); } });
    const app = await build({
      database: f.config, rateLimit: false, logger: { level: "trace", stream },
      queue: { now: () => f.clock.now, retention: false, rateLimits: false },
    });
    try {
      const address = "10.77.66.55";
      const b = await book(app, { agencyId: IMI, date: "2026-03-03", slot: "08:00", name: "Dewi Lestari", phone: "0857-1234-9876" }, address);
      assert.equal(b.statusCode, 201, b.body);
      const code = b.json().booking.code as string;
      await send(app, { url: `/api/v1/queue/bookings/${code}`, address });
      await send(app, { method: "DELETE", url: `/api/v1/queue/bookings/${code}`, address });
      await book(app, { agencyId: IMI, date: "2026-03-03", slot: "08:00", name: "Dewi Lestari", phone: "bukan nomor" }, address);
      await send(app, { url: "/api/v1/health", address: "10.1.1.1" });
      assert.ok(log.includes("/api/v1/health"), "the logger was on (other routes' request lines are written)");
      for (const secret of ["Dewi", "Lestari", "1234", "9876", code, address]) assert.ok(!log.includes(secret), `${secret} is not in the log`);
    } finally {
      await app.close();
    }
  });

  it("limits bookings and lookups per address, with Retry-After and a message in the visitor's language", async function () {
    this.timeout(30_000);
    const node = await f.addNode({ rateLimits: { booking: { max: 2, windowMs: 60_000 }, lookup: { max: 1, windowMs: 60_000 } } });
    const address = "10.99.0.1";
    assert.equal((await book(node, { agencyId: IMI, date: "2026-03-03", slot: "08:00" }, address)).statusCode, 201);
    assert.equal((await book(node, { agencyId: IMI, date: "2026-03-03", slot: "08:30" }, address)).statusCode, 201);
    const third = await send(node, { method: "POST", url: "/api/v1/queue/bookings", payload: { agencyId: IMI, date: "2026-03-03", slot: "09:00" }, address, lang: "en" });
    assert.equal(third.statusCode, 429);
    assert.equal(third.json().error.code, "queue_rate_limited");
    assert.match(third.json().error.message, /Too many queue requests/);
    assert.ok(Number(third.headers["retry-after"]) >= 1, "Retry-After");
    assert.equal((await book(node, { agencyId: IMI, date: "2026-03-03", slot: "09:00" }, "10.99.0.2")).statusCode, 201, "another address is not affected");
    assert.equal((await send(node, { url: "/api/v1/queue/bookings/KFDX4MRA", address })).statusCode, 404);
    const guess = await send(node, { url: "/api/v1/queue/bookings/KFDX4MRC", address });
    assert.equal(guess.statusCode, 429, "guessing codes is slowed down");
    assert.match(guess.json().error.message, /Terlalu banyak/, "Indonesian by default");
  });
});

// The citizens' queue API on both engines: a day's slots, booking with its code and number, lookup
// and cancellation, every refusal as a JSON error in the visitor's language, the per-phone and
// per-address caps, walk-in numbers, a region without an MPP building, and the OpenAPI document.
import assert from "node:assert/strict";
import { CODE_ALPHABET } from "../../src/domain/queue/code";
import { forEachEngine } from "../support/engines";
import { at, book, nextAddress, openMpp, queueFixture, send, type QueueFixture } from "../support/queue";

const IMI = "3273-imigrasi";
const TUE = "2026-03-03";

forEachEngine("queue API", (engine) => {
  let f: QueueFixture;
  before(async function () {
    this.timeout(60_000);
    f = await queueFixture(engine);
    await openMpp(f.db);
  });
  after(async () => { await f.close(); });
  beforeEach(async () => {
    f.clock.now = at("2026-03-02", "07:00");
    await f.db.kysely.deleteFrom("queue_tickets").execute();
    await f.db.kysely.deleteFrom("queue_days").execute();
  });

  it("lists a day's slots per agency with capacity and places left, and the booking window", async () => {
    const res = await send(f.app, { url: `/api/v1/regions/3273/queue?date=${TUE}` });
    assert.equal(res.statusCode, 200, res.body);
    const day = res.json();
    assert.equal(day.open, true, "a Tuesday is open");
    assert.deepEqual(day.window, { from: "2026-03-02", to: "2026-03-09" }, "today up to 7 days ahead");
    const imi = day.agencies.find((a: { agencyId: string }) => a.agencyId === IMI);
    assert.equal(imi.slots.length, 12, "08:00-12:00 and 13:00-15:00 in 30-minute slots");
    assert.deepEqual(imi.slots[0], { start: "08:00", end: "08:30", capacity: 10, remaining: 10, bookable: true, reason: null });
    assert.ok(!imi.slots.some((s: { start: string }) => s.start === "12:00"), "no slot in the lunch break");
    assert.equal(res.headers["cache-control"], "no-cache", "revalidated on every look (places change)");
    await book(f.app, { agencyId: IMI, date: TUE, slot: "08:00" });
    const after = (await send(f.app, { url: `/api/v1/regions/3273/queue?date=${TUE}` })).json();
    assert.equal(after.agencies.find((a: { agencyId: string }) => a.agencyId === IMI).slots[0].remaining, 9, "a booking takes a place");
  });

  it("says a Saturday, a holiday and a region without an MPP building are closed", async () => {
    const sat = (await send(f.app, { url: "/api/v1/regions/3273/queue?date=2026-03-07" })).json();
    assert.equal(sat.open, false, "Saturday closed");
    assert.equal(sat.closure.kind, "weekend");
    const idul = (await send(f.app, { url: "/api/v1/regions/3273/queue?date=2026-03-20" })).json();
    assert.equal(idul.closure.kind, "cuti_bersama", "joint leave day of Idulfitri 2026");
    const noMpp = (await send(f.app, { url: `/api/v1/regions/3202/queue?date=${TUE}` })).json();
    assert.equal(noMpp.physicalMpp, "unknown");
    assert.equal(noMpp.open, false);
    assert.equal(noMpp.closure.kind, "no_mpp");
    assert.match(noMpp.closure.name.id, /konsultasi/, "offers the consultation desk");
    assert.deepEqual(noMpp.agencies, [], "no agency to queue at");
    const bad = await send(f.app, { url: "/api/v1/regions/3273/queue?date=2026-02-30" });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, "invalid_date");
    assert.equal((await send(f.app, { url: "/api/v1/regions/3299/queue" })).statusCode, 404, "unknown region");
  });

  it("books: 201 with an 8-character code, the queue number and the slot; the code looks it up without name or phone", async () => {
    const res = await book(f.app, { agencyId: IMI, serviceId: "3273-imigrasi-paspor-biasa", date: TUE, slot: "08:30", name: "Siti Aminah", phone: "0812-3456-7890" });
    assert.equal(res.statusCode, 201, res.body);
    const { booking } = res.json();
    assert.match(booking.code, new RegExp(`^[${CODE_ALPHABET}]{8}$`), "code from the alphabet without look-alikes");
    assert.match(booking.number, /^[A-Z]-001$/, "the agency's first number of the day");
    assert.deepEqual(
      { agencyId: booking.agencyId, serviceId: booking.serviceId, date: booking.date, slot: booking.slot, slotEnd: booking.slotEnd, status: booking.status },
      { agencyId: IMI, serviceId: "3273-imigrasi-paspor-biasa", date: TUE, slot: "08:30", slotEnd: "09:00", status: "booked" },
    );
    assert.equal(res.headers.location, `/api/v1/queue/bookings/${booking.code}`);
    assert.equal(res.headers["cache-control"], "no-store");
    const typed = `${booking.code.slice(0, 4).toLowerCase()}-${booking.code.slice(4)}`;
    const got = await send(f.app, { url: `/api/v1/queue/bookings/${typed}` });
    assert.equal(got.statusCode, 200, "found as typed (lower case, dash)");
    assert.deepEqual(got.json(), { booking }, "the same booking");
    assert.doesNotMatch(got.body, /Siti|3456/, "no name or phone in the answer");
    const row = await f.db.kysely.selectFrom("queue_tickets").select(["name", "phone", "phone_key", "address_key"]).where("code", "=", booking.code).executeTakeFirstOrThrow();
    assert.equal(row.name, "Siti Aminah", "the name is kept for the counter");
    assert.equal(row.phone, "+6281234567890", "the phone normalised");
    assert.doesNotMatch(String(row.phone_key) + String(row.address_key), /0812|6281|10\./, "the cap's keys are hashes");
  });

  it("refuses with the rule's code and a message in the visitor's language", async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ date: "2026-03-01", slot: "08:00" }, 400, "past_date"],
      [{ date: "2026-03-07", slot: "08:00" }, 400, "closed_day"],
      [{ date: TUE, slot: "12:00" }, 400, "outside_hours"],
      [{ date: TUE, slot: "08:10" }, 400, "outside_hours"],
      [{ date: "2026-03-10", slot: "08:00" }, 400, "outside_window"],
      [{ date: "2026-13-01", slot: "08:00" }, 400, "invalid_date"],
      [{ date: TUE, slot: "8 pagi" }, 400, "invalid_slot"],
    ];
    for (const [body, status, code] of cases) {
      const res = await book(f.app, { agencyId: IMI, ...body });
      assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
      assert.equal(res.json().error.code, code, JSON.stringify(body));
    }
    const id = await book(f.app, { agencyId: IMI, date: "2026-03-07", slot: "08:00" });
    assert.match(id.json().error.message, /MPP tidak melayani/, "Indonesian by default");
    const en = await send(f.app, { method: "POST", url: "/api/v1/queue/bookings", payload: { agencyId: IMI, date: "2026-03-07", slot: "08:00" }, lang: "en-US,en;q=0.9,id;q=0.5" });
    assert.match(en.json().error.message, /does not serve/, "English from Accept-Language");
    const field = await book(f.app, { agencyId: IMI, date: "2026-03-07", slot: "08:00", lang: "en" });
    assert.match(field.json().error.message, /does not serve/, "English from the lang field");
    const missing = await book(f.app, { agencyId: IMI, date: TUE, lang: "en" });
    assert.equal(missing.statusCode, 400);
    assert.deepEqual(missing.json(), { error: { code: "invalid_parameter", message: "The slot field is required." } }, "schema errors localized too");
    const unknown = await book(f.app, { agencyId: "3273-tidak-ada", date: TUE, slot: "08:00" });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, "agency_not_found");
    const wrongService = await book(f.app, { agencyId: IMI, serviceId: "3273-disdukcapil-ktp-el-baru", date: TUE, slot: "08:00" });
    assert.equal(wrongService.statusCode, 404);
    const noMpp = await book(f.app, { agencyId: "3202-disdukcapil", date: TUE, slot: "08:00" });
    assert.equal(noMpp.statusCode, 400);
    assert.equal(noMpp.json().error.code, "no_physical_mpp");
    const phone = await book(f.app, { agencyId: IMI, date: TUE, slot: "08:00", phone: "12345" });
    assert.equal(phone.json().error.code, "invalid_parameter");
    assert.match(phone.json().error.message, /Nomor HP/);
    const extra = await book(f.app, { agencyId: IMI, date: TUE, slot: "08:00", nik: "3273010101010001" });
    assert.equal(extra.statusCode, 201, "an unknown field is dropped by the schema");
    const stored = await f.db.kysely.selectFrom("queue_tickets").selectAll().where("code", "=", extra.json().booking.code).executeTakeFirstOrThrow();
    assert.doesNotMatch(JSON.stringify(stored), /3273010101010001/, "a NIK sent anyway is not stored");
  });

  it("closes today's slot 30 minutes before it starts and never books a started slot", async () => {
    f.clock.now = at("2026-03-02", "08:40");
    const day = (await send(f.app, { url: "/api/v1/regions/3273/queue" })).json();
    assert.equal(day.date, "2026-03-02", "today by default (WIB)");
    const slots = day.agencies.find((a: { agencyId: string }) => a.agencyId === IMI).slots;
    assert.equal(slots.find((s: { start: string }) => s.start === "08:30").reason, "past_date");
    assert.equal(slots.find((s: { start: string }) => s.start === "09:00").reason, "outside_window", "09:00 closed at 08:30");
    assert.equal(slots.find((s: { start: string }) => s.start === "09:30").bookable, true);
    assert.equal((await book(f.app, { agencyId: IMI, date: "2026-03-02", slot: "09:00" })).json().error.code, "outside_window");
    assert.equal((await book(f.app, { agencyId: IMI, date: "2026-03-02", slot: "09:30" })).statusCode, 201);
  });

  it("cancels once: 200 then 409, and the place is free again", async () => {
    const codes: string[] = [];
    for (let i = 0; i < 10; i++) codes.push((await book(f.app, { agencyId: IMI, date: TUE, slot: "09:00" })).json().booking.code);
    assert.equal((await book(f.app, { agencyId: IMI, date: TUE, slot: "09:00" })).json().error.code, "slot_full");
    const first = await send(f.app, { method: "DELETE", url: `/api/v1/queue/bookings/${codes[3]}` });
    assert.equal(first.statusCode, 200);
    assert.equal(first.json().booking.status, "cancelled");
    const again = await send(f.app, { method: "DELETE", url: `/api/v1/queue/bookings/${codes[3]}` });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, "booking_not_active");
    assert.equal((await book(f.app, { agencyId: IMI, date: TUE, slot: "09:00" })).statusCode, 201, "the freed place");
    assert.equal((await book(f.app, { agencyId: IMI, date: TUE, slot: "09:00" })).statusCode, 409, "only one");
    const missing = await send(f.app, { method: "DELETE", url: "/api/v1/queue/bookings/KFDX4MRA" });
    assert.equal(missing.statusCode, 404);
    const junk = await send(f.app, { url: "/api/v1/queue/bookings/0OIL1234" });
    assert.equal(junk.statusCode, 404, "a malformed code gets the same answer as an unknown one");
    assert.equal(junk.json().error.code, "booking_not_found");
  });

  it("allows 3 active bookings per phone and per address; a lobby kiosk's address can be exempt", async () => {
    const phone = "0813 1111 2222";
    for (const slot of ["08:00", "08:30", "09:00"]) assert.equal((await book(f.app, { agencyId: IMI, date: TUE, slot, phone })).statusCode, 201);
    const fourth = await book(f.app, { agencyId: "3273-disdukcapil", date: TUE, slot: "08:00", phone: "+62 813-1111-2222" });
    assert.equal(fourth.statusCode, 409, "the same number written differently");
    assert.equal(fourth.json().error.code, "too_many_bookings");
    const address = nextAddress();
    for (const slot of ["10:00", "10:30", "11:00"]) assert.equal((await book(f.app, { agencyId: IMI, date: TUE, slot }, address)).statusCode, 201);
    assert.equal((await book(f.app, { agencyId: IMI, date: TUE, slot: "11:30" }, address)).json().error.code, "too_many_bookings");
    const list = await f.db.kysely.selectFrom("queue_tickets").select("code").where("slot_start", "=", "10:00").executeTakeFirstOrThrow();
    await send(f.app, { method: "DELETE", url: `/api/v1/queue/bookings/${list.code}` });
    assert.equal((await book(f.app, { agencyId: IMI, date: TUE, slot: "11:30" }, address)).statusCode, 201, "a cancelled booking no longer counts");
    const kiosk = await f.addNode({ caps: { exemptAddresses: ["10.200.0.1"] } });
    for (let i = 0; i < 5; i++) assert.equal((await book(kiosk, { agencyId: IMI, date: TUE, slot: "13:00" }, "10.200.0.1")).statusCode, 201, `kiosk booking ${i + 1}`);
  });

  it("gives walk-in numbers only while the counters are open, from the same sequence as bookings", async () => {
    const closed = await send(f.app, { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: IMI } });
    assert.equal(closed.statusCode, 400, "07:00: not open yet");
    assert.equal(closed.json().error.code, "outside_hours");
    assert.match(closed.json().error.message, /08:00-12:00/, "says today's hours");
    await book(f.app, { agencyId: IMI, date: "2026-03-02", slot: "10:00" });
    f.clock.now = at("2026-03-02", "08:05");
    const a = await send(f.app, { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: IMI } });
    assert.equal(a.statusCode, 201, a.body);
    const t = a.json().ticket;
    assert.match(t.number, /^[A-Z]-002$/, "after the day's booking");
    assert.deepEqual({ date: t.date, time: t.time, waitingAhead: t.waitingAhead }, { date: "2026-03-02", time: "08:05", waitingAhead: 0 }, "the 10:00 booking is not ahead yet");
    const b = (await send(f.app, { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: IMI } })).json().ticket;
    assert.equal(b.waitingAhead, 1);
    f.clock.now = at("2026-03-02", "12:15");
    assert.equal((await send(f.app, { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: IMI } })).statusCode, 400, "lunch break");
  });

  it("stops walk-in numbers at the agency's walk-in quota", async () => {
    await openMpp(f.db, "3273", { walkInQuota: 2 });
    f.clock.now = at("2026-03-02", "09:00");
    const take = () => send(f.app, { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: IMI } });
    assert.equal((await take()).statusCode, 201);
    assert.equal((await take()).statusCode, 201);
    const third = await take();
    assert.equal(third.statusCode, 409);
    assert.equal(third.json().error.code, "walk_in_full");
    await openMpp(f.db);
    const next = (await take()).json().ticket;
    assert.match(next.number, /-003$/, "the refused one took no number");
  });

  it("refuses a booking sent from another site", async () => {
    const res = await f.app.inject({ method: "POST", url: "/api/v1/queue/bookings", headers: { origin: "https://evil.example" }, payload: { agencyId: IMI, date: TUE, slot: "08:00" } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, "cross_origin");
  });

  it("documents every queue route in the OpenAPI document", async () => {
    const doc = (await send(f.app, { url: "/api/v1/openapi.json" })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>> };
    const p = doc.paths;
    assert.ok(p["/api/v1/regions/{code}/queue"]?.get, "day");
    assert.ok(p["/api/v1/queue/bookings"]?.post?.responses["201"], "booking 201");
    assert.ok(p["/api/v1/queue/bookings"]?.post?.responses["409"], "booking 409 slot_full");
    assert.ok(p["/api/v1/queue/bookings"]?.post?.requestBody, "booking body");
    assert.ok(p["/api/v1/queue/bookings/{code}"]?.get && p["/api/v1/queue/bookings/{code}"]?.delete, "lookup and cancel");
    assert.ok(p["/api/v1/queue/tickets"]?.post?.responses["201"], "walk-in");
    assert.ok(p["/api/v1/regions/{code}/queue/board"]?.get, "board");
    assert.ok(p["/api/v1/regions/{code}/queue/board/stream"]?.get, "board stream");
    assert.ok(p["/api/v1/admin/queue/counters/{id}/call"]?.post, "counter call");
  });
});

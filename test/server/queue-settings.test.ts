// A region admin's queue settings on both engines: quota, slot length, letter and an agency's own
// hours change what can be booked at once; a closed day refuses bookings, an open day allows them
// (never on a national holiday); scope, validation and the audit trail.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS } from "../support/officers";
import { at, book, openMpp, queueFixture, send, type QueueFixture } from "../support/queue";

const IMI = "3273-imigrasi";
const SETTINGS = `/api/v1/admin/queue/agencies/${IMI}/settings`;
const monOnly = [[], [{ open: "08:00", close: "10:00" }], [], [], [], [], []];

forEachEngine("queue settings", (engine) => {
  let f: QueueFixture;
  let ra: string;
  before(async function () {
    this.timeout(60_000);
    f = await queueFixture(engine);
    await openMpp(f.db);
    ra = await f.login(ACCOUNTS.ra!);
  });
  after(async () => { await f.close(); });
  beforeEach(() => { f.clock.now = at("2026-03-02", "07:00"); });

  const day = async (date: string) => (await send(f.app, { url: `/api/v1/regions/3273/queue?date=${date}` })).json();
  const imiOn = async (date: string) => (await day(date)).agencies.find((a: { agencyId: string }) => a.agencyId === IMI);

  it("shows the region's settings: each agency's quota, slot length, letter and hours, and the MPP's hours", async () => {
    const res = await send(f.app, { url: "/api/v1/admin/queue/regions/3273/settings", cookie: ra });
    assert.equal(res.statusCode, 200, res.body);
    const s = res.json();
    assert.equal(s.physicalMpp, "yes");
    assert.deepEqual(s.mppHours[1], [{ open: "08:00", close: "12:00" }, { open: "13:00", close: "15:00" }], "Monday (Sunday first)");
    assert.deepEqual(s.mppHours[0], [], "Sunday: unknown in the record, so closed for the queue");
    const imi = s.agencies.find((a: { agencyId: string }) => a.agencyId === IMI);
    assert.deepEqual({ q: imi.dailyQuota, m: imi.slotMinutes, own: imi.hours }, { q: 120, m: 30, own: null });
    assert.deepEqual(imi.effectiveHours, s.mppHours, "the MPP's hours when the agency has none");
    assert.equal(new Set(s.agencies.map((a: { letter: string }) => a.letter)).size, s.agencies.length, "one letter per agency");
  });

  it("applies an agency's quota, slot length, letter and own hours to the next bookings", async () => {
    const res = await send(f.app, { method: "PUT", url: SETTINGS, cookie: ra, payload: { dailyQuota: 24, slotMinutes: 60, letter: "Z", hours: monOnly, walkInQuota: null } });
    assert.equal(res.statusCode, 200, res.body);
    const mon = await imiOn("2026-03-02");
    assert.deepEqual(mon.slots.map((s: { start: string; capacity: number }) => [s.start, s.capacity]), [["08:00", 12], ["09:00", 12]], "two one-hour slots of 12");
    assert.equal(mon.letter, "Z");
    const tue = await imiOn("2026-03-03");
    assert.equal(tue.open, false, "its own hours say Tuesday is closed");
    const b = await book(f.app, { agencyId: IMI, date: "2026-03-09", slot: "09:00" });
    assert.equal(b.statusCode, 201, b.body);
    assert.match(b.json().booking.number, /^Z-\d{3}$/, "numbers use the new letter");
    assert.equal((await book(f.app, { agencyId: IMI, date: "2026-03-09", slot: "09:30" })).json().error.code, "outside_hours", "09:30 is not a slot start any more");
    await send(f.app, { method: "PUT", url: SETTINGS, cookie: ra, payload: { dailyQuota: 120, slotMinutes: 30, letter: "L", hours: null, walkInQuota: null } });
    assert.equal((await imiOn("2026-03-03")).open, true, "back to the MPP's hours");
  });

  it("refuses a letter another agency uses, bad hours, and officers outside the region", async () => {
    const taken = await send(f.app, { method: "PUT", url: SETTINGS, cookie: ra, payload: { dailyQuota: 10, slotMinutes: 30, letter: "A", hours: null, walkInQuota: null } });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, "letter_taken");
    const overlap = [[], [{ open: "08:00", close: "12:00" }, { open: "11:00", close: "13:00" }], [], [], [], [], []];
    const bad = await send(f.app, { method: "PUT", url: SETTINGS, cookie: ra, payload: { dailyQuota: 10, slotMinutes: 30, letter: "L", hours: overlap, walkInQuota: null } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /overlap/);
    const slot = await send(f.app, { method: "PUT", url: SETTINGS, cookie: ra, payload: { dailyQuota: 10, slotMinutes: 3, letter: "L", hours: null, walkInQuota: null } });
    assert.equal(slot.statusCode, 400, "slots of 5 to 240 minutes");
    const ed = await f.login(ACCOUNTS.ed!);
    const body = { dailyQuota: 10, slotMinutes: 30, letter: "L", hours: null, walkInQuota: null };
    assert.equal((await send(f.app, { method: "PUT", url: SETTINGS, cookie: ed, payload: body })).statusCode, 403, "an editor may not");
    const other = await f.login(ACCOUNTS.raOther!);
    assert.equal((await send(f.app, { method: "PUT", url: SETTINGS, cookie: other, payload: body })).statusCode, 403, "another region's admin may not");
    assert.equal((await send(f.app, { url: "/api/v1/admin/queue/regions/3273/settings", cookie: other })).statusCode, 403);
    assert.equal((await send(f.app, { method: "PUT", url: SETTINGS, payload: body })).statusCode, 401);
  });

  it("closes a day for the region's MPP: bookings refused with the reason, until the day is removed", async () => {
    const put = await send(f.app, { method: "PUT", url: "/api/v1/admin/queue/regions/3273/days/2026-03-04", cookie: ra, payload: { kind: "closed", reason: { id: "Pemeliharaan gedung", en: "Building maintenance" } } });
    assert.equal(put.statusCode, 200, put.body);
    const d = await day("2026-03-04");
    assert.equal(d.open, false);
    assert.deepEqual(d.closure, { kind: "region_closed", name: { id: "Pemeliharaan gedung", en: "Building maintenance" } });
    const refused = await book(f.app, { agencyId: IMI, date: "2026-03-04", slot: "08:00", lang: "en" });
    assert.equal(refused.json().error.code, "closed_day");
    assert.match(refused.json().error.message, /Building maintenance/);
    const del = await send(f.app, { method: "DELETE", url: "/api/v1/admin/queue/regions/3273/days/2026-03-04", cookie: ra });
    assert.equal(del.statusCode, 200);
    assert.equal((await book(f.app, { agencyId: IMI, date: "2026-03-04", slot: "08:00" })).statusCode, 201);
    assert.equal((await send(f.app, { method: "DELETE", url: "/api/v1/admin/queue/regions/3273/days/2026-03-04", cookie: ra })).statusCode, 404);
    const past = await send(f.app, { method: "PUT", url: "/api/v1/admin/queue/regions/3273/days/2026-02-27", cookie: ra, payload: { kind: "closed", reason: { id: "x", en: "x" } } });
    assert.equal(past.statusCode, 400, "not in the past");
  });

  it("opens a joint-leave day but never a national holiday", async () => {
    f.clock.now = at("2026-03-16", "07:00");
    assert.equal((await day("2026-03-18")).closure.kind, "cuti_bersama");
    const open = await send(f.app, { method: "PUT", url: "/api/v1/admin/queue/regions/3273/days/2026-03-18", cookie: ra, payload: { kind: "open", reason: { id: "Layanan tetap buka", en: "" } } });
    assert.equal(open.statusCode, 200, open.body);
    assert.equal((await day("2026-03-18")).open, true, "open on the joint leave day");
    assert.equal((await book(f.app, { agencyId: IMI, date: "2026-03-18", slot: "08:00" })).statusCode, 201);
    const holiday = await send(f.app, { method: "PUT", url: "/api/v1/admin/queue/regions/3273/days/2026-03-19", cookie: ra, payload: { kind: "open", reason: { id: "x", en: "x" } } });
    assert.equal(holiday.statusCode, 400, "Nyepi is a libur nasional");
    assert.equal(holiday.json().error.code, "closed_day");
  });

  it("audits each settings change with what changed", async () => {
    const head = Number((await f.db.kysely.selectFrom("audit_head").select("seq").executeTakeFirstOrThrow()).seq);
    await send(f.app, { method: "PUT", url: SETTINGS, cookie: ra, payload: { dailyQuota: 60, slotMinutes: 30, letter: "L", hours: null, walkInQuota: 50 } });
    await send(f.app, { method: "PUT", url: SETTINGS, cookie: ra, payload: { dailyQuota: 60, slotMinutes: 30, letter: "L", hours: null, walkInQuota: 50 } });
    await send(f.app, { method: "PUT", url: "/api/v1/admin/queue/regions/3273/days/2026-03-05", cookie: ra, payload: { kind: "closed", reason: { id: "Rapat", en: "Meeting" } } });
    const rows = await f.db.kysely.selectFrom("audit_log").select(["action", "entity", "changes", "actor"]).where("seq", ">", head).orderBy("seq").execute();
    assert.deepEqual(rows.map((r) => [r.action, r.entity]), [["queue.settings", `agency:${IMI}`], ["queue.day", "region:3273"]], "one row per change; saving the same values again writes none");
    assert.deepEqual(JSON.parse(rows[0]!.changes), [{ field: "dailyQuota", before: 120, after: 60 }, { field: "walkInQuota", before: null, after: 50 }]);
    assert.equal(rows[0]!.actor, "ra-bandung");
  });
});

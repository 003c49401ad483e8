// The counter page's routes on both engines: who may work at which counter, the order numbers are
// called in (walk-ins as they come, bookings from their slot, transfers first), recall, served,
// no-show, transfer, the guard against a double click, the audit trail, and two counters of one
// agency calling at once never getting the same number.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS } from "../support/officers";
import { at, book, openMpp, queueFixture, send, type QueueFixture } from "../support/queue";

const IMI = "3273-imigrasi";
const C1 = "3273-imigrasi-1";
const C2 = "3273-imigrasi-2";
const TODAY = "2026-03-02";

forEachEngine("queue counters", (engine) => {
  let f: QueueFixture;
  let ed: string;
  let ra: string;
  before(async function () {
    this.timeout(60_000);
    f = await queueFixture(engine);
    await openMpp(f.db);
    f.clock.now = at(TODAY, "07:00");
    ed = await f.login(ACCOUNTS.ed!);
    ra = await f.login(ACCOUNTS.ra!);
  });
  after(async () => { await f.close(); });
  beforeEach(async () => {
    f.clock.now = at(TODAY, "07:00");
    for (const t of ["queue_tickets", "queue_days", "queue_calls"] as const) await f.db.kysely.deleteFrom(t).execute();
  });

  const walkIn = async (agencyId = IMI) => (await send(f.app, { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId } })).json().ticket.number as string;
  const act = (cookie: string, counter: string, action: string, payload?: unknown) =>
    send(f.app, { method: "POST", url: `/api/v1/admin/queue/counters/${counter}/${action}`, cookie, payload: payload ?? {} });

  it("lets an agency's editor and the region admin work at its counters, and nobody else", async () => {
    assert.equal((await send(f.app, { url: `/api/v1/admin/queue/counters/${C1}` })).statusCode, 401, "no session");
    assert.equal((await send(f.app, { url: `/api/v1/admin/queue/counters/${C1}`, cookie: ed })).statusCode, 200, "the agency's editor");
    assert.equal((await send(f.app, { url: `/api/v1/admin/queue/counters/${C1}`, cookie: ra })).statusCode, 200, "the region admin");
    const other = await f.login(ACCOUNTS.edOther!);
    assert.equal((await send(f.app, { url: `/api/v1/admin/queue/counters/${C1}`, cookie: other })).statusCode, 403, "another agency's editor");
    assert.equal((await act(other, C1, "call")).statusCode, 403, "may not call there either");
    const raOther = await f.login(ACCOUNTS.raOther!);
    assert.equal((await send(f.app, { url: `/api/v1/admin/queue/counters/${C1}`, cookie: raOther })).statusCode, 403, "another region's admin");
    assert.equal((await send(f.app, { url: "/api/v1/admin/queue/counters/3273-nothing-9", cookie: ed })).statusCode, 404);
    const list = (await send(f.app, { url: "/api/v1/admin/queue/counters", cookie: ed })).json().counters as Array<{ id: string }>;
    assert.deepEqual(list.map((c) => c.id), [C1, C2], "an editor sees the agency's counters");
    const all = (await send(f.app, { url: "/api/v1/admin/queue/counters", cookie: ra })).json().counters as Array<{ id: string }>;
    assert.ok(all.length > 10 && all.some((c) => c.id === "3273-disdukcapil-1"), "a region admin sees the region's counters");
    assert.equal((await send(f.app, { url: "/api/v1/admin/queue/counters?region=3204", cookie: ra })).statusCode, 403, "not another region's");
  });

  it("calls walk-ins in arrival order and a booking from its slot's start", async () => {
    await book(f.app, { agencyId: IMI, date: TODAY, slot: "08:30" });
    f.clock.now = at(TODAY, "08:01");
    const w1 = await walkIn();
    const w2 = await walkIn();
    f.clock.now = at(TODAY, "08:10");
    let res = await act(ed, C1, "call");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().state.current.number, w1, "first walk-in first");
    assert.equal(res.json().state.waiting, 1, "one more waiting now");
    assert.equal(res.json().state.later, 1, "the 08:30 booking later today");
    res = await act(ed, C1, "call");
    assert.equal(res.json().state.current.number, w2);
    assert.equal(res.json().state.servedToday, 1, "calling the next one served the previous");
    const empty = await act(ed, C1, "call");
    assert.equal(empty.statusCode, 409, "the booking is not due yet");
    assert.equal(empty.json().error.code, "queue_empty");
    f.clock.now = at(TODAY, "08:30");
    const w3 = await walkIn();
    res = await act(ed, C1, "call");
    assert.match(res.json().state.current.number, /-001$/, "the booking (number 1) from 08:30 comes before a walk-in who came at 08:30 too");
    assert.equal(res.json().state.current.kind, "booking");
    res = await act(ed, C2, "call");
    assert.equal(res.json().state.current.number, w3, "the second counter takes the next");
  });

  it("recalls, marks served or absent, and refuses a stale page (double click) with 409", async () => {
    f.clock.now = at(TODAY, "09:00");
    const a = await walkIn();
    const b = await walkIn();
    await act(ed, C1, "call", { expect: null });
    const double = await act(ed, C1, "call", { expect: null });
    assert.equal(double.statusCode, 409, "the page still showed no number: the second click is refused");
    assert.equal(double.json().error.code, "counter_moved");
    const again = await act(ed, C1, "recall", { expect: a });
    assert.equal(again.json().state.current.callCount, 2, "called twice");
    const absent = await act(ed, C1, "no-show", { expect: a });
    assert.equal(absent.json().state.current, null);
    assert.equal(absent.json().state.noShowToday, 1);
    await act(ed, C1, "call", { expect: null });
    const served = await act(ed, C1, "served", { expect: b });
    assert.equal(served.json().state.servedToday, 1);
    const none = await act(ed, C1, "served");
    assert.equal(none.statusCode, 409);
    assert.equal(none.json().error.code, "no_current_ticket");
    const status = await f.db.kysely.selectFrom("queue_tickets").select(["number", "status"]).orderBy("seq").execute();
    assert.deepEqual(status.map((s) => s.status), ["no_show", "served"]);
  });

  it("transfers a number to another agency's counter, where it is called first", async () => {
    f.clock.now = at(TODAY, "09:00");
    const a = await walkIn();
    await walkIn("3273-disdukcapil");
    await act(ed, C1, "call");
    const bad = await act(ed, C1, "transfer", { to: "3204-disdukcapil-1" });
    assert.equal(bad.statusCode, 404, "not a counter of this MPP");
    const t = await act(ed, C1, "transfer", { to: "3273-disdukcapil-1", expect: a });
    assert.equal(t.statusCode, 200, t.body);
    assert.equal(t.json().state.current, null, "gone from this counter");
    const there = await act(ra, "3273-disdukcapil-1", "call");
    assert.equal(there.json().state.current.number, a, "called first at the target, before the agency's own walk-in");
    const elsewhere = await send(f.app, { url: "/api/v1/admin/queue/counters/3273-disdukcapil-2", cookie: ra });
    assert.ok(!elsewhere.json().state.next.some((n: { number: string }) => n.number === a), "only the target counter calls it");
  });

  it("writes every action to the audit trail with the officer and the number", async () => {
    f.clock.now = at(TODAY, "09:00");
    const head = Number((await f.db.kysely.selectFrom("audit_head").select("seq").executeTakeFirstOrThrow()).seq);
    const a = await walkIn();
    await act(ed, C1, "call");
    await act(ed, C1, "recall");
    await act(ed, C1, "served");
    const rows = await f.db.kysely.selectFrom("audit_log").select(["actor", "action", "entity", "changes"]).where("entity", "=", `counter:${C1}`).where("seq", ">", head).orderBy("seq").execute();
    assert.deepEqual(rows.map((r) => r.action), ["queue.call", "queue.recall", "queue.served"]);
    assert.ok(rows.every((r) => r.actor === "ed-imigrasi"));
    assert.deepEqual(JSON.parse(rows[0]!.changes), [{ field: "number", before: null, after: a }]);
    const history = await send(f.app, { url: `/api/v1/admin/audit?entity=counter:${C1}`, cookie: ed });
    assert.equal(history.statusCode, 200, "the agency's editor may read the counter's history");
  });

  it("never gives one number to two counters calling at the same moment", async function () {
    this.timeout(60_000);
    f.clock.now = at(TODAY, "09:00");
    for (let i = 0; i < 12; i++) await walkIn();
    const node2 = f.nodes[1] ?? await f.addNode();
    const ed2 = await f.login(ACCOUNTS.ed!, node2);
    const calls = await Promise.all(Array.from({ length: 12 }, (_, i) => send(i % 2 ? node2 : f.app, {
      method: "POST", url: `/api/v1/admin/queue/counters/${i % 2 ? C2 : C1}/call`, cookie: i % 2 ? ed2 : ed, payload: {},
    })));
    assert.ok(calls.every((r) => r.statusCode === 200), calls.map((r) => r.statusCode).join(","));
    const called = await f.db.kysely.selectFrom("queue_calls").select("number").where("action", "=", "call").execute();
    assert.equal(called.length, 12);
    assert.equal(new Set(called.map((c) => c.number)).size, 12, "12 calls, 12 different numbers");
  });
});

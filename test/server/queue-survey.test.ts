// The SKM after a queue number used (issue 15 point 3), on both engines: a number served at the
// counter (the "served" button, or calling the next one) gives its holder one survey, found by the
// booking's code or the walk-in ticket's printed code; nobody without the code gets a token; the
// token rates once (also when sent twice at the same moment), only the ticket's agency, and nothing
// before the number was served or after it was absent.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS } from "../support/officers";
import { at, book, openMpp, queueFixture, send, type QueueFixture } from "../support/queue";

const IMI = "3273-imigrasi";
const C1 = "3273-imigrasi-1";
const TODAY = "2026-03-02";
const ALL3 = [3, 3, 3, 3, 3, 3, 3, 3, 3];

interface Survey { state: "open" | "used" | "expired"; token: string | null; expiresAt: string }

forEachEngine("queue: SKM after a number is served", (engine) => {
  let f: QueueFixture;
  let ed: string;
  before(async function () {
    this.timeout(60_000);
    f = await queueFixture(engine);
    await openMpp(f.db);
    ed = await f.login(ACCOUNTS.ed!);
  });
  after(async () => { await f.close(); });
  beforeEach(async () => {
    f.clock.now = at(TODAY, "09:00");
    for (const t of ["queue_tickets", "queue_days", "queue_calls", "visit_tokens", "surveys"] as const) await f.db.kysely.deleteFrom(t).execute();
  });

  const walkIn = async () => {
    const res = await send(f.app, { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: IMI } });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().ticket as { number: string; code: string };
  };
  const act = (action: string, payload: unknown = {}) => send(f.app, { method: "POST", url: `/api/v1/admin/queue/counters/${C1}/${action}`, cookie: ed, payload });
  const ticket = async (code: string) => {
    const res = await send(f.app, { url: `/api/v1/queue/tickets/${code}` });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().ticket as { status: string; kind: string; number: string; survey: Survey | null };
  };
  const rate = (token: string | null, agencyId = IMI) => send(f.app, { method: "POST", url: "/api/v1/surveys", payload: { agencyId, answers: ALL3, visitToken: token } });

  it("gives a walk-in's holder one survey once the number is served, by the ticket's printed code", async () => {
    const w = await walkIn();
    assert.match(w.code, /^[34679ACDEFHJKMNPRTUWXY]{8}$/, "the walk-in ticket carries a code to print");
    assert.equal((await ticket(w.code)).survey, null, "no survey while waiting");
    await act("call");
    assert.equal((await ticket(w.code)).survey, null, "no survey while at the counter");
    const served = await act("served", { expect: w.number });
    assert.equal(served.statusCode, 200, served.body);
    const t = await ticket(w.code.toLowerCase().replace(/(....)/, "$1-"));
    assert.equal(t.status, "served");
    assert.equal(t.kind, "walk_in");
    assert.equal(t.survey?.state, "open", "the survey opens when the officer marks the number served");
    assert.ok(t.survey?.token, "with a token");
    const first = await rate(t.survey!.token);
    assert.equal(first.statusCode, 201, first.body);
    const second = await rate(t.survey!.token);
    assert.equal(second.statusCode, 409, "the second survey of the same visit is refused");
    assert.equal(second.json().error.code, "visit_used");
    const after = await ticket(w.code);
    assert.deepEqual([after.survey?.state, after.survey?.token], ["used", null], "the lookup now says it was rated, without the token");
    const rows = await f.db.kysely.selectFrom("surveys").select(["agency_id", "visit_kind"]).execute();
    assert.deepEqual(rows, [{ agency_id: IMI, visit_kind: "queue" }], "one survey, counted as a queue visit of the agency");
    const visits = await f.db.kysely.selectFrom("visit_counts").select(["kind", "count"]).where("agency_id", "=", IMI).where("kind", "=", "queue").execute();
    assert.equal(Number(visits[0]?.count), 1, "the served number counts in the SKM's population");
  });

  it("answers the token in the booking's own lookup once served, also when served by calling the next number", async () => {
    f.clock.now = at(TODAY, "08:00");
    const res = await book(f.app, { agencyId: IMI, date: TODAY, slot: "09:00" });
    assert.equal(res.statusCode, 201, res.body);
    const code = res.json().booking.code as string;
    assert.equal(res.json().booking.survey, undefined, "a new booking has no survey");
    f.clock.now = at(TODAY, "09:00");
    await act("call");
    await walkIn();
    const before = await send(f.app, { url: `/api/v1/queue/bookings/${code}` });
    assert.equal(before.json().booking.survey, undefined, "not while called");
    await act("call"); // the next number: the booking at the counter is served
    const looked = await send(f.app, { url: `/api/v1/queue/bookings/${code}` });
    const survey = looked.json().booking.survey as Survey;
    assert.equal(looked.json().booking.status, "served");
    assert.equal(survey.state, "open");
    assert.equal(survey.token, (await ticket(code)).survey?.token, "the same visit by either lookup");
    const wrong = await rate(survey.token, "3273-disdukcapil");
    assert.equal(wrong.statusCode, 400, "the visit rates the ticket's agency only");
    assert.equal((await rate(survey.token)).statusCode, 201);
  });

  it("records one survey when the same token is sent many times at once", async function () {
    this.timeout(30_000);
    const w = await walkIn();
    await act("call");
    await act("served");
    const token = (await ticket(w.code)).survey!.token;
    const node2 = f.nodes[1] ?? await f.addNode();
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => send(i % 2 ? node2 : f.app, {
      method: "POST", url: "/api/v1/surveys", payload: { agencyId: IMI, answers: ALL3, visitToken: token },
    })));
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [201, 409, 409, 409, 409, 409, 409, 409]);
    const n = await f.db.kysely.selectFrom("surveys").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1);
  });

  it("gives no survey to a number marked absent, to an unknown code, or past the visit's time", async () => {
    const absent = await walkIn();
    const served = await walkIn();
    await act("call");
    await act("no-show");
    assert.equal((await ticket(absent.code)).survey, null, "absent: nothing to rate");
    await act("call");
    await act("served");
    assert.equal((await send(f.app, { url: "/api/v1/queue/tickets/KKKKKKKK" })).statusCode, 404, "an unknown code");
    assert.equal((await send(f.app, { url: "/api/v1/queue/tickets/not-a-code" })).statusCode, 404, "a malformed code");
    f.clock.now = at("2026-03-10", "09:00");
    const late = await ticket(served.code);
    assert.deepEqual([late.survey?.state, late.survey?.token], ["expired", null], "a week later the visit can no longer be rated");
  });

  it("lists the new route in the OpenAPI document", async () => {
    const doc = (await send(f.app, { url: "/api/v1/openapi.json" })).json();
    assert.ok(doc.paths["/api/v1/queue/tickets/{code}"]?.get, "GET /queue/tickets/{code}");
    assert.ok(JSON.stringify(doc.paths["/api/v1/queue/bookings/{code}"].get.responses["200"]).includes("survey"), "the booking's answer names its survey");
  });
});

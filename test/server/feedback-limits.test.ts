// Abuse and privacy on both engines: daily limits per address held across two nodes and under a
// burst, reset at WIB midnight, larger for lobby screens; no client address stored; a ticket's
// contact deleted the set time after closing (and not before, and not while open).
import assert from "node:assert/strict";
import { call } from "../support/officers";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, feedbackFixture, leaveTicket, QUESTION, send, visitToken, type FeedbackFixture } from "../support/feedback";
import { purgeFeedback } from "../../src/server/feedback/purge";
import { feedbackSettingsFromEnv, FeedbackSettingsError } from "../../src/server/feedback/settings";

const DAY = 86_400_000;

forEachEngine("feedback: daily limits and retention", (engine) => {
  let f: FeedbackFixture;
  before(async function () {
    this.timeout(60_000);
    f = await feedbackFixture(engine, { accounts: [ACCOUNTS.ra!], ticketsPerDay: 3, surveysPerDay: 2, lobbyAddresses: ["10.9.0.1"], lobbyFactor: 4, contactRetentionDays: 30 });
  });
  after(async () => { await f.close(); });

  it("holds the tickets-per-day limit of an address across two nodes, with 429, Retry-After and the JSON error", async () => {
    const b = await f.addNode();
    const addr = "10.2.0.1";
    assert.equal((await send(f.app, "POST", "/api/v1/tickets", QUESTION, addr)).statusCode, 201);
    assert.equal((await send(b, "POST", "/api/v1/tickets", QUESTION, addr)).statusCode, 201);
    assert.equal((await send(f.app, "POST", "/api/v1/tickets", QUESTION, addr)).statusCode, 201);
    const fourth = await send(b, "POST", "/api/v1/tickets", QUESTION, addr);
    assert.equal(fourth.statusCode, 429, "the fourth of the day, on the other node");
    assert.equal(fourth.json().error.code, "daily_limit");
    // 09:00 WIB: 15 hours to midnight WIB.
    assert.equal(fourth.headers["retry-after"], String(15 * 3600), "Retry-After until midnight WIB");
    assert.equal((await send(b, "POST", "/api/v1/tickets", QUESTION, "10.2.0.2")).statusCode, 201, "another address is not limited");
    f.clock.t += DAY;
    assert.equal((await send(b, "POST", "/api/v1/tickets", QUESTION, addr)).statusCode, 201, "the next day counts again");
    f.clock.t -= DAY;
  });

  it("lets exactly the limit through when one address sends a burst", async () => {
    const addr = "10.3.0.1";
    const before = await ticketCount(f);
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => send(f.app, "POST", "/api/v1/tickets", { ...QUESTION, text: `burst ${i}` }, addr)));
    assert.equal(all.filter((r) => r.statusCode === 201).length, 3, "three created");
    assert.equal(all.filter((r) => r.statusCode === 429).length, 9, "nine refused");
    assert.equal(await ticketCount(f), before + 3, "three rows");
  });

  it("counts only what was written: a refused body does not use up the day", async () => {
    const addr = "10.4.0.1";
    for (let i = 0; i < 5; i++) assert.equal((await send(f.app, "POST", "/api/v1/tickets", { ...QUESTION, agencyId: "3273-nasa" }, addr)).statusCode, 400);
    assert.equal((await send(f.app, "POST", "/api/v1/tickets", QUESTION, addr)).statusCode, 201, "still allowed after five refused bodies");
  });

  it("gives a lobby screen's address a larger limit (surveys: 2 a day, x4 for the lobby)", async () => {
    const rate = async (addr: string) => (await send(f.app, "POST", "/api/v1/surveys", { agencyId: "3273-imigrasi", answers: [3, 3, 3, 3, 3, 3, 3, 3, 3], visitToken: await visitToken(f.app, undefined, addr) }, addr)).statusCode;
    const home: number[] = [];
    for (let i = 0; i < 3; i++) home.push(await rate("10.5.0.1"));
    assert.deepEqual(home, [201, 201, 429], "a home address: two");
    const lobby: number[] = [];
    for (let i = 0; i < 9; i++) lobby.push(await rate("10.9.0.1"));
    assert.deepEqual(lobby, [...Array(8).fill(201), 429], "the lobby screen: eight");
  });

  it("stores no client address: the limits count a keyed hash whose key is deleted two days later", async () => {
    const rows = await f.db.kysely.selectFrom("feedback_quota").selectAll().execute();
    assert.ok(rows.length > 0, "limits are counted");
    const dump = JSON.stringify([rows, await f.db.kysely.selectFrom("tickets").selectAll().execute(), await f.db.kysely.selectFrom("visit_tokens").selectAll().execute()]);
    for (const addr of ["10.2.0.1", "10.3.0.1", "10.9.0.1"]) assert.ok(!dump.includes(addr), `${addr} is nowhere in the feedback tables`);
    const purged = await purgeFeedback(f.db, new Date(f.clock.t + 2 * DAY), 30);
    assert.ok(purged.quotaDays >= 1, "the day's salt is deleted two days later");
    assert.equal((await f.db.kysely.selectFrom("feedback_quota").selectAll().where("day", "=", "2026-03-02").execute()).length, 0, "and its counts");
  });

  it("deletes a ticket's contact the set time after closing, not before, and never an open ticket's", async () => {
    const closed = await leaveTicket(f.app, { ...QUESTION, contact: "warga@example.org" }, "10.6.0.1");
    const open = await leaveTicket(f.app, { ...QUESTION, contact: "0812 3456 7890" }, "10.6.0.1");
    const cookie = await f.login(ACCOUNTS.ra!);
    assert.equal((await call(f.app, cookie, "POST", `/api/v1/admin/tickets/${closed}/close`, {})).statusCode, 200);
    const contactOf = async (code: string) => (await f.db.kysely.selectFrom("tickets").select(["contact", "contact_purged_at"]).where("code", "=", code).executeTakeFirstOrThrow());

    await purgeFeedback(f.db, new Date(f.clock.t + 29 * DAY), 30);
    assert.equal((await contactOf(closed)).contact, "warga@example.org", "kept for 29 days after closing");
    const result = await purgeFeedback(f.db, new Date(f.clock.t + 30 * DAY + 1000), 30);
    assert.ok(result.contacts >= 1, "deleted after 30 days");
    const after = await contactOf(closed);
    assert.deepEqual([after.contact, typeof after.contact_purged_at], [null, "string"], "the contact is gone, and when it went is kept");
    assert.equal((await contactOf(open)).contact, "+6281234567890", "an open ticket keeps its contact");
    const view = (await call(f.app, cookie, "GET", `/api/v1/admin/tickets/${closed}`)).json().ticket;
    assert.deepEqual([view.contact, view.contactPurgedAt !== null], [null, true], "officers see it was deleted");
    assert.equal((await send(f.app, "GET", `/api/v1/tickets/${closed}`)).json().ticket.text, QUESTION.text, "the question itself stays readable by its code");
  });

  it("deletes expired visit tokens a day after they expired", async () => {
    await visitToken(f.app, undefined, "10.7.0.1");
    const n = async () => Number((await f.db.kysely.selectFrom("visit_tokens").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const before = await n();
    await purgeFeedback(f.db, new Date(f.clock.t + 2 * DAY + 1000), 30);
    assert.ok(await n() < before, "service visits (24 h) are gone two days later");
  });
});

describe("feedback settings from the environment", () => {
  it("reads TICKET_CONTACT_RETENTION_DAYS and the limits, and refuses bad values with the variable named", () => {
    const s = feedbackSettingsFromEnv({ TICKET_CONTACT_RETENTION_DAYS: "7", FEEDBACK_LOBBY_ADDRESSES: " 10.0.0.5, 10.0.0.6 ", FEEDBACK_TICKETS_PER_DAY: "5" });
    assert.deepEqual([s.contactRetentionDays, s.lobbyAddresses, s.ticketsPerDay], [7, ["10.0.0.5", "10.0.0.6"], 5]);
    assert.equal(feedbackSettingsFromEnv({}).contactRetentionDays, 30, "30 days by default");
    assert.throws(() => feedbackSettingsFromEnv({ TICKET_CONTACT_RETENTION_DAYS: "-1" }), (e: Error) => e instanceof FeedbackSettingsError && /TICKET_CONTACT_RETENTION_DAYS/.test(e.message));
    assert.throws(() => feedbackSettingsFromEnv({ FEEDBACK_SURVEYS_PER_DAY: "banyak" }), /FEEDBACK_SURVEYS_PER_DAY/);
  });
});

async function ticketCount(f: FeedbackFixture): Promise<number> {
  return Number((await f.db.kysely.selectFrom("tickets").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}

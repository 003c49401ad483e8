// Citizens' questions and complaints on both engines: leaving one (201 with a tracking code),
// reading it back by the code in any typed form, the clock, every kind of bad input as a 400 with the
// JSON error, hostile text kept as text (script tags, RTL overrides, 10,000 characters, lone
// surrogates), the contact never shown, asking back, and other origins refused.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { feedbackFixture, leaveTicket, ORIGIN, QUESTION, send, type FeedbackFixture } from "../support/feedback";

const CODE = /^[34679ACDEFHJKMNPRTUWXY]{8}$/;

forEachEngine("feedback: tickets from citizens", (engine) => {
  let f: FeedbackFixture;
  before(async function () {
    this.timeout(60_000);
    f = await feedbackFixture(engine, { accounts: [] });
  });
  after(async () => { await f.close(); });

  it("answers 201 { ticket: { code, status } } and the ticket reads back by its code", async () => {
    const res = await send(f.app, "POST", "/api/v1/tickets", { ...QUESTION, serviceId: "3273-imigrasi-paspor-biasa", contact: "0812-3456-7890" });
    assert.equal(res.statusCode, 201, res.body);
    const { ticket } = res.json();
    assert.match(ticket.code, CODE, "8 characters of the tracking alphabet");
    assert.equal(ticket.status, "received", "received");
    assert.equal(ticket.formattedCode, `${ticket.code.slice(0, 4)}-${ticket.code.slice(4)}`, "printed with a dash");
    assert.equal(res.headers["cache-control"], "no-store", "not cached");
    for (const typed of [ticket.code, ticket.formattedCode, ticket.code.toLowerCase(), `${ticket.code.slice(0, 4)} ${ticket.code.slice(4)}`]) {
      const got = await send(f.app, "GET", `/api/v1/tickets/${encodeURIComponent(typed)}`);
      assert.equal(got.statusCode, 200, `${typed}: ${got.body}`);
      assert.equal(got.json().ticket.code, ticket.code, `${typed} finds the ticket`);
    }
    const t = (await send(f.app, "GET", `/api/v1/tickets/${ticket.code}`)).json().ticket;
    assert.deepEqual([t.kind, t.status, t.regionCode, t.agencyId, t.serviceId, t.text], ["konsultasi", "received", "3273", "3273-imigrasi", "3273-imigrasi-paspor-biasa", QUESTION.text], "what was left");
    assert.equal(t.regionName, "Kota Bandung", "the region's name");
    assert.ok(t.agencyName && t.serviceName, "agency and service names");
    assert.equal(t.hasContact, true, "says a contact is stored");
    assert.ok(!JSON.stringify(t).includes("81234567890"), "but never shows it");
    assert.deepEqual(t.messages, [], "no follow-up yet");
  });

  it("runs the SP4N-LAPOR! clock: forwarded within 3 working days, counted over a holiday", async () => {
    // Tuesday 17 March 2026, 10:00 WIB. Closed after it (SKB 2026): 18 cuti bersama Nyepi, 19 Nyepi,
    // 20 cuti bersama Idulfitri, 21-22 Idulfitri (weekend), 23-24 cuti bersama. Working days: 25, 26, 27.
    f.clock.t = Date.parse("2026-03-17T03:00:00Z");
    const code = await leaveTicket(f.app);
    const created = (await send(f.app, "GET", `/api/v1/tickets/${code}`)).json().ticket;
    assert.deepEqual([created.clock.stage, created.clock.dueDate, created.clock.overdue], ["forward", "2026-03-27", false], "due Friday 27 March, not Friday 20");
    f.clock.t = Date.parse("2026-03-24T03:00:00Z");
    const inHoliday = (await send(f.app, "GET", `/api/v1/tickets/${code}`)).json().ticket.clock;
    assert.deepEqual([inHoliday.overdue, inHoliday.workingDaysLeft], [false, 3], "a week later, during the holidays, all 3 working days are still left");
    f.clock.t = Date.parse("2026-03-30T03:00:00Z");
    const late = (await send(f.app, "GET", `/api/v1/tickets/${code}`)).json().ticket.clock;
    assert.deepEqual([late.overdue, late.workingDaysLate], [true, 1], "one working day late on Monday 30 March");
    f.clock.t = Date.parse("2026-03-02T02:00:00Z");
  });

  it("refuses bad input with 400 and the JSON error, writing nothing", async () => {
    const before = await count(f);
    const cases: Array<[string, unknown]> = [
      ["no kind", { regionCode: "3273", text: "x" }],
      ["unknown kind", { ...QUESTION, kind: "saran" }],
      ["kind as a number", { ...QUESTION, kind: 1 }],
      ["text as a number", { ...QUESTION, text: 12345 }],
      ["empty text", { ...QUESTION, text: "   \n\t " }],
      ["bad region", { ...QUESTION, regionCode: "9999", agencyId: undefined }],
      ["agency of another region", { ...QUESTION, agencyId: "3204-imigrasi" }],
      ["unknown agency", { ...QUESTION, agencyId: "3273-nasa" }],
      ["service of another agency", { ...QUESTION, serviceId: "3273-disdukcapil-ktp-el-baru" }],
      ["bad contact", { ...QUESTION, contact: "call me maybe" }],
      ["unknown field", { ...QUESTION, nik: "3273010101010001" }],
      ["not an object", [QUESTION]],
    ];
    for (const [what, body] of cases) {
      const res = await send(f.app, "POST", "/api/v1/tickets", body);
      assert.equal(res.statusCode, 400, `${what}: ${res.body}`);
      const err = res.json().error;
      assert.ok(typeof err.code === "string" && typeof err.message === "string" && err.message.length > 0, `${what}: { error: { code, message } }`);
    }
    const malformed = await send(f.app, "POST", "/api/v1/tickets", "{\"kind\": ");
    assert.equal(malformed.statusCode, 400, "malformed JSON");
    assert.equal(await count(f), before, "nothing written");
  });

  it("keeps hostile text as text: script tags as typed, RTL overrides removed, 10,000 characters and lone surrogates refused", async () => {
    const script = "<script>alert('x')</script> <img src=x onerror=alert(1)> & \"quotes\"";
    const code = await leaveTicket(f.app, { ...QUESTION, text: script });
    assert.equal((await send(f.app, "GET", `/api/v1/tickets/${code}`)).json().ticket.text, script, "markup comes back exactly as typed (shown with textContent)");
    const page = (await send(f.app, "GET", `/layanan/tiket/${code}`)).body;
    assert.ok(!page.includes("<script>alert"), "never as markup in /layanan");
    assert.ok(page.includes("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "escaped there");

    const rtl = (await send(f.app, "GET", `/api/v1/tickets/${await leaveTicket(f.app, { ...QUESTION, text: "bayar \u202Egnp.exe\u202C Rp 500.000" })}`)).json().ticket.text;
    assert.equal(rtl, "bayar gnp.exe Rp 500.000", "bidi overrides removed, so officers read what was written");

    const long = await send(f.app, "POST", "/api/v1/tickets", { ...QUESTION, text: "a".repeat(10_000) });
    assert.equal(long.statusCode, 400, "10,000 characters are refused");
    assert.equal(long.json().error.code, "invalid_text");
    assert.match(long.json().error.message, /4000/, "the message names the limit");
    const atLimit = await send(f.app, "POST", "/api/v1/tickets", { ...QUESTION, text: "😀".repeat(4000) });
    assert.equal(atLimit.statusCode, 201, "4,000 characters (emoji, 2 UTF-16 units each) are accepted");

    // JSON.stringify writes a lone surrogate as the escape \ud800, which the server's parser turns back into one.
    const lone = await send(f.app, "POST", "/api/v1/tickets", JSON.stringify({ ...QUESTION, text: "rusak \ud800 di sini" }));
    assert.equal(lone.statusCode, 400, "a lone surrogate is refused, not silently changed");
    assert.equal(lone.json().error.code, "invalid_text");
  });

  it("404s an unknown or malformed code, with the JSON error", async () => {
    for (const code of ["KFDX4MRA", "kfdx-4mr0", "AAAA-AAAA-AAAA"]) {
      const res = await send(f.app, "GET", `/api/v1/tickets/${code}`);
      assert.ok(res.statusCode === 404 || res.statusCode === 400, `${code}: ${res.statusCode}`);
      assert.ok(res.json().error.code, "JSON error");
    }
  });

  it("lets the citizen ask back until the ticket is closed", async () => {
    const code = await leaveTicket(f.app);
    const res = await send(f.app, "POST", `/api/v1/tickets/${code}/messages`, { text: "Tambahan: untuk anak di bawah umur." });
    assert.equal(res.statusCode, 201, res.body);
    const t = res.json().ticket;
    assert.deepEqual(t.messages.map((m: { type: string; text: string }) => [m.type, m.text]), [["citizen", "Tambahan: untuk anak di bawah umur."]], "the message is on the ticket");
    assert.equal((await send(f.app, "POST", `/api/v1/tickets/${code}/messages`, { text: "" })).statusCode, 400, "an empty message is refused");
  });

  it("refuses a ticket sent from another origin (403), writing nothing", async () => {
    const before = await count(f);
    const res = await f.app.inject({ method: "POST", url: "/api/v1/tickets", payload: QUESTION, headers: { origin: "https://evil.example" } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, "cross_origin");
    assert.equal(await count(f), before, "nothing written");
    assert.notEqual(ORIGIN, "https://evil.example");
  });
});

async function count(f: FeedbackFixture): Promise<number> {
  const r = await f.db.kysely.selectFrom("tickets").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}

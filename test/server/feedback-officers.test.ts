// Officers and tickets on both engines: the inbox per agency and region (scope by role), sorted by the
// SP4N-LAPOR! clock; take up, answer (stored with its officer and one audit row), forward to another
// agency, close, the LAPOR! hand-off; 401/403/404/409 where they belong; two officers at once.
import assert from "node:assert/strict";
import { call } from "../support/officers";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, feedbackFixture, leaveTicket, send, type FeedbackFixture } from "../support/feedback";

type Inbox = { tickets: Array<{ code: string; clock: { overdue: boolean; dueDate: string } }>; total: number };

forEachEngine("feedback: officers answer", (engine) => {
  let f: FeedbackFixture;
  const cookies: Record<string, string> = {};
  const codes: Record<string, string> = {};
  before(async function () {
    this.timeout(90_000);
    f = await feedbackFixture(engine);
    for (const [k, a] of Object.entries(ACCOUNTS)) cookies[k] = await f.login(a);
    // One ticket a week old (Monday 23 February, 09:00 WIB): its 3-day clock ran out on Thursday 26.
    f.clock.t = Date.parse("2026-02-23T02:00:00Z");
    codes.old = await leaveTicket(f.app, { kind: "pengaduan", regionCode: "3273", agencyId: "3273-imigrasi", text: "Antrean paspor tidak jelas." });
    f.clock.t = Date.parse("2026-03-02T02:00:00Z");
    codes.imigrasi = await leaveTicket(f.app, { kind: "konsultasi", regionCode: "3273", agencyId: "3273-imigrasi", text: "Syarat paspor anak?", contact: "warga@example.org" });
    codes.dukcapil = await leaveTicket(f.app, { kind: "pengaduan", regionCode: "3273", agencyId: "3273-disdukcapil", text: "KTP saya belum jadi sejak tiga bulan. <b>tolong</b>", contact: "081234567890" });
    codes.region = await leaveTicket(f.app, { kind: "konsultasi", regionCode: "3273", text: "Jam buka MPP hari Sabtu?" });
    codes.kabBandung = await leaveTicket(f.app, { kind: "konsultasi", regionCode: "3204", agencyId: "3204-imigrasi", text: "Ada layanan paspor di Soreang?" });
  });
  after(async () => { await f.close(); });

  const inbox = async (who: string, query = "") => {
    const res = await call(f.app, cookies[who]!, "GET", `/api/v1/admin/tickets${query}`);
    assert.equal(res.statusCode, 200, `${who}: ${res.body}`);
    return res.json() as Inbox;
  };
  const codesOf = (i: Inbox) => new Set(i.tickets.map((t) => t.code));

  it("shows each officer the inbox of their scope: agency for editors, region for region admins, everything for the province", async () => {
    assert.deepEqual(codesOf(await inbox("ed")), new Set([codes.old, codes.imigrasi]), "the Imigrasi editor of 3273: Imigrasi's tickets only");
    assert.deepEqual(codesOf(await inbox("edOther")), new Set([codes.dukcapil]), "the Disdukcapil editor");
    assert.deepEqual(codesOf(await inbox("ra")), new Set([codes.old, codes.imigrasi, codes.dukcapil, codes.region]), "the region admin: the whole region, the MPP's own question too");
    assert.deepEqual(codesOf(await inbox("raOther")), new Set([codes.kabBandung]), "another region's admin");
    assert.equal((await inbox("prov")).total, 5, "the province admin: all");
    assert.deepEqual(codesOf(await inbox("prov", "?region=3204")), new Set([codes.kabBandung]), "a province admin may narrow to a region");
    assert.equal((await call(f.app, cookies.ed!, "GET", "/api/v1/admin/tickets?region=3204")).statusCode, 403, "an editor asking for another region: 403");
    assert.equal((await call(f.app, null, "GET", "/api/v1/admin/tickets")).statusCode, 401, "no session: 401");
  });

  it("sorts open tickets by the SP4N-LAPOR! clock, most overdue first", async () => {
    const i = await inbox("ra");
    assert.equal(i.tickets[0]!.code, codes.old, "the week-old complaint first");
    assert.deepEqual([i.tickets[0]!.clock.overdue, i.tickets[0]!.clock.dueDate], [true, "2026-02-26"], "overdue since Thursday 26 February");
    assert.ok(i.tickets.slice(1).every((t) => !t.clock.overdue && t.clock.dueDate === "2026-03-05"), "the others due Thursday 5 March");
  });

  it("shows a ticket in full only inside the scope: contact, clocks, the prepared LAPOR! text", async () => {
    const res = await call(f.app, cookies.ed!, "GET", `/api/v1/admin/tickets/${codes.imigrasi}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.ticket.contact, "warga@example.org", "the contact, for the officer answering");
    assert.equal(body.lapor.url, "https://www.lapor.go.id", "the link to LAPOR!");
    assert.match(body.lapor.text, /Syarat paspor anak\?/, "the prepared text holds the citizen's words");
    assert.ok(body.lapor.text.includes(body.ticket.formattedCode), "and the tracking code");
    assert.ok(!body.lapor.text.includes("warga@example.org"), "but not the contact");
    assert.deepEqual(body.ticket.deadlines, { forwardBy: "2026-03-05", actBy: "2026-03-12", actByEstimated: true }, "3 working days to forward, then 5 to act");
    assert.equal((await call(f.app, cookies.ed!, "GET", `/api/v1/admin/tickets/${codes.dukcapil}`)).statusCode, 403, "another agency's ticket: 403");
    assert.equal((await call(f.app, cookies.ed!, "GET", `/api/v1/admin/tickets/${codes.region}`)).statusCode, 403, "the MPP's own question is not an editor's");
    assert.equal((await call(f.app, cookies.ed!, "GET", "/api/v1/admin/tickets/KFDX4MRA")).statusCode, 404, "unknown code: 404");
    assert.equal((await call(f.app, null, "GET", `/api/v1/admin/tickets/${codes.imigrasi}`)).statusCode, 401, "no session: 401 before anything is looked up");
  });

  it("stores an answer with its officer and one audit row; the citizen reads it by the code (agency named, not the officer)", async () => {
    const auditBefore = await auditRows(f, codes.imigrasi!);
    const text = "Paspor anak: akta kelahiran, KK, KTP kedua orang tua.\nDatang bersama anak. \u202Eabc";
    const res = await call(f.app, cookies.ed!, "POST", `/api/v1/admin/tickets/${codes.imigrasi}/answer`, { text });
    assert.equal(res.statusCode, 200, res.body);
    const t = res.json().ticket;
    assert.equal(t.status, "answered", "answered");
    const answer = t.events.find((e: { type: string }) => e.type === "answer");
    assert.equal(answer.actor, "ed-imigrasi", "stored with its officer");
    assert.equal(answer.text, "Paspor anak: akta kelahiran, KK, KTP kedua orang tua.\nDatang bersama anak. abc", "officers' text is cleaned like citizens' (bidi override removed)");
    const rows = await auditRows(f, codes.imigrasi!);
    assert.equal(rows.length, auditBefore.length + 1, "exactly one audit row");
    const row = rows.at(-1)!;
    assert.deepEqual([row.action, row.actor, row.actor_role], ["ticket.answer", "ed-imigrasi", "editor"], "the action and the officer");
    assert.match(row.changes, /sha256:[0-9a-f]{64}/, "the answer's hash, so an edit behind the app's back shows");

    const pub = (await send(f.app, "GET", `/api/v1/tickets/${codes.imigrasi}`)).json().ticket;
    assert.equal(pub.status, "answered");
    const m = pub.messages.find((x: { type: string }) => x.type === "answer");
    assert.equal(m.text, answer.text, "the citizen reads the answer");
    assert.match(m.agencyName, /Imigrasi/i, "from the agency");
    assert.ok(!JSON.stringify(pub).includes("ed-imigrasi"), "the officer's username is not shown to the public");
    assert.equal(pub.clock.stage, null, "acted on: no clock runs");
  });

  it("takes a ticket up once; a second take is a 409", async () => {
    const first = await call(f.app, cookies.edOther!, "POST", `/api/v1/admin/tickets/${codes.dukcapil}/take`, {});
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().ticket.status, "in_progress");
    assert.equal(first.json().ticket.clock.stage, "act", "the 5-day clock runs now");
    const again = await call(f.app, cookies.edOther!, "POST", `/api/v1/admin/tickets/${codes.dukcapil}/take`, {});
    assert.equal(again.statusCode, 409);
  });

  it("forwards to another agency: the ticket leaves one inbox for the other, and the citizen sees where it went", async () => {
    const res = await call(f.app, cookies.ed!, "POST", `/api/v1/admin/tickets/${codes.old}/forward`, { agencyId: "3273-polres-sim", note: "Ini soal SIM, bukan paspor." });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().ticket.agencyId, "3273-polres-sim");
    assert.ok(!codesOf(await inbox("ed")).has(codes.old!), "gone from Imigrasi's inbox");
    assert.equal((await call(f.app, cookies.ed!, "GET", `/api/v1/admin/tickets/${codes.old}`)).statusCode, 403, "and out of the editor's scope");
    const pub = (await send(f.app, "GET", `/api/v1/tickets/${codes.old}`)).json().ticket;
    const fwd = pub.messages.find((x: { type: string }) => x.type === "forward");
    assert.match(fwd.agencyName, /SIM|Polres|Lalu Lintas/i, "the citizen sees the new agency");
    assert.equal(fwd.text, null, "the officers' note is not shown to the public");
    assert.equal((await call(f.app, cookies.ra!, "POST", `/api/v1/admin/tickets/${codes.old}/forward`, { agencyId: "3273-nasa" })).statusCode, 400, "an unknown agency: 400");
  });

  it("hands a complaint off to LAPOR!: records the tracking id, closes here, shows the id to the citizen", async () => {
    const res = await call(f.app, cookies.edOther!, "POST", `/api/v1/admin/tickets/${codes.dukcapil}/lapor`, { laporId: "LAP-2026-0001234" });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().ticket.status, "closed", "closed here: it continues in LAPOR!");
    const pub = (await send(f.app, "GET", `/api/v1/tickets/${codes.dukcapil}`)).json().ticket;
    assert.equal(pub.laporId, "LAP-2026-0001234", "the citizen sees the LAPOR! id");
    const rows = await auditRows(f, codes.dukcapil!);
    assert.deepEqual(rows.map((r) => r.action), ["ticket.take", "ticket.lapor"], "one audit row per step");
    assert.equal((await call(f.app, cookies.edOther!, "POST", `/api/v1/admin/tickets/${codes.dukcapil}/answer`, { text: "x" })).statusCode, 409, "a closed ticket takes no answer");
  });

  it("lets exactly one of two officers close a ticket at the same moment", async () => {
    const [a, b] = await Promise.all([
      call(f.app, cookies.ra!, "POST", `/api/v1/admin/tickets/${codes.region}/close`, { note: "Sabtu tutup." }),
      call(f.app, cookies.ra2!, "POST", `/api/v1/admin/tickets/${codes.region}/close`, { note: "Sabtu tutup ya." }),
    ]);
    assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409], `one wins, one gets 409 (${a.body} / ${b.body})`);
    assert.deepEqual((await auditRows(f, codes.region!)).map((r) => r.action), ["ticket.close"], "one audit row");
    const pub = (await send(f.app, "GET", `/api/v1/tickets/${codes.region}`)).json().ticket;
    assert.equal(pub.status, "closed");
    assert.ok(pub.messages.some((m: { type: string; text: string }) => m.type === "close" && m.text.startsWith("Sabtu tutup")), "the closing note is shown");
  });

  it("refuses officers' changes from another origin (403) and without a session (401), writing nothing", async () => {
    const before = await auditRows(f, codes.kabBandung!);
    const cross = await f.app.inject({ method: "POST", url: `/api/v1/admin/tickets/${codes.kabBandung}/close`, payload: {}, headers: { origin: "https://evil.example", cookie: cookies.raOther! } });
    assert.equal(cross.statusCode, 403);
    assert.equal((await call(f.app, null, "POST", `/api/v1/admin/tickets/${codes.kabBandung}/close`, {})).statusCode, 401);
    assert.equal((await call(f.app, cookies.ra!, "POST", `/api/v1/admin/tickets/${codes.kabBandung}/close`, {})).statusCode, 403, "another region's admin");
    assert.deepEqual(await auditRows(f, codes.kabBandung!), before, "nothing written");
    assert.equal((await send(f.app, "GET", `/api/v1/tickets/${codes.kabBandung}`)).json().ticket.status, "received");
  });
});

async function auditRows(f: FeedbackFixture, code: string) {
  return f.db.kysely.selectFrom("audit_log").selectAll().where("entity", "=", `ticket:${code}`).orderBy("seq").execute();
}

// Officers' accounts in presence (issue 16, points 3 and 5): the workspace's session, sent as the
// upgrade's cookie, makes a guide or staffs the officer's own counter (role and scope checked on the
// server); the badge; a visitor's counter conversation filed as a consultation ticket from the
// relay's record, readable by its tracking code.
import assert from "node:assert/strict";
import { ACCOUNTS, officerFixture, type OfficerFixture } from "../../support/officers";
import { forEachEngine } from "../../support/engines";
import { injectClient, ORIGIN, HOST, type PresenceClient } from "../../support/presence-client";

forEachEngine("presence: officers as guides and counter staff", (engine) => {
  let f: OfficerFixture;
  const clients: PresenceClient[] = [];
  const client = async (cookie?: string) => {
    const c = await injectClient(f.app, { origin: ORIGIN, host: HOST, ...(cookie ? { cookie } : {}) });
    clients.push(c);
    return c;
  };

  before(async () => {
    f = await officerFixture(engine);
    await f.app.ready(); // injectWS needs a ready app
  });
  after(async () => { await f.close(); });
  afterEach(() => { for (const c of clients.splice(0)) c.close(); });

  it("makes a signed-in officer the tour's guide without a PIN, and nobody without a session", async () => {
    const stranger = await client();
    await stranger.join("plaza");
    stranger.send({ t: "claim", role: "guide" });
    assert.equal((await stranger.next("error")).code, "not_authorized", "no session, no PIN: refused (no PIN is set on this server)");
    const forged = await client("mpp_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    await forged.join("plaza");
    forged.send({ t: "claim", role: "guide" });
    assert.equal((await forged.next("error")).code, "not_authorized", "an unknown session token is refused");

    const cookie = await f.login(ACCOUNTS.ed!);
    const g = await client(cookie);
    const w = await g.join("plaza");
    g.send({ t: "claim", role: "guide" });
    assert.deepEqual(await g.next("granted"), { t: "granted", role: "guide", agency: null }, "an editor (any officer role) may guide");
    const upd = await stranger.next("peer", 3000, (m) => m.peer.id === w.you.id);
    assert.equal(upd.peer.role, "guide", "visitors see the guide");
    assert.equal(upd.peer.officer, true, "with the officer's badge");
    g.send({ t: "gather" });
    assert.equal((await stranger.next("gather")).from, w.you.id, "the officer's guide commands reach the visitors");
  });

  it("loses the officer's power after signing out", async () => {
    const cookie = await f.login(ACCOUNTS.ra!);
    const g = await client(cookie);
    await g.join("3273");
    const out = await f.app.inject({ method: "POST", url: "/api/v1/auth/logout", headers: { origin: "http://localhost:80", cookie } });
    assert.ok(out.statusCode < 300, `signed out (${out.statusCode})`);
    g.send({ t: "claim", role: "guide" });
    assert.equal((await g.next("error")).code, "not_authorized", "the session is read afresh at each claim");
  });

  it("lets an officer staff only a counter in their own scope", async () => {
    const ed = await client(await f.login(ACCOUNTS.ed!));
    await ed.join("3204");
    ed.send({ t: "claim", role: "staff", agency: "imigrasi" });
    assert.equal((await ed.next("error")).code, "not_authorized", "an editor of 3273 cannot staff in 3204");
    await ed.join("3273");
    ed.send({ t: "claim", role: "staff", agency: "disdukcapil" });
    assert.equal((await ed.next("error")).code, "not_authorized", "nor another agency's counter in 3273");
    ed.send({ t: "claim", role: "staff", agency: "imigrasi" });
    assert.deepEqual(await ed.next("granted"), { t: "granted", role: "staff", agency: "imigrasi" }, "their own counter in their region");

    const raOther = await client(await f.login(ACCOUNTS.raOther!));
    await raOther.join("3273");
    raOther.send({ t: "claim", role: "staff", agency: "disdukcapil" });
    assert.equal((await raOther.next("error")).code, "not_authorized", "a region admin of 3204 cannot staff in 3273");
    const ra = await client(await f.login(ACCOUNTS.ra!));
    await ra.join("3273");
    ra.send({ t: "claim", role: "staff", agency: "disdukcapil" });
    assert.equal((await ra.next("granted")).agency, "disdukcapil", "a region admin staffs any counter of their region");
    await ra.join("plaza");
    ra.send({ t: "claim", role: "staff", agency: "disdukcapil" });
    assert.equal((await ra.next("error")).code, "not_authorized", "the plaza has no counters");
  });

  it("files the relay's record of a counter chat as a consultation ticket, readable by its code", async () => {
    const officer = await client(await f.login(ACCOUNTS.ed!));
    await officer.join("3273");
    const visitor = await client();
    const vw = await visitor.join("3273");

    visitor.send({ t: "transcript", agency: "imigrasi" });
    assert.equal((await visitor.next("error")).code, "transcript_empty", "nothing said yet: nothing to file");

    officer.send({ t: "claim", role: "staff", agency: "imigrasi" });
    await officer.next("granted");
    const badge = await visitor.next("peer", 3000, (m) => m.peer.staff === "imigrasi");
    assert.equal(badge.peer.officer, true, "the visitor sees the officer's badge at the counter");

    visitor.send({ t: "chat", agency: "imigrasi", text: "Syarat paspor <b>anak</b>?" });
    const q = await officer.next("chat");
    assert.equal(q.text, "Syarat paspor <b>anak</b>?", "the question arrives as the same text");
    officer.send({ t: "chat", to: vw.you.id, text: "Akta kelahiran & KK asli." });
    await visitor.next("chat", 3000, (m) => m.from !== vw.you.id);

    visitor.send({ t: "transcript", agency: "imigrasi" });
    const filed = await visitor.next("transcript", 5000);
    assert.match(filed.code, /^[A-Z0-9]{8}$/, "a tracking code");
    assert.equal(filed.agency, "imigrasi");

    const res = await f.app.inject({ method: "GET", url: `/api/v1/tickets/${filed.formattedCode}` });
    assert.equal(res.statusCode, 200, res.body);
    const ticket = (res.json() as { ticket: { kind: string; text: string; agencyId: string | null } }).ticket;
    assert.equal(ticket.kind, "konsultasi", "a consultation ticket");
    assert.match(ticket.text, /Pengunjung: Syarat paspor <b>anak<\/b>\?/, "the visitor's line, as text");
    assert.match(ticket.text, /Petugas [^:\n]+: Akta kelahiran & KK asli\./, "the officer's answer, as the relay saw it");
    assert.doesNotMatch(ticket.text, /staf acara/, "an officer's line is not marked as event staff");
  });
});

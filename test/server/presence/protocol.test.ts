// The presence protocol through fastify's injectWS: joining, seeing peers, poses, leaving, room
// limits, names as text, resuming after a restart.
import assert from "node:assert/strict";
import { CLOSE } from "../../../src/domain/presence/limits";
import { closeKind } from "../../../src/domain/presence/reconnect";
import { presenceApp, presenceFixture } from "../../support/presence-client";

describe("presence protocol", () => {
  const fx = presenceFixture({ roomMax: 3 });
  const client = fx.client;

  it("welcomes with an id, an anonymous numbered name and the peers already there", async () => {
    const a = await client();
    const wa = await a.join("plaza");
    assert.match(wa.you.id, /^[a-z0-9]{1,24}$/, "an id");
    assert.equal(wa.you.name, "Pengunjung 1", "first visitor is Pengunjung 1");
    assert.equal(wa.you.chosen, false, "anonymous");
    assert.deepEqual(wa.peers, [], "nobody else yet");
    assert.ok(wa.token.length >= 32, "a resume token");
    const b = await client();
    const wb = await b.join("plaza");
    assert.equal(wb.you.name, "Pengunjung 2", "second visitor numbered 2");
    assert.deepEqual(wb.peers.map((p) => p.id), [wa.you.id], "the second sees the first");
  });

  it("tells the others about a join and a leave within a second", async () => {
    const a = await client();
    await a.join("3273");
    const b = await client();
    const t0 = Date.now();
    const wb = await b.join("3273");
    const joined = await a.next("joined", 1000);
    assert.equal(joined.peer.id, wb.you.id, "a sees b join");
    b.send({ t: "leave" });
    const left = await a.next("left", 1000);
    assert.deepEqual([left.id, left.reason], [wb.you.id, "leave"], "a sees b leave");
    assert.ok(Date.now() - t0 < 1000, "both within a second");
    assert.equal((await b.closed).code, CLOSE.normal, "leave closes with 1000");
  });

  it("sees a closed socket as gone", async () => {
    const a = await client();
    await a.join("plaza");
    const b = await client();
    const wb = await b.join("plaza");
    b.ws.terminate();
    const left = await a.next("left", 1000);
    assert.deepEqual([left.id, left.reason], [wb.you.id, "gone"], "a dropped connection is a leave");
  });

  it("relays poses rounded, batched per tick, only to the same room", async () => {
    const a = await client();
    const wa = await a.join("plaza");
    const b = await client();
    await b.join("plaza");
    const other = await client();
    await other.join("3201");
    a.send({ t: "pose", h: [1.23456, 1.6, -2, 0, 0.7071068, 0, 0.7071068], r: [1.3, 1.2, -1.8, 0, 0, 0, 1] });
    const batch = await b.next("poses", 1000, (m) => m.p.some((e) => e[0] === wa.you.id));
    const entry = batch.p.find((e) => e[0] === wa.you.id)!;
    assert.deepEqual(entry, [wa.you.id, [1.235, 1.6, -2, 0, 0.7071, 0, 0.7071], null, [1.3, 1.2, -1.8, 0, 0, 0, 1]], "mm and 1e-4, no left hand");
    assert.ok(typeof batch.at === "number", "stamped with the server time");
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(other.received.filter((m) => m.t === "poses").length, 0, "another room gets nothing");
  });

  it("gives a newcomer the current poses of those standing still", async () => {
    const a = await client();
    const wa = await a.join("plaza");
    a.send({ t: "pose", h: [5, 1.6, 5, 0, 0, 0, 1] });
    await new Promise((r) => setTimeout(r, 60));
    const b = await client();
    const wb = await b.join("plaza");
    assert.deepEqual(wb.poses, [[wa.you.id, [5, 1.6, 5, 0, 0, 0, 1], null, null]], "a's last pose is in b's welcome");
  });

  it("refuses a join when the room is full, with a clear message, and lets in after someone leaves", async () => {
    const cs = [await client(), await client(), await client()];
    for (const c of cs) await c.join("plaza");
    const late = await client();
    late.send({ t: "join", room: "plaza" });
    const e = await late.next("error");
    assert.equal(e.code, "room_full", "full at 3");
    assert.match(e.message, /full/, "the message says so");
    assert.equal(late.ws.readyState, 1, "the socket stays open to try again");
    cs[0]!.send({ t: "leave" });
    await cs[1]!.next("left");
    const w = await late.join("plaza");
    assert.equal(w.you.n, 4, "numbers are not reused within a room");
  });

  it("refuses unknown rooms and other protocol versions", async () => {
    const a = await client();
    a.send({ t: "join", room: "3299" });
    assert.equal((await a.next("error")).code, "room_unknown", "3299 is not in Jawa Barat");
    a.send({ t: "join", room: "plaza", v: 2 });
    assert.equal((await a.next("error")).code, "unsupported_version", "v2");
  });

  it("delivers a name with <script> as the same string, marked chosen; refuses bidi tricks", async () => {
    const a = await client();
    await a.join("plaza");
    const b = await client();
    const name = "<script>alert(1)</script>".slice(0, 24);
    const wb = await b.join("plaza", { name });
    assert.equal(wb.you.name, name, "b's own record");
    const j = await a.next("joined");
    assert.equal(j.peer.name, name, "the others get exactly the string, not escaped, not stripped");
    assert.equal(j.peer.chosen, true, "chosen");
    const raw = a.received.length;
    b.send({ t: "name", name: "ab\u202Ecd" });
    assert.equal((await b.next("error")).code, "invalid_name", "right-to-left override refused");
    b.send({ t: "name", name: "Dewi" });
    assert.equal((await a.next("peer")).peer.name, "Dewi", "a rename is announced");
    assert.ok(a.received.length > raw, "a got the rename");
  });

  it("moves a visitor between rooms on one socket", async () => {
    const a = await client();
    await a.join("plaza");
    const b = await client();
    const wb = await b.join("plaza");
    const w2 = await b.join("3273");
    assert.equal(w2.you.id, wb.you.id, "same id in the new room");
    const left = await a.next("left");
    assert.equal(left.reason, "moved", "the plaza sees b move away");
  });

  it("closes sockets with 1012 on a server restart and a resume token brings the same visitor back", async () => {
    const a = await client();
    const wa = await a.join("plaza", { name: "Budi" });
    const closing = fx.app.close();
    const closed = await a.closed;
    await closing;
    assert.equal(closed.code, CLOSE.restart, "1012 service restart");
    assert.equal(closeKind(closed.code), "retry", "which the client policy reads as reconnect");
    // A single node loses its tokens with its memory: the same app instance shows the resume path.
    fx.app = await presenceApp({ roomMax: 3 });
    const b = await client();
    const wb = await b.join("plaza");
    const c = await client();
    c.send({ t: "join", room: "plaza", resume: wb.token });
    const back = await c.next("welcome");
    assert.equal(back.you.id, wb.you.id, "same id");
    assert.equal(back.you.n, wb.you.n, "same number");
    assert.equal((await b.closed).code, CLOSE.replaced, "the stale socket with that identity is closed 4409");
    assert.notEqual(back.token, wb.token, "a fresh token");
    assert.ok(wa.you.id, "first app's visitor had an id");
  });

  it("never gives a newcomer the number of a visitor who resumed into an emptied room", async () => {
    const a = await client();
    const wa = await a.join("3204");
    a.ws.terminate();
    await new Promise((r) => setTimeout(r, 50));
    const back = await client();
    back.send({ t: "join", room: "3204", resume: wa.token });
    assert.equal((await back.next("welcome")).you.n, 1, "the resumed visitor keeps number 1");
    const b = await client();
    assert.equal((await b.join("3204")).you.n, 2, "the next one is 2, not 1 again");
  });

  it("a resume into another room while the old socket lives: the old room sees it leave", async () => {
    const watcher = await client();
    await watcher.join("plaza");
    const a = await client();
    const wa = await a.join("plaza");
    const again = await client();
    again.send({ t: "join", room: "3273", resume: wa.token });
    assert.equal((await again.next("welcome")).you.id, wa.you.id, "same visitor, new room");
    const left = await watcher.next("left");
    assert.deepEqual([left.id, left.reason], [wa.you.id, "moved"], "the plaza sees the visitor move away");
    assert.equal((await a.closed).code, CLOSE.replaced, "the old socket is closed 4409");
  });

  it("stays consistent under concurrent joins and leaves", async () => {
    await fx.app.close();
    fx.app = await presenceApp({ roomMax: 30 });
    const first = await Promise.all(Array.from({ length: 16 }, () => client()));
    const welcomes = await Promise.all(first.map((c) => c.join("3205")));
    assert.equal(new Set(welcomes.map((w) => w.you.n)).size, 16, "16 distinct numbers");
    const leaving = first.slice(0, 8);
    const more = await Promise.all(Array.from({ length: 6 }, () => client()));
    await Promise.all([
      ...leaving.map(async (c) => { c.send({ t: "leave" }); await c.closed; }),
      ...more.map((c) => c.join("3205")),
    ]);
    const last = await client();
    const w = await last.join("3205");
    const stayed = welcomes.slice(8).map((x) => x.you.id);
    const added = more.map((c) => (c.received.find((m) => m.t === "welcome") as { you: { id: string } }).you.id);
    assert.deepEqual(w.peers.map((p) => p.id).sort(), [...stayed, ...added].sort(), "exactly the 8 who stayed and the 6 who came");
  });

  it("answers a plain GET with 426 and the JSON error shape", async () => {
    const res = await fx.app.inject({ url: "/api/v1/presence" });
    assert.equal(res.statusCode, 426, "upgrade required");
    assert.equal(res.json().error.code, "upgrade_required", "error code");
  });
});

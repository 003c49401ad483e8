// Guides (event PIN), their commands, counter staff and chat, WebRTC signalling relay.
import assert from "node:assert/strict";
import { CLOSE } from "../../../src/domain/presence/limits";
import { pinAuthority, pinMatches } from "../../../src/server/presence/authority";
import { presenceFixture } from "../../support/presence-client";

const PIN = "481516";

describe("presence guides, staff and chat", () => {
  const fx = presenceFixture({ guidePin: PIN, staffPin: "counter-77" });
  const client = fx.client;
  /** A guide and two visitors in the plaza. */
  const tour = async () => {
    const guide = await client();
    const g = await guide.join("plaza");
    guide.send({ t: "claim", role: "guide", pin: PIN });
    await guide.next("granted");
    const v1 = await client();
    const w1 = await v1.join("plaza");
    const v2 = await client();
    const w2 = await v2.join("plaza");
    return { guide, v1, v2, gid: g.you.id, id1: w1.you.id, id2: w2.you.id };
  };


  it("compares PINs in constant time whatever their length, and grants nothing without a PIN set", async () => {
    assert.equal(pinMatches("1234", "1234"), true, "equal");
    assert.equal(pinMatches("1234", "12345"), false, "longer");
    assert.equal(pinMatches("1234", ""), false, "empty");
    const none = pinAuthority({ guidePin: null, staffPin: null });
    assert.equal(await none.authorize({ role: "guide", room: "plaza", agency: null, pin: "", headers: {} }), null, "no default PIN");
  });

  it("refuses a wrong PIN, accepts the right one and announces the guide", async () => {
    const v = await client();
    await v.join("plaza");
    const g = await client();
    const wg = await g.join("plaza");
    g.send({ t: "claim", role: "guide", pin: "000000" });
    assert.equal((await g.next("error")).code, "not_authorized", "wrong PIN refused");
    g.send({ t: "claim", role: "guide", pin: PIN });
    assert.deepEqual(await g.next("granted"), { t: "granted", role: "guide", agency: null }, "right PIN granted");
    const upd = await v.next("peer", 3000, (m) => m.peer.id === wg.you.id);
    assert.equal(upd.peer.role, "guide", "everyone sees the new guide");
  });

  it("locks out an address after repeated wrong PINs", async () => {
    const g = await client();
    await g.join("plaza");
    for (let i = 0; i < 5; i++) {
      g.send({ t: "claim", role: "guide", pin: `bad${i}` });
      assert.equal((await g.next("error")).code, "not_authorized", `attempt ${i + 1} refused`);
    }
    g.send({ t: "claim", role: "guide", pin: PIN });
    assert.equal((await g.next("error")).code, "rate", "even the right PIN is refused during the lockout");
  });

  it("refuses every guide command from a visitor", async () => {
    const { v1, id2 } = await tour();
    const cmds = [
      { t: "gather" }, { t: "follow", kind: "teleport", place: "plaza", p: [0, 0, 0], yaw: 0 },
      { t: "open_kiosk", region: "3273", agency: "imigrasi" }, { t: "close_kiosk" }, { t: "mute_name", id: id2 },
      { t: "names", allowed: false }, { t: "remove", id: id2 }, { t: "lock", locked: true }, { t: "floor", id: id2, on: true },
    ];
    for (const c of cmds) {
      v1.send(c);
      const e = await v1.next("error");
      assert.deepEqual([e.code, e.ref], ["not_guide", c.t], `${c.t} refused`);
    }
  });

  it("gathers everyone with a countdown, and relays each visitor's answer to the guide", async () => {
    const { guide, v1, v2, gid, id1, id2 } = await tour();
    guide.send({ t: "pose", h: [3, 1.7, -4, 0, 0, 0, 1] });
    await new Promise((r) => setTimeout(r, 50));
    guide.send({ t: "gather" });
    const g1 = await v1.next("gather");
    const g2 = await v2.next("gather");
    assert.deepEqual([g1.from, g1.place, g1.p, g1.countdown], [gid, "plaza", [3, 1.7, -4], 5], "at the guide's place, 5 s");
    assert.equal(g2.id, g1.id, "one gather id for all");
    v1.send({ t: "gather_reply", gather: g1.id, accept: true });
    v2.send({ t: "gather_reply", gather: g1.id, accept: false });
    const r1 = await guide.next("gather_reply", 3000, (m) => m.from === id1);
    const r2 = await guide.next("gather_reply", 3000, (m) => m.from === id2);
    assert.deepEqual([r1.accept, r2.accept], [true, false], "one comes, one cancelled");
  });

  it("relays the guide's teleports and entries to the others, not back", async () => {
    const { guide, v1, gid } = await tour();
    guide.send({ t: "follow", kind: "enter", place: "3273", p: [1, 0, 2], yaw: 1.5 });
    const f = await v1.next("follow");
    assert.deepEqual(f, { t: "follow", from: gid, kind: "enter", place: "3273", p: [1, 0, 2], yaw: 1.5 }, "the move");
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(guide.received.filter((m) => m.t === "follow").length, 0, "the guide does not get it back");
  });

  it("opens a kiosk for everyone by ids, kept in the room state for newcomers", async () => {
    const { guide, v1 } = await tour();
    guide.send({ t: "open_kiosk", region: "3273", agency: "imigrasi", service: "3273-imigrasi-paspor-biasa" });
    const s = await v1.next("state");
    assert.deepEqual(s.state.kiosk, { region: "3273", agency: "imigrasi", service: "3273-imigrasi-paspor-biasa" }, "ids only");
    const late = await client();
    assert.deepEqual((await late.join("plaza")).state.kiosk, s.state.kiosk, "a newcomer sees it too");
    guide.send({ t: "open_kiosk", region: "3273", agency: "<b>x</b>" });
    assert.equal((await guide.closed).code, CLOSE.malformed, "markup where an id belongs is malformed");
  });

  it("locks the room: newcomers refused, the guide and resuming members let in", async () => {
    const { guide, v1 } = await tour();
    const token = (v1.received.find((m) => m.t === "welcome") as { token: string }).token;
    guide.send({ t: "lock", locked: true });
    assert.equal((await v1.next("state")).state.locked, true, "everyone sees the lock");
    const stranger = await client();
    stranger.send({ t: "join", room: "plaza" });
    const e = await stranger.next("error");
    assert.equal(e.code, "room_locked", "refused");
    v1.ws.terminate();
    const back = await client();
    back.send({ t: "join", room: "plaza", resume: token });
    assert.equal((await back.next("welcome")).room, "plaza", "a member coming back after a drop gets in");
    const guide2 = await client();
    guide2.send({ t: "claim", role: "guide", pin: PIN });
    await guide2.next("granted");
    assert.equal((await guide2.join("plaza")).you.role, "guide", "a guide who claimed first gets in");
  });

  it("removes a visitor (closed 4403, token revoked) but never a guide", async () => {
    const { guide, v1, v2, gid, id1 } = await tour();
    const token = (v1.received.find((m) => m.t === "welcome") as { token: string }).token;
    guide.send({ t: "remove", id: id1 });
    assert.equal((await v1.closed).code, CLOSE.removed, "closed with 4403");
    const left = await v2.next("left");
    assert.deepEqual([left.id, left.reason], [id1, "removed"], "the others see why");
    const again = await client();
    again.send({ t: "join", room: "plaza", resume: token });
    assert.notEqual((await again.next("welcome")).you.id, id1, "the old token does not bring the identity back");
    v2.send({ t: "remove", id: gid });
    assert.equal((await v2.next("error")).code, "not_guide", "a visitor cannot");
  });

  it("mutes one chosen name, and switches chosen names off for the room", async () => {
    const guide = await client();
    await guide.join("plaza");
    guide.send({ t: "claim", role: "guide", pin: PIN });
    await guide.next("granted");
    const v = await client();
    const wv = await v.join("plaza", { name: "Rude Name" });
    guide.send({ t: "mute_name", id: wv.you.id });
    const p = await guide.next("peer", 3000, (m) => m.peer.id === wv.you.id);
    assert.deepEqual([p.peer.name, p.peer.chosen], [`Pengunjung ${wv.you.n}`, false], "back to the numbered name");
    v.send({ t: "name", name: "Another" });
    assert.equal((await v.next("error")).code, "names_muted", "and it stays so");
    const w = await client();
    const ww = await w.join("plaza", { name: "Sari" });
    guide.send({ t: "names", allowed: false });
    const hidden = await guide.next("peer", 3000, (m) => m.peer.id === ww.you.id);
    assert.equal(hidden.peer.name, `Pengunjung ${ww.you.n}`, "room-wide: chosen names hidden");
  });

  it("gives and takes the word", async () => {
    const { guide, v2, id1 } = await tour();
    guide.send({ t: "floor", id: id1, on: true });
    assert.equal((await v2.next("peer", 3000, (m) => m.peer.id === id1)).peer.floor, true, "may speak");
    guide.send({ t: "floor", id: id1, on: false });
    assert.equal((await v2.next("peer", 3000, (m) => m.peer.id === id1)).peer.floor, false, "muted again");
  });

  it("relays WebRTC signalling between the guide and a visitor only", async () => {
    const { guide, v1, v2, gid, id1, id2 } = await tour();
    guide.send({ t: "rtc", to: id1, kind: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" });
    const offer = await v1.next("rtc");
    assert.deepEqual([offer.from, offer.kind, offer.sdp], [gid, "offer", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"], "offer relayed as is");
    v1.send({ t: "rtc", to: gid, kind: "ice", candidate: { candidate: "candidate:1 1 udp 1 127.0.0.1 5000 typ host", sdpMid: "0", sdpMLineIndex: 0 } });
    assert.equal((await guide.next("rtc")).from, id1, "ice back to the guide");
    v1.send({ t: "rtc", to: id2, kind: "offer", sdp: "v=0" });
    assert.equal((await v1.next("error")).code, "not_allowed", "visitor to visitor refused");
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(v2.received.filter((m) => m.t === "rtc").length, 0, "nothing reached the other visitor");
  });

  it("staffs a counter with the staff PIN and chats with a visitor there, as text", async () => {
    const officer = await client();
    await officer.join("3273");
    officer.send({ t: "claim", role: "staff", agency: "imigrasi", pin: "wrong" });
    assert.equal((await officer.next("error")).code, "not_authorized", "wrong staff PIN");
    const visitor = await client();
    const wv = await visitor.join("3273");
    visitor.send({ t: "chat", agency: "imigrasi", text: "Halo?" });
    assert.equal((await visitor.next("error")).code, "counter_unstaffed", "nobody at the counter yet");
    officer.send({ t: "claim", role: "staff", agency: "imigrasi", pin: "counter-77" });
    assert.deepEqual(await officer.next("granted"), { t: "granted", role: "staff", agency: "imigrasi" }, "staffing");
    assert.equal((await visitor.next("peer")).peer.staff, "imigrasi", "the visitor sees who staffs the counter");
    const text = "<img src=x onerror=alert(1)> Syarat paspor?";
    visitor.send({ t: "chat", agency: "imigrasi", text });
    const got = await officer.next("chat");
    assert.deepEqual([got.from, got.text, got.agency], [wv.you.id, text, "imigrasi"], "the officer gets the exact text");
    assert.equal((await visitor.next("chat")).text, text, "echoed to the sender");
    officer.send({ t: "chat", to: wv.you.id, text: "KTP dan KK asli." });
    assert.equal((await visitor.next("chat")).text, "KTP dan KK asli.", "the answer");
  });

  it("limits chat: visitors only to guides and staff, length, control characters, rate", async () => {
    const { guide, v1, id2, gid } = await tour();
    v1.send({ t: "chat", text: "hi all" });
    assert.equal((await v1.next("error")).code, "not_allowed", "no room-wide chat for visitors");
    v1.send({ t: "chat", to: id2, text: "psst" });
    assert.equal((await v1.next("error")).code, "not_allowed", "no visitor-to-visitor chat");
    v1.send({ t: "chat", to: gid, text: "x".repeat(501) });
    assert.equal((await v1.next("error")).code, "invalid_text", "over 500 characters");
    v1.send({ t: "chat", to: gid, text: "a\u202Eb" });
    assert.equal((await v1.next("error")).code, "invalid_text", "bidi override");
    guide.send({ t: "chat", text: "Ikuti saya" });
    assert.equal((await v1.next("chat")).text, "Ikuti saya", "the guide's announcement");
    for (let i = 0; i < 6; i++) v1.send({ t: "chat", to: gid, text: `q${i}` });
    const e = await v1.next("error", 3000, (m) => m.code === "rate");
    assert.equal(e.ref, "chat", "the sixth chat in a row is refused");
  });
});

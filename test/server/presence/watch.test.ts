// The invisible observer (join.watch): the audience's big screen sees the room but is nobody in it.
import assert from "node:assert/strict";
import { type PresenceClient, presenceFixture } from "../../support/presence-client";

const PIN = "271828";

describe("presence observers (join.watch)", () => {
  const fx = presenceFixture({ guidePin: PIN, roomMax: 2 });
  const client = fx.client;

  it("sees the peers, their poses and the room state, and is neither announced nor counted", async () => {
    const v1 = await client();
    const w1 = await v1.join("plaza");
    v1.send({ t: "pose", h: [1, 1.6, 2, 0, 0, 0, 1] });
    await new Promise((r) => setTimeout(r, 80));
    const screen = await client();
    const ws = await screen.join("plaza", { watch: true });
    assert.equal(ws.watch, true, "the welcome says it is an observer");
    assert.deepEqual(ws.peers.map((p) => p.id), [w1.you.id], "the observer gets the visitors");
    assert.deepEqual(ws.poses.map((p) => p[0]), [w1.you.id], "and the poses of those standing still");
    assert.equal(ws.token, "", "an observer gets no resume token");
    // Room limit 2: one visitor and one observer leave room for a second visitor.
    const v2 = await client();
    const w2 = await v2.join("plaza");
    assert.equal(w2.peers.length, 1, "the second visitor sees one peer, not the observer");
    assert.ok(!w2.peers.some((p) => p.id === ws.you.id), "the observer is not a peer");
    const joined = await screen.next("joined");
    assert.equal(joined.peer.id, w2.you.id, "the observer hears of joins");
    v2.send({ t: "pose", h: [3, 1.6, 4, 0, 0, 0, 1] });
    const poses = await screen.next("poses", 3000, (m) => m.p.some((e) => e[0] === w2.you.id));
    assert.deepEqual(poses.p.find((e) => e[0] === w2.you.id)![1].slice(0, 3), [3, 1.6, 4], "the observer gets pose batches");
    const got = v1.received.filter((m) => m.t === "joined" && m.peer.id === ws.you.id);
    assert.equal(got.length, 0, "nobody was told the observer joined");
  });

  it("cannot claim, speak, pose or command", async () => {
    const screen = await client();
    await screen.join("plaza", { watch: true });
    screen.send({ t: "claim", role: "guide", pin: PIN });
    assert.equal((await screen.next("error", 3000, (m) => m.ref === "claim")).code, "not_allowed", "no guide role for an observer");
    screen.send({ t: "lock", locked: true });
    assert.equal((await screen.next("error", 3000, (m) => m.ref === "lock")).code, "not_joined", "no guide command");
    screen.send({ t: "name", name: "Layar" });
    assert.equal((await screen.next("error", 3000, (m) => m.ref === "name")).code, "not_joined", "no name");
    screen.send({ t: "pose", h: [0, 1, 0, 0, 0, 0, 1] });
    const v = await client();
    const w = await v.join("plaza");
    assert.equal(w.peers.length, 0, "the visitor sees nobody: the observer's pose went nowhere");
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!v.received.some((m) => m.t === "poses"), "no pose batch from the observer");
  });

  it("follows the guide's state, follow and gather messages, and leaves silently", async () => {
    const g = await client();
    await g.join("plaza");
    g.send({ t: "claim", role: "guide", pin: PIN });
    await g.next("granted");
    const screen = await client();
    await screen.join("plaza", { watch: true });
    g.send({ t: "open_kiosk", region: "3273", agency: "imigrasi", service: "3273-imigrasi-paspor-biasa" });
    const st = await screen.next("state");
    assert.deepEqual(st.state.kiosk, { region: "3273", agency: "imigrasi", service: "3273-imigrasi-paspor-biasa" }, "the kiosk for everyone reaches the screen");
    g.send({ t: "follow", kind: "enter", place: "3273", p: [0, 0, 0], yaw: 0 });
    assert.equal((await screen.next("follow")).place, "3273", "the guide's entry reaches the screen");
    // Moving the observer to another room and leaving are never announced.
    await screen.join("3273", { watch: true });
    screen.close();
    await new Promise((r) => setTimeout(r, 100));
    assert.ok(!g.received.some((m) => m.t === "left"), "nobody hears the observer leave");
  });

  it("holds at most a few observers per room", async () => {
    const screens: PresenceClient[] = [];
    for (let i = 0; i < 8; i++) {
      const s = await client();
      await s.join("plaza", { watch: true });
      screens.push(s);
    }
    const ninth = await client();
    ninth.send({ t: "join", room: "plaza", watch: true });
    assert.equal((await ninth.next("error")).code, "room_full", "the ninth observer is refused");
  });
});

// Several nodes on one Redis: visitors on two app instances see each other, the room limit and
// lock hold across nodes, a resume works on another node, and a killed node leaves no ghosts.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import WebSocket from "ws";
import { CLOSE } from "../../../src/domain/presence/limits";
import type { PresenceOptions } from "../../../src/server/presence/options";
import { injectClient, presenceApp, PresenceClient } from "../../support/presence-client";
import { dropPrefix, redisAvailable, TEST_REDIS_URL } from "../../support/redis";

describe("presence across nodes (Redis)", function () {
  this.timeout(30_000);
  let prefix: string;
  const apps: FastifyInstance[] = [];
  const clients: PresenceClient[] = [];
  const node = async (o: Partial<PresenceOptions> = {}) => {
    const app = await presenceApp({ redisUrl: TEST_REDIS_URL, redisPrefix: prefix, heartbeatMs: 200, nodeTtlMs: 1000, guidePin: "2468", ...o });
    apps.push(app);
    return app;
  };
  const client = async (app: FastifyInstance) => {
    const c = await injectClient(app);
    clients.push(c);
    return c;
  };

  before(async function () {
    if (!(await redisAvailable())) this.skip();
  });
  beforeEach(() => { prefix = `test:presence:${randomBytes(4).toString("hex")}:`; });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const a of apps.splice(0)) await a.close();
    await dropPrefix(prefix);
  });

  it("two nodes: visitors see each other join, move and leave", async () => {
    const [a, b] = [await node(), await node()];
    const va = await client(a);
    const wa = await va.join("plaza", { name: "Di node A" });
    const vb = await client(b);
    const wb = await vb.join("plaza");
    assert.deepEqual(wb.peers.map((p) => [p.id, p.name]), [[wa.you.id, "Di node A"]], "B's visitor is told about A's in the welcome");
    assert.equal((await va.next("joined")).peer.id, wb.you.id, "A's visitor sees B's join");
    assert.equal(wb.you.n, 2, "numbers are shared by the room across nodes");
    vb.send({ t: "pose", h: [2, 1.6, 3, 0, 0, 0, 1] });
    const batch = await va.next("poses", 3000, (m) => m.p.some((e) => e[0] === wb.you.id));
    assert.deepEqual(batch.p.find((e) => e[0] === wb.you.id)![1], [2, 1.6, 3, 0, 0, 0, 1], "B's pose reaches A's visitor");
    vb.send({ t: "leave" });
    const t0 = Date.now();
    const left = await va.next("left", 1000);
    assert.deepEqual([left.id, left.reason], [wb.you.id, "leave"], "and the leave, within a second");
    assert.ok(Date.now() - t0 < 1000, "within a second");
  });

  it("a newcomer on one node gets the poses of those standing still on the other", async () => {
    const [a, b] = [await node(), await node()];
    const va = await client(a);
    const wa = await va.join("3273");
    va.send({ t: "pose", h: [7, 1.6, 7, 0, 0, 0, 1] });
    await new Promise((r) => setTimeout(r, 100));
    const vb = await client(b);
    await vb.join("3273");
    const batch = await vb.next("poses", 3000, (m) => m.p.some((e) => e[0] === wa.you.id));
    assert.deepEqual(batch.p.find((e) => e[0] === wa.you.id)![1], [7, 1.6, 7, 0, 0, 0, 1], "A resends its still poses for B's newcomer");
  });

  it("counts the room size across nodes and applies a lock made on the other node", async () => {
    const [a, b] = [await node({ roomMax: 2 }), await node({ roomMax: 2 })];
    const g = await client(a);
    await g.join("plaza");
    g.send({ t: "claim", role: "guide", pin: "2468" });
    await g.next("granted");
    const v = await client(b);
    const wv = await v.join("plaza");
    const third = await client(a);
    third.send({ t: "join", room: "plaza" });
    assert.equal((await third.next("error")).code, "room_full", "full at 2 across two nodes");
    v.send({ t: "leave" });
    await g.next("left");
    g.send({ t: "lock", locked: true });
    await g.next("state");
    const late = await client(b);
    late.send({ t: "join", room: "plaza" });
    assert.equal((await late.next("error")).code, "room_locked", "B refuses: the lock is shared");
    assert.ok(wv.you.id, "the visitor had joined on B");
  });

  it("a guide on one node removes a visitor on the other and relays signalling to it", async () => {
    const [a, b] = [await node(), await node()];
    const g = await client(a);
    const wg = await g.join("plaza");
    g.send({ t: "claim", role: "guide", pin: "2468" });
    await g.next("granted");
    const v = await client(b);
    const wv = await v.join("plaza");
    await g.next("joined");
    g.send({ t: "rtc", to: wv.you.id, kind: "offer", sdp: "v=0" });
    assert.equal((await v.next("rtc")).from, wg.you.id, "offer crosses nodes");
    g.send({ t: "floor", id: wv.you.id, on: true });
    assert.equal((await g.next("peer", 3000, (m) => m.peer.id === wv.you.id)).peer.floor, true, "the owner node applies the floor and announces it");
    g.send({ t: "remove", id: wv.you.id });
    assert.equal((await v.closed).code, CLOSE.removed, "removed across nodes: 4403");
    assert.equal((await g.next("left")).reason, "removed", "the guide sees it");
  });

  it("a big screen on one node follows a guide on the other: pose, kiosk, entry, and the kiosk closing behind", async () => {
    const [a, b] = [await node(), await node()];
    const g = await client(a);
    const gid = (await g.join("plaza")).you.id;
    g.send({ t: "claim", role: "guide", pin: "2468" });
    await g.next("granted");
    g.send({ t: "pose", h: [3, 1.6, 4, 0, 0, 0, 1] });
    const v = await client(b);
    await v.join("plaza");
    const screen = await client(b);
    const ws = await screen.join("plaza", { watch: true });
    assert.equal(ws.peers.find((p) => p.id === gid)?.role, "guide", "the screen on B knows the guide on A");
    const pose = await screen.next("poses", 3000, (m) => m.p.some((e) => e[0] === gid));
    assert.deepEqual(pose.p.find((e) => e[0] === gid)![1], [3, 1.6, 4, 0, 0, 0, 1], "and draws them standing still");
    g.send({ t: "open_kiosk", region: "3273", agency: "imigrasi" });
    assert.deepEqual((await screen.next("state")).state.kiosk, { region: "3273", agency: "imigrasi", service: null }, "the kiosk for everyone crosses nodes");
    g.send({ t: "follow", kind: "enter", place: "3273", p: [0, 0, 0], yaw: 0 });
    const f = await screen.next("follow");
    assert.deepEqual([f.from, f.kind, f.place], [gid, "enter", "3273"], "the guide's entry reaches the screen");
    await g.join("3273");
    assert.equal((await v.next("state", 3000, (m) => m.state.kiosk === null)).by, gid, "the visitor who stayed on B sees the kiosk close behind the guide");
    const inside = await screen.join("3273", { watch: true });
    assert.equal(inside.peers.find((p) => p.id === gid)?.role, "guide", "inside, the screen finds the guide");
    assert.equal(inside.state.kiosk, null, "and no kiosk of the plaza");
    g.send({ t: "pose", h: [1, 1.6, -2, 0, 0, 0, 1] });
    const there = await screen.next("poses", 3000, (m) => m.p.some((e) => e[0] === gid));
    assert.deepEqual(there.p.find((e) => e[0] === gid)![1], [1, 1.6, -2, 0, 0, 0, 1], "and follows the guide's pose there");
    assert.ok(!g.received.some((m) => m.t === "joined" && m.peer.id === ws.you.id), "nobody was told of the screen");
  });

  it("resumes on another node after a restart with the same id and number", async () => {
    const [a, b] = [await node(), await node()];
    const watcher = await client(b);
    await watcher.join("plaza");
    const v = await client(a);
    const wv = await v.join("plaza", { name: "Rina" });
    await a.close();
    apps.splice(apps.indexOf(a), 1);
    assert.equal((await v.closed).code, CLOSE.restart, "1012 from the stopping node");
    const again = await client(b);
    again.send({ t: "join", room: "plaza", resume: wv.token });
    const back = await again.next("welcome");
    assert.deepEqual([back.you.id, back.you.n, back.you.name], [wv.you.id, wv.you.n, "Rina"], "same visitor on node B");
  });

  it("a killed node's visitors vanish from the room within a few seconds", async () => {
    const b = await node({ roomMax: 2, heartbeatMs: 250, nodeTtlMs: 1500 });
    const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "test/support/presence-node.ts"], {
      env: { ...process.env, PRESENCE_TEST_OPTIONS: JSON.stringify({ redisUrl: TEST_REDIS_URL, redisPrefix: prefix, heartbeatMs: 250, nodeTtlMs: 1500 }) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (d) => { out += String(d); const m = /PORT (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
        child.once("exit", (code) => reject(new Error(`node exited ${code}`)));
      });
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/presence`);
      await new Promise((r) => ws.once("open", r));
      const ghost = new PresenceClient(ws);
      const wg = await ghost.join("plaza");
      const vb = await client(b);
      const wb = await vb.join("plaza");
      assert.deepEqual(wb.peers.map((p) => p.id), [wg.you.id], "B sees the visitor on the other node");
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(vb.received.filter((m) => m.t === "left").length, 0, "no leave while the node lives");
      child.kill("SIGKILL");
      const t0 = Date.now();
      const left = await vb.next("left", 5000);
      const took = Date.now() - t0;
      assert.deepEqual([left.id, left.reason], [wg.you.id, "gone"], "the dead node's visitor leaves");
      assert.ok(took < 4000, `within a few seconds (${took} ms)`);
      const other = await client(b);
      other.send({ t: "join", room: "plaza" });
      const first = await other.next("welcome", 3000).catch(() => other.received);
      assert.ok(!Array.isArray(first), `joined: ${JSON.stringify(first)}`);
      assert.equal(first.peers.length, 1, "the ghost no longer counts against the limit of 2");
    } finally {
      child.kill("SIGKILL");
    }
  });
});

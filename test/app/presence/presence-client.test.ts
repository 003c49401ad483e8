// The app's presence client against the real server on a real port (ws as the WebSocket): joining,
// seeing each other move, moving rooms, leaving, a server restart (reconnect and rejoin), and a
// server that is not there at all (presence waits, nothing throws).
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import WebSocket from "ws";
import { build } from "../../../src/server/app";
import { createPresenceClient, type PresenceClient, type PresenceEvent, type SocketLike } from "../../../src/app/presence/presence-client";
import type { PoseTuple } from "../../../src/domain/presence";

const deps = (url: string) => ({
  url,
  createSocket: (u: string) => new WebSocket(u) as unknown as SocketLike,
  now: () => performance.now(),
  setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
  clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout),
  random: () => 0,
});

async function until(what: string, ok: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const head = (x: number): PoseTuple => [x, 1.6, 0, 0, 0, 0, 1];

describe("presence client (app) against the server", function () {
  this.timeout(20_000);
  let app: FastifyInstance;
  let port = 0;
  const clients: PresenceClient[] = [];
  const client = (url = `ws://127.0.0.1:${port}/api/v1/presence`) => {
    const c = createPresenceClient(deps(url));
    clients.push(c);
    return c;
  };
  const serve = async (p = 0) => {
    app = await build({ dbPath: ":memory:", logger: false, rateLimit: false, presence: { tickMs: 20 } });
    await app.listen({ port: p, host: "127.0.0.1" });
    port = (app.server.address() as { port: number }).port;
  };

  beforeEach(() => serve());
  afterEach(async () => {
    for (const c of clients.splice(0)) c.dispose();
    await app.close();
  });

  it("opens nothing before start(): presence is opt-in", () => {
    const c = client();
    assert.equal(c.status, "off", "a client that was never started is off");
    assert.equal(c.peers.size, 0, "and knows nobody");
  });

  it("two visitors join the plaza, see each other and each other's moves", async () => {
    const a = client();
    const b = client();
    a.start("plaza", "Ayu");
    await until("a joined", () => a.status === "joined");
    b.start("plaza", null);
    await until("b joined and sees a", () => b.status === "joined" && b.peers.size === 1);
    await until("a sees b", () => a.peers.size === 1);
    const seenByB = [...b.peers.values()][0]!;
    assert.equal(seenByB.peer.name, "Ayu", "b sees a's chosen name");
    assert.match([...a.peers.values()][0]!.peer.name, /^Pengunjung \d+$/, "a sees b's anonymous name");
    a.offerPose({ h: head(2), l: null, r: null });
    await until("b has a's pose", () => seenByB.buffer.size > 0);
    const later = (b.serverNow() ?? 0) + 500;
    assert.equal(seenByB.buffer.sample(later)?.h[0], 2, "b draws a where a stands");
    a.offerPose({ h: head(3), l: null, r: null }); // within 50 ms: held back, then sent by the poll
    await until("b has a's second pose", () => seenByB.buffer.sample((b.serverNow() ?? 0) + 500)?.h[0] === 3);
  });

  it("moving to a building's room leaves the plaza's visitors, who see it within a second", async () => {
    const a = client();
    const b = client();
    a.start("plaza", null);
    b.start("plaza", null);
    await until("both see each other", () => a.peers.size === 1 && b.peers.size === 1);
    a.moveTo("3273");
    await until("b saw a leave", () => b.peers.size === 0, 1000);
    await until("a joined 3273", () => a.status === "joined" && a.room === "3273");
    assert.equal(a.peers.size, 0, "nobody else is in 3273");
  });

  it("stop() leaves for good: the others see it, and the client stays off", async () => {
    const a = client();
    const b = client();
    a.start("plaza", null);
    b.start("plaza", null);
    await until("b sees a", () => b.peers.size === 1);
    a.stop();
    assert.equal(a.status, "off", "a is off at once");
    await until("b saw a leave", () => b.peers.size === 0, 1000);
    await new Promise((r) => setTimeout(r, 700));
    assert.equal(a.status, "off", "no reconnect after leaving");
  });

  it("reconnects after a server restart and rejoins its room", async () => {
    const a = client();
    const events: PresenceEvent["kind"][] = [];
    a.on((e) => events.push(e.kind));
    a.start("3204", "Budi");
    await until("a joined", () => a.status === "joined");
    const oldPort = port;
    await app.close(); // closes the socket with 1012 / 1001
    await until("a waits to reconnect", () => a.status === "waiting" || a.status === "connecting");
    await serve(oldPort);
    await until("a rejoined after the restart", () => a.status === "joined", 10_000);
    assert.equal(a.room, "3204", "the same room again");
    assert.equal(a.you?.name, "Budi", "with the same chosen name");
    assert.ok(events.includes("status"), "status changes were told to listeners");
  });

  it("a server that is not there: the client waits and retries, nothing throws", async () => {
    const a = client("ws://127.0.0.1:9/api/v1/presence");
    a.start("plaza", null);
    await until("a gave up this attempt and waits", () => a.status === "waiting");
    assert.equal(a.peers.size, 0, "no peers");
    assert.equal(a.send({ t: "chat", text: "halo", agency: "imigrasi" }), false, "sending while offline says false");
  });

  it("a full room is refused with room_full and the client says so", async () => {
    await app.close();
    app = await build({ dbPath: ":memory:", logger: false, rateLimit: false, presence: { tickMs: 20, roomMax: 1 } });
    await app.listen({ port: 0, host: "127.0.0.1" });
    port = (app.server.address() as { port: number }).port;
    const a = client();
    const b = client();
    const codes: unknown[] = [];
    b.on((e) => {
      if (e.kind === "status") codes.push(e.code);
    });
    a.start("plaza", null);
    await until("a joined", () => a.status === "joined");
    b.start("plaza", null);
    await until("b refused", () => b.status === "refused");
    assert.ok(codes.includes("room_full"), `b was told the room is full (${codes.join(",")})`);
  });
});

// Bad input and abuse at the presence socket: each closes with its code, refused upgrades never open.
import assert from "node:assert/strict";
import type { FastifyInstance } from "fastify";
import type { AddressInfo } from "node:net";
import WebSocket from "ws";
import { CLOSE, PRESENCE_LIMITS } from "../../../src/domain/presence/limits";
import { originAllowed } from "../../../src/server/presence/plugin";
import { HOST, injectClient, ORIGIN, presenceApp, PresenceClient } from "../../support/presence-client";

describe("presence limits and bad input", () => {
  let app: FastifyInstance;
  const clients: PresenceClient[] = [];
  const client = async (headers?: Record<string, string>) => {
    const c = await injectClient(app, headers);
    clients.push(c);
    return c;
  };

  beforeEach(async () => { app = await presenceApp({ maxSocketsPerAddress: 4, joinTimeoutMs: 300 }); });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await app.close();
  });

  it("closes on a frame that is not JSON with 4400", async () => {
    const a = await client();
    a.sendRaw("{not json");
    assert.deepEqual(await a.closed, { code: CLOSE.malformed, reason: "malformed" }, "4400 malformed");
  });

  it("closes on JSON that is not a protocol message, an unknown type, an extra field or a binary frame", async () => {
    for (const bad of [{ t: "pose", h: [1, 2] }, { t: "teleport_everyone" }, { t: "leave", extra: 1 }, [1, 2], "join", { t: "pose", h: [1e9, 0, 0, 0, 0, 0, 1] }]) {
      const a = await client();
      a.send(bad as Record<string, unknown>);
      assert.equal((await a.closed).code, CLOSE.malformed, `${JSON.stringify(bad)} closes 4400`);
    }
    const b = await client();
    b.sendRaw(Buffer.from([1, 2, 3]));
    assert.equal((await b.closed).code, CLOSE.malformed, "binary frame closes 4400");
  });

  it("closes on a message over 16 KiB with 4413", async () => {
    const a = await client();
    await a.join("plaza");
    a.send({ t: "chat", text: "x".repeat(PRESENCE_LIMITS.maxMessageBytes) });
    assert.deepEqual(await a.closed, { code: CLOSE.tooLarge, reason: "too_large" }, "4413 too large");
  });

  it("warns, drops, then closes a socket that floods with 4429", async () => {
    const a = await client();
    await a.join("plaza");
    for (let i = 0; i < 200; i++) a.send({ t: "pose", h: [i / 100, 1.6, 0, 0, 0, 0, 1] });
    const warn = await a.next("error", 3000, (m) => m.code === "rate");
    assert.equal(warn.code, "rate", "warned first");
    assert.deepEqual(await a.closed, { code: CLOSE.rate, reason: "rate" }, "then closed 4429");
  });

  it("keeps a socket sending poses at 20 Hz open", async () => {
    const a = await client();
    await a.join("plaza");
    for (let i = 0; i < 30; i++) {
      a.send({ t: "pose", h: [i / 100, 1.6, 0, 0, 0, 0, 1] });
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(a.ws.readyState, WebSocket.OPEN, "still open after 1.5 s at 20 Hz");
    assert.equal(a.received.filter((m) => m.t === "error").length, 0, "no warning");
  });

  it("refuses another Origin with 403 before upgrading; same origin and no Origin pass", async () => {
    await assert.rejects(injectClient(app, { origin: "https://evil.example", host: HOST }), /403/, "foreign origin refused");
    await assert.rejects(injectClient(app, { origin: "http://localhost:9999", host: HOST }), /403/, "another port is another origin");
    await assert.rejects(injectClient(app, { origin: "null", host: HOST }), /403/, "opaque origin refused");
    assert.ok(await client({ origin: ORIGIN, host: HOST }), "same origin accepted");
    assert.ok(await client({ host: HOST }), "a non-browser client without Origin accepted");
    assert.equal(originAllowed("https://kiosk.example", "localhost", ["https://kiosk.example"]), true, "a listed origin passes");
    assert.equal(originAllowed("http://LOCALHOST:8080", "localhost:8080", []), true, "host compared case-insensitively");
  });

  it("caps sockets per address with 429 before upgrading, counted per address (real TCP)", async () => {
    await app.close();
    app = await presenceApp({ maxSocketsPerAddress: 3 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const port = (app.server.address() as AddressInfo).port;
    const open = (localAddress: string) => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/presence`, { localAddress });
      ws.once("open", () => resolve(ws));
      ws.once("unexpected-response", (_req, res) => reject(new Error(`status ${res.statusCode}`)));
      ws.once("error", reject);
    });
    const mine = [await open("127.0.0.2"), await open("127.0.0.2"), await open("127.0.0.2")];
    await assert.rejects(open("127.0.0.2"), /status 429/, "the fourth socket from one address is refused");
    const other = await open("127.0.0.3");
    assert.equal(other.readyState, WebSocket.OPEN, "another address is not affected");
    mine[0]!.close();
    await new Promise((r) => mine[0]!.once("close", r));
    await new Promise((r) => setTimeout(r, 50));
    const again = await open("127.0.0.2");
    assert.equal(again.readyState, WebSocket.OPEN, "one closed, one more allowed");
    for (const ws of [...mine, other, again]) ws.terminate();
  });

  it("closes a socket that never joins with 4408", async () => {
    const a = await client();
    assert.equal((await a.closed).code, CLOSE.timeout, "no join within joinTimeoutMs");
  });

  it("closes a socket that stops answering pings with 4408 (real TCP)", async () => {
    await app.close();
    app = await presenceApp({ pingIntervalMs: 150 });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const port = (app.server.address() as AddressInfo).port;
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/presence`, { autoPong: false, headers: { origin: `http://127.0.0.1:${port}` } });
    const c = new PresenceClient(ws);
    await new Promise((r) => ws.once("open", r));
    await c.join("plaza");
    const closed = await c.closed;
    assert.equal(closed.code, CLOSE.timeout, "silent socket closed 4408");
  });

  it("sends nothing to a socket that joined nothing and refuses commands before a join", async () => {
    const a = await client();
    a.send({ t: "chat", text: "hello" });
    assert.equal((await a.next("error")).code, "not_joined", "join first");
  });
});

// Connection caps and timeouts (issue 19 item 4), on a real socket with the times shortened: a
// client cannot hold more than its share of sockets, slow headers and paused readers are dropped.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";
import { connectionLimitsFromEnv, defaultConnectionLimits, type ConnectionLimits } from "../../src/server/http/connections";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function server(connections: Partial<ConnectionLimits>, assetsDir?: string): Promise<{ app: FastifyInstance; port: number; held(): Promise<number> }> {
  const app = await build({ dbPath: ":memory:", rateLimit: false, connections, ...(assetsDir ? { assetsDir } : {}) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  const held = () => new Promise<number>((res, rej) => app.server.getConnections((e, n) => (e ? rej(e) : res(n))));
  return { app, port, held };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: "127.0.0.1" }, () => resolve(s));
    s.on("error", () => {});
    s.once("error", reject);
  });
}

/** Polls until `held()` is at most `n`; returns the ms it took, or null past maxMs. */
async function until(held: () => Promise<number>, n: number, maxMs: number): Promise<number | null> {
  const t0 = Date.now();
  while (Date.now() - t0 < maxMs) {
    if ((await held()) <= n) return Date.now() - t0;
    await sleep(100);
  }
  return null;
}

describe("connections: caps and timeouts", function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "mpp-conn-"));
    // Larger than loopback's socket buffers hold: a client that does not read stalls the response.
    writeFileSync(join(dir, "big.bin"), randomBytes(24 * 1024 * 1024));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("has kiosk-sized defaults, below the process's open-file limit, and reads MAX_CONNECTIONS*", () => {
    const d = defaultConnectionLimits(20_000);
    assert.equal(d.headersTimeoutMs, 10_000, "headers within 10 s");
    assert.ok(d.idleTimeoutMs <= 60_000, "idle sockets closed within a minute");
    assert.ok(d.perAddress >= 6 && d.perAddress <= 256, "a browser's 6 per origin fit; one address cannot take thousands");
    assert.equal(defaultConnectionLimits(1024).max, 768, "the cap leaves descriptors for files and the database");
    const e = connectionLimitsFromEnv({ MAX_CONNECTIONS: "900", MAX_CONNECTIONS_PER_ADDRESS: "40" }, d);
    assert.equal(e.max, 900, "MAX_CONNECTIONS");
    assert.equal(e.perAddress, 40, "MAX_CONNECTIONS_PER_ADDRESS");
    assert.throws(() => connectionLimitsFromEnv({ MAX_CONNECTIONS: "-1" }, d), /MAX_CONNECTIONS must be a whole number/, "nonsense refused");
  });

  it("closes sockets from one address past its cap at once, and serves another address", async () => {
    const s = await server({ perAddress: 5 });
    const sockets: Socket[] = [];
    try {
      let closed = 0;
      for (let i = 0; i < 8; i++) {
        const c = await open(s.port);
        c.once("close", () => closed++);
        sockets.push(c);
      }
      await sleep(300);
      assert.equal(await s.held(), 5, "the server holds 5 sockets from 127.0.0.1");
      assert.equal(closed, 3, "the 3 past the cap were closed");
      const res = await s.app.inject({ url: "/api/v1/health", remoteAddress: "192.168.1.9" });
      assert.equal(res.statusCode, 200, "the app still serves others");
    } finally {
      for (const c of sockets) c.destroy();
      await s.app.close();
    }
  });

  it("caps the total number of sockets", async () => {
    const s = await server({ max: 3, perAddress: 100 });
    const sockets: Socket[] = [];
    try {
      for (let i = 0; i < 6; i++) sockets.push(await open(s.port));
      await sleep(300);
      assert.equal(await s.held(), 3, "no more than max held");
    } finally {
      for (const c of sockets) c.destroy();
      await s.app.close();
    }
  });

  it("answers headers that do not arrive in time with 408 and closes the socket", async () => {
    const s = await server({ headersTimeoutMs: 1000, requestTimeoutMs: 1000 });
    try {
      const c = await open(s.port);
      let answer = "";
      c.on("data", (d) => (answer += d.toString("latin1")));
      c.write("GET / HTTP/1.1\r\nHost: localhost\r\n"); // and never the blank line
      const ms = await until(s.held, 0, 8000);
      assert.ok(ms !== null, "the slow client was dropped");
      assert.ok(ms! >= 800, `not before the headers timeout (${ms} ms)`);
      await sleep(100);
      assert.match(answer, /^HTTP\/1\.1 408 /, "408 Request Timeout");
      assert.match(answer, /"code":"request_timeout"/, "in the error shape");
      c.destroy();
    } finally {
      await s.app.close();
    }
  });

  it("drops a client that stops reading a download, and an idle keep-alive socket", async () => {
    const s = await server({ idleTimeoutMs: 1500, keepAliveTimeoutMs: 500 }, dir);
    try {
      const c = await open(s.port);
      c.pause();
      c.write("GET /assets/big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n");
      await sleep(500);
      assert.equal(await s.held(), 1, "held while the response is written");
      const ms = await until(s.held, 0, 10_000);
      assert.ok(ms !== null, "the paused reader was dropped (idle timeout)");
      c.destroy();

      const k = await open(s.port);
      k.on("data", () => {});
      k.write("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
      await sleep(200);
      const idle = await until(s.held, 0, 5000);
      assert.ok(idle !== null && idle < 3000, `the idle keep-alive socket was closed (${idle} ms)`);
      k.destroy();
    } finally {
      await s.app.close();
    }
  });
});

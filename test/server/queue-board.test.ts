// The lobby board and its live stream (Server-Sent Events) on both engines: the board after calls,
// a call on one node reaching a screen connected to another node (PostgreSQL) within 2 seconds, a
// recall announced again, the stream's headers and limits, and close() not waiting for the screens.
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS } from "../support/officers";
import { at, openMpp, queueFixture, send, type QueueFixture } from "../support/queue";

const IMI = "3273-imigrasi";
const C1 = "3273-imigrasi-1";

interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Resolves with the next `board` event's data matching the predicate. */
  next(match: (board: { counters: Array<{ counterId: string; number: string | null; callId: number | null }> }) => boolean, ms?: number): Promise<{ counters: Array<{ counterId: string; number: string | null; callId: number | null }> }>;
  close(): void;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

function openStream(url: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      res.setEncoding("utf8");
      let buffer = "";
      const boards: unknown[] = [];
      const waiters: Array<() => void> = [];
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let i: number;
        while ((i = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const lines = block.split("\n");
          if (lines.includes("event: board")) {
            const data = lines.find((l) => l.startsWith("data: "))!.slice(6);
            boards.push((JSON.parse(data) as { board: unknown }).board);
            for (const w of waiters.splice(0)) w();
          }
        }
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        next(match, ms = 2000) {
          return new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`no matching board within ${ms} ms; got ${JSON.stringify(boards.at(-1))?.slice(0, 300)}`)), ms);
            const check = () => {
              const i = boards.findIndex((b) => match(b as never));
              if (i >= 0) {
                clearTimeout(timer);
                ok(boards.splice(0, i + 1).at(-1) as never);
              } else waiters.push(check);
            };
            check();
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on("error", reject);
  });
}

forEachEngine("queue board", (engine) => {
  let f: QueueFixture;
  let ed: string;
  before(async function () {
    this.timeout(60_000);
    f = await queueFixture(engine);
    await openMpp(f.db);
    ed = await f.login(ACCOUNTS.ed!);
  });
  after(async () => { await f.close(); });
  beforeEach(async () => {
    f.clock.now = at("2026-03-02", "09:00");
    for (const t of ["queue_tickets", "queue_days", "queue_calls"] as const) await f.db.kysely.deleteFrom(t).execute();
  });

  const walkIn = async () => (await send(f.app, { method: "POST", url: "/api/v1/queue/tickets", payload: { agencyId: IMI } })).json().ticket.number as string;
  const call = (app: FastifyInstance, cookie: string, action = "call") => send(app, { method: "POST", url: `/api/v1/admin/queue/counters/${C1}/${action}`, cookie, payload: {} });

  it("shows per counter the number called last today, and the last calls", async () => {
    const empty = (await send(f.app, { url: "/api/v1/regions/3273/queue/board" })).json().board;
    const c1 = () => empty.counters.find((c: { counterId: string }) => c.counterId === C1);
    assert.equal(c1().number, null, "nothing called yet");
    assert.equal(c1().label, "L1");
    const a = await walkIn();
    await call(f.app, ed);
    const board = (await send(f.app, { url: "/api/v1/regions/3273/queue/board" })).json().board;
    assert.equal(board.counters.find((c: { counterId: string }) => c.counterId === C1).number, a);
    assert.deepEqual(board.recent.map((r: { number: string; counterLabel: string }) => [r.number, r.counterLabel]), [[a, "L1"]]);
    f.clock.now = at("2026-03-03", "07:00");
    const tomorrow = (await send(f.app, { url: "/api/v1/regions/3273/queue/board" })).json().board;
    assert.ok(tomorrow.counters.every((c: { number: string | null }) => c.number === null), "a new day starts empty");
    assert.equal((await send(f.app, { url: "/api/v1/regions/3299/queue/board" })).statusCode, 404);
  });

  it("pushes a call to a screen within 2 s, also when the screen is connected to another node", async function () {
    this.timeout(60_000);
    const screenNode = await f.addNode();
    const base = await listen(screenNode);
    const stream = await openStream(`${base}/api/v1/regions/3273/queue/board/stream`);
    try {
      assert.equal(stream.status, 200);
      assert.match(String(stream.headers["content-type"]), /^text\/event-stream/);
      assert.equal(stream.headers["cache-control"], "no-store");
      assert.ok(stream.headers["content-security-policy"], "the server's security headers");
      await stream.next((b) => b.counters.some((c) => c.counterId === C1), 5000);
      const a = await walkIn();
      const t0 = Date.now();
      assert.equal((await call(f.app, ed)).statusCode, 200, "called on the first node");
      const seen = await stream.next((b) => b.counters.find((c) => c.counterId === C1)?.number === a, 2000);
      assert.ok(Date.now() - t0 < 2000, "within 2 s");
      const first = seen.counters.find((c) => c.counterId === C1)!.callId;
      await call(f.app, ed, "recall");
      const again = await stream.next((b) => { const c = b.counters.find((x) => x.counterId === C1); return c?.callId !== first && c?.number === a; });
      assert.ok(again, "a recall gives a new callId: the screen announces it again");
    } finally {
      stream.close();
      await screenNode.close();
    }
  });

  it("answers 404 for an unknown region and 429 past the streams allowed per address", async function () {
    this.timeout(30_000);
    const node = await f.addNode({ maxStreams: { total: 10, perAddress: 2 } });
    const base = await listen(node);
    const a = await openStream(`${base}/api/v1/regions/3273/queue/board/stream`);
    const b = await openStream(`${base}/api/v1/regions/3273/queue/board/stream`);
    const c = await openStream(`${base}/api/v1/regions/3273/queue/board/stream?lang=en`);
    const missing = await openStream(`${base}/api/v1/regions/3299/queue/board/stream`);
    try {
      assert.equal(a.status, 200);
      assert.equal(b.status, 200);
      assert.equal(c.status, 429, "a third stream from one address");
      assert.equal(missing.status, 404);
    } finally {
      for (const s of [a, b, c, missing]) s.close();
    }
    const t0 = Date.now();
    const d = await openStream(`${base}/api/v1/regions/3273/queue/board/stream`);
    assert.ok(d.status === 200 || d.status === 429, "a stream may still be closing");
    await node.close();
    assert.ok(Date.now() - t0 < 10_000, "close() ends open streams instead of waiting for them");
  });
});

// Graceful shutdown: close() (what SIGTERM calls in main.ts) lets every request in flight finish
// with its answer, then closes the database.
import assert from "node:assert/strict";
import { build } from "../../src/server/app";

describe("graceful shutdown", () => {
  it("drains the requests in flight, then closes the database", async () => {
    const app = await build({ database: { engine: "sqlite", path: ":memory:" }, rateLimit: false });
    let arrived = 0;
    let releaseAll!: () => void;
    const gate = new Promise<void>((r) => { releaseAll = r; });
    // Every request waits at the gate: they are all in flight when close() is called.
    app.addHook("preHandler", async () => { arrived++; await gate; });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const port = (app.server.address() as { port: number }).port;
    const requests = Array.from({ length: 12 }, () => fetch(`http://127.0.0.1:${port}/api/v1/services/3273-imigrasi-paspor-biasa`)
      .then(async (r) => ({ status: r.status, connection: r.headers.get("connection"), body: await r.text() })));
    while (arrived < 12) await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    const closed = app.close();
    setTimeout(releaseAll, 100);
    const answers = await Promise.all(requests);
    await closed;
    // Kept-alive connections are told to close, so close() does not wait out the 72 s keep-alive timeout.
    assert.ok(Date.now() - t0 < 20_000, `close() finished once the requests were answered (${Date.now() - t0} ms)`);
    assert.ok(answers.every((a) => a.connection === "close"), "answers during shutdown say Connection: close");
    assert.deepEqual(answers.map((a) => a.status), Array(12).fill(200), "every request in flight got its 200");
    assert.ok(answers.every((a) => a.body.includes("paspor-biasa")), "with its body");
    await assert.rejects(app.db.kysely.selectFrom("regions").select("code").execute(), /closed|destroy|not open/i, "the database is closed afterwards");
  });
});

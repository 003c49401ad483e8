// Under load: a short autocannon run (the 30 s, 100-connection run is bench/load.ts) with the limit
// raised answers every request with 2xx, no errors, no timeouts; with the default limit the same
// traffic from one address is cut to 429s, and the server stays healthy for other clients.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { build } from "../../src/server/app";
import { LOAD_PATHS, runLoad } from "../../bench/load";

type Autocannon = (o: Record<string, unknown>) => Promise<{ errors: number; timeouts: number; statusCodeStats: Record<string, { count: number }> }>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

describe("load (short): data routes under concurrent requests", function () {
  this.timeout(60_000);

  it("answers 3 s of 20 connections with only 2xx, no errors, no timeouts, memory flat (limit raised)", async () => {
    const r = await runLoad({ durationS: 3, connections: 20, warmupS: 1 });
    assert.ok(r.requests.total > 100, `a real load was applied (${r.requests.total} requests)`);
    assert.equal(r.errors, 0, "no connection errors");
    assert.equal(r.timeouts, 0, "no timeouts");
    assert.equal(r.non2xx, 0, `only 2xx (${JSON.stringify(r.statusCodes)})`);
    assert.ok(r.checks.memoryFlat, `server RSS growth ${r.serverMemoryMb.rssGrowth} MB within bound`);
  });

  it("cuts a flood from one address to 429 with the default limit, and still serves another client", async () => {
    const app = await build({ dbPath: ":memory:" });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const port = (app.server.address() as { port: number }).port;
      const r = await autocannon({
        // A number of requests rather than a duration: on a loaded machine 2 s may not reach the limit.
        url: `http://127.0.0.1:${port}`, connections: 10, amount: 600, timeout: 20,
        requests: LOAD_PATHS.map((path) => ({ method: "GET", path })),
      });
      const by = (s: string) => r.statusCodeStats[s]?.count ?? 0;
      assert.equal(r.errors, 0, "no connection errors under the flood");
      assert.ok(by("200") >= 300 && by("200") < 400, `about the 300-request burst passed (${by("200")})`);
      assert.ok(by("429") > 0, `the rest were refused with 429 (${by("429")})`);
      const other = await app.inject({ url: "/api/v1/health", remoteAddress: "192.168.1.77" });
      assert.equal(other.statusCode, 200, "another client is served during the flood");
    } finally {
      await app.close();
    }
  });
});

// Logs for weeks of running (issue 19 item 11): request lines only at debug, a periodic summary,
// and nothing personal in any line (no address, no query string).
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { build } from "../../src/server/app";
import { loggerOptions } from "../../src/server/http/logging";

function capture(): { stream: Writable; lines: () => Array<Record<string, unknown>>; text: () => string } {
  let text = "";
  const stream = new Writable({ write(chunk, _enc, cb) { text += chunk.toString(); cb(); } });
  return { stream, text: () => text, lines: () => text.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const PERSONAL_QUERY = "/api/v1/search?q=Budi%20Santoso%200812345678";
const ADDRESS = "203.0.113.77";

describe("logging", () => {
  it("writes one request line per request at debug, naming the route pattern, with no address or query string", async () => {
    const log = capture();
    const app = await build({ dbPath: ":memory:", logger: loggerOptions("debug", log.stream), logSummaryMs: 0 });
    try {
      await app.inject({ url: PERSONAL_QUERY, remoteAddress: ADDRESS });
      await app.inject({ url: "/api/v1/services/3273-imigrasi-paspor-biasa?lang=en", remoteAddress: ADDRESS });
      await app.inject({ method: "POST", url: "/nowhere?name=Budi", remoteAddress: ADDRESS });
      const requests = log.lines().filter((l) => l.msg === "request");
      assert.equal(requests.length, 3, `one line per request (${requests.length})`);
      assert.deepEqual(requests.map((l) => [l.method, l.route, l.status]), [
        ["GET", "/api/v1/search", 200],
        ["GET", "/api/v1/services/:id", 200],
        ["POST", "(no route)", 404],
      ], "method, route pattern and status");
      assert.ok(requests.every((l) => typeof l.ms === "number"), "with the time taken");
      for (const secret of ["Budi", "0812345678", ADDRESS, "3273-imigrasi", "lang=en", "remoteAddress", "remotePort"]) {
        assert.ok(!log.text().includes(secret), `no line holds ${secret}`);
      }
    } finally {
      await app.close();
    }
  });

  it("writes no request lines at the default level, but a periodic summary with requests, errors, 429s and memory", async () => {
    const log = capture();
    const app = await build({
      dbPath: ":memory:", logger: loggerOptions(undefined, log.stream), logSummaryMs: 200,
      rateLimit: { api: { max: 2, windowMs: 60_000 } },
    });
    try {
      for (let i = 0; i < 4; i++) await app.inject({ url: PERSONAL_QUERY, remoteAddress: ADDRESS });
      await app.inject("/api/v1/regions/9999");
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(log.lines().filter((l) => l.msg === "request").length, 0, "no request lines at info");
      const summaries = log.lines().filter((l) => String(l.msg).startsWith("summary:"));
      assert.ok(summaries.length >= 1, `a summary line (${log.text()})`);
      const first = summaries[0]!;
      assert.equal(first.requests, 5, "requests counted");
      assert.equal(first.rateLimited, 2, "429s counted");
      assert.equal(first.clientErrors, 1, "the 404 counted as a client error");
      assert.equal(first.errors, 0, "no 5xx");
      assert.ok(Number(first.rssMb) > 0 && Number(first.heapMb) > 0, "memory");
      assert.equal(first.level, 30, "at info");
      assert.ok(!log.text().includes("Budi") && !log.text().includes(ADDRESS), "nothing personal in the summary");
    } finally {
      await app.close();
    }
  });

  it("refuses an unknown LOG_LEVEL", () => {
    assert.throws(() => loggerOptions("verbose"), /LOG_LEVEL must be one of/, "clear message");
    assert.equal(loggerOptions(undefined).level, "info", "info by default");
    assert.equal(loggerOptions("DEBUG").level, "debug", "case-insensitive");
  });
});

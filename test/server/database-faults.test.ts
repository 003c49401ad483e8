// Database faults as an operator meets them: PostgreSQL unreachable at start (one line naming the
// host, non-zero exit), PostgreSQL going away while the server runs (503 JSON meanwhile, recovery
// by itself), an exhausted pool (a short wait, then 503, never a hang), and in none of it a stack
// trace or a connection string in a response or a log line.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";
import { postgresConfig } from "../../src/server/db/config";
import { tcpProxy, type TcpProxy } from "../support/tcp-proxy";
import { createPostgresDatabase, withPostgres } from "../support/engines";

const SECRET = "not-the-real-pw-7f3a";

/** A log stream collecting lines, for checking what the server logs. */
function logSink(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split("\n").filter(Boolean)); done(); } });
  return { lines, stream };
}

function assertClean(text: string, where: string): void {
  assert.doesNotMatch(text, /postgres(ql)?:\/\//i, `${where}: no connection string`);
  assert.ok(!text.includes(SECRET) && !text.includes("mpp-test"), `${where}: no password`);
  assert.doesNotMatch(text, /\n\s+at |\\n\s+at |"stack"/, `${where}: no stack trace`);
}

describe("database faults: PostgreSQL unreachable at start", () => {
  it("stops with one line naming the host and a non-zero exit, without the password", function () {
    this.timeout(60_000);
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      env: { ...process.env, DATABASE_URL: `postgres://mpp:${SECRET}@127.0.0.1:9/mpp`, PORT: "0", LOG_LEVEL: "fatal" },
      encoding: "utf8", timeout: 50_000,
    });
    assert.notEqual(r.status, 0, "non-zero exit");
    const err = r.stderr.trim();
    assert.match(err, /^MPP Digital XR cannot start: database: cannot connect to PostgreSQL at 127\.0\.0\.1:9, database mpp: connection refused$/, `one clear line (got ${JSON.stringify(err)})`);
    assertClean(r.stdout + r.stderr, "start output");
  });
});

withPostgres("database faults while running", () => {
  let proxy: TcpProxy;
  let app: FastifyInstance;
  let log: ReturnType<typeof logSink>;
  let url: string;

  before(async () => {
    const db = await createPostgresDatabase("faults");
    const target = new URL(db.url);
    proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    url = target.toString();
  });
  after(async () => { await app?.close(); await proxy?.stop(); });

  it("answers 503 JSON while PostgreSQL is away and recovers by itself when it is back", async function () {
    this.timeout(60_000);
    log = logSink();
    app = await build({ database: postgresConfig(url, { DB_POOL_WAIT_MS: "1000" }), logger: { level: "info", stream: log.stream } });
    const ok = await app.inject("/api/v1/regions/3273");
    assert.equal(ok.statusCode, 200, "serves while the database is up");

    await proxy.stop();
    await new Promise((r) => setTimeout(r, 400)); // past the data-version TTL
    for (const path of ["/api/v1/regions/3273", "/api/v1/services/3204-imigrasi-paspor-biasa", "/api/v1/search?q=nib", "/api/v1/health", "/layanan/3273"]) {
      const t0 = Date.now();
      const res = await app.inject(path);
      assert.equal(res.statusCode, 503, `${path}: 503 while the database is away`);
      assert.ok(Date.now() - t0 < 3000, `${path}: answered without hanging (${Date.now() - t0} ms)`);
      assert.equal(res.json().error.code, "database_unavailable", `${path}: the JSON error shape`);
      assert.equal(res.headers["retry-after"], "5", `${path}: Retry-After`);
      assertClean(res.body, `${path} body`);
    }

    await proxy.start();
    const t0 = Date.now();
    let res = await app.inject("/api/v1/regions/3273");
    while (res.statusCode !== 200 && Date.now() - t0 < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      res = await app.inject("/api/v1/regions/3273");
    }
    assert.equal(res.statusCode, 200, `recovered without a restart (${Date.now() - t0} ms)`);
    assert.equal((await app.inject("/api/v1/health")).statusCode, 200, "health recovered");
    assert.ok(log.lines.some((l) => l.includes("database unavailable")), "the outage was logged");
    for (const line of log.lines) assertClean(line, "log line");
  });

  it("queues a request briefly when every connection is busy, then answers 503, never hangs", async function () {
    this.timeout(60_000);
    await app?.close();
    log = logSink();
    app = await build({ database: postgresConfig(url, { DB_POOL_MAX: "1", DB_POOL_WAIT_MS: "800" }), logger: { level: "info", stream: log.stream } });
    await app.inject("/api/v1/regions");
    const hold = (ms: number) => app.db.transaction(async () => { await new Promise((r) => setTimeout(r, ms)); });

    const short = hold(50);
    const queued = await app.inject("/api/v1/services/3273-disdukcapil-ktp-el-baru");
    await short;
    assert.equal(queued.statusCode, 200, "a request that waits less than DB_POOL_WAIT_MS for the connection is served");

    const long = hold(5000);
    const t0 = Date.now();
    const refused = await app.inject("/api/v1/services/3273-polres-sim-sim-a-baru");
    const waited = Date.now() - t0;
    await long;
    assert.equal(refused.statusCode, 503, "503 when no connection frees up in time");
    assert.equal(refused.json().error.code, "database_unavailable", "the JSON error");
    assert.ok(waited >= 700 && waited < 4500, `it waited about DB_POOL_WAIT_MS (800 ms), not for the holder (5 s) (${waited} ms)`);
    for (const line of log.lines) assertClean(line, "log line");
  });
});

// Start failures say what is wrong and what to do in one line, with a non-zero exit (issue 19
// item 6): the messages from real errors, then main.ts itself started in a child process.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "../../src/server/app";
import { explainStartError, startupWarnings } from "../../src/server/startup";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Runs main.ts with this environment until it exits or prints that it listens; stderr and exit code. */
function runMain(env: Record<string, string>, nodeOptions = ""): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: nodeOptions, PORT: "0", HOST: "127.0.0.1", LOG_SUMMARY_SECONDS: "0", ...env },
    });
    let stderr = "";
    let stdout = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.stdout.on("data", (d) => {
      stdout += d;
      if (stdout.includes("MPP Digital XR: http")) child.kill("SIGTERM");
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 40_000);
    child.on("exit", (code) => { clearTimeout(timer); resolve({ code, stderr, stdout }); });
  });
}

describe("start failures", function () {
  this.timeout(90_000);
  let dir: string;
  before(() => { dir = mkdtempSync(join(tmpdir(), "mpp-start-")); });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const ctx = (dbPath: string) => ({ dbPath, port: 8080, host: "0.0.0.0" });

  it("names the database file and says what to do when it is not a database", async () => {
    const file = join(dir, "not-a-db.sqlite");
    writeFileSync(file, "this is a spreadsheet, not a database ".repeat(200));
    const err = await build({ dbPath: file }).then(() => null, (e: unknown) => e);
    assert.ok(err, "the start fails");
    const line = explainStartError(err, ctx(file));
    assert.match(line, /not-a-db\.sqlite/, `names the file: ${line}`);
    assert.match(line, /not an SQLite database/, "says what is wrong");
    assert.match(line, /move the file away|DB_PATH/, "says what to do");
    assert.doesNotMatch(line, /\n/, "one line");
  });

  it("explains a database folder that cannot be made, and a port in use", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    const db = join(file, "sub", "mpp.sqlite");
    const err = await build({ dbPath: db }).then(() => null, (e: unknown) => e);
    const line = explainStartError(err, ctx(db));
    assert.match(line, /cannot create or open the database at .*a-file\/sub\/mpp\.sqlite/, `names the path: ${line}`);
    assert.match(line, /set DB_PATH to a file in a writable folder/, "says what to do");
    const ro = explainStartError(Object.assign(new Error("EROFS: read-only file system, mkdir '/data'"), { code: "EROFS", syscall: "mkdir", path: "/data" }), ctx("/data/mpp.sqlite"));
    assert.match(ro, /read-only/, `a read-only file system is called that: ${ro}`);

    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, "127.0.0.1", () => r()));
    const port = (taken.address() as { port: number }).port;
    try {
      const app = await build({ dbPath: ":memory:" });
      const listenErr = await app.listen({ port, host: "127.0.0.1" }).then(() => null, (e: unknown) => e);
      await app.close();
      const msg = explainStartError(listenErr, { dbPath: ":memory:", port, host: "127.0.0.1" });
      assert.match(msg, new RegExp(`port ${port} .*already in use.*set PORT`), msg);
    } finally {
      taken.close();
    }
  });

  it("warns at start when the app is not built", () => {
    const none = join(dir, "no-dist");
    assert.match(startupWarnings({ distDir: none }).join("\n"), /not built.*npm run build/, "a missing dist/ is said");
    mkdirSync(join(dir, "dist"), { recursive: true });
    writeFileSync(join(dir, "dist", "index.html"), "<!doctype html>");
    assert.deepEqual(startupWarnings({ distDir: join(dir, "dist") }), [], "a built app gets no warning");
  });

  it("main.ts exits 1 with one line when the database is not a database", async () => {
    const file = join(dir, "bad.sqlite");
    writeFileSync(file, "garbage ".repeat(500));
    const r = await runMain({ DB_PATH: file });
    assert.equal(r.code, 1, `non-zero exit (${r.code}; ${r.stderr})`);
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, 1, `one line: ${r.stderr}`);
    assert.match(lines[0]!, /^MPP Digital XR cannot start: the database .*bad\.sqlite is not an SQLite database/, lines[0]);
  });

  it("main.ts exits 1 naming the fix when the SQLite binding is missing", async () => {
    const preload = join(ROOT, "test/server/fixtures/no-sqlite-binding.cjs");
    const r = await runMain({ DB_PATH: join(dir, "fresh.sqlite") }, `--require ${preload}`);
    assert.equal(r.code, 1, `non-zero exit (${r.code}; ${r.stderr})`);
    assert.match(r.stderr, /^MPP Digital XR cannot start: the SQLite driver's native part \(better-sqlite3\) is missing.*npm rebuild better-sqlite3/, r.stderr);
    assert.equal(r.stderr.trim().split("\n").length, 1, "one line");
  });

  it("main.ts rejects a bad setting in one line", async () => {
    const r = await runMain({ RATE_LIMIT_API_PER_MIN: "fast", DB_PATH: join(dir, "x.sqlite") });
    assert.equal(r.code, 1, "non-zero exit");
    assert.match(r.stderr, /^MPP Digital XR cannot start: RATE_LIMIT_API_PER_MIN must be a whole number/, r.stderr);
  });
});

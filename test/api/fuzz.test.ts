// Property-based fuzzing of the whole server: thousands of generated requests (paths, parameters,
// methods, headers, bodies) mixing real routes with hostile pieces (traversal, bad percent-encoding,
// NUL and control characters, bidi overrides, zero-width, SQL, over-long text). Whatever comes in,
// the answer is a 4xx/2xx/3xx (never a 5xx), errors have the JSON shape on API paths, bodies leak
// no stack trace or file path, and no file outside the static folders is ever served.
// SQLite only: the input guard and the routes are the same on PostgreSQL, whose answers the
// engine-parametrized suites (fuzz-hostile, regions, services, search) check.
import assert from "node:assert/strict";
import fc from "fast-check";
import { request as httpRequest, Agent } from "node:http";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { testApp, type TestApp } from "./helpers";

const MARKER = `OUTSIDE-THE-STATIC-ROOTS-${process.pid}-${Date.now()}`;

const HOSTILE_SEGMENTS = [
  "..", "%2e%2e", "%2E%2E", ".%2e", "%2e.", "..%2f", "..%5c", "%2f", "%5c", "%00", "%0a", "%0d%0a", "%ZZ", "%", "%C0%AE%C0%AE",
  "%C0%AF", "%E2%80%AE", "%E2%80%8B", "%EF%BB%BF", "%F0%9F", "%ED%A0%80", ".env", ".git", "secret.txt", "outside-link", "etc",
  "passwd", "..%252f", "%252e%252e", "index.html", "plaza.glb", "manifest.json", "plaza.json", "3273", "9999", "0000",
  "3273-imigrasi-paspor-biasa", "'%20OR%201=1--", "%22%3B%20DROP%20TABLE%20services%3B--", "a".repeat(250), "~", "*", "js",
  "main.0123456789.js", "%25", "%2500", "con", "nul", "aux",
];
const PREFIXES = [
  [], ["api"], ["api", "v1"], ["api", "v1", "regions"], ["api", "v1", "services"], ["api", "v1", "search"],
  ["api", "v1", "health"], ["api", "v1", "openapi.json"], ["assets"], ["scenes"], ["layanan"], ["layanan", "3273"], ["js"],
];
const PARAM_NAMES = ["q", "region", "limit", "agency", "lang", "x", "q[]", "q[a]", "__proto__", "constructor", "%00", "limit%00"];
const HOSTILE_VALUES = [
  "paspor", "", " ", "3273", "32%0073", "%00", "%ZZ", "%E2%80%AE", "%E2%80%8Bpaspor", "%EF%BB%BF", "%ED%A0%80", "%C0%AE",
  "'%20OR%201=1--", "%22*", "NEAR(a%20b)", "a%22%20OR%20%22", "-1", "0", "1e9", "201", "NaN", "x".repeat(101), "%25", "en",
  "..%2F..%2Fetc%2Fpasswd", "%0D%0ASet-Cookie:%20x=1", "SIM%20A", "imigrasi", "%F0%9F%98%80",
];

const urlSafe = (s: string) => encodeURIComponent(s);
const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30, unit: "grapheme" }).map(urlSafe) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: "binary" }).map(urlSafe) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~%-]{0,20}$/) },
);
const paramValue = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 120, unit: "grapheme" }).map(urlSafe) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20, unit: "binary" }).map(urlSafe) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 100_000 }).map(String) },
);
const path = fc.tuple(fc.constantFrom(...PREFIXES), fc.array(segment, { maxLength: 4 }), fc.boolean())
  .map(([pre, segs, slash]) => `/${[...pre, ...segs].join("/")}${slash ? "/" : ""}`);
const query = fc.array(fc.tuple(fc.constantFrom(...PARAM_NAMES), paramValue), { maxLength: 4 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join("&")}` : ""));
const method = fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS") as fc.Arbitrary<
  "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS"
>;
const headers = fc.record({
  accept: fc.constantFrom("application/json", "text/html", "*/*", "", "image/*;q=0.1, */*;q=0"),
  "accept-encoding": fc.constantFrom("gzip", "br", "deflate", "identity", "*;q=0", "gzip;q=abc, br;q=-1", "", "x".repeat(200)),
  "if-none-match": fc.constantFrom("", "*", '"x"', 'W/"', "\"".repeat(50)),
  "content-type": fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "x/y"),
}, { requiredKeys: [] });
const body = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 200 }),
  fc.constantFrom("{", '{"a":', "[]", "null", '{"__proto__":{"x":1}}', "\u0000\u0000"),
  fc.integer({ min: 60_000, max: 200_000 }).map((n) => "x".repeat(n)),
);

const STACK = /\n\s+at\s|\bat .+:\d+:\d+|node_modules|\.ts:\d+|Error: |TypeError|SqliteError/;

describe("API fuzz: generated hostile requests", function () {
  this.timeout(60_000);
  let t: TestApp;
  before(async () => {
    // 5,600 requests from one address: the limits (test/server/rate-limit.test.ts) would answer most
    // of them with 429 before the code under test runs.
    t = await testApp({ build: { rateLimit: false } });
    // Files the server must never hand out: beside the folders, and a symlink inside one pointing out.
    writeFileSync(join(t.dir, "secret.txt"), MARKER);
    mkdirSync(join(t.dir, "assets-secret"), { recursive: true });
    writeFileSync(join(t.dir, "assets-secret", "index.html"), MARKER);
    writeFileSync(join(t.dir, "dist", "..secret"), MARKER);
    symlinkSync(join(t.dir, "secret.txt"), join(t.dir, "assets", "outside-link"));
  });
  after(async () => t?.close());

  function check(where: string, status: number, hdrs: Record<string, unknown>, text: string, isHead: boolean): void {
    assert.ok(status < 500, `${where}: status ${status} < 500 (${text.slice(0, 200)})`);
    assert.ok(!text.includes(MARKER), `${where}: a file outside the static roots was served`);
    assert.ok(!text.includes(t.dir) && !text.includes(process.cwd()), `${where}: a file path leaked`);
    assert.ok(!STACK.test(text), `${where}: stack trace or internal error text in the body: ${text.slice(0, 200)}`);
    assert.ok(String(hdrs["content-security-policy"] ?? "").startsWith("default-src 'self'"), `${where}: CSP on every response`);
    assert.equal(hdrs["x-content-type-options"], "nosniff", `${where}: nosniff on every response`);
    const json = /^application\/json/.test(String(hdrs["content-type"] ?? ""));
    const api = where.includes(" /api/");
    if (status >= 400 && !isHead && (api || json)) {
      assert.ok(json, `${where}: ${status} on an API path is JSON`);
      const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
      assert.deepEqual(Object.keys(parsed), ["error"], `${where}: error shape has only "error"`);
      assert.equal(typeof parsed.error?.code, "string", `${where}: error.code`);
      assert.equal(typeof parsed.error?.message, "string", `${where}: error.message`);
    }
  }

  it("never answers 5xx, a stack trace or an outside file to 5,000 generated requests (inject)", async () => {
    let statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(method, path, query, headers, body, async (m, p, q, h, b) => {
        const url = p + q;
        const res = await t.app.inject({ method: m, url, headers: h, ...(b !== undefined && m !== "GET" && m !== "HEAD" ? { payload: b } : {}) });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const text = res.headers["content-encoding"] ? "" : res.body;
        check(`${m} ${url.slice(0, 160)}`, res.statusCode, res.headers, text, m === "HEAD");
      }),
      { numRuns: 5000, seed: Number(process.env.FUZZ_SEED ?? 20260801) },
    );
    // The generator must reach both the happy paths and the refusals, or it tests nothing.
    const seen = [...statuses.keys()];
    assert.ok(seen.includes(200), `some requests succeed (${JSON.stringify([...statuses])})`);
    assert.ok(seen.includes(400) && seen.includes(404) && seen.includes(405), `400, 404 and 405 all occur (${JSON.stringify([...statuses])})`);
    statuses = new Map();
  });

  it("never serves a file outside the static folders to raw, unnormalized paths over a socket", async () => {
    // inject() normalizes "..": a real socket sends the path exactly as written (like curl --path-as-is).
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const port = (t.app.server.address() as { port: number }).port;
    const agent = new Agent({ keepAlive: true, maxSockets: 8 });
    const rawGet = (p: string) => new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: p, agent, headers: { accept: "*/*" } }, (res) => {
        let text = "";
        res.setEncoding("latin1");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      });
      req.on("error", reject);
      req.end();
    });
    const traversal = fc.tuple(
      fc.constantFrom("", "/assets", "/scenes", "/js", "/assets/models", "/layanan"),
      fc.array(fc.constantFrom("..", "%2e%2e", ".%2e", "%2e.", "..%2f..", "..%5c..", ".", "%2e", "//", "assets", "outside-link"), { minLength: 1, maxLength: 6 }),
      fc.constantFrom("secret.txt", "assets-secret/index.html", "..secret", "outside-link", "etc/passwd", "%00secret.txt", "secret.txt%00.glb"),
    ).map(([pre, ups, target]) => `${pre}/${ups.join("/")}/${target}`);
    try {
      await fc.assert(
        fc.asyncProperty(traversal, async (p) => {
          const res = await rawGet(p);
          check(`GET ${p}`, res.status, res.headers, res.body, false);
          assert.ok(!/root:.*:0:0:/.test(res.body), `GET ${p}: /etc/passwd served`);
        }),
        { numRuns: 600, seed: 7 },
      );
      const direct = await rawGet("/assets/outside-link");
      assert.equal(direct.status, 404, "a symlink pointing out of assets/ is not followed");
    } finally {
      agent.destroy();
    }
  });
});

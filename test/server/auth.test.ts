// Sign-in and sessions on both engines: the answer and cookie flags, a new session id at every
// sign-in (fixation), sessions shared by two nodes, idle and absolute timeouts, sign-out, and a
// disabled account or new password ending sessions at once.
import assert from "node:assert/strict";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, call, officerFixture, ORIGIN, PASSWORD, sessionCookie, type OfficerFixture } from "../support/officers";
import { setDisabled, resetPassword } from "../../src/server/auth/accounts";
import { tokenHash } from "../../src/server/auth/sessions";

const cli = { username: "cli:test", role: null, address: null };

forEachEngine("officers: sign-in and sessions", (engine) => {
  let f: OfficerFixture;
  let clock = Date.parse("2026-03-02T01:00:00Z");
  before(async function () {
    this.timeout(60_000);
    f = await officerFixture(engine, { now: () => clock, accounts: [ACCOUNTS.ed!, ACCOUNTS.ra!] });
  });
  after(async () => { await f.close(); });

  it("answers 200 with the user and sets an HttpOnly, SameSite=Strict session cookie", async () => {
    const res = await f.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { origin: ORIGIN }, payload: { username: "ed-imigrasi", password: PASSWORD } });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { user: { username: "ed-imigrasi", role: "editor", region: "3273", agency: "imigrasi" } }, "the user, nothing more");
    const cookie = String(res.headers["set-cookie"]);
    assert.match(cookie, /^mpp_session=[A-Za-z0-9_-]{43};/, "a 256-bit token (plain HTTP: no __Host- prefix)");
    assert.match(cookie, /HttpOnly/i, "HttpOnly");
    assert.match(cookie, /SameSite=Strict/i, "SameSite=Strict");
    assert.match(cookie, /Path=\//, "Path=/");
    assert.match(cookie, /Max-Age=43200/, "lives at most 12 hours");
    assert.doesNotMatch(cookie, /Secure/i, "not Secure over plain HTTP (the browser would drop it)");
    assert.equal(res.headers["cache-control"], "no-store", "never cached");
  });

  it("stores only the token's hash: the database holds no usable session id", async () => {
    const cookie = await f.login(ACCOUNTS.ed!);
    const token = cookie.split("=")[1]!;
    const rows = await f.db.kysely.selectFrom("sessions").select("id_hash").execute();
    assert.ok(rows.some((r) => r.id_hash === tokenHash(token)), "the hash is stored");
    assert.ok(!rows.some((r) => r.id_hash === token), "the token itself is not");
  });

  it("answers 401 with the JSON error for a wrong password and for an unknown user", async () => {
    for (const payload of [{ username: "ed-imigrasi", password: "salah sekali ini" }, { username: "nobody-here", password: PASSWORD }]) {
      const res = await f.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { origin: ORIGIN, "x-forwarded-for": "10.9.9.9" }, payload, remoteAddress: `10.0.0.${Math.floor(Math.random() * 200) + 2}` });
      assert.equal(res.statusCode, 401, `${payload.username}: 401`);
      assert.deepEqual(res.json(), { error: { code: "invalid_credentials", message: "Wrong username or password." } }, "one message for both: no account enumeration");
      assert.equal(res.headers["set-cookie"], undefined, "no cookie");
    }
  });

  it("gives a new session id at every sign-in and ends the one the browser came with (fixation)", async () => {
    const first = await f.login(ACCOUNTS.ed!);
    const res = await f.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { origin: ORIGIN, cookie: first }, payload: { username: "ed-imigrasi", password: PASSWORD } });
    const second = sessionCookie(res);
    assert.notEqual(second, first, "a new id");
    assert.equal((await call(f.app, first, "GET", "/api/v1/auth/me")).statusCode, 401, "the old id no longer works");
    assert.equal((await call(f.app, second, "GET", "/api/v1/auth/me")).statusCode, 200, "the new one does");
    // An id planted by an attacker is never adopted: the server issues its own.
    const planted = "mpp_session=" + "A".repeat(43);
    const r2 = await f.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { origin: ORIGIN, cookie: planted }, payload: { username: "ed-imigrasi", password: PASSWORD } });
    assert.notEqual(sessionCookie(r2), planted, "the planted id is not kept");
    assert.equal((await call(f.app, planted, "GET", "/api/v1/auth/me")).statusCode, 401, "and it opens nothing");
  });

  it("GET /auth/me answers the officer; 401 without or with a malformed cookie", async () => {
    const cookie = await f.login(ACCOUNTS.ra!);
    const me = await call(f.app, cookie, "GET", "/api/v1/auth/me");
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json(), { user: { username: "ra-bandung", role: "region-admin", region: "3273", agency: null } });
    for (const c of [null, "mpp_session=", "mpp_session=x'; drop table sessions;--", `mpp_session=${"é".repeat(43)}`]) {
      const res = await call(f.app, c, "GET", "/api/v1/auth/me");
      assert.equal(res.statusCode, 401, `${c}: 401`);
      assert.equal(res.json().error.code, "unauthenticated", "JSON error");
    }
  });

  it("shares sessions across nodes: signed in on one node, known on another; signed out on it, gone on both", async () => {
    const b = await f.addNode({ now: () => clock });
    const cookie = await f.login(ACCOUNTS.ed!, f.app);
    assert.equal((await call(b, cookie, "GET", "/api/v1/auth/me")).statusCode, 200, "node B knows node A's session");
    const out = await call(b, cookie, "POST", "/api/v1/auth/logout");
    assert.equal(out.statusCode, 200, out.body);
    assert.match(String(out.headers["set-cookie"]), /mpp_session=;.*(Expires=Thu, 01 Jan 1970|Max-Age=0)/i, "the cookie is cleared");
    assert.equal((await call(f.app, cookie, "GET", "/api/v1/auth/me")).statusCode, 401, "node A no longer accepts it");
  });

  it("ends a session after 30 minutes without a request, and 12 hours after sign-in whatever the activity", async () => {
    const cookie = await f.login(ACCOUNTS.ed!);
    clock += 29 * 60_000;
    assert.equal((await call(f.app, cookie, "GET", "/api/v1/auth/me")).statusCode, 200, "29 minutes idle: still signed in (and the idle clock restarts)");
    clock += 29 * 60_000;
    assert.equal((await call(f.app, cookie, "GET", "/api/v1/auth/me")).statusCode, 200, "another 29 minutes: still");
    clock += 31 * 60_000;
    assert.equal((await call(f.app, cookie, "GET", "/api/v1/auth/me")).statusCode, 401, "31 minutes idle: signed out");

    const busy = await f.login(ACCOUNTS.ed!);
    for (let elapsed = 0; elapsed < 12 * 60; elapsed += 20) {
      clock += 20 * 60_000;
      const status = (await call(f.app, busy, "GET", "/api/v1/auth/me")).statusCode;
      if (elapsed + 20 < 12 * 60) assert.equal(status, 200, `active for ${elapsed + 20} minutes: still signed in`);
      else assert.equal(status, 401, "12 hours after sign-in: signed out although active");
    }
  });

  it("ends every session of an account that is disabled or gets a new password", async () => {
    const cookie = await f.login(ACCOUNTS.ed!);
    await resetPassword(f.db, f.passwords, "ed-imigrasi", "kopi tubruk sore hari", cli);
    assert.equal((await call(f.app, cookie, "GET", "/api/v1/auth/me")).statusCode, 401, "new password: old sessions end");
    await resetPassword(f.db, f.passwords, "ed-imigrasi", PASSWORD, cli);
    const again = await f.login(ACCOUNTS.ed!);
    await setDisabled(f.db, "ed-imigrasi", true, cli);
    assert.equal((await call(f.app, again, "GET", "/api/v1/auth/me")).statusCode, 401, "disabled: sessions end");
    const res = await f.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { origin: ORIGIN }, payload: { username: "ed-imigrasi", password: PASSWORD }, remoteAddress: "10.1.2.3" });
    assert.equal(res.statusCode, 401, "a disabled account cannot sign in, with the same answer as a wrong password");
    await setDisabled(f.db, "ed-imigrasi", false, cli);
  });

  it("refuses a sign-in body that is not the JSON shape", async () => {
    for (const payload of ["username=ed&password=x", JSON.stringify({ username: "ed" }), JSON.stringify({ username: "ed-imigrasi", password: { guess: 1 } })]) {
      const res = await f.app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { origin: ORIGIN, "content-type": payload.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded" }, payload });
      assert.ok(res.statusCode === 400 || res.statusCode === 415, `${payload}: 400/415, got ${res.statusCode}`);
      assert.ok(res.json().error?.code, "JSON error shape");
    }
  });
});

describe("officers: the session cookie over HTTPS", function () {
  this.timeout(60_000);
  it("is Secure and __Host- prefixed, and works over TLS", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { request } = await import("node:https");
    const { selfSignedCertificate } = await import("../../src/server/tls");
    const { build } = await import("../../src/server/app");
    const { openDatabase } = await import("../../src/server/db/open");
    const { createAccount } = await import("../../src/server/auth/accounts");
    const { Passwords } = await import("../../src/server/auth/passwords");
    const { CHEAP_HASH } = await import("../support/officers");
    const dir = mkdtempSync(join(tmpdir(), "mpp-https-cookie-"));
    const path = join(dir, "mpp.sqlite");
    const pw = new Passwords(CHEAP_HASH);
    const db = await openDatabase({ engine: "sqlite", path });
    await createAccount(db, pw, { username: "ed-imigrasi", role: "editor", region: "3273", agency: "imigrasi", password: PASSWORD }, cli);
    await db.close();
    const tls = await selfSignedCertificate(dir, { hosts: [], ips: [] });
    const app = await build({ database: { engine: "sqlite", path }, https: { key: tls.key, cert: tls.cert }, rateLimit: false, officers: { passwords: pw } });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const port = (app.server.address() as { port: number }).port;
      const send = (method: string, path: string, headers: Record<string, string>, body?: string) => new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
        const req = request({ host: "127.0.0.1", servername: "localhost", port, path, method, ca: tls.cert, headers: { host: `localhost:${port}`, ...headers } }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        });
        req.on("error", reject);
        req.end(body);
      });
      const login = await send("POST", "/api/v1/auth/login", { origin: `https://localhost:${port}`, "content-type": "application/json" }, JSON.stringify({ username: "ed-imigrasi", password: PASSWORD }));
      assert.equal(login.status, 200, "signed in over HTTPS");
      const cookie = String(login.headers["set-cookie"]);
      assert.match(cookie, /^__Host-mpp_session=[A-Za-z0-9_-]{43};/, "the __Host- prefix (no Domain, Path=/, Secure enforced by browsers)");
      assert.match(cookie, /; Secure/i, "Secure");
      assert.match(cookie, /HttpOnly/i, "HttpOnly");
      assert.match(cookie, /SameSite=Strict/i, "SameSite=Strict");
      assert.doesNotMatch(cookie, /Domain=/i, "no Domain");
      const me = await send("GET", "/api/v1/auth/me", { cookie: cookie.split(";")[0]! });
      assert.equal(me.status, 200, "the session works over HTTPS");
      const plainName = await send("GET", "/api/v1/auth/me", { cookie: `mpp_session=${cookie.split(";")[0]!.split("=")[1]}` });
      assert.equal(plainName.status, 401, "over HTTPS only the __Host- cookie counts");
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Sign-in lockout and equal work for wrong usernames, on both engines: 5 failures per account or
// per address within 15 minutes give 429 with Retry-After, counted in the database (so two nodes
// share the count, and a burst of simultaneous guesses gets at most 5 password checks); a wrong
// username costs exactly the hash work of a wrong password (counted as argon2 calls, not timed).
import assert from "node:assert/strict";
import { setDisabled } from "../../src/server/auth/accounts";
import { forEachEngine } from "../support/engines";
import { ACCOUNTS, auditCount, officerFixture, ORIGIN, PASSWORD, type OfficerFixture } from "../support/officers";

forEachEngine("officers: sign-in lockout", (engine) => {
  let f: OfficerFixture;
  let clock = Date.parse("2026-03-02T01:00:00Z");
  before(async function () {
    this.timeout(60_000);
    f = await officerFixture(engine, { now: () => clock, accounts: [ACCOUNTS.ed!, ACCOUNTS.ra!, ACCOUNTS.prov!] });
  });
  after(async () => { await f.close(); });

  const attempt = (app: typeof f.app, username: string, password: string, address: string) =>
    app.inject({ method: "POST", url: "/api/v1/auth/login", headers: { origin: ORIGIN }, payload: { username, password }, remoteAddress: address });

  it("locks an account after 5 failures within 15 minutes (whatever the address), with Retry-After until the oldest is 15 minutes old", async () => {
    for (let i = 0; i < 5; i++) {
      clock += 60_000;
      const res = await attempt(f.app, "ed-imigrasi", `tebakan salah ${i}`, `10.1.0.${i + 1}`);
      assert.equal(res.statusCode, 401, `failure ${i + 1}: 401`);
    }
    const locked = await attempt(f.app, "ed-imigrasi", PASSWORD, "10.1.0.99");
    assert.equal(locked.statusCode, 429, "the 6th attempt, even with the right password, is refused");
    assert.equal(locked.json().error.code, "login_locked", "JSON error shape");
    // First failure at +1 min, now +5 min: it leaves the window at +16 min, 11 minutes from now.
    assert.equal(locked.headers["retry-after"], String(11 * 60), "Retry-After counts down to the oldest failure leaving the window");
    clock += 11 * 60_000 - 1000;
    assert.equal((await attempt(f.app, "ed-imigrasi", PASSWORD, "10.1.0.98")).statusCode, 429, "still locked a second before");
    clock += 1000;
    assert.equal((await attempt(f.app, "ed-imigrasi", PASSWORD, "10.1.0.98")).statusCode, 200, "open again once the oldest failure is 15 minutes old");
  });

  it("a success clears the account's failures", async () => {
    clock += 20 * 60_000;
    for (let i = 0; i < 4; i++) assert.equal((await attempt(f.app, "ra-bandung", "salah lagi dong", `10.2.0.${i}`)).statusCode, 401);
    assert.equal((await attempt(f.app, "ra-bandung", PASSWORD, "10.2.0.9")).statusCode, 200, "4 failures then the right password: in");
    for (let i = 0; i < 4; i++) assert.equal((await attempt(f.app, "ra-bandung", "salah lagi dong", `10.2.1.${i}`)).statusCode, 401, "counted from zero again");
    clock += 20 * 60_000;
  });

  it("locks an address after 5 failures within 15 minutes, across usernames, also for unknown ones", async () => {
    clock += 20 * 60_000;
    const names = ["nobody1", "nobody2", "ed-imigrasi", "nobody3", "prov"];
    for (const n of names) assert.equal((await attempt(f.app, n, "bukan sandinya", "10.3.3.3")).statusCode, 401);
    const res = await attempt(f.app, "ra-bandung", PASSWORD, "10.3.3.3");
    assert.equal(res.statusCode, 429, "the address is locked, even for a right password of another account");
    assert.ok(Number(res.headers["retry-after"]) > 0, "Retry-After");
    assert.equal((await attempt(f.app, "ra-bandung", PASSWORD, "10.3.3.4")).statusCode, 200, "another address is not");
    clock += 20 * 60_000;
  });

  it("holds across nodes: failures on one node lock the account on another", async () => {
    const b = await f.addNode({ now: () => clock });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(f.app, "prov", "tebak tebak tebak", `10.4.0.${i}`)).statusCode, 401);
    for (let i = 0; i < 2; i++) assert.equal((await attempt(b, "prov", "tebak tebak tebak", `10.4.1.${i}`)).statusCode, 401);
    assert.equal((await attempt(b, "prov", PASSWORD, "10.4.2.1")).statusCode, 429, "node B counts node A's failures");
    assert.equal((await attempt(f.app, "prov", PASSWORD, "10.4.2.2")).statusCode, 429, "and node A node B's");
    clock += 20 * 60_000;
  });

  it("lets at most 5 of 30 simultaneous guesses reach the password check, on two nodes", async function () {
    this.timeout(60_000);
    const b = f.nodes[1] ?? await f.addNode({ now: () => clock });
    const before = f.passwords.calls.verify;
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(i % 2 ? b : f.app, "ed-imigrasi", `tebakan serentak ${i}`, `10.5.${i}.1`)));
    const checked = f.passwords.calls.verify - before;
    const statuses = results.map((r) => r.statusCode);
    assert.ok(statuses.every((s) => s === 401 || s === 429), "only 401 or 429");
    assert.ok(checked <= 5, `at most 5 password checks, got ${checked}`);
    assert.equal(statuses.filter((s) => s === 401).length, checked, "every 401 had its password check");
    clock += 20 * 60_000;
  });

  it("costs exactly one password check per sign-in: right password, wrong password, unknown and disabled accounts alike", async () => {
    clock += 20 * 60_000;
    const cases: Array<[string, string, number]> = [
      ["ed-imigrasi", PASSWORD, 200],
      ["ed-imigrasi", "kata sandi keliru", 401],
      ["tidak-ada-orangnya", "kata sandi keliru", 401],
      ["x", "", 401],
      ["ra-bandung", PASSWORD, 401],
    ];
    await setDisabled(f.db, "ra-bandung", true, { username: "cli:test", role: null, address: null });
    for (const [i, [username, password, status]] of cases.entries()) {
      const beforeVerify = f.passwords.calls.verify;
      const beforeHash = f.passwords.calls.hash;
      const res = await attempt(f.app, username, password, `10.6.0.${i}`);
      assert.equal(res.statusCode, status, `${username}: ${status}`);
      assert.equal(f.passwords.calls.verify - beforeVerify, 1, `${username}: exactly one argon2 verification`);
      assert.equal(f.passwords.calls.hash - beforeHash, 0, `${username}: no other hashing`);
    }
    await setDisabled(f.db, "ra-bandung", false, { username: "cli:test", role: null, address: null });
  });

  it("writes one audit row per sign-in and per failed sign-in, none with the password", async () => {
    clock += 20 * 60_000;
    const before = await auditCount(f.db);
    await attempt(f.app, "ed-imigrasi", "rahasia yang salah", "10.7.0.1");
    await attempt(f.app, "siapa-ini", "rahasia yang salah", "10.7.0.2");
    await attempt(f.app, "ed-imigrasi", PASSWORD, "10.7.0.3");
    assert.equal(await auditCount(f.db), before + 3, "three rows");
    const rows = await f.db.kysely.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(3).execute();
    assert.deepEqual(rows.map((r) => r.action).reverse(), ["auth.login_failed", "auth.login_failed", "auth.login"], "actions in order");
    assert.deepEqual(rows.map((r) => r.address).reverse(), ["10.7.0.1", "10.7.0.2", "10.7.0.3"], "from which address");
    assert.equal(rows[1]!.actor, "-", "an unknown username is not recorded (it may be a mistyped password)");
    assert.ok(rows.every((r) => !JSON.stringify(r).includes("rahasia") && !JSON.stringify(r).includes(PASSWORD)), "no password in any row");
  });
});

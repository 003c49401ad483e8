// The client's reconnect policy: which close codes retry, backoff with jitter, the resume token.
import assert from "node:assert/strict";
import { CLOSE } from "../../../src/domain/presence/limits";
import { closeKind, ReconnectPolicy } from "../../../src/domain/presence/reconnect";

describe("presence reconnect policy", () => {
  it("retries after a server restart, a lost network and a timeout; stops when removed, replaced or broken", () => {
    for (const code of [CLOSE.restart, CLOSE.goingAway, CLOSE.abnormal, CLOSE.internal, CLOSE.timeout, 1005]) {
      assert.equal(closeKind(code), "retry", `close ${code} retries`);
    }
    for (const code of [CLOSE.normal, CLOSE.removed, CLOSE.replaced, CLOSE.malformed, CLOSE.tooLarge, CLOSE.tooBig]) {
      assert.equal(closeKind(code), "stop", `close ${code} stops`);
    }
    assert.equal(closeKind(CLOSE.rate), "retry-slow", "rate limit retries slowly");
  });

  it("backs off exponentially with jitter up to the cap", () => {
    const lo = new ReconnectPolicy({ baseMs: 500, maxMs: 8000 }, () => 0);
    const hi = new ReconnectPolicy({ baseMs: 500, maxMs: 8000 }, () => 0.999999);
    const low = [1, 2, 3, 4, 5, 6].map(() => (lo.onClose(CLOSE.restart, 0) as { delayMs: number }).delayMs);
    const high = [1, 2, 3, 4, 5, 6].map(() => (hi.onClose(CLOSE.restart, 0) as { delayMs: number }).delayMs);
    assert.deepEqual(low, [250, 500, 1000, 2000, 4000, 4000], "lowest delays: half of 500, 1000, 2000, ... capped at 8000");
    assert.deepEqual(high, [500, 1000, 2000, 4000, 8000, 8000], "highest delays: the full ceiling");
  });

  it("spreads many clients after one restart", () => {
    let seed = 1;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const delays = Array.from({ length: 200 }, () => (new ReconnectPolicy({}, rnd).onClose(CLOSE.restart, 0) as { delayMs: number }).delayMs);
    assert.ok(new Set(delays).size > 100, "200 clients pick many different first delays");
    assert.ok(Math.min(...delays) >= 250 && Math.max(...delays) <= 500, "all within [base/2, base]");
  });

  it("starts over after a stable connection", () => {
    const p = new ReconnectPolicy({ baseMs: 100, stableMs: 10_000 }, () => 0);
    p.onClose(CLOSE.abnormal, 0);
    p.onClose(CLOSE.abnormal, 0);
    p.onWelcome("tok", 1000);
    const d = p.onClose(CLOSE.restart, 20_000);
    assert.deepEqual(d, { action: "retry", delayMs: 50, attempt: 1 }, "first attempt again after 19 s joined");
  });

  it("keeps the resume token across retries and drops it when removed", () => {
    const p = new ReconnectPolicy();
    assert.equal(p.token, null, "no token before a welcome");
    p.onWelcome("abcdefghijklmnop", 0);
    p.onClose(CLOSE.restart, 10);
    assert.equal(p.token, "abcdefghijklmnop", "kept to rejoin as the same visitor");
    assert.deepEqual(p.onClose(CLOSE.removed, 20), { action: "stop", code: CLOSE.removed }, "removed: stop");
    assert.equal(p.token, null, "and forget the identity");
  });

  it("waits at least rateLimitedMs after a close for too many messages", () => {
    const p = new ReconnectPolicy({ rateLimitedMs: 15_000 }, () => 0);
    const d = p.onClose(CLOSE.rate, 0);
    assert.equal(d.action === "retry" && d.delayMs, 15_000, "15 s");
  });
});

// Per-client rate limiting: the token bucket itself (fake clock), then through the app.
import assert from "node:assert/strict";
import { build } from "../../src/server/app";
import { DEFAULT_RATE_LIMITS, routeClass, TokenBuckets } from "../../src/server/http/rate-limit";

describe("rate limit: token buckets", () => {
  it("lets a burst of max through, refuses the next with a Retry-After, and refills over the window", () => {
    let now = 0;
    const b = new TokenBuckets({ max: 3, windowMs: 3000 }, () => now);
    for (let i = 0; i < 3; i++) assert.deepEqual(b.take("a"), { ok: true }, `request ${i + 1} of the burst passes`);
    const refused = b.take("a");
    assert.equal(refused.ok, false, "the 4th request in the same instant is refused");
    assert.equal(!refused.ok && refused.retryAfterSeconds, 1, "one token comes back after 1 s");
    now = 999;
    assert.equal(b.take("a").ok, false, "still empty just before a token is back");
    now = 1000;
    assert.equal(b.take("a").ok, true, "a token is back after windowMs/max");
  });

  it("keeps one bucket per client", () => {
    const b = new TokenBuckets({ max: 1, windowMs: 60_000 }, () => 0);
    assert.equal(b.take("10.0.0.1").ok, true, "first client's request");
    assert.equal(b.take("10.0.0.1").ok, false, "first client is limited");
    assert.equal(b.take("10.0.0.2").ok, true, "another client is not");
  });

  it("says how long to wait when the window is long", () => {
    const b = new TokenBuckets({ max: 2, windowMs: 60_000 }, () => 0);
    b.take("a");
    b.take("a");
    const r = b.take("a");
    assert.equal(!r.ok && r.retryAfterSeconds, 30, "60 s window / 2 tokens: 30 s per token");
  });

  it("forgets full buckets when the map grows large, so a scan of addresses cannot fill memory", () => {
    let now = 0;
    const b = new TokenBuckets({ max: 5, windowMs: 1000 }, () => now);
    for (let i = 0; i < 10_000; i++) b.take(`c${i}`);
    assert.equal(b.size, 10_000, "one bucket per client seen");
    now = 10_000; // all refilled
    b.take("newcomer");
    assert.equal(b.size, 1, "refilled buckets were dropped, only the newcomer's is kept");
  });

  it("refuses nonsense limits", () => {
    assert.throws(() => new TokenBuckets({ max: 0, windowMs: 1000 }), /max/, "max 0");
    assert.throws(() => new TokenBuckets({ max: 1.5, windowMs: 1000 }), /max/, "fractional max");
    assert.throws(() => new TokenBuckets({ max: 1, windowMs: 0 }), /windowMs/, "zero window");
  });

  it("classes the API and the HTML fallback apart from static files, with generous defaults", () => {
    assert.equal(routeClass("/api/v1/regions"), "api", "API");
    assert.equal(routeClass("/layanan/3273?lang=en"), "api", "HTML fallback reads the database too");
    assert.equal(routeClass("/assets/models/building-3273.glb"), "static", "models");
    assert.equal(routeClass("/"), "static", "index");
    assert.ok(DEFAULT_RATE_LIMITS.api.max / (DEFAULT_RATE_LIMITS.api.windowMs / 60_000) >= 300, "at least 300 API requests a minute");
    assert.ok(DEFAULT_RATE_LIMITS.static.max >= 10 * DEFAULT_RATE_LIMITS.api.max, "static much higher than the API");
  });
});

describe("rate limit: through the server", () => {
  it("answers 429 with Retry-After, the JSON error shape and the security headers, per client", async () => {
    const app = await build({ dbPath: ":memory:", rateLimit: { api: { max: 3, windowMs: 60_000 } } });
    try {
      for (let i = 0; i < 3; i++) {
        const ok = await app.inject("/api/v1/health");
        assert.equal(ok.statusCode, 200, `request ${i + 1} within the limit`);
      }
      const res = await app.inject("/api/v1/regions");
      assert.equal(res.statusCode, 429, "the 4th API request is limited");
      assert.equal(res.headers["retry-after"], "20", "Retry-After in seconds (60 s / 3 tokens)");
      assert.deepEqual(Object.keys(res.json()), ["error"], "error shape");
      assert.equal(res.json().error.code, "rate_limited", "rate_limited code");
      assert.match(String(res.headers["content-type"]), /^application\/json/, "JSON");
      assert.equal(res.headers["x-content-type-options"], "nosniff", "security headers on 429 too");
      assert.equal(res.headers["cache-control"], "no-store", "a 429 is not cached");
      const other = await app.inject({ url: "/api/v1/regions", remoteAddress: "192.168.1.20" });
      assert.equal(other.statusCode, 200, "another client (headset) is not affected");
      const file = await app.inject("/scenes/plaza.json");
      assert.notEqual(file.statusCode, 429, "static files have their own, larger bucket");
    } finally {
      await app.close();
    }
  });

  it("can be switched off", async () => {
    const app = await build({ dbPath: ":memory:", rateLimit: false });
    try {
      for (let i = 0; i < 400; i++) {
        const res = await app.inject("/api/v1/health");
        if (res.statusCode !== 200) assert.fail(`request ${i + 1}: ${res.statusCode}`);
      }
    } finally {
      await app.close();
    }
  });

  it("limits by default at 300 API requests per client, not fewer", async () => {
    const app = await build({ dbPath: ":memory:" });
    try {
      for (let i = 0; i < 300; i++) {
        const res = await app.inject("/api/v1/health");
        if (res.statusCode !== 200) assert.fail(`request ${i + 1} of 300 refused: ${res.statusCode}`);
      }
      // Tokens trickle back (5 a second) while the loop runs, so the refusal comes a little after 300.
      let extra = 0;
      while ((await app.inject("/api/v1/health")).statusCode === 200 && extra < 100) extra++;
      assert.ok(extra < 100, `a burst well past 300 is refused (passed ${300 + extra})`);
    } finally {
      await app.close();
    }
  });
});

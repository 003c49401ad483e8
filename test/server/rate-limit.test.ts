// Per-client rate limits by route class: settings, classification by the matched route (every
// spelling of a path that reaches a route), the 429 answer, IPv6 grouping, and the off switch.
import assert from "node:assert/strict";
import { connect } from "node:net";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";
import { clientKey, DEFAULT_RATE_LIMITS, rateLimitsFromEnv, routeLimitClass } from "../../src/server/http/rate-limit";

/** One raw HTTP/1.1 exchange, so the request line is sent exactly as written (absolute-form too). */
function raw(port: number, requestLine: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: "127.0.0.1" }, () => s.write(`${requestLine}\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let data = "";
    s.on("data", (c) => (data += c.toString("latin1")));
    s.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
    s.on("error", reject);
  });
}

describe("rate limit: settings and classes", () => {
  it("reads the limits and the off switch from the environment, refusing nonsense", () => {
    assert.deepEqual(rateLimitsFromEnv({}), DEFAULT_RATE_LIMITS, "defaults without variables");
    assert.equal(rateLimitsFromEnv({ RATE_LIMIT: "off" }), false, "RATE_LIMIT=off");
    const set = rateLimitsFromEnv({ RATE_LIMIT_API_PER_MIN: "1200", RATE_LIMIT_STATIC_PER_MIN: "9000" });
    assert.ok(set, "limits");
    assert.deepEqual(set.api, { max: 1200, windowMs: 60_000 }, "API per minute");
    assert.deepEqual(set.static, { max: 9000, windowMs: 60_000 }, "static per minute");
    assert.deepEqual(set.write, DEFAULT_RATE_LIMITS.write, "other classes keep their default");
    assert.throws(() => rateLimitsFromEnv({ RATE_LIMIT_API_PER_MIN: "lots" }), /RATE_LIMIT_API_PER_MIN must be a whole number/, "not a number");
    assert.throws(() => rateLimitsFromEnv({ RATE_LIMIT_API_PER_MIN: "0" }), /RATE_LIMIT_API_PER_MIN/, "zero");
    assert.throws(() => rateLimitsFromEnv({ RATE_LIMIT: "maybe" }), /RATE_LIMIT must be "off"/, "unknown switch");
  });

  it("classes a route by its declaration, else GET as api and other methods as write", () => {
    assert.equal(routeLimitClass({ method: "GET", config: { limitClass: "static" } }), "static", "declared");
    assert.equal(routeLimitClass({ method: "GET", config: {} }), "api", "GET by default");
    assert.equal(routeLimitClass({ method: ["GET", "HEAD"], config: undefined }), "api", "GET and HEAD");
    assert.equal(routeLimitClass({ method: "POST", config: {} }), "write", "a write route nobody classed");
    assert.equal(routeLimitClass({ method: "GET", config: { limitClass: "connect" } }), "connect", "a socket upgrade");
    assert.throws(() => routeLimitClass({ method: "GET", config: { limitClass: "nope" as never } }), /unknown limitClass/, "typo refused at registration");
    assert.ok(DEFAULT_RATE_LIMITS.api.max >= 300, "at least 300 API requests a minute");
    assert.ok(DEFAULT_RATE_LIMITS.static.max >= 10 * DEFAULT_RATE_LIMITS.api.max, "static much higher than the API");
  });

  it("keys clients by address, IPv6 by its /64, IPv4-mapped IPv6 as IPv4", () => {
    assert.equal(clientKey("2001:db8:1:2:aaaa::1"), clientKey("2001:db8:1:2:ffff:ffff:ffff:ffff"), "same /64, same key");
    assert.notEqual(clientKey("2001:db8:1:2::1"), clientKey("2001:db8:1:3::1"), "another /64, another key");
    assert.equal(clientKey("::ffff:192.168.1.20"), "192.168.1.20", "mapped IPv4");
    assert.notEqual(clientKey("192.168.1.20"), clientKey("192.168.1.21"), "IPv4 addresses alone");
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
      assert.equal(res.statusCode, 429, "the 4th API request is limited, on another API route too");
      const after = Number(res.headers["retry-after"]);
      assert.ok(after >= 1 && after <= 60, `Retry-After in seconds until the window ends (${after})`);
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

  it("counts every spelling of a path by the route it reaches: encoded, absolute-form, trailing slash", async () => {
    const app = await build({ dbPath: ":memory:", rateLimit: { api: { max: 2, windowMs: 60_000 }, static: { max: 1000, windowMs: 60_000 } } });
    try {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const port = (app.server.address() as { port: number }).port;
      // Each spelling on a fresh server state would be cleaner, but one client's budget shows it
      // too: two API requests pass, and every further spelling that reaches an API route is refused.
      assert.equal(await raw(port, "GET /api/v1/regions HTTP/1.1"), 200, "1st API request");
      assert.equal(await raw(port, "GET /%61pi/v1/regions HTTP/1.1"), 200, "2nd, percent-encoded, reaches the API route");
      for (const line of [
        "GET /%61pi/v1/regions HTTP/1.1",
        "GET /%6Cayanan/3273 HTTP/1.1",
        "GET http://x/api/v1/regions HTTP/1.1",
        "GET /api/v1/regions/ HTTP/1.1",
        "GET /api/v1/%72egions/3273 HTTP/1.1",
      ]) {
        assert.equal(await raw(port, line), 429, `${line}: counted against the API`);
      }
      assert.equal(await raw(port, "GET /scenes/plaza.json HTTP/1.1"), 200, "a file is still served: it counts in the static class");
    } finally {
      await app.close();
    }
  });

  it("groups an IPv6 /64 into one client", async () => {
    const app = await build({ dbPath: ":memory:", rateLimit: { api: { max: 2, windowMs: 60_000 } } });
    try {
      const at = (remoteAddress: string) => app.inject({ url: "/api/v1/health", remoteAddress }).then((r) => r.statusCode);
      assert.equal(await at("2001:db8:0:1::1"), 200, "first address of the /64");
      assert.equal(await at("2001:db8:0:1::2"), 200, "second address of the /64");
      assert.equal(await at("2001:db8:0:1:ffff::3"), 429, "a third address in the same /64 shares the count");
      assert.equal(await at("2001:db8:0:2::1"), 200, "another /64 is another client");
    } finally {
      await app.close();
    }
  });

  it("limits requests that match no route, without reading their body", async () => {
    const app = await build({ dbPath: ":memory:", rateLimit: { static: { max: 2, windowMs: 60_000 } } });
    try {
      const post = () => app.inject({ method: "POST", url: "/nowhere", payload: "{broken", headers: { "content-type": "application/json" } });
      const first = await post();
      assert.equal(first.statusCode, 404, "404, not a 400 from parsing a body nobody reads");
      assert.equal(first.json().error.code, "not_found", "not_found");
      await post();
      assert.equal((await post()).statusCode, 429, "the third unmatched request from one client is limited");
    } finally {
      await app.close();
    }
  });

  it("counts WebSocket upgrades (presence) in the connect class, apart from the API", async () => {
    const app = await build({ dbPath: ":memory:", rateLimit: { connect: { max: 2, windowMs: 60_000 } } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await app.inject("/api/v1/presence")).statusCode);
      assert.deepEqual(statuses, [426, 426, 429], "two attempts pass (426: not an upgrade), the third is limited");
      assert.equal((await app.inject("/api/v1/health")).statusCode, 200, "the API budget is separate");
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

  it("limits by default at 300 API requests per client a minute, not fewer", async () => {
    const app = await build({ dbPath: ":memory:" });
    try {
      for (let i = 0; i < 300; i++) {
        const res = await app.inject("/api/v1/health");
        if (res.statusCode !== 200) assert.fail(`request ${i + 1} of 300 refused: ${res.statusCode}`);
      }
      assert.equal((await app.inject("/api/v1/health")).statusCode, 429, "the 301st in the same minute is refused");
    } finally {
      await app.close();
    }
  });
});

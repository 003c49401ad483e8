// With REDIS_URL the rate limit is one count for all nodes (issue 12 item 5): two app instances on
// one Redis share each client's budget; without Redis each node counts alone. Needs Redis on
// localhost:6379 (TEST_REDIS_URL to use another); in CI (CI=true) its absence is a failure.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";

// A database number of our own and a prefix unique to this run: other engineers share the server.
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/13";

async function redisUp(): Promise<boolean> {
  const r = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  r.on("error", () => {});
  try {
    await r.connect();
    return (await r.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

describe("rate limit shared through Redis", function () {
  this.timeout(30_000);
  const prefix = `mpp-test-rl-${randomBytes(4).toString("hex")}:`;
  const limits = { api: { max: 4, windowMs: 60_000 } };
  let nodes: FastifyInstance[] = [];

  before(async function () {
    if (!(await redisUp())) {
      if (process.env.CI === "true") throw new Error(`Redis is required in CI and is not reachable at ${REDIS_URL}`);
      this.skip();
    }
  });
  afterEach(async () => {
    for (const n of nodes) await n.close();
    nodes = [];
  });
  after(async () => {
    const r = new Redis(REDIS_URL);
    try {
      const keys = await r.keys(`${prefix}*`);
      if (keys.length > 0) await r.del(...keys);
    } finally {
      r.disconnect();
    }
  });

  it("counts one client's requests to two nodes against one budget", async () => {
    nodes = [
      await build({ dbPath: ":memory:", rateLimit: limits, redisUrl: REDIS_URL, redisPrefix: prefix }),
      await build({ dbPath: ":memory:", rateLimit: limits, redisUrl: REDIS_URL, redisPrefix: prefix }),
    ];
    const [a, b] = nodes as [FastifyInstance, FastifyInstance];
    const client = { remoteAddress: "198.51.100.7" };
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await a.inject({ url: "/api/v1/health", ...client })).statusCode);
      statuses.push((await b.inject({ url: "/api/v1/health", ...client })).statusCode);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429], "4 requests pass across both nodes, then both refuse");
    const other = await b.inject({ url: "/api/v1/health", remoteAddress: "198.51.100.8" });
    assert.equal(other.statusCode, 200, "another client has its own budget");
    const r = new Redis(REDIS_URL);
    try {
      const keys = await r.keys(`${prefix}*`);
      assert.ok(keys.includes(`${prefix}api:198.51.100.7`), `one key per class and client (${keys.join(", ")})`);
    } finally {
      r.disconnect();
    }
  });

  it("counts per node without Redis", async () => {
    nodes = [await build({ dbPath: ":memory:", rateLimit: limits }), await build({ dbPath: ":memory:", rateLimit: limits })];
    const [a, b] = nodes as [FastifyInstance, FastifyInstance];
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await a.inject("/api/v1/health")).statusCode);
      statuses.push((await b.inject("/api/v1/health")).statusCode);
    }
    assert.deepEqual(statuses, Array(8).fill(200), "each node lets its own 4 through");
  });

  it("serves, unlimited and with a warning, while Redis is unreachable", async () => {
    const warnings: string[] = [];
    const stream = { write: (line: string) => { if (JSON.parse(line).level === 40) warnings.push(JSON.parse(line).msg); } };
    nodes = [await build({ dbPath: ":memory:", rateLimit: limits, redisUrl: "redis://127.0.0.1:1/0", redisPrefix: prefix, logger: { level: "warn", stream } })];
    const n = nodes[0]!;
    for (let i = 0; i < 6; i++) assert.equal((await n.inject("/api/v1/health")).statusCode, 200, `request ${i + 1} served`);
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(warnings.some((w) => /rate limit store \(Redis\) unavailable/.test(w)), `a warning says so (${warnings.join(" | ")})`);
  });
});

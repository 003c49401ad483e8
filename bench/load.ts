// Load: autocannon against the data routes on loopback, the server in its own process (so the
// load generator does not share its event loop), the rate limit raised for the run. Checks no
// errors, no timeouts, only 2xx, and a flat memory (server RSS after a warm-up vs after the run,
// both after a full GC). Writes bench/load-report.json; exits 1 when a check fails.
//   node --import tsx bench/load.ts [--duration 30] [--connections 100]
// Not part of npm test (30 s); test/server/rate-load.test.ts runs a 3 s version.
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const LOAD_PATHS = [
  "/api/v1/regions",
  "/api/v1/regions/3273",
  "/api/v1/services/3273-imigrasi-paspor-biasa",
  "/api/v1/search?q=paspor",
];

/** RSS growth allowed between warm-up and end: caches are built in the warm-up, so more means a leak. */
export const MAX_RSS_GROWTH_MB = 64;

interface Histogram { average: number; mean: number; p50: number; p90?: number; p99: number; min: number; max: number }
interface AutocannonResult {
  requests: Histogram & { total: number; sent: number };
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  mismatches: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon ships no types; the part used here is typed above.
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

interface Memory { rss: number; heapUsed: number }

export interface LoadOptions { durationS: number; connections: number; warmupS?: number }

export interface LoadReport {
  date: string;
  node: string;
  durationS: number;
  connections: number;
  paths: string[];
  requests: { total: number; perSecond: number };
  latencyMs: { average: number; p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  resets: number;
  statusCodes: Record<string, number>;
  serverMemoryMb: { rssBefore: number; rssAfter: number; rssGrowth: number; heapBefore: number; heapAfter: number };
  checks: { noErrors: boolean; noTimeouts: boolean; all2xx: boolean; memoryFlat: boolean };
  ok: boolean;
}

const mb = (n: number) => Math.round((n / 1e6) * 10) / 10;

/** Starts the server process: build() on an in-memory database, limits raised, on 127.0.0.1. */
function startServer(): Promise<{ child: ChildProcess; port: number; memory(): Promise<Memory> }> {
  const child = fork(fileURLToPath(import.meta.url), ["--server"], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    // Limits raised through the operators' settings: 100 connections from one address.
    env: { ...process.env, RATE_LIMIT_API_PER_MIN: "1000000000", RATE_LIMIT_STATIC_PER_MIN: "1000000000", MAX_CONNECTIONS_PER_ADDRESS: "1000" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`load: the server process exited (${code}) before listening`)));
    child.once("message", (m: { port?: number }) => {
      if (typeof m.port !== "number") return reject(new Error(`load: unexpected message ${JSON.stringify(m)}`));
      const memory = () => new Promise<Memory>((res) => {
        child.once("message", (x) => res(x as Memory));
        child.send("memory");
      });
      resolve({ child, port: m.port, memory });
    });
  });
}

async function serve(): Promise<void> {
  const { build } = await import("../src/server/app");
  const { rateLimitsFromEnv } = await import("../src/server/http/rate-limit");
  const { connectionLimitsFromEnv } = await import("../src/server/http/connections");
  const app = await build({ dbPath: ":memory:", logger: false, rateLimit: rateLimitsFromEnv(process.env), connections: connectionLimitsFromEnv(process.env) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  process.on("message", (m) => {
    if (m !== "memory") return;
    (globalThis as { gc?: () => void }).gc?.();
    const u = process.memoryUsage();
    process.send!({ rss: u.rss, heapUsed: u.heapUsed });
  });
  process.on("disconnect", () => void app.close().then(() => process.exit(0)));
  process.send!({ port: (app.server.address() as { port: number }).port });
}

function fire(port: number, durationS: number, connections: number): Promise<AutocannonResult> {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: durationS,
    timeout: 10,
    requests: LOAD_PATHS.map((path) => ({ method: "GET", path })),
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const server = await startServer();
  try {
    // Warm-up: JIT, prepared statements, the search cache; memory is measured after it.
    await fire(server.port, options.warmupS ?? Math.min(5, options.durationS), Math.min(20, options.connections));
    const before = await server.memory();
    const r = await fire(server.port, options.durationS, options.connections);
    const after = await server.memory();
    const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
    const rssGrowth = mb(after.rss - before.rss);
    const checks = {
      noErrors: r.errors === 0,
      noTimeouts: r.timeouts === 0,
      all2xx: r.non2xx === 0 && r.requests.total > 0,
      memoryFlat: rssGrowth <= MAX_RSS_GROWTH_MB,
    };
    return {
      date: new Date().toISOString(),
      node: process.version,
      durationS: options.durationS,
      connections: options.connections,
      paths: LOAD_PATHS,
      requests: { total: r.requests.total, perSecond: Math.round(r.requests.average) },
      latencyMs: { average: r.latency.average, p50: r.latency.p50, p99: r.latency.p99, max: r.latency.max },
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      resets: r.resets,
      statusCodes,
      serverMemoryMb: { rssBefore: mb(before.rss), rssAfter: mb(after.rss), rssGrowth, heapBefore: mb(before.heapUsed), heapAfter: mb(after.heapUsed) },
      checks,
      ok: Object.values(checks).every(Boolean),
    };
  } finally {
    server.child.disconnect();
    server.child.kill();
  }
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!(Number.isFinite(v) && v > 0)) throw new Error(`load: --${name} must be a positive number`);
  return v;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes("--server")) {
    await serve();
  } else {
    const report = await runLoad({ durationS: arg("duration", 30), connections: arg("connections", 100) });
    const out = fileURLToPath(new URL("./load-report.json", import.meta.url));
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
    console.log(report.ok ? `load: ok, written to ${out}` : `load: FAILED checks ${JSON.stringify(report.checks)}`);
    process.exit(report.ok ? 0 : 1);
  }
}

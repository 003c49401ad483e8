// Load: autocannon against the data routes on loopback, the server in its own process (so the
// load generator does not share its event loop), the rate limit raised for the run. Checks no
// errors, no timeouts, only 2xx, and a flat memory (server RSS after a warm-up vs after the run,
// both after a full GC). Writes bench/load-report.json; exits 1 when a check fails.
//   node --import tsx bench/load.ts [--duration 30] [--connections 100]
//   node --import tsx bench/load.ts --postgres [--nodes 2]   several server processes on one
//     PostgreSQL database (a throwaway one on BENCH_POSTGRES_URL), the connections split between them.
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

export interface LoadOptions {
  durationS: number;
  connections: number;
  warmupS?: number;
  /** Server processes (default 1), each with its own pool, all on databaseUrl. */
  nodes?: number;
  /** PostgreSQL URL; without it each node has its own in-memory SQLite. */
  databaseUrl?: string;
}

export interface LoadReport {
  date: string;
  node: string;
  engine: "sqlite" | "postgres";
  nodes: number;
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

interface ServerProcess { child: ChildProcess; port: number; memory(): Promise<Memory> }

/** Starts a server process: build() on its database, limits raised, on 127.0.0.1. */
function startServer(databaseUrl?: string): Promise<ServerProcess> {
  const child = fork(fileURLToPath(import.meta.url), ["--server"], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    // Limits raised through the operators' settings: 100 connections from one address.
    env: {
      ...process.env, RATE_LIMIT_API_PER_MIN: "1000000000", RATE_LIMIT_STATIC_PER_MIN: "1000000000", MAX_CONNECTIONS_PER_ADDRESS: "1000",
      LOAD_DATABASE_URL: databaseUrl ?? "",
    },
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
  const { postgresConfig } = await import("../src/server/db/config");
  const url = process.env.LOAD_DATABASE_URL;
  const database = url ? postgresConfig(url, process.env) : { engine: "sqlite" as const, path: ":memory:" };
  const app = await build({ database, logger: false, rateLimit: rateLimitsFromEnv(process.env), connections: connectionLimitsFromEnv(process.env) });
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

/** Runs autocannon against every node at once, the connections split between them, and adds up. */
async function fireAll(servers: ServerProcess[], durationS: number, connections: number): Promise<AutocannonResult> {
  const per = Math.max(1, Math.floor(connections / servers.length));
  const rs = await Promise.all(servers.map((s) => fire(s.port, durationS, per)));
  if (rs.length === 1) return rs[0]!;
  const sum = (f: (r: AutocannonResult) => number) => rs.reduce((a, r) => a + f(r), 0);
  const statusCodeStats: Record<string, { count: number }> = {};
  for (const r of rs) for (const [k, v] of Object.entries(r.statusCodeStats)) statusCodeStats[k] = { count: (statusCodeStats[k]?.count ?? 0) + v.count };
  const total = sum((r) => r.requests.total);
  const weighted = (f: (r: AutocannonResult) => number) => (total ? sum((r) => f(r) * r.requests.total) / total : 0);
  return {
    ...rs[0]!,
    requests: { ...rs[0]!.requests, total, sent: sum((r) => r.requests.sent), average: sum((r) => r.requests.average) },
    // Per-node percentiles cannot be merged exactly: the worst node's p99 and max, request-weighted means.
    latency: {
      ...rs[0]!.latency,
      average: weighted((r) => r.latency.average), mean: weighted((r) => r.latency.mean), p50: weighted((r) => r.latency.p50),
      p99: Math.max(...rs.map((r) => r.latency.p99)), max: Math.max(...rs.map((r) => r.latency.max)),
    },
    errors: sum((r) => r.errors), timeouts: sum((r) => r.timeouts), non2xx: sum((r) => r.non2xx), resets: sum((r) => r.resets),
    statusCodeStats,
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadReport> {
  const nodes = options.nodes ?? 1;
  const servers: ServerProcess[] = [];
  try {
    // Started together: on one empty PostgreSQL database they migrate and seed it once between them.
    servers.push(...await Promise.all(Array.from({ length: nodes }, () => startServer(options.databaseUrl))));
    // Warm-up: JIT, statements, the caches; memory is measured after it.
    await fireAll(servers, options.warmupS ?? Math.min(5, options.durationS), Math.min(20 * nodes, options.connections));
    const before = await Promise.all(servers.map((s) => s.memory()));
    const r = await fireAll(servers, options.durationS, options.connections);
    const after = await Promise.all(servers.map((s) => s.memory()));
    const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([k, v]) => [k, v.count]));
    const add = (ms: Memory[], k: keyof Memory) => ms.reduce((a, m) => a + m[k], 0);
    const growths = servers.map((_, i) => mb(after[i]!.rss - before[i]!.rss));
    const rssGrowth = Math.max(...growths);
    const checks = {
      noErrors: r.errors === 0,
      noTimeouts: r.timeouts === 0,
      all2xx: r.non2xx === 0 && r.requests.total > 0,
      memoryFlat: rssGrowth <= MAX_RSS_GROWTH_MB,
    };
    return {
      date: new Date().toISOString(),
      node: process.version,
      engine: options.databaseUrl ? "postgres" : "sqlite",
      nodes,
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
      // Summed over the nodes; rssGrowth is the largest growth of one node.
      serverMemoryMb: {
        rssBefore: mb(add(before, "rss")), rssAfter: mb(add(after, "rss")), rssGrowth,
        heapBefore: mb(add(before, "heapUsed")), heapAfter: mb(add(after, "heapUsed")),
      },
      checks,
      ok: Object.values(checks).every(Boolean),
    };
  } finally {
    for (const s of servers) {
      s.child.disconnect();
      s.child.kill();
    }
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
    const postgres = process.argv.includes("--postgres");
    const db = postgres ? await (await import("./api")).benchDatabase("load") : null;
    let report: LoadReport;
    try {
      report = await runLoad({
        durationS: arg("duration", 30), connections: arg("connections", 100),
        nodes: arg("nodes", postgres ? 2 : 1), ...(db ? { databaseUrl: db.url } : {}),
      });
    } finally {
      await db?.drop();
    }
    const out = fileURLToPath(new URL(postgres ? "./load-report-postgres.json" : "./load-report.json", import.meta.url));
    writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
    console.log(report.ok ? `load: ok, written to ${out}` : `load: FAILED checks ${JSON.stringify(report.checks)}`);
    process.exit(report.ok ? 0 : 1);
  }
}

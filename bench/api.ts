// The API half of the bench: autocannon against the app's server in a child process, with a
// browser's Accept-Encoding, each run of a data route between two runs of a bare route of the same
// server, the ratio taken per round and its median reported (api-rounds.ts says why and how);
// once on the embedded SQLite and once on PostgreSQL (a throwaway database on BENCH_POSTGRES_URL,
// default the local server; skipped with the reason when it cannot be reached).
// `node --import tsx bench/api.ts` measures only the API and puts it into bench/report.json/.md.
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { renderMarkdown, type ApiEngineReport, type ApiRoute, type Report } from "./report";
import { BARE, ratioSummary, roundRatios, runOrder } from "./api-rounds";
import { summarize } from "./stats";

export interface RouteRun {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface ApiServer {
  origin: string;
  close(): Promise<void>;
}

export async function startApiServer(env: Record<string, string> = {}): Promise<ApiServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/api-server.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    // The operators' switch (README, Reliability): from one address a load generator would measure only 429s.
    env: { ...process.env, RATE_LIMIT: "off", ...env },
  });
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error("api-server did not print its port in 60 s")), 60_000);
    child.once("exit", (code) => reject(new Error(`api-server exited with ${code} before listening`)));
    lines.once("line", (line) => {
      clearTimeout(timer);
      try {
        resolve((JSON.parse(line) as { port: number }).port);
      } catch {
        reject(new Error(`api-server printed ${JSON.stringify(line)}, not {"port": N}`));
      }
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/**
 * What a browser sends: every browser asks for compressed answers, and the API keeps them so
 * (a search answer is 28 KB as identity, 1.3 KB as br). Without it the bench would measure the
 * loopback copying bodies no visitor receives.
 */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export async function runRoute(url: string, seconds: number, connections: number, headers: Record<string, string> = { "accept-encoding": BROWSER_ACCEPT_ENCODING }): Promise<RouteRun> {
  const r = await autocannon({ url, duration: seconds, connections, headers });
  return {
    // Requests over the run's measured length: with runs of a few seconds the per-second average
    // would rest on two or three samples.
    requestsPerSecond: r.duration > 0 ? r.requests.total / r.duration : r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

export interface ApiSettings {
  apiRounds: number;
  apiSeconds: number;
  apiConnections: number;
  /** Accept-Encoding of every request; default a browser's (BENCH_API_ACCEPT_ENCODING=identity measures uncompressed answers). */
  apiAcceptEncoding?: string;
}

/**
 * Rounds and seconds per run: 10 x (3 routes + 3 bare) x 1 s, about 65 s of runs per engine.
 * Short runs keep the bare runs that bracket a route close to it in time, and many rounds let
 * the median pass over the rounds a burst of other work on the machine disturbed (7 rounds of 2 s
 * still had medians off by 0.15 at load average 11).
 */
export const API_DEFAULTS = { apiRounds: 10, apiSeconds: 1, apiConnections: 10 } as const;

/** Measures the data routes against /bench/bare of one server (the order and the ratios: api-rounds.ts). */
async function measureServer(api: ApiServer, settings: ApiSettings, log: (s: string) => void, failures: string[], label: string): Promise<{ routes: Record<string, ApiRoute> }> {
  const search = await fetch(`${api.origin}/api/v1/search?q=paspor`).then((r) => r.json() as Promise<unknown>);
  const firstId = JSON.stringify(search).match(/"id":"(\d{4}-[^"]+)"/)?.[1];
  if (!firstId) throw new Error("API: /api/v1/search?q=paspor returned no service id to benchmark /services/{id}");
  const routes: Record<string, string> = {
    [BARE]: "/bench/bare",
    regions: "/api/v1/regions",
    service: `/api/v1/services/${encodeURIComponent(firstId)}`,
    search: "/api/v1/search?q=paspor",
  };
  const headers = { "accept-encoding": settings.apiAcceptEncoding ?? BROWSER_ACCEPT_ENCODING };
  for (const [name, path] of Object.entries(routes)) {
    const res = await fetch(api.origin + path, { headers });
    if (res.status !== 200) throw new Error(`API: ${path} answered ${res.status}, not 200`);
    await res.arrayBuffer();
    await runRoute(api.origin + path, 1, settings.apiConnections, headers); // warm-up, not recorded
    log(`  ${label}: warmed ${name}`);
  }
  const order = runOrder(Object.keys(routes).filter((k) => k !== BARE), settings.apiRounds);
  const samples: RouteRun[] = [];
  const runs: Record<string, RouteRun[]> = Object.fromEntries(Object.keys(routes).map((k) => [k, []]));
  for (let i = 0; i < order.length; i++) {
    const name = order[i]!;
    const r = await runRoute(api.origin + routes[name]!, settings.apiSeconds, settings.apiConnections, headers);
    const round = Math.min(settings.apiRounds, Math.floor(i / (2 * (Object.keys(routes).length - 1))) + 1);
    if (r.errors || r.non2xx) failures.push(`API ${label} ${name} round ${round}: ${r.errors} errors, ${r.non2xx} non-2xx`);
    samples.push(r);
    runs[name]!.push(r);
    if (name !== BARE) {
      const before = samples[i - 1]!.requestsPerSecond;
      log(`API ${label} round ${round}/${settings.apiRounds}: ${name} ${r.requestsPerSecond.toFixed(0)}/s, the bare run before it ${before.toFixed(0)}/s (${(r.requestsPerSecond / before).toFixed(2)}x)`);
    }
  }
  const ratios = roundRatios(order, samples);
  const summaries: Record<string, ApiRoute> = {};
  for (const [name, path] of Object.entries(routes)) {
    const rs = runs[name]!;
    const perRound = ratios[name];
    const rpsRatio = perRound ? ratioSummary(perRound.requestsPerSecond) : null;
    summaries[name] = {
      path,
      requestsPerSecond: summarize(rs.map((r) => r.requestsPerSecond)),
      p50Ms: summarize(rs.map((r) => r.p50Ms)),
      p99Ms: summarize(rs.map((r) => r.p99Ms)),
      // The bare route is its own baseline: 1 by definition.
      ratio: perRound
        ? { requestsPerSecond: rpsRatio?.median ?? null, p50: ratioSummary(perRound.p50)?.median ?? null, p99: ratioSummary(perRound.p99)?.median ?? null }
        : { requestsPerSecond: 1, p50: 1, p99: 1 },
      ...(rpsRatio ? { roundRatios: rpsRatio } : {}),
    };
  }
  return { routes: summaries };
}

export const BENCH_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://mpp:mpp-test@localhost:5432/postgres";

/** A throwaway PostgreSQL database for a bench run; drop() removes it. */
export async function benchDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: BENCH_POSTGRES_URL, connectionTimeoutMillis: 3000 });
    await c.connect();
    try { await c.query(q); } finally { await c.end(); }
  };
  const name = `mpp_bench_${label}_${process.pid}`;
  await admin(`drop database if exists "${name}" with (force)`);
  await admin(`create database "${name}"`);
  const url = new URL(BENCH_POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/** The API on both engines: SQLite in memory, then PostgreSQL (or the reason it was not measured). */
export async function measureApi(settings: ApiSettings, log: (s: string) => void, failures: string[]): Promise<Report["api"]> {
  const engines: Record<string, ApiEngineReport> = {};
  for (const engine of ["sqlite", "postgres"] as const) {
    let db: { url: string; drop(): Promise<void> } | null = null;
    let api: ApiServer | null = null;
    try {
      if (engine === "postgres") db = await benchDatabase("api");
      log(`API on ${engine}: autocannon against a child server`);
      api = await startApiServer(db ? { BENCH_DATABASE_URL: db.url } : {});
      engines[engine] = await measureServer(api, settings, log, failures, engine);
    } catch (e) {
      engines[engine] = { error: `API on ${engine}: ${(e as Error).message.split("\n")[0]!.replace(/^API: /, "")}` };
      failures.push((engines[engine] as { error: string }).error);
    } finally {
      await api?.close();
      await db?.drop().catch(() => undefined);
    }
  }
  return { engines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const report = JSON.parse(readFileSync("bench/report.json", "utf8")) as Report;
  const settings = {
    apiRounds: Number(process.env.BENCH_API_ROUNDS ?? API_DEFAULTS.apiRounds),
    apiSeconds: Number(process.env.BENCH_API_SECONDS ?? API_DEFAULTS.apiSeconds),
    apiConnections: API_DEFAULTS.apiConnections,
    apiAcceptEncoding: process.env.BENCH_API_ACCEPT_ENCODING ?? BROWSER_ACCEPT_ENCODING,
  };
  const failures: string[] = [];
  const loadAtStart = loadavg()[0]!;
  report.api = await measureApi(settings, (s) => process.stderr.write(`[bench api] ${s}\n`), failures);
  report.apiDate = new Date().toISOString();
  report.apiLoadAverage = `${loadAtStart.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}`;
  // The settings the API section was measured with (the rest of the report may be older).
  report.settings = { ...report.settings, ...settings };
  writeFileSync("bench/report.json", `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync("bench/report.md", renderMarkdown(report));
  process.stderr.write(`bench/report.json and bench/report.md: API section updated${failures.length ? `; problems: ${failures.join(" | ")}` : ""}\n`);
}

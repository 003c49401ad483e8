// The API half of the bench: autocannon against the app's server in a child process, each route
// next to a bare route of the same server, interleaved round by round so drift hits both alike;
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
import { median, ratio, summarize } from "./stats";

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

export async function runRoute(url: string, seconds: number, connections: number): Promise<RouteRun> {
  const r = await autocannon({ url, duration: seconds, connections });
  return {
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

export interface ApiSettings { apiRounds: number; apiSeconds: number; apiConnections: number }

/** Measures the data routes against /bench/bare of one server. */
async function measureServer(api: ApiServer, settings: ApiSettings, log: (s: string) => void, failures: string[], label: string): Promise<{ routes: Record<string, ApiRoute> }> {
  const search = await fetch(`${api.origin}/api/v1/search?q=paspor`).then((r) => r.json() as Promise<unknown>);
  const firstId = JSON.stringify(search).match(/"id":"(\d{4}-[^"]+)"/)?.[1];
  if (!firstId) throw new Error("API: /api/v1/search?q=paspor returned no service id to benchmark /services/{id}");
  const routes: Record<string, string> = {
    bare: "/bench/bare",
    regions: "/api/v1/regions",
    service: `/api/v1/services/${encodeURIComponent(firstId)}`,
    search: "/api/v1/search?q=paspor",
  };
  for (const [name, path] of Object.entries(routes)) {
    const res = await fetch(api.origin + path);
    if (res.status !== 200) throw new Error(`API: ${path} answered ${res.status}, not 200`);
    await res.arrayBuffer();
    await runRoute(api.origin + path, 1, settings.apiConnections); // warm-up, not recorded
    log(`  ${label}: warmed ${name}`);
  }
  const runs: Record<string, RouteRun[]> = Object.fromEntries(Object.keys(routes).map((k) => [k, []]));
  for (let round = 0; round < settings.apiRounds; round++) {
    for (const [name, path] of Object.entries(routes)) {
      const r = await runRoute(api.origin + path, settings.apiSeconds, settings.apiConnections);
      if (r.errors || r.non2xx) failures.push(`API ${label} ${name} round ${round + 1}: ${r.errors} errors, ${r.non2xx} non-2xx`);
      runs[name]!.push(r);
    }
    log(`API ${label} round ${round + 1}/${settings.apiRounds}: ${Object.entries(runs).map(([k, v]) => `${k} ${v.at(-1)!.requestsPerSecond.toFixed(0)}/s`).join(", ")}`);
  }
  const summaries: Record<string, ApiRoute> = {};
  const bare = runs.bare!;
  const bareRps = median(bare.map((r) => r.requestsPerSecond));
  const bareP50 = median(bare.map((r) => r.p50Ms));
  const bareP99 = median(bare.map((r) => r.p99Ms));
  for (const [name, path] of Object.entries(routes)) {
    const rs = runs[name]!;
    const rps = summarize(rs.map((r) => r.requestsPerSecond));
    const p50 = summarize(rs.map((r) => r.p50Ms));
    const p99 = summarize(rs.map((r) => r.p99Ms));
    summaries[name] = {
      path, requestsPerSecond: rps, p50Ms: p50, p99Ms: p99,
      ratio: { requestsPerSecond: ratio(rps.median, bareRps), p50: ratio(p50.median, bareP50), p99: ratio(p99.median, bareP99) },
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
  const settings = { apiRounds: Number(process.env.BENCH_API_ROUNDS ?? 3), apiSeconds: Number(process.env.BENCH_API_SECONDS ?? 5), apiConnections: 10 };
  const failures: string[] = [];
  const loadAtStart = loadavg()[0]!;
  report.api = await measureApi(settings, (s) => process.stderr.write(`[bench api] ${s}\n`), failures);
  report.apiDate = new Date().toISOString();
  report.apiLoadAverage = `${loadAtStart.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}`;
  writeFileSync("bench/report.json", `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync("bench/report.md", renderMarkdown(report));
  process.stderr.write(`bench/report.json and bench/report.md: API section updated${failures.length ? `; problems: ${failures.join(" | ")}` : ""}\n`);
}

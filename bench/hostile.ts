// What one hostile client can take from the server (issue 19), measured the same way before and
// after a change: the server runs in its own process (bench/hostile-server.ts) and reports its own
// RSS, CPU time and open connections; the probes here are raw sockets on loopback.
//   node --import tsx bench/hostile.ts [--app path/to/src/server/app.ts] [--stalled 500] [--quick]
// Prints a JSON report (and writes bench/hostile-report.json). Not part of npm test: the
// bounded versions of these probes are test/server/hostile-memory.test.ts and connections.test.ts.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Agent, get } from "node:http";
import { connect, type Socket } from "node:net";
import { fileURLToPath } from "node:url";
import type { ServerStats } from "./hostile-server";

export const GLB_PATH = "/assets/xr-input/profiles/oculus-touch-v3/left.glb";

export interface HostileServer {
  port: number;
  child: ChildProcess;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Starts the app in a child process; `options` go to build(), `app` names another app module. */
export function startServer(opts: { app?: string; options?: Record<string, unknown>; env?: Record<string, string> } = {}): Promise<HostileServer> {
  const child = fork(fileURLToPath(new URL("./hostile-server.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx", "--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: {
      ...process.env,
      ...opts.env,
      ...(opts.app ? { HOSTILE_APP: opts.app } : {}),
      HOSTILE_OPTIONS: JSON.stringify(opts.options ?? {}),
    },
  });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    const early = (code: number | null) => reject(new Error(`hostile: the server exited (${code}) before listening`));
    child.once("exit", early);
    child.once("message", (m: { port?: number }) => {
      child.off("exit", early);
      if (typeof m.port !== "number") return reject(new Error(`hostile: unexpected message ${JSON.stringify(m)}`));
      const stats = () => new Promise<ServerStats>((res) => {
        child.once("message", (x) => res(x as ServerStats));
        child.send("stats");
      });
      const stop = () => new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once("exit", () => res());
        child.disconnect();
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      });
      resolve({ port: m.port, child, stats, stop });
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function request(path: string, headers: Record<string, string> = {}): string {
  const lines = [`GET ${path} HTTP/1.1`, "Host: localhost", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return `${lines.join("\r\n")}\r\n\r\n`;
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: "127.0.0.1" }, () => resolve(s));
    s.once("error", reject);
  });
}

/** n sockets ask for `path` and never read; held for holdMs, then all closed. */
export async function stalledRound(port: number, n: number, opts: { path?: string; headers?: Record<string, string>; holdMs?: number } = {}): Promise<void> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i++) {
    const s = await open(port).catch(() => null);
    if (!s) continue;
    s.on("error", () => {});
    s.pause();
    s.write(request(opts.path ?? GLB_PATH, opts.headers ?? { "Accept-Encoding": "br" }));
    sockets.push(s);
  }
  await sleep(opts.holdMs ?? 2000);
  for (const s of sockets) s.destroy();
  await sleep(300);
}

/** n requests, `concurrency` at a time, each closing its socket after the first chunk (a browser navigating away). */
export async function abortRound(port: number, n: number, opts: { concurrency?: number; path?: string; headers?: Record<string, string> } = {}): Promise<number> {
  let started = 0;
  let aborted = 0;
  const one = () => new Promise<void>((resolve) => {
    const s = connect({ port, host: "127.0.0.1" });
    const done = () => { s.destroy(); resolve(); };
    s.once("data", () => { aborted++; done(); });
    s.once("error", done);
    s.once("close", done);
    s.setTimeout(10_000, done);
    s.write(request(opts.path ?? GLB_PATH, opts.headers ?? { "Accept-Encoding": "br" }));
  });
  const worker = async () => {
    while (started < n) {
      started++;
      await one();
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 50 }, worker));
  return aborted;
}

/** Full downloads over keep-alive sockets; returns the body bytes received on the wire (not decoded). */
export async function downloads(port: number, n: number, opts: { concurrency?: number; path?: string; acceptEncoding?: string } = {}): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency ?? 4 });
  let bytes = 0;
  let started = 0;
  const one = () => new Promise<void>((resolve, reject) => {
    const req = get({ host: "127.0.0.1", port, path: opts.path ?? GLB_PATH, agent, headers: { "accept-encoding": opts.acceptEncoding ?? "identity" } }, (res) => {
      res.on("data", (c: Buffer) => { bytes += c.length; });
      res.on("end", () => resolve());
      res.on("error", reject);
    });
    req.on("error", reject);
  });
  const worker = async () => {
    while (started < n) {
      started++;
      await one();
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));
  } finally {
    agent.destroy();
  }
  return bytes;
}

/**
 * n sockets that send half a request head and nothing more (slowloris); how many the server still
 * holds after each wait (its own count: a client that reads nothing never sees the server's FIN).
 */
export async function slowHeaders(port: number, n: number, checkpointsMs: number[], stats: () => Promise<ServerStats>): Promise<{ connected: number; heldAt: Record<string, number> }> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i++) {
    const s = await open(port).catch(() => null);
    if (!s) continue;
    s.on("error", () => {});
    s.write("GET / HTTP/1.1\r\nHost: localhost\r\n");
    sockets.push(s);
  }
  const heldAt: Record<string, number> = {};
  const t0 = Date.now();
  for (const at of checkpointsMs) {
    await sleep(Math.max(0, at - (Date.now() - t0)));
    heldAt[`${at / 1000}s`] = (await stats()).connections;
  }
  for (const s of sockets) s.destroy();
  return { connected: sockets.length, heldAt };
}

/** One client asks for `path` and never reads: ms until the server holds no connection, or null if it still does at maxMs. */
export async function pausedReader(port: number, maxMs: number, stats: () => Promise<ServerStats>, path = GLB_PATH): Promise<number | null> {
  const s = await open(port);
  s.on("error", () => {});
  s.pause();
  const t0 = Date.now();
  s.write(request(path, {}));
  try {
    while (Date.now() - t0 < maxMs) {
      await sleep(500);
      if ((await stats()).connections === 0) return Date.now() - t0;
    }
    return null;
  } finally {
    s.destroy();
  }
}

const mb = (n: number) => Math.round(n / 1e5) / 10;

async function main(): Promise<void> {
  const arg = (name: string) => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
  const app = arg("app");
  const stalled = Number(arg("stalled") ?? 500);
  const aborts = Number(arg("aborts") ?? 3000);
  // Connection caps raised for the memory rounds: they measure what each held socket costs.
  const raised = { connections: { max: 100_000, perAddress: 100_000 } };
  const report: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, app: app ?? "this tree" };

  let s = await startServer({ app, options: raised });
  try {
    await downloads(s.port, 2, { acceptEncoding: "br" });
    const base = await s.stats();
    const rounds: number[] = [];
    for (let r = 0; r < 3; r++) {
      await stalledRound(s.port, stalled);
      rounds.push(mb((await s.stats()).rss));
    }
    const afterAborts: number[] = [];
    for (let r = 0; r < 3; r++) {
      await abortRound(s.port, aborts / 3);
      afterAborts.push(mb((await s.stats()).rss));
    }
    report.memory = {
      what: `server RSS (MB, after GC): start; after each of 3 rounds of ${stalled} stalled br downloads of ${GLB_PATH} (sockets closed); after each of 3 rounds of ${aborts / 3} downloads aborted after the first chunk`,
      start: mb(base.rss), afterStalledRounds: rounds, afterAbortRounds: afterAborts,
    };
  } finally {
    await s.stop();
  }

  s = await startServer({ app, options: raised });
  try {
    const n = 200;
    const cpu: Record<string, unknown> = {};
    report.cpu = cpu;
    await downloads(s.port, 4, { acceptEncoding: "gzip, deflate, br" });
    for (const [name, enc] of [["browser (gzip, deflate, br)", "gzip, deflate, br"], ["deflate only", "deflate"], ["identity", undefined]] as const) {
      const a = await s.stats();
      const t0 = performance.now();
      const bytes = await downloads(s.port, n, { acceptEncoding: enc });
      const ms = performance.now() - t0;
      const b = await s.stats();
      cpu[name] = {
        cpuMsPerDownload: Math.round((b.cpuUs - a.cpuUs) / n / 10) / 100,
        bytesPerDownload: Math.round(bytes / n),
        downloadsPerS: Math.round(n / (ms / 1000)),
      };
    }
  } finally {
    await s.stop();
  }

  // A 16 MB file: more than loopback's socket buffers hold, so a client that does not read stalls the response.
  const big = mkdtempSync(join(tmpdir(), "mpp-hostile-"));
  writeFileSync(join(big, "big.bin"), randomBytes(16 * 1024 * 1024));
  s = await startServer({ app, options: { assetsDir: big } });
  try {
    report.connections = {
      slowHeaders: { what: "2,000 sockets from one address sending half a request head, default settings; connections the server holds", ...(await slowHeaders(s.port, 2000, [2000, 12_000, 32_000], s.stats)) },
      pausedReaderDroppedAfterMs: await pausedReader(s.port, 75_000, s.stats, "/assets/big.bin"),
    };
  } finally {
    await s.stop();
    rmSync(big, { recursive: true, force: true });
  }
  const out = fileURLToPath(new URL("./hostile-report.json", import.meta.url));
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();

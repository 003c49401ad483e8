// The API half of the bench: autocannon against the app's server in a child process, each route
// next to a bare route of the same server, interleaved round by round so drift hits both alike.
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

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

export async function startApiServer(): Promise<ApiServer> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "bench/api-server.ts"], {
    stdio: ["ignore", "pipe", "inherit"],
    // The operators' switch (README, Reliability): from one address a load generator would measure only 429s.
    env: { ...process.env, RATE_LIMIT: "off" },
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

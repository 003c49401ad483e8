// The server process for bench/hostile.ts and test/server/hostile-memory.test.ts: the app's
// build() on an in-memory database, on 127.0.0.1, answering "stats" over IPC with its own RSS,
// heap, CPU time and open connections (after a full GC), so the load generator's memory and CPU
// never mix in. HOSTILE_APP names the module to import build() from (default: this tree's app), so
// the same probes can be run against an older checkout; HOSTILE_OPTIONS is JSON for build().
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

type Build = (o: Record<string, unknown>) => Promise<{
  listen(o: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
  server: { address(): unknown; getConnections(cb: (err: Error | null, n: number) => void): void };
}>;

const appModule = process.env.HOSTILE_APP ? pathToFileURL(resolve(process.env.HOSTILE_APP)).href : "../src/server/app.ts";
const { build } = (await import(appModule)) as { build: Build };
const options = JSON.parse(process.env.HOSTILE_OPTIONS ?? "{}") as Record<string, unknown>;
const app = await build({ dbPath: ":memory:", logger: false, rateLimit: false, ...options });
await app.listen({ port: 0, host: "127.0.0.1" });

export interface ServerStats { rss: number; heapUsed: number; external: number; cpuUs: number; connections: number }

process.on("message", (m) => {
  if (m !== "stats") return;
  (globalThis as { gc?: () => void }).gc?.();
  const u = process.memoryUsage();
  const c = process.cpuUsage();
  app.server.getConnections((_err, connections) => {
    const stats: ServerStats = { rss: u.rss, heapUsed: u.heapUsed, external: u.external, cpuUs: c.user + c.system, connections };
    process.send!(stats);
  });
});
process.on("disconnect", () => void app.close().finally(() => process.exit(0)));
process.send!({ port: (app.server.address() as { port: number }).port });

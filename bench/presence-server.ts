// The server side of bench/presence.ts: the real app (build(), in-memory database, presence from
// PRESENCE_BENCH_OPTIONS) in its own process, so its CPU and memory are measured apart from the
// simulated clients. Prints "PORT <n>"; answers "stats" over IPC with cpuUsage and memoryUsage.
import { build } from "../src/server/app";

const presence = JSON.parse(process.env.PRESENCE_BENCH_OPTIONS ?? "{}") as Record<string, unknown>;
const app = await build({ dbPath: ":memory:", presence, rateLimit: false });
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
console.log(`PORT ${typeof address === "object" && address ? address.port : 0}`);
process.on("message", (m) => {
  if (m === "stats") process.send!({ cpu: process.cpuUsage(), mem: process.memoryUsage(), at: performance.now() });
});
process.on("disconnect", () => { void app.close().then(() => process.exit(0)); });

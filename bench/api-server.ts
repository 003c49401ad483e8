// The API server for the bench, in its own process so the load generator (autocannon, in the
// bench's process) does not share its event loop. It is the app's server (build()) with one extra
// route, /bench/bare, that does nothing: the baseline for the API figures. The rate limit comes from
// the environment like the real server's (bench/api.ts sets RATE_LIMIT=off). Database: PostgreSQL
// when BENCH_DATABASE_URL is set, else an in-memory SQLite. Prints {"port": N}.
import { build } from "../src/server/app";
import { postgresConfig } from "../src/server/db/config";
import { rateLimitsFromEnv } from "../src/server/http/rate-limit";

const url = process.env.BENCH_DATABASE_URL;
const app = await build({
  database: url ? postgresConfig(url, process.env) : { engine: "sqlite", path: ":memory:" },
  logger: false,
  rateLimit: rateLimitsFromEnv(process.env),
});
// build() returns before fastify is ready, so routes can still be added here.
app.get("/bench/bare", async () => ({ ok: true }));
await app.listen({ port: 0, host: "127.0.0.1" });
const port = (app.server.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on("SIGTERM", () => {
  app.close().then(() => process.exit(0), () => process.exit(1));
});

// Entry point: `npm start` (after the build) or `npm run serve`. Reads PORT, HOST, the database
// (DATABASE_URL for PostgreSQL, else DB_PATH; pool settings in db/config.ts), LOG_LEVEL,
// LOG_SUMMARY_SECONDS, REDIS_URL, the RATE_LIMIT* and MAX_CONNECTIONS* settings (README, Reliability)
// and, for HTTPS (headsets on the LAN), HTTPS_CERT + HTTPS_KEY or HTTPS=self-signed (see tls.ts).
// Every start failure is one line on stderr saying what is wrong and what to do, and exit code 1.
import { resolve } from "node:path";
import { build, DEFAULTS } from "./app";
import { databaseConfigFromEnv, describeTarget } from "./db/config";
import { connectionLimitsFromEnv } from "./http/connections";
import { loggerOptions } from "./http/logging";
import { rateLimitsFromEnv } from "./http/rate-limit";
import { checkSqliteBinding, explainStartError, startupWarnings } from "./startup";
import { publicOriginsFromEnv } from "./auth/origin";
import { feedbackSettingsFromEnv, type FeedbackSettings } from "./feedback/settings";
import { queueOptionsFromEnv } from "./queue/env";
import { lanAddresses, tlsFromEnv } from "./tls";

function fail(message: string): never {
  console.error(`MPP Digital XR cannot start: ${message}`);
  process.exit(1);
}

function setting<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    return fail((e as Error).message);
  }
}

const env = process.env;
const port = Number(env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(env.PORT)}`);
const host = env.HOST ?? "0.0.0.0";
const database = setting(() => databaseConfigFromEnv(env));
// What start-failure messages name: the SQLite file, or "PostgreSQL at host:port, database name" (no password).
const dbPath = database.engine === "sqlite" ? database.path : describeTarget(database);
const summarySeconds = Number(env.LOG_SUMMARY_SECONDS ?? 300);
if (!(Number.isFinite(summarySeconds) && summarySeconds >= 0)) fail(`LOG_SUMMARY_SECONDS must be a number of seconds (0: no summary), got ${JSON.stringify(env.LOG_SUMMARY_SECONDS)}`);
const rateLimit = setting(() => rateLimitsFromEnv(env));
const connections = setting(() => connectionLimitsFromEnv(env));
const logger = setting(() => loggerOptions(env.LOG_LEVEL));
const redisUrl = env.REDIS_URL?.trim() || null;
const publicOrigins = setting(() => publicOriginsFromEnv(env.PUBLIC_ORIGIN));
const feedback: Partial<FeedbackSettings> = setting(() => feedbackSettingsFromEnv(env));
const queue = setting(() => queueOptionsFromEnv(env));

await checkSqliteBinding().catch((e) => fail(explainStartError(e, { dbPath, port, host })));
const tls = await tlsFromEnv(env, { dir: resolve("data/tls") }).catch((e: Error) => fail(e.message));
const app = await build({ database, logger, https: tls, rateLimit, redisUrl, connections, logSummaryMs: summarySeconds * 1000, officers: { publicOrigins }, feedback, queue })
  .catch((e) => fail(explainStartError(e, { dbPath, port, host })));
await app.listen({ port, host }).catch((e) => fail(explainStartError(e, { dbPath, port, host })));

const scheme = tls ? "https" : "http";
const actualPort = (app.server.address() as { port: number } | null)?.port ?? port;
app.log.info(`MPP Digital XR: ${scheme}://localhost:${actualPort} (database: ${describeTarget(database)})`);
if (host === "0.0.0.0" || host === "::") {
  for (const ip of lanAddresses()) app.log.info(`on the local network: ${scheme}://${ip}:${actualPort}`);
}
if (tls) app.log.info(`TLS certificate (${tls.source}${tls.generated ? ", new" : ""}) SHA-256 ${tls.fingerprint}`);
app.log.info(rateLimit
  ? `rate limits per client a minute: API ${rateLimit.api.max}, files ${rateLimit.static.max}, writes ${rateLimit.write.max}, sockets ${rateLimit.connect.max}; ${redisUrl ? "shared by all nodes through Redis" : "counted by this node alone (no REDIS_URL)"}`
  : "rate limits are off (RATE_LIMIT=off)");
for (const w of startupWarnings({ distDir: DEFAULTS.distDir })) app.log.warn(w);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: closing`);
    app.close().then(() => process.exit(0), () => process.exit(1));
  });
}

// Entry point: `npm start` (after the build) or `npm run serve`. Reads PORT, HOST, DB_PATH and,
// for HTTPS (headsets on the LAN), HTTPS_CERT + HTTPS_KEY or HTTPS=self-signed (see tls.ts).
import { resolve } from "node:path";
import { build } from "./app";
import { lanAddresses, tlsFromEnv } from "./tls";

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
const host = process.env.HOST ?? "0.0.0.0";
const dbPath = resolve(process.env.DB_PATH ?? "data/mpp.sqlite");

const tls = await tlsFromEnv(process.env, { dir: resolve("data/tls") }).catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
const app = await build({ dbPath, logger: { level: process.env.LOG_LEVEL ?? "info" }, https: tls });
await app.listen({ port, host });
const scheme = tls ? "https" : "http";
app.log.info(`MPP Digital XR: ${scheme}://localhost:${port} (database ${dbPath})`);
if (host === "0.0.0.0" || host === "::") {
  for (const ip of lanAddresses()) app.log.info(`on the local network: ${scheme}://${ip}:${port}`);
}
if (tls) app.log.info(`TLS certificate (${tls.source}${tls.generated ? ", new" : ""}) SHA-256 ${tls.fingerprint}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: closing`);
    app.close().then(() => process.exit(0), () => process.exit(1));
  });
}

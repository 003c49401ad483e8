// Entry point: `npm start` (after the build) or `npm run serve`. Reads PORT, HOST and DB_PATH.
import { resolve } from "node:path";
import { build } from "./app";

const port = Number(process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got ${JSON.stringify(process.env.PORT)}`);
  process.exit(1);
}
const host = process.env.HOST ?? "0.0.0.0";
const dbPath = resolve(process.env.DB_PATH ?? "data/mpp.sqlite");

const app = await build({ dbPath, logger: { level: process.env.LOG_LEVEL ?? "info" } });
await app.listen({ port, host });
app.log.info(`MPP Digital XR: http://localhost:${port} (database ${dbPath})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: closing`);
    app.close().then(() => process.exit(0), () => process.exit(1));
  });
}

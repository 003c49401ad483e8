// A presence node in its own process (for tests that kill a node): fastify with the presence plugin
// only (quick to start), on a free port; prints "PORT <n>" and runs until killed. Settings come as
// JSON in PRESENCE_TEST_OPTIONS.
import Fastify from "fastify";
import { presencePlugin } from "../../src/server/presence/plugin";

const options = JSON.parse(process.env.PRESENCE_TEST_OPTIONS ?? "{}") as Record<string, unknown>;
const app = Fastify();
await app.register(presencePlugin, options);
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
console.log(`PORT ${typeof address === "object" && address ? address.port : 0}`);

// The presence endpoint: GET /api/v1/presence upgraded to a WebSocket (docs/presence.md). The
// upgrade is refused before it happens (403 for another Origin, 429 past the sockets per address);
// a plain GET gets 426. Registers @fastify/websocket at the root unless someone already did.
import websocket from "@fastify/websocket";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { PRESENCE_PATH } from "../../domain/presence/limits";
import { sendError } from "../errors";
import { firstOf, officerAuthority, pinAuthority } from "./authority";
import { MemoryCluster, type Cluster } from "./cluster";
import { attachSocket } from "./connection";
import { Hub } from "./hub";
import { newId } from "./ids";
import { KeyCounter } from "./limiter";
import { PRESENCE_DEFAULTS, type PresenceOptions } from "./options";
import { RedisCluster } from "./redis-cluster";

/** ws' own hard cap per frame (close 1009); the protocol's 16 KiB limit (4413) is checked per message. */
const WS_MAX_PAYLOAD = 64 * 1024;

/** Same origin: the Origin's host:port is the Host the browser connected to, or one listed in allowedOrigins. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (origin === undefined) return true; // not a browser: it could send any Origin anyway
  if (allowed.includes(origin)) return true;
  if (!host) return false;
  try {
    const u = new URL(origin);
    return (u.protocol === "http:" || u.protocol === "https:") && u.host === host.toLowerCase();
  } catch {
    return false;
  }
}

async function presence(app: FastifyInstance, opts: Partial<PresenceOptions>): Promise<void> {
  const o: PresenceOptions = { ...PRESENCE_DEFAULTS, ...opts };
  const log = (msg: string, err?: unknown) => app.log.error({ err }, msg);
  const nodeId = newId();
  const cluster: Cluster = o.redisUrl
    ? await RedisCluster.connect({ url: o.redisUrl, prefix: o.redisPrefix, nodeId, nodeTtlMs: o.nodeTtlMs, log })
    : new MemoryCluster(nodeId);
  // Officers' accounts first (no PIN asked), then the event PINs.
  const authority = o.authority ?? (o.officerOf ? firstOf(officerAuthority(o.officerOf), pinAuthority(o)) : pinAuthority(o));
  const hub = new Hub(o, cluster, authority, log);
  const perAddress = new KeyCounter();

  if (!app.hasDecorator("websocketServer")) {
    // preClose: our own hook below closes presence sockets with 1012 ("reconnect"), not ws' bare close.
    await app.register(websocket, { options: { maxPayload: WS_MAX_PAYLOAD, perMessageDeflate: false }, preClose: (done) => done() });
  }
  app.addHook("preClose", async () => { await hub.stop(); });

  const address = (req: FastifyRequest) => req.ip ?? "unknown";
  app.route({
    method: "GET",
    url: PRESENCE_PATH,
    // Upgrades hold a socket: their own rate-limit class (http/rate-limit.ts).
    config: { limitClass: "connect" },
    preValidation: async (req: FastifyRequest, reply: FastifyReply) => {
      if (!originAllowed(req.headers.origin, req.headers.host, o.allowedOrigins)) return sendError(reply, "forbidden_origin");
      if (req.ws && perAddress.get(address(req)) >= o.maxSocketsPerAddress) return sendError(reply, "too_many_connections");
    },
    handler: async (_req, reply) => sendError(reply, "upgrade_required"),
    wsHandler: (socket, req) => {
      const ip = address(req);
      perAddress.add(ip);
      attachSocket(hub, socket, ip, req.headers, () => perAddress.remove(ip));
    },
  });
}

export const presencePlugin = fp(presence, { name: "mpp-presence", fastify: "5.x" });

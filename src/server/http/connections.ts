// Connections: a cap on open sockets (in total and per client address) and timeouts sized for a
// kiosk, so slow or paused clients cannot hold the server's file descriptors. Before issue 19,
// 20,000 slow connections exhausted them and a client that stopped reading was held for ever.
//
// - headers must arrive within 10 s (a kiosk on a LAN sends them in milliseconds), the whole
//   request within 30 s, checked every second (Node's default check runs every 30 s);
// - a socket with no traffic either way for 30 s is closed: that is what drops a client that
//   stopped reading (its response waits in the kernel buffer, so nothing moves; measured: dropped
//   after about twice the idle time, 63 s, as Node counts the last bytes the kernel took). A slow
//   reader that still reads is never cut. Long-lived streams and WebSockets must therefore send
//   something (a ping, a comment line) at least every 15 s;
// - idle keep-alive sockets are closed after 5 s;
// - beyond `perAddress` sockets from one address (IPv6: one /64), new ones are closed at once,
//   before any TLS handshake; beyond `max` in total, Node refuses them (server.maxConnections).
import type { Server } from "node:http";
import { readFileSync } from "node:fs";
import type { Socket } from "node:net";
import { clientKey } from "./rate-limit";

export interface ConnectionLimits {
  /** Open sockets in total. Default 4,000, or less when the process may open fewer files. */
  max: number;
  /** Open sockets from one address (one /64 for IPv6). Default 128: a browser opens 6 per origin. */
  perAddress: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** No bytes either way for this long: the socket is closed. */
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

/** The process's limit of open files (Linux), or null where it cannot be read. */
export function openFileLimit(): number | null {
  try {
    const line = readFileSync("/proc/self/limits", "utf8").split("\n").find((l) => l.startsWith("Max open files"));
    const soft = Number(line?.split(/\s{2,}/)[1]);
    return Number.isFinite(soft) && soft > 0 ? soft : null;
  } catch {
    return null;
  }
}

/** Room kept for the database, the files served and the log: the cap never takes the last descriptors. */
const RESERVED_FILES = 256;

export function defaultConnectionLimits(fileLimit: number | null = openFileLimit()): ConnectionLimits {
  return {
    max: fileLimit === null ? 4000 : Math.max(64, Math.min(4000, fileLimit - RESERVED_FILES)),
    perAddress: 128,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    idleTimeoutMs: 30_000,
    keepAliveTimeoutMs: 5_000,
  };
}

/** MAX_CONNECTIONS and MAX_CONNECTIONS_PER_ADDRESS over the defaults; throws on a bad value. */
export function connectionLimitsFromEnv(env: Record<string, string | undefined>, base = defaultConnectionLimits()): ConnectionLimits {
  const out = { ...base };
  for (const [name, key] of [["MAX_CONNECTIONS", "max"], ["MAX_CONNECTIONS_PER_ADDRESS", "perAddress"]] as const) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a whole number of connections (1 or more), got ${JSON.stringify(raw)}`);
    out[key] = n;
  }
  return out;
}

/** Options for Node's HTTP(S) server (given to fastify as `http`, or merged into `https`). */
export function nodeServerOptions(l: ConnectionLimits): { headersTimeout: number; requestTimeout: number; keepAliveTimeout: number; connectionsCheckingInterval: number } {
  return {
    headersTimeout: l.headersTimeoutMs,
    requestTimeout: Math.max(l.requestTimeoutMs, l.headersTimeoutMs),
    keepAliveTimeout: l.keepAliveTimeoutMs,
    // How often Node looks for requests past those times; its default (30 s) would triple a 10 s limit.
    connectionsCheckingInterval: 1000,
  };
}

/** Options for fastify itself: it sets them on the server it creates. */
export function fastifyServerOptions(l: ConnectionLimits): { connectionTimeout: number; keepAliveTimeout: number; requestTimeout: number } {
  return { connectionTimeout: l.idleTimeoutMs, keepAliveTimeout: l.keepAliveTimeoutMs, requestTimeout: Math.max(l.requestTimeoutMs, l.headersTimeoutMs) };
}

export interface ConnectionCounts {
  /** Sockets closed at once because their address had too many open. */
  refusedPerAddress: number;
  open(): number;
}

/** Tracks sockets per address and closes those past the cap; the total cap is Node's maxConnections. */
export function limitConnections(server: Server, l: ConnectionLimits): ConnectionCounts {
  server.maxConnections = l.max;
  // No bytes either way for idleTimeoutMs: closed, here rather than by Node's default, which any
  // other 'timeout' listener would switch off.
  server.on("timeout", (socket: Socket) => socket.destroy());
  const perAddress = new Map<string, number>();
  const counts = { refusedPerAddress: 0, open: () => [...perAddress.values()].reduce((a, b) => a + b, 0) };
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress;
    if (!address) return;
    const key = clientKey(address);
    const n = (perAddress.get(key) ?? 0) + 1;
    if (n > l.perAddress) {
      counts.refusedPerAddress++;
      socket.destroy();
      return;
    }
    perAddress.set(key, n);
    socket.once("close", () => {
      const left = (perAddress.get(key) ?? 1) - 1;
      if (left <= 0) perAddress.delete(key);
      else perAddress.set(key, left);
    });
  });
  return counts;
}

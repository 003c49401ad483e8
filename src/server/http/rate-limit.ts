// Per-client rate limits by class of route, with @fastify/rate-limit (its Redis store when several
// nodes must share one count).
//
// A route declares its class in its config: `config: { limitClass: "static" }`. The class is
// attached when the route is registered (onRoute), so a request is counted against the route that
// matched after the router's normalisation, whatever the spelling of its URL (`/%61pi/v1/...`,
// a request line in absolute form, scheme and host before `/api/...`): no classification from the raw URL. A route without
// one gets "api" for GET/HEAD and "write" for anything else, so a new write route is never left
// unlimited. WebSocket upgrades and event streams declare "connect".
//
// One count per client and class, shared by every route of the class (not one per route, which
// would give a client 300 requests a minute on each API route). Clients are keyed by address,
// IPv6 grouped by /64 (one customer's allocation); IPv4-mapped IPv6 counts as IPv4.
// Fixed windows: `max` requests per `windowMs`; past it 429 with Retry-After (seconds until the
// window ends) and the JSON error.
import rateLimit, { normalizeIP, type FastifyRateLimitStore } from "@fastify/rate-limit";
import { createRequire } from "node:module";
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from "fastify";
import { Redis } from "ioredis";
import { HttpError } from "../errors";

export const LIMIT_CLASSES = ["api", "static", "write", "connect"] as const;
export type LimitClass = (typeof LIMIT_CLASSES)[number];

export interface ClassLimit {
  /** Requests a client may make per window. */
  max: number;
  windowMs: number;
}

export type RateLimits = Record<LimitClass, ClassLimit>;

/** Generous for people: a lobby kiosk, a family on one phone or the browser tests never meet them. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  /** The JSON API and the HTML fallback (database work). */
  api: { max: 300, windowMs: 60_000 },
  /** Built app, models and scene files (served from memory). */
  static: { max: 3000, windowMs: 60_000 },
  /** State changes (officers' edits, bookings, tickets, surveys): few per person. */
  write: { max: 60, windowMs: 60_000 },
  /** WebSocket upgrades and event streams: each holds a connection. */
  connect: { max: 30, windowMs: 60_000 },
};

declare module "fastify" {
  interface FastifyContextConfig {
    /** The rate-limit class of this route (http/rate-limit.ts); default "api" for GET, "write" otherwise. */
    limitClass?: LimitClass;
  }
}

export function routeLimitClass(route: Pick<RouteOptions, "method" | "config">): LimitClass {
  const declared = (route.config as { limitClass?: LimitClass } | undefined)?.limitClass;
  if (declared !== undefined) {
    if (!LIMIT_CLASSES.includes(declared)) throw new Error(`rate-limit: unknown limitClass ${JSON.stringify(declared)}`);
    return declared;
  }
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.every((m) => m === "GET" || m === "HEAD") ? "api" : "write";
}

export interface RateLimitSettings {
  limits: RateLimits;
  /** Shared counts across nodes (ioredis URL); null keeps them in this process. */
  redisUrl?: string | null;
  /** Key prefix in Redis (tests use their own). */
  redisPrefix?: string;
  /** Called when the store fails (Redis down): requests then pass, and this says so. */
  onStoreError?: (err: Error) => void;
}

/**
 * The limits from the environment: RATE_LIMIT=off switches limiting off; RATE_LIMIT_API_PER_MIN,
 * RATE_LIMIT_STATIC_PER_MIN, RATE_LIMIT_WRITE_PER_MIN, RATE_LIMIT_CONNECT_PER_MIN set a class's
 * requests per minute. Returns false for off; throws with a clear message on a bad value.
 */
export function rateLimitsFromEnv(env: Record<string, string | undefined>): RateLimits | false {
  const off = env.RATE_LIMIT?.trim().toLowerCase();
  if (off !== undefined && off !== "") {
    if (["off", "0", "false", "no"].includes(off)) return false;
    if (!["on", "1", "true", "yes"].includes(off)) throw new RangeError(`RATE_LIMIT must be "off" or "on", got ${JSON.stringify(env.RATE_LIMIT)}`);
  }
  const limits: RateLimits = { ...DEFAULT_RATE_LIMITS };
  for (const c of LIMIT_CLASSES) {
    const name = `RATE_LIMIT_${c.toUpperCase()}_PER_MIN`;
    const raw = env[name]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`${name} must be a whole number of requests per minute (1 or more), got ${JSON.stringify(raw)}`);
    limits[c] = { max: n, windowMs: 60_000 };
  }
  return limits;
}

type StoreCallback = Parameters<FastifyRateLimitStore["incr"]>[1];
interface RedisStoreLike {
  incr(key: string, cb: StoreCallback, timeWindow: number, max: number): void;
  read?(key: string, cb: StoreCallback, timeWindow: number, max: number): void;
}
// The plugin's own Redis store (a Lua INCR + PEXPIRE), kept; its typings do not export it.
const RedisStore = createRequire(import.meta.url)("@fastify/rate-limit/store/RedisStore") as
  new (continueExceeding: boolean, exponentialBackoff: boolean, redis: Redis, prefix: string) => RedisStoreLike;

/** The Redis store with one key space (prefix + class + client), not one per route as its child() makes. */
function sharedRedisStore(redis: Redis, prefix: string) {
  const inner = new RedisStore(false, false, redis, prefix);
  return class SharedRedisStore {
    incr(key: string, cb: StoreCallback, timeWindow: number, max: number) { inner.incr(key, cb, timeWindow, max); }
    read(key: string, cb: StoreCallback, timeWindow: number, max: number) { inner.read!(key, cb, timeWindow, max); }
    child() { return this; }
  };
}

/** The client key of a request: its address, IPv6 masked to /64. */
export function clientKey(ip: string): string {
  return normalizeIP(ip, 64);
}

/**
 * Registers the limits. Call before any route is added: routes registered earlier are not limited.
 * Requests that match no route (the 404 handler) are limited as "static" by limitUnmatched.
 */
export async function registerRateLimit(app: FastifyInstance, settings: RateLimitSettings): Promise<{
  limitUnmatched: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
}> {
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, {
      // A request must not wait on a Redis that is away: fail fast, the limit then lets it pass.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 500,
    })
    : null;
  if (redis) {
    redis.on("error", (err: Error) => settings.onStoreError?.(err));
    app.addHook("onClose", async () => { await redis.quit().catch(() => redis.disconnect()); });
    // The first requests should count too: wait (briefly) for the connection before serving.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 3000);
      const done = () => { clearTimeout(timer); resolve(); };
      redis.once("ready", done);
      redis.once("error", done);
    });
  }
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { store: sharedRedisStore(redis, settings.redisPrefix ?? "mpp:rl:") as never } : {}),
    // Redis unreachable: serve rather than refuse everyone; onStoreError reports it.
    skipOnError: true,
    errorResponseBuilder: () => Object.assign(new HttpError("rate_limited"), { statusCode: 429 }),
  });
  const hooks = Object.fromEntries(LIMIT_CLASSES.map((c) => [c, app.rateLimit({
    max: settings.limits[c].max,
    timeWindow: settings.limits[c].windowMs,
    keyGenerator: (req: FastifyRequest) => `${c}:${clientKey(req.ip)}`,
    // Clients remembered per class in this process (least recently seen forgotten first).
    cache: 20_000,
  })])) as Record<LimitClass, (req: FastifyRequest, reply: FastifyReply) => Promise<void>>;

  app.addHook("onRoute", (route) => {
    const hook = hooks[routeLimitClass(route)];
    // First of the route's own onRequest steps, so a refused request costs nothing more.
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
    route.onRequest = [hook as never, ...own];
  });
  return { limitUnmatched: hooks.static };
}

// The server as a function: build(options) returns the fastify instance without listening, so
// tests use app.inject() and main.ts alone opens a socket.
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyServerOptions } from "fastify";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseConfig } from "./db/config";
import { reasonOf } from "./db/engines/engine";
import { openDatabase, type Db } from "./db/open";
import { ERRORS, HttpError, sendError, type ErrorCode } from "./errors";
import { clientErrorHandler } from "./http/client-errors";
import { defaultConnectionLimits, fastifyServerOptions, limitConnections, nodeServerOptions, type ConnectionLimits } from "./http/connections";
import { forbiddenParameter, queryStringDecodes } from "./http/input-guard";
import { registerRequestLogging } from "./http/logging";
import { DEFAULT_RATE_LIMITS, registerRateLimit, type RateLimits } from "./http/rate-limit";
import { representation } from "./http/representation";
import { securityHook, setSecurityHeaders } from "./http/security";
import { presencePlugin } from "./presence/plugin";
import { presenceOptionsFromEnv, type PresenceOptions } from "./presence/options";
import { presenceLinks } from "./presence/officer-link";
import { Repository } from "./data/repository";
import { registerFeedback, type FeedbackOptions } from "./feedback";
import { registerOfficers, type OfficerOptions } from "./officers";
import { registerQueue, type QueueOptions } from "./queue";
import { API_PREFIX, registerApi } from "./routes/api";
import { registerLayanan } from "./routes/layanan";
import { registerStatic } from "./routes/static";
import { MAX_QUERY_LENGTH } from "./schemas";
import { TLS_SERVER_OPTIONS } from "./tls";

declare module "fastify" {
  interface FastifyInstance {
    /** The data layer (src/server/db/open.ts): write routes use db.write() / db.transaction(). */
    db: Db;
  }
}

export interface BuildOptions {
  /** SQLite file, created if missing; ":memory:" for a throwaway database. Default data/mpp.sqlite. */
  dbPath?: string;
  /** The database (src/server/db/config.ts); wins over dbPath. PostgreSQL: databaseConfigFromEnv() or postgresConfig(url). */
  database?: DatabaseConfig;
  distDir?: string;
  assetsDir?: string;
  scenesDir?: string;
  logger?: FastifyServerOptions["logger"];
  /** Per-client limits by route class (429 with Retry-After past them); false switches limiting off. Default DEFAULT_RATE_LIMITS. */
  rateLimit?: Partial<RateLimits> | false;
  /** Share the rate-limit counts across nodes through this Redis (REDIS_URL); without it each node counts alone. */
  redisUrl?: string | null;
  /** Key prefix for the counts in Redis (tests use their own). */
  redisPrefix?: string;
  /** Caps and timeouts for sockets. Default defaultConnectionLimits(). */
  connections?: Partial<ConnectionLimits>;
  /** Milliseconds between the one-line traffic summaries in the log (info); 0: none. Default 5 minutes. */
  logSummaryMs?: number;
  /** Serve HTTPS with this key and certificate (PEM); responses then carry HSTS. */
  https?: { key: string | Buffer; cert: string | Buffer } | null;
  /** Presence (WebSocket at /api/v1/presence) settings; default from the environment (PRESENCE_*, REDIS_URL); false: off. */
  presence?: Partial<PresenceOptions> | false;
  /** Officers' accounts, sessions, lockout and the same-origin guard (src/server/officers.ts). */
  officers?: OfficerOptions;
  /** Questions, complaints and the SKM: daily limits, contact retention, clock (src/server/feedback). */
  feedback?: FeedbackOptions;
  /** The queue (src/server/queue): clock, retention, caps, limits. */
  queue?: QueueOptions;
}

/** JSON bodies (officers' drafts, sign-in) stay small: anything bigger is refused unread (the import route sets its own limit). */
export const BODY_LIMIT = 64 * 1024;

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const DEFAULTS: Required<Omit<BuildOptions, "logger" | "rateLimit" | "https" | "presence" | "redisUrl" | "redisPrefix" | "connections" | "logSummaryMs" | "database" | "officers" | "feedback" | "queue">> & { logger: false } = {
  dbPath: resolve(ROOT, "data/mpp.sqlite"),
  distDir: resolve(ROOT, "dist"),
  assetsDir: resolve(ROOT, "assets"),
  scenesDir: resolve(ROOT, "scenes"),
  logger: false,
};

export function appVersion(): string {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as { version?: unknown };
  return typeof pkg.version === "string" ? pkg.version : "0.0.0";
}

interface ValidationIssue { instancePath?: string; keyword?: string; params?: Record<string, unknown>; message?: string }

/** Maps a schema validation failure to one of our error codes, with a message naming the field. */
function validationError(err: FastifyError): { code: ErrorCode; message: string } {
  const issue = (err.validation?.[0] ?? {}) as ValidationIssue;
  const where = err.validationContext ?? "request";
  const field = issue.keyword === "required"
    ? String(issue.params?.missingProperty ?? "")
    : (issue.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".");
  if (where === "querystring" && field === "q") {
    if (issue.keyword === "maxLength") return { code: "query_too_long", message: `q is longer than ${MAX_QUERY_LENGTH} characters.` };
    if (issue.keyword === "required" || issue.keyword === "minLength") return { code: "query_missing", message: ERRORS.query_missing.message };
  }
  const hints: Record<string, string> = {
    code: "code must be a four-digit Kemendagri code, e.g. 3273.",
    id: "id must look like 3273-imigrasi-paspor-biasa.",
    region: "region must be a four-digit Kemendagri code, e.g. 3273.",
    limit: "limit must be an integer from 1 to 200.",
    agency: "agency must be an agency slug, e.g. imigrasi.",
  };
  return { code: "invalid_parameter", message: hints[field] ?? `${where}${field ? ` ${field}` : ""}: ${issue.message ?? "invalid"}.` };
}

export async function build(options: BuildOptions = {}): Promise<FastifyInstance> {
  const o = { ...DEFAULTS, ...options };
  const version = appVersion();

  const https = options.https ?? null;
  const connections = { ...defaultConnectionLimits(), ...options.connections };
  const counts = { clientErrors: 0 };
  const app = Fastify({
    logger: o.logger,
    // Request lines are written by http/logging.ts, at debug and without addresses or query strings.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    ...fastifyServerOptions(connections),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ...(https
      ? { https: { key: https.key, cert: https.cert, ...TLS_SERVER_OPTIONS, ...nodeServerOptions(connections) } }
      : { http: nodeServerOptions(connections) }),
    clientErrorHandler: clientErrorHandler({ https: !!https, counts }),
    // A malformed URL (bad percent-encoding, over-long parameter) gets our error shape too.
    frameworkErrors: (err, _req, reply) => {
      setSecurityHeaders(reply, { https: !!https });
      if (err.code === "FST_ERR_BAD_URL") sendError(reply, "bad_request", "The URL is not valid (bad percent-encoding).");
      else sendError(reply, "invalid_parameter", "A URL parameter is too long or malformed.");
    },
  });
  // The database opens after the app exists so its one-line warnings go to the app's log.
  const db = await openDatabase(o.database ?? { engine: "sqlite", path: o.dbPath }, { log: (m) => app.log.warn(m) })
    .catch(async (err: unknown) => { await app.close(); throw err; });
  const repo = new Repository(db, version);
  app.decorate("db", db);
  // Graceful shutdown: answers still in flight when close() starts tell the client to close the
  // connection, so kept-alive sockets do not hold the close for the keep-alive timeout; the
  // database closes after the last request (onClose runs once the server has stopped).
  let closing = false;
  app.addHook("preClose", async () => { closing = true; });
  // Hooks on every request are callback style where they never wait: no promise per request.
  app.addHook("onSend", (_req, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
  app.addHook("onClose", async () => { await db.close(); });
  const held = limitConnections(app.server, connections);
  registerRequestLogging(app, {
    summaryMs: options.logSummaryMs ?? 5 * 60_000,
    extra: () => ({ connections: held.open(), refusedConnections: held.refusedPerAddress, parserErrors: counts.clientErrors }),
  });

  app.addHook("onRequest", securityHook({ https: !!https }));

  // Limits attach to routes as they are registered (http/rate-limit.ts): register before the routes.
  const limits = options.rateLimit === false ? null : { ...DEFAULT_RATE_LIMITS, ...options.rateLimit };
  const limiter = limits
    ? await registerRateLimit(app, {
      limits,
      redisUrl: options.redisUrl ?? null,
      redisPrefix: options.redisPrefix,
      onStoreError: throttled(60_000, (err) => app.log.warn(`rate limit store (Redis) unavailable, requests pass unlimited: ${err.message}`)),
    })
    : null;

  app.addHook("onRequest", (req, reply, done) => {
    // No route matched (another method on a path nobody serves): answer before any body is read.
    if (req.is404) {
      if (!limiter) return void sendError(reply, "not_found");
      limiter.limitUnmatched(req, reply).then(() => { if (!reply.sent) sendError(reply, "not_found"); }, done);
      return;
    }
    const q = req.url.indexOf("?");
    if (q >= 0 && !queryStringDecodes(req.url.slice(q + 1))) {
      return void sendError(reply, "bad_request", "The query string is not valid (bad percent-encoding).");
    }
    const bad = forbiddenParameter(req.query as Record<string, unknown>) ?? forbiddenParameter(req.params as Record<string, unknown>, ["*"]);
    if (bad !== null) {
      return void sendError(reply, "invalid_parameter", `${bad} contains control characters or invisible formatting characters.`);
    }
    done();
  });
  app.addHook("onSend", representation());

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) return sendError(reply, err.code, err.message);
    if (db.isUnavailable(err)) {
      // One line, no stack, no connection string: the reason is the driver's first line, redacted.
      req.log.warn(`database unavailable (${db.target}): ${reasonOf(err)}`);
      reply.header("retry-after", "5");
      return sendError(reply, "database_unavailable");
    }
    if (err.validation) {
      const { code, message } = validationError(err);
      return sendError(reply, code, message);
    }
    const status = err.statusCode ?? 500;
    if (status === 413) return sendError(reply, "payload_too_large");
    if (status === 415) return sendError(reply, "unsupported_media_type");
    if (status >= 400 && status < 500) return sendError(reply, "bad_request");
    req.log.error({ err }, "internal error");
    return sendError(reply, "internal_error");
  });
  app.setNotFoundHandler((_req, reply) => sendError(reply, "not_found"));

  // Before the other routes: its same-origin guard and session decorators apply to every route.
  const officerRoutes = await registerOfficers(app, { db, distDir: o.distDir, prefix: API_PREFIX }, options.officers);
  if (options.presence !== false) {
    // Officers' sessions as guide and counter authority, transcripts as consultation tickets (issue 16).
    const links = presenceLinks(db, options.officers, options.feedback);
    await app.register(presencePlugin, { ...links, ...(options.presence ?? presenceOptionsFromEnv()) });
  }
  const feedbackRoutes = registerFeedback(app, { db, prefix: API_PREFIX, distDir: o.distDir }, options.feedback);
  const queueRoutes = await registerQueue(app, { db, prefix: API_PREFIX, distDir: o.distDir }, options.queue);
  registerApi(app, repo, version, [...officerRoutes, ...feedbackRoutes, ...queueRoutes]);
  registerLayanan(app, repo);
  registerStatic(app, { distDir: o.distDir, assetsDir: o.assetsDir, scenesDir: o.scenesDir });
  // With https options fastify's type names an https server; callers only need the common surface.
  return app as unknown as FastifyInstance;
}

/** Calls fn at most once per `ms` (a Redis outage would otherwise log on every reconnect attempt). */
function throttled<A extends unknown[]>(ms: number, fn: (...args: A) => void): (...args: A) => void {
  let last = -Infinity;
  return (...args: A) => {
    const now = Date.now();
    if (now - last < ms) return;
    last = now;
    fn(...args);
  };
}

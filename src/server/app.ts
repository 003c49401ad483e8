// The server as a function: build(options) returns the fastify instance without listening, so
// tests use app.inject() and main.ts alone opens a socket.
import compress from "@fastify/compress";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from "fastify";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "./db/open";
import { ERRORS, HttpError, sendError, type ErrorCode } from "./errors";
import { conditionalGet } from "./http/cache";
import { forbiddenParameter, queryStringDecodes } from "./http/input-guard";
import { DEFAULT_RATE_LIMITS, routeClass, TokenBuckets, type RateLimitOptions } from "./http/rate-limit";
import { setSecurityHeaders } from "./http/security";
import { presencePlugin } from "./presence/plugin";
import { presenceOptionsFromEnv, type PresenceOptions } from "./presence/options";
import { Repository } from "./repository";
import { registerApi } from "./routes/api";
import { registerLayanan } from "./routes/layanan";
import { registerStatic } from "./routes/static";
import { MAX_QUERY_LENGTH } from "./schemas";

export interface BuildOptions {
  /** SQLite file, created if missing; ":memory:" for a throwaway database. Default data/mpp.sqlite. */
  dbPath?: string;
  distDir?: string;
  assetsDir?: string;
  scenesDir?: string;
  logger?: FastifyServerOptions["logger"];
  /** Per-client limits (429 with Retry-After past them); false switches limiting off. Default DEFAULT_RATE_LIMITS. */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** Serve HTTPS with this key and certificate (PEM); responses then carry HSTS. */
  https?: { key: string | Buffer; cert: string | Buffer } | null;
  /** Presence (WebSocket at /api/v1/presence) settings; default from the environment (PRESENCE_*, REDIS_URL); false: off. */
  presence?: Partial<PresenceOptions> | false;
}

/** Bodies are never used (the API is read-only): anything bigger than this is refused unread. */
export const BODY_LIMIT = 64 * 1024;

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const DEFAULTS: Required<Omit<BuildOptions, "logger" | "rateLimit" | "https" | "presence">> & { logger: false } = {
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
  const { db } = openDatabase(o.dbPath);
  const version = appVersion();
  const repo = new Repository(db, version);

  const https = options.https ?? null;
  const app = Fastify({
    logger: o.logger,
    bodyLimit: BODY_LIMIT,
    // A client that trickles its request (slowloris) does not hold a socket for Node's default 5 minutes.
    requestTimeout: 30_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ...(https ? { https: { key: https.key, cert: https.cert } } : {}),
    // A malformed URL (bad percent-encoding, over-long parameter) gets our error shape too.
    frameworkErrors: (err, _req, reply) => {
      setSecurityHeaders(reply, { https: !!https });
      if (err.code === "FST_ERR_BAD_URL") sendError(reply, "bad_request", "The URL is not valid (bad percent-encoding).");
      else sendError(reply, "invalid_parameter", "A URL parameter is too long or malformed.");
    },
  });
  app.addHook("onClose", async () => { db.close(); });

  const limits = options.rateLimit === false ? null : { ...DEFAULT_RATE_LIMITS, ...options.rateLimit };
  const buckets = limits ? { api: new TokenBuckets(limits.api), static: new TokenBuckets(limits.static) } : null;

  app.addHook("onRequest", async (req, reply) => {
    setSecurityHeaders(reply, { https: !!https });
    if (buckets) {
      const taken = buckets[routeClass(req.url)].take(req.ip);
      if (!taken.ok) {
        reply.header("retry-after", String(taken.retryAfterSeconds));
        return sendError(reply, "rate_limited");
      }
    }
    const q = req.url.indexOf("?");
    if (q >= 0 && !queryStringDecodes(req.url.slice(q + 1))) {
      return sendError(reply, "bad_request", "The query string is not valid (bad percent-encoding).");
    }
    const bad = forbiddenParameter(req.query as Record<string, unknown>) ?? forbiddenParameter(req.params as Record<string, unknown>, ["*"]);
    if (bad !== null) {
      return sendError(reply, "invalid_parameter", `${bad} contains control characters or invisible formatting characters.`);
    }
  });
  app.addHook("onSend", conditionalGet);

  await app.register(compress, { global: true, threshold: 1024, encodings: ["br", "gzip", "deflate"] });
  // @fastify/compress appends its own lowercase Vary; this route-level hook, added after it,
  // leaves one canonical "Vary: Accept-Encoding" on every response.
  app.addHook("onRoute", (route) => {
    const fix = async (_req: unknown, reply: { header: (k: string, v: string) => unknown }, payload: unknown) => {
      reply.header("vary", "Accept-Encoding");
      return payload;
    };
    route.onSend = route.onSend ? [...(Array.isArray(route.onSend) ? route.onSend : [route.onSend]), fix] : [fix];
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof HttpError) return sendError(reply, err.code, err.message);
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

  if (options.presence !== false) await app.register(presencePlugin, options.presence ?? presenceOptionsFromEnv());
  registerApi(app, repo, version);
  registerLayanan(app, repo);
  registerStatic(app, { distDir: o.distDir, assetsDir: o.assetsDir, scenesDir: o.scenesDir });
  // With https options fastify's type names an https server; callers only need the common surface.
  return app as unknown as FastifyInstance;
}

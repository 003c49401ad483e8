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
import { setSecurityHeaders } from "./http/security";
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
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const DEFAULTS: Required<Omit<BuildOptions, "logger">> & { logger: false } = {
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

  const app = Fastify({
    logger: o.logger,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // A malformed URL (bad percent-encoding, over-long parameter) gets our error shape too.
    frameworkErrors: (err, _req, reply) => {
      setSecurityHeaders(reply);
      if (err.code === "FST_ERR_BAD_URL") sendError(reply, "bad_request", "The URL is not valid (bad percent-encoding).");
      else sendError(reply, "invalid_parameter", "A URL parameter is too long or malformed.");
    },
  });
  app.addHook("onClose", async () => { db.close(); });

  app.addHook("onRequest", async (_req, reply) => {
    setSecurityHeaders(reply);
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

  registerApi(app, repo, version);
  registerLayanan(app, repo);
  registerStatic(app, { distDir: o.distDir, assetsDir: o.assetsDir, scenesDir: o.scenesDir });
  return app;
}

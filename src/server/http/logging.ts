// Logs for weeks of running on a lobby machine: one line per request only at `debug` (LOG_LEVEL,
// default info), warnings and errors always, and a one-line summary every few minutes (requests,
// errors, 429s, refused connections, memory) so the disk holds months and what matters shows.
//
// The rule for every log line, now and in later features: nothing personal. No client address
// (not even hashed: a hash of an IPv4 address is reversed by trying all of them), no query string
// (a search may carry a name or a phone number), no request or response body, no header values,
// no cookie or token. A request line names the route's pattern (`/api/v1/services/:id`), never
// the URL; errors log the error (message, code, stack), never the input that caused it.
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from "fastify";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** pino options for fastify: the level, and serializers that keep addresses and query strings out. */
export function loggerOptions(level: string | undefined, destination?: NodeJS.WritableStream): FastifyServerOptions["logger"] & object {
  const l = (level ?? "info").trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(l)) throw new RangeError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(level)}`);
  return {
    level: l,
    ...(destination ? { stream: destination } : {}),
    serializers: {
      // Only what the rule allows, whoever logs { req } or { res }.
      req: (req: { method?: string; routeOptions?: { url?: string } }) => ({ method: req.method, route: req.routeOptions?.url ?? null }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

export interface TrafficCounts {
  requests: number;
  /** 5xx answers. */
  errors: number;
  /** 4xx answers other than 429. */
  clientErrors: number;
  rateLimited: number;
}

/** The route pattern a request matched, or a placeholder: never the URL. */
export function routeLabel(req: FastifyRequest): string {
  return req.routeOptions?.url ?? (req.is404 ? "(no route)" : "(unknown)");
}

/**
 * Adds the request line (debug) and the periodic summary (info). `extra` adds counters owned
 * elsewhere (refused connections, parser errors). summaryMs 0 switches the summary off.
 */
export function registerRequestLogging(app: FastifyInstance, options: { summaryMs: number; extra?: () => Record<string, number> }): TrafficCounts {
  const counts: TrafficCounts = { requests: 0, errors: 0, clientErrors: 0, rateLimited: 0 };
  // Callback style: no promise per request.
  app.addHook("onResponse", (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
    counts.requests++;
    const status = reply.statusCode;
    if (status >= 500) counts.errors++;
    else if (status === 429) counts.rateLimited++;
    else if (status >= 400) counts.clientErrors++;
    if (app.log.level === "debug" || app.log.level === "trace") {
      req.log.debug({ method: req.method, route: routeLabel(req), status, ms: Math.round(reply.elapsedTime * 10) / 10 }, "request");
    }
    done();
  });
  if (options.summaryMs > 0) {
    let last = { ...counts };
    const timer = setInterval(() => {
      const m = process.memoryUsage();
      const d = {
        requests: counts.requests - last.requests,
        errors: counts.errors - last.errors,
        clientErrors: counts.clientErrors - last.clientErrors,
        rateLimited: counts.rateLimited - last.rateLimited,
      };
      last = { ...counts };
      const mb = (n: number) => Math.round(n / 1e6);
      app.log.info({ ...d, ...options.extra?.(), rssMb: mb(m.rss), heapMb: mb(m.heapUsed), seconds: Math.round(options.summaryMs / 1000) },
        `summary: ${d.requests} requests, ${d.errors} errors, ${d.rateLimited} rate-limited, rss ${mb(m.rss)} MB`);
    }, options.summaryMs);
    timer.unref();
    app.addHook("onClose", async () => clearInterval(timer));
  }
  return counts;
}

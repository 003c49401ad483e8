// The queue (issue 14) in one call from build(): the citizens' routes, the officers' counter and
// settings routes, the live boards and the retention job. Its routes live in their own fastify
// context whose error handler answers the queue's refusals (QueueFailure) and malformed requests in
// the visitor's language; everything else goes on to the server's own handler.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "../db/open";
import { sendError } from "../errors";
import { CACHE_REVALIDATE } from "../http/cache";
import { sendFile, StaticFolder } from "../http/static";
import type { RouteSpec } from "../routes/registry";
import { registerWriteRoutes } from "../routes/write-routes";
import { BoardHub } from "./board-hub";
import type { BookingCaps } from "./bookings";
import { QueueFailure, requestLang, validationMessage } from "./errors";
import { DEFAULT_QUEUE_RATE_LIMITS, QueueLimiter, type QueueRateLimits } from "./limits";
import { DEFAULT_RETENTION_DAYS, startRetention } from "./retention";
import { officerRoutes } from "./routes-officer";
import { publicRoutes, StreamRegistry } from "./routes-public";
import type { QueueLimits } from "./settings";

export interface QueueOptions {
  /** The clock (tests set the day and hour). */
  now?: () => number;
  /** Days after its date a booking or ticket is deleted (QUEUE_RETENTION_DAYS); default 30. */
  retentionDays?: number;
  /** Run the retention job (default true). */
  retention?: boolean;
  /** Booking window and same-day cut-off; default 7 days and 30 minutes. */
  limits?: Partial<QueueLimits>;
  /** Active bookings per phone and per address (default 3 each); addresses without the address cap. */
  caps?: Partial<Omit<BookingCaps, "exemptAddresses">> & { exemptAddresses?: readonly string[] };
  /** Per-address limits of the citizen routes; false switches them off. */
  rateLimits?: Partial<QueueRateLimits> | false;
  /** How often a node reads the board versions while it has screens (default 500 ms). */
  boardPollMs?: number;
  /** Open board streams per node and per address (default 2000 and 20). */
  maxStreams?: { total: number; perAddress: number };
}

export const DEFAULT_CAPS = { perPhone: 3, perAddress: 3 } as const;

function localizedErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = requestLang(req);
  if (err instanceof QueueFailure) {
    if (err.retryAfter !== undefined) reply.header("retry-after", String(err.retryAfter));
    return sendError(reply, err.code, err.messages[lang]);
  }
  if (err.validation) {
    const issue = (err.validation[0] ?? {}) as { instancePath?: string; keyword?: string; params?: { missingProperty?: string } };
    const field = issue.keyword === "required" ? String(issue.params?.missingProperty ?? "") : (issue.instancePath ?? "").replace(/^\//, "").split("/")[0] ?? "";
    return sendError(reply, "invalid_parameter", validationMessage(field, issue.keyword)[lang]);
  }
  if (err.statusCode === 400 && typeof err.code === "string" && err.code.startsWith("FST_ERR_CTP")) {
    return sendError(reply, "bad_request", lang === "id" ? "Isi permintaan tidak dapat dibaca (harus JSON)." : "The request body could not be read (it must be JSON).");
  }
  throw err;
}

/** The officers' counter page (webpack entry "loket"), outside the workspace's bundle. */
export const COUNTER_PAGE = "loket.html";

export async function registerQueue(app: FastifyInstance, deps: { db: Db; prefix: string; distDir: string }, options: QueueOptions = {}): Promise<RouteSpec[]> {
  const { db } = deps;
  const now = options.now ?? Date.now;
  const limits: QueueLimits = { windowDays: 7, cutoffMinutes: 30, ...options.limits };
  const caps: BookingCaps = {
    perPhone: options.caps?.perPhone ?? DEFAULT_CAPS.perPhone,
    perAddress: options.caps?.perAddress ?? DEFAULT_CAPS.perAddress,
    exemptAddresses: new Set(options.caps?.exemptAddresses ?? []),
  };
  const hub = new BoardHub(db.kysely, { pollMs: options.boardPollMs ?? 500, now, warn: (m) => app.log.warn(m) });
  const streams = new StreamRegistry();
  const limiter = options.rateLimits === false ? null : new QueueLimiter({ ...DEFAULT_QUEUE_RATE_LIMITS, ...options.rateLimits }, now);
  const guard = (o: Parameters<FastifyInstance["requireOfficer"]>[0]) => app.requireOfficer(o);

  const specs = [
    ...publicRoutes({
      db, now, limits, caps, hub, limiter, streams, retentionDays: options.retentionDays ?? DEFAULT_RETENTION_DAYS,
      maxStreams: options.maxStreams ?? { total: 2000, perAddress: 20 },
    }),
    ...officerRoutes({ db, now, hub }, guard),
  ];
  await app.register(async (child) => {
    child.setErrorHandler(localizedErrors);
    // Nothing personal in logs: these routes' URLs carry booking codes and their requests come from
    // citizens' addresses, so fastify's per-request lines (info) are not written for them; warnings
    // and errors still are, without bodies.
    child.addHook("onRoute", (route) => { route.logLevel = "warn"; });
    registerWriteRoutes(child, deps.prefix, specs);
  });

  const dist = new StaticFolder(deps.distDir);
  app.get("/admin/loket", { config: { limitClass: "static" } }, async (req, reply) => {
    const file = await dist.read([COUNTER_PAGE]);
    if (!file) return sendError(reply, "app_not_built");
    return sendFile(req, reply, file, CACHE_REVALIDATE);
  });

  const job = options.retention === false ? null
    : startRetention(db, { days: options.retentionDays ?? DEFAULT_RETENTION_DAYS, now, log: (m) => app.log.info(m) });
  app.addHook("preClose", async () => {
    hub.close();
    streams.endAll();
    job?.stop();
    await job?.ran;
  });
  return specs;
}

// Questions, complaints and the SKM (issue 15), registered in one call from build(): citizens'
// routes, officers' routes (behind app.requireOfficer, registered by registerOfficers before this),
// the /layanan pages, and the retention job. Returns the route specs for the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Calendar } from "../../domain/calendar/calendar";
import type { Db } from "../db/open";
import { sendError } from "../errors";
import { CACHE_REVALIDATE } from "../http/cache";
import { sendFile, StaticFolder } from "../http/static";
import { registerWriteRoutes } from "../routes/write-routes";
import type { RouteSpec } from "../routes/registry";
import { workingCalendar } from "./calendar";
import type { FeedbackContext } from "./context";
import { registerFeedbackPages } from "./pages";
import { purgeFeedback } from "./purge";
import { officerRoutes } from "./routes-officer";
import { publicRoutes } from "./routes-public";
import { resolveSettings, type FeedbackSettings } from "./settings";

export interface FeedbackOptions extends Partial<FeedbackSettings> {
  /** The clock (tests move it across days and deadlines). */
  now?: () => number;
  /** The working-day calendar (default: data/calendar's holidays). */
  calendar?: Calendar;
}

/** The officers' desk page (webpack entry "desk"), at /admin/tiket. */
export const DESK_PAGE = "desk.html";

export function registerFeedback(app: FastifyInstance, deps: { db: Db; prefix: string; distDir: string }, options: FeedbackOptions = {}): RouteSpec[] {
  const { now, calendar, ...settings } = options;
  const ctx: FeedbackContext = {
    db: deps.db,
    settings: resolveSettings(settings),
    calendar: calendar ?? workingCalendar(),
    now: now ?? Date.now,
  };
  const specs = [...publicRoutes(ctx), ...officerRoutes(ctx, (o) => app.requireOfficer(o))];
  registerWriteRoutes(app, deps.prefix, specs);
  registerFeedbackPages(app, ctx);
  // More specific than the workspace's /admin/*: the desk has its own small bundle.
  const dist = new StaticFolder(deps.distDir);
  app.get("/admin/tiket", { config: { limitClass: "static" } }, async (req: FastifyRequest, reply: FastifyReply) => {
    const file = await dist.read([DESK_PAGE]);
    if (!file) return sendError(reply, "app_not_built");
    return sendFile(req, reply, file, CACHE_REVALIDATE);
  });

  // Retention: at start, then on a timer that never keeps the process alive and stops with the app.
  const purge = () => purgeFeedback(ctx.db, new Date(ctx.now()), ctx.settings.contactRetentionDays)
    .catch((err: unknown) => app.log.warn(`feedback retention: ${(err as Error).message.split("\n")[0]}`));
  if (ctx.settings.purgeEveryMs > 0) {
    app.addHook("onReady", async () => { await purge(); });
    const timer = setInterval(() => { void purge(); }, ctx.settings.purgeEveryMs);
    timer.unref();
    app.addHook("onClose", async () => clearInterval(timer));
  }
  return specs;
}

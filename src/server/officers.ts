// Everything officers need, registered in one call from build(): the same-origin guard on every
// state-changing request (global, so later features' routes get it too), the session cookie and
// app.requireOfficer, the sign-in routes, the record and review routes, the audit trail, import and
// export, and the workspace page at /admin. Returns the route specs for the OpenAPI document.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "./db/open";
import { adminRoutes } from "./admin/routes";
import { auditRoutes } from "./audit/routes";
import { registerGuard, type RequireOfficerOptions } from "./auth/guard";
import { DEFAULT_LOCKOUT, type LockoutRule } from "./auth/lockout";
import { sameOriginGuard } from "./auth/origin";
import { DEFAULT_HASH_PARAMS, Passwords, type HashParams } from "./auth/passwords";
import { authRoutes } from "./auth/routes";
import { DEFAULT_SESSION_TIMING, type SessionTiming } from "./auth/sessions";
import { sendError } from "./errors";
import { CACHE_REVALIDATE } from "./http/cache";
import { sendFile, StaticFolder } from "./http/static";
import type { RouteSpec } from "./routes/registry";
import { registerWriteRoutes, type WriteRouteSpec } from "./routes/write-routes";
import { transferRoutes } from "./transfer/routes";

export interface OfficerOptions {
  /** argon2id cost (tests lower it; production keeps the default). */
  hashParams?: HashParams;
  sessions?: Partial<SessionTiming>;
  lockout?: Partial<LockoutRule>;
  /** Origins besides the request's own that may send state changes (PUBLIC_ORIGIN). */
  publicOrigins?: readonly string[];
  /** The clock (tests move it to expire sessions and lockouts). */
  now?: () => number;
  /** The Passwords instance (tests count its hash calls). */
  passwords?: Passwords;
}

export const ADMIN_PAGE = "admin.html";

export async function registerOfficers(app: FastifyInstance, deps: { db: Db; distDir: string; prefix: string }, options: OfficerOptions = {}): Promise<RouteSpec[]> {
  const now = options.now ?? Date.now;
  const timing: SessionTiming = { ...DEFAULT_SESSION_TIMING, ...options.sessions };
  const lockout: LockoutRule = { ...DEFAULT_LOCKOUT, ...options.lockout };
  const passwords = options.passwords ?? new Passwords(options.hashParams ?? DEFAULT_HASH_PARAMS);
  const { db } = deps;

  app.addHook("onRequest", sameOriginGuard({ publicOrigins: options.publicOrigins }));
  await registerGuard(app, { db, timing, now });
  const guard = (o: RequireOfficerOptions) => app.requireOfficer(o);

  const specs: WriteRouteSpec[] = [
    ...authRoutes({ db, passwords, timing, lockout, now }, guard({})),
    ...adminRoutes({ db, now }, guard),
    ...auditRoutes(db, guard),
    ...transferRoutes({ db, now }, guard),
  ];
  registerWriteRoutes(app, deps.prefix, specs);

  // The workspace: its own page and bundle (webpack entry "admin"), never part of the 3D app's first load.
  const dist = new StaticFolder(deps.distDir);
  const page = async (req: FastifyRequest, reply: FastifyReply) => {
    const file = await dist.read([ADMIN_PAGE]);
    if (!file) return sendError(reply, "app_not_built");
    return sendFile(req, reply, file, CACHE_REVALIDATE);
  };
  app.get("/admin", { config: { limitClass: "static" } }, page);
  app.get("/admin/*", { config: { limitClass: "static" } }, page);
  return specs;
}

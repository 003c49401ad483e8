// The officer of a request, and the one guard every officer route uses:
//
//   app.get("/api/v1/admin/x/:id", { preHandler: app.requireOfficer({ action: "service.draft", scope: byServiceId }) }, ...)
//
// requireOfficer answers 401 without a valid session, then 403 when the role may not do `action`
// (or is not among `roles`) on the scope the resolver gives; the resolver runs only after the
// session is checked, so a stranger learns nothing about which records exist. On success
// `request.officer` is { username, role, region, agency }.
import cookie from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { can, type Action, type Officer, type Role, type Scope } from "../../domain/admin/roles";
import type { Db } from "../db/open";
import { HttpError } from "../errors";
import { findSession, type ActiveSession, type SessionTiming } from "./sessions";

export interface RequireOfficerOptions {
  /** Roles allowed (checked first); default: every role. */
  roles?: readonly Role[];
  /** The permission asked (domain/admin/roles.ts), with scope. */
  action?: Action;
  /** What the request acts on; null means the whole province. May throw HttpError (e.g. 404). */
  scope?: (req: FastifyRequest) => Scope | null | Promise<Scope | null>;
}

declare module "fastify" {
  interface FastifyRequest {
    /** Set by requireOfficer (and by loadOfficer); null on requests without a valid session. */
    officer: Officer | null;
    /** The scope requireOfficer resolved (handlers reuse it instead of looking the record up again). */
    officerScope: Scope | null;
  }
  interface FastifyInstance {
    requireOfficer(options?: RequireOfficerOptions): (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** The session behind a request (cached per request); null when there is none. */
    loadOfficer(req: FastifyRequest): Promise<ActiveSession | null>;
  }
}

export interface GuardContext {
  db: Db;
  timing: SessionTiming;
  now: () => number;
}

/** The session cookie's name: "__Host-" over HTTPS (browsers then insist on Secure, Path=/, no Domain). */
export function cookieName(req: FastifyRequest): string {
  return req.protocol === "https" ? "__Host-mpp_session" : "mpp_session";
}

const loaded = new WeakMap<FastifyRequest, Promise<ActiveSession | null>>();

/** Registers the cookie plugin, request.officer and app.requireOfficer at the root (visible to every later route). */
export async function registerGuard(app: FastifyInstance, ctx: GuardContext): Promise<void> {
  await app.register(cookie);
  app.decorateRequest("officer", null);
  app.decorateRequest("officerScope", null);

  function loadOfficer(req: FastifyRequest): Promise<ActiveSession | null> {
    let p = loaded.get(req);
    if (!p) {
      const token = req.cookies[cookieName(req)];
      p = token ? findSession(ctx.db.kysely, token, ctx.now(), ctx.timing) : Promise.resolve(null);
      loaded.set(req, p);
    }
    return p;
  }
  app.decorate("loadOfficer", loadOfficer);

  app.decorate("requireOfficer", (options: RequireOfficerOptions = {}) => async (req: FastifyRequest) => {
    const session = await loadOfficer(req);
    if (!session) throw new HttpError("unauthenticated");
    const { id: _id, ...officer } = session.officer;
    req.officer = officer;
    if (options.roles && !options.roles.includes(officer.role)) throw new HttpError("forbidden");
    const scope = options.scope ? await options.scope(req) : null;
    req.officerScope = scope;
    if (options.action && !can(officer, options.action, scope ?? { region: null, agency: null })) {
      throw new HttpError("forbidden", scope?.region
        ? `Your account (${officer.role}${officer.region ? ` ${officer.region}` : ""}${officer.agency ? ` ${officer.agency}` : ""}) may not do this in ${scope.region}${scope.agency ? ` for ${scope.agency}` : ""}.`
        : undefined);
    }
  });
}

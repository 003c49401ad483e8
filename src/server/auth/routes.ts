// POST /api/v1/auth/login, GET /api/v1/auth/me, POST /api/v1/auth/logout.
// A sign-in is checked in this order: the lockout (429 with Retry-After, before any password work),
// then exactly one argon2 verification (against a dummy hash when the account does not exist or is
// disabled, so every wrong answer costs the same), then a new session (the one the browser came
// with ends: no fixation). Sign-ins and failed sign-ins are audit rows; the password is never logged.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Officer } from "../../domain/admin/roles";
import { LoginBody, OkAnswer, UserAnswer } from "../../domain/admin/shapes";
import { recordAudit } from "../audit/log";
import type { Db } from "../db/open";
import { HttpError } from "../errors";
import { CACHE_NO_STORE } from "../http/cache";
import type { WriteRouteSpec } from "../routes/write-routes";
import { responses } from "../schemas";
import { cookieName } from "./guard";
import { clearAttempts, failuresFor, reserveAttempt, type LockoutRule } from "./lockout";
import type { Passwords } from "./passwords";
import { createSession, destroySession, sweepSessions, type SessionTiming } from "./sessions";

export interface AuthRouteContext {
  db: Db;
  passwords: Passwords;
  timing: SessionTiming;
  lockout: LockoutRule;
  now: () => number;
}

/** Account names for failed sign-ins of no account: "-" cannot be a username (they start with a letter or digit). */
export const UNKNOWN_ACCOUNT = "-";

export function cookieOptions(req: FastifyRequest, timing: SessionTiming) {
  return { path: "/", httpOnly: true, sameSite: "strict" as const, secure: req.protocol === "https", maxAge: Math.floor(timing.absoluteMs / 1000) };
}

function clearCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(cookieName(req), { path: "/", httpOnly: true, sameSite: "strict", secure: req.protocol === "https" });
}

export function authRoutes(ctx: AuthRouteContext, requireOfficer: WriteRouteSpec["preHandler"]): WriteRouteSpec[] {
  const { db, passwords, timing, lockout } = ctx;
  return [
    {
      method: "POST",
      path: "/auth/login",
      operationId: "login",
      summary: "Sign in an officer: sets the session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS); 429 with Retry-After after 5 failures per account or address in 15 minutes",
      schema: { body: LoginBody, response: responses(UserAnswer, [400, 401, 403, 429]) },
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const { username, password } = req.body as { username: string; password: string };
        const name = username.trim().toLowerCase();
        const address = req.ip;
        const now = ctx.now();
        const reserved = await reserveAttempt(db.kysely, name, address, now, lockout);
        if (!reserved.ok) {
          reply.header("retry-after", String(reserved.retryAfterSeconds));
          throw new HttpError("login_locked");
        }
        const row = await db.kysely.selectFrom("officers").selectAll().where("username", "=", name).executeTakeFirst();
        const live = row !== undefined && Number(row.disabled) === 0;
        const ok = live ? await passwords.verify(row.password_hash, password) : await passwords.verifyNobody(password);
        if (!ok || !row) {
          const failures = await failuresFor(db.kysely, name, now, lockout);
          const notes = [row && !live ? "akun dinonaktifkan" : null, failures >= lockout.max ? `${failures} kali gagal dalam ${lockout.windowMs / 60_000} menit: masuk dikunci sementara` : null];
          await db.transaction((trx) => recordAudit(trx, {
            actor: { username: row ? name : UNKNOWN_ACCOUNT, role: row?.role ?? null, address },
            action: "auth.login_failed", entity: `officer:${row ? name : UNKNOWN_ACCOUNT}`,
            note: notes.filter(Boolean).join("; ") || null,
          }));
          throw new HttpError("invalid_credentials");
        }
        const old = req.cookies[cookieName(req)];
        const token = await db.transaction(async (trx) => {
          if (old) await destroySession(trx, old);
          await clearAttempts(trx, reserved.id, name);
          await sweepSessions(trx, now, timing);
          const t = await createSession(trx, Number(row.id), now, timing);
          await recordAudit(trx, { actor: { username: name, role: row.role, address }, action: "auth.login", entity: `officer:${name}` });
          return t;
        });
        reply.setCookie(cookieName(req), token, cookieOptions(req, timing));
        const user: Officer = { username: row.username, role: row.role, region: row.region_code, agency: row.agency_slug };
        return { user };
      },
    },
    {
      path: "/auth/me",
      operationId: "me",
      summary: "The signed-in officer",
      session: true,
      schema: { response: responses(UserAnswer, [401]) },
      preHandler: requireOfficer,
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        return { user: req.officer! };
      },
    },
    {
      method: "POST",
      path: "/auth/logout",
      operationId: "logout",
      summary: "Ends the session (on every node) and clears the cookie",
      session: true,
      schema: { response: responses(OkAnswer, [403]) },
      handler: async (req, reply) => {
        reply.header("cache-control", CACHE_NO_STORE);
        const token = req.cookies[cookieName(req)];
        const session = token ? await req.server.loadOfficer(req) : null;
        if (token) {
          await db.transaction(async (trx) => {
            await destroySession(trx, token);
            if (session) {
              const o = session.officer;
              await recordAudit(trx, { actor: { username: o.username, role: o.role, address: req.ip }, action: "auth.logout", entity: `officer:${o.username}` });
            }
          });
        }
        clearCookie(req, reply);
        return { ok: true };
      },
    },
  ];
}

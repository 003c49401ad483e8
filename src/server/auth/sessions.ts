// Sessions stored in the database, so a sign-in on one node is known on every node. The cookie
// holds a random 256-bit token; the table holds only its SHA-256, so a copy of the database opens
// no session. A session ends after 30 minutes without a request (idle) or 12 hours after sign-in
// (absolute), when its officer is disabled or gets a new password, or at sign-out. Every sign-in
// makes a new token and ends the session the browser came with (no fixation).
import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Officer } from "../../domain/admin/roles";
import type { Database } from "../db/tables";

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
/** last_seen_at is written at most this often per session (one write a minute, not one per request). */
export const TOUCH_EVERY_MS = 60_000;

export interface SessionTiming {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_TIMING: Readonly<SessionTiming> = { idleMs: SESSION_IDLE_MS, absoluteMs: SESSION_ABSOLUTE_MS };

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Inserts a session for the officer; returns the cookie's token. */
export async function createSession(db: Kysely<Database>, officerId: number, now: number, timing: SessionTiming): Promise<string> {
  const token = newToken();
  await db.insertInto("sessions").values({
    id_hash: tokenHash(token), officer_id: officerId, created_at: iso(now), last_seen_at: iso(now), expires_at: iso(now + timing.absoluteMs),
  }).execute();
  return token;
}

export interface ActiveSession {
  officer: Officer & { id: number };
  idHash: string;
  createdAt: string;
}

/** The officer of a live session, or null (unknown, expired, idle too long, or the account disabled). */
export async function findSession(db: Kysely<Database>, token: string, now: number, timing: SessionTiming): Promise<ActiveSession | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const idHash = tokenHash(token);
  const row = await db.selectFrom("sessions as s")
    .innerJoin("officers as o", "o.id", "s.officer_id")
    .select(["s.created_at", "s.last_seen_at", "s.expires_at", "o.id", "o.username", "o.role", "o.region_code", "o.agency_slug", "o.disabled"])
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  const lastSeen = Date.parse(row.last_seen_at);
  if (Number(row.disabled) === 1 || Date.parse(row.expires_at) <= now || lastSeen + timing.idleMs <= now) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (now - lastSeen >= TOUCH_EVERY_MS) {
    await db.updateTable("sessions").set({ last_seen_at: iso(now) }).where("id_hash", "=", idHash).execute();
  }
  return {
    idHash,
    createdAt: row.created_at,
    officer: { id: Number(row.id), username: row.username, role: row.role, region: row.region_code, agency: row.agency_slug },
  };
}

export async function destroySession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", tokenHash(token)).execute();
}

/** Removes sessions that can no longer be used (called now and then, e.g. at each sign-in). */
export async function sweepSessions(db: Kysely<Database>, now: number, timing: SessionTiming): Promise<void> {
  await db.deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", iso(now)), eb("last_seen_at", "<=", iso(now - timing.idleMs))]))
    .execute();
}

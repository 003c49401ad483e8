// Who may guide a tour or staff a counter. The server asks a GuideAuthority; today the answer comes
// from event PINs in the environment, later from officers' accounts (their session cookie arrives
// with the WebSocket upgrade, hence the headers).
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { can, PERMISSIONS, type Officer } from "../../domain/admin/roles";

export type PresenceRole = "guide" | "staff";

export interface AuthorityRequest {
  role: PresenceRole;
  /** The room the claim is made in, or null before joining one. */
  room: string | null;
  /** For staff: the agency whose counter is to be staffed. */
  agency: string | null;
  /** A PIN the person typed, if any. */
  pin: string | null;
  /** The upgrade request's headers (cookies of a signed-in officer). */
  headers: IncomingHttpHeaders;
}

export interface Grant {
  role: PresenceRole;
  /** What proved it: "pin" today, "officer" with accounts. */
  via: string;
  /** For staff: the agency granted. */
  agency: string | null;
}

export interface GuideAuthority {
  authorize(request: AuthorityRequest): Promise<Grant | null>;
}

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Compares in constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function pinMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

/** The event PINs: PRESENCE_GUIDE_PIN makes a guide in any room, PRESENCE_STAFF_PIN staffs any counter. No PIN set, nobody passes. */
export function pinAuthority(pins: { guidePin: string | null; staffPin: string | null }): GuideAuthority {
  return {
    async authorize(req) {
      const expected = req.role === "guide" ? pins.guidePin : pins.staffPin;
      if (expected === null || req.pin === null) return null;
      if (!pinMatches(expected, req.pin)) return null;
      return { role: req.role, via: "pin", agency: req.role === "staff" ? req.agency : null };
    },
  };
}

/** The first authority that grants wins (e.g. officers' accounts, then the event PIN). */
export function firstOf(...authorities: GuideAuthority[]): GuideAuthority {
  return {
    async authorize(req) {
      for (const a of authorities) {
        const g = await a.authorize(req);
        if (g) return g;
      }
      return null;
    },
  };
}

/**
 * Officers' accounts (issue 16, point 3 and 5): the workspace's session, read from the upgrade's
 * cookie at each claim. Any officer role allowed "guide" may lead a tour; a counter is staffed by
 * an officer who may call numbers at it ("queue.call": editors of that agency in that region,
 * region admins of that region, province admins), in a building's room only.
 */
export function officerAuthority(officerOf: (headers: IncomingHttpHeaders) => Promise<Officer | null>): GuideAuthority {
  return {
    async authorize(req) {
      const officer = await officerOf(req.headers);
      if (!officer) return null;
      if (req.role === "guide") return PERMISSIONS.guide.includes(officer.role) ? { role: "guide", via: "officer", agency: null } : null;
      if (req.room === null || req.room === "plaza" || req.agency === null) return null;
      if (!can(officer, "queue.call", { region: req.room, agency: req.agency })) return null;
      return { role: "staff", via: "officer", agency: req.agency };
    },
  };
}

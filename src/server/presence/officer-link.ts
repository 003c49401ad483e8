// What presence borrows from the rest of the server (issue 16, points 3 and 5): the officer behind
// a socket (the workspace's session cookie, sent with the WebSocket upgrade, read afresh at each
// claim so a signed-out or disabled officer loses the role's power), and the filing of a counter
// transcript as a consultation ticket. build() (app.ts) wires both in; tests pass their own.
import type { IncomingHttpHeaders } from "node:http";
import cookie from "@fastify/cookie";
import type { Officer } from "../../domain/admin/roles";
import type { Calendar } from "../../domain/calendar/calendar";
import { DEFAULT_SESSION_TIMING, findSession, type SessionTiming } from "../auth/sessions";
import { workingCalendar } from "../feedback/calendar";
import type { Db } from "../db/open";
import { createTicket } from "../feedback/tickets";
import { formatTrackingCode } from "../../domain/feedback/tickets";
import { formatTranscript, type TranscriptFiler } from "./transcript";

/** The signed-in officer of an upgrade's headers, or null. */
export type OfficerLookup = (headers: IncomingHttpHeaders) => Promise<Officer | null>;

/** Both cookie names the workspace uses (guard.ts cookieName: "__Host-" over HTTPS). */
const COOKIE_NAMES = ["__Host-mpp_session", "mpp_session"] as const;

export function officerLookup(db: Db, timing: SessionTiming, now: () => number): OfficerLookup {
  return async (headers) => {
    const raw = headers.cookie;
    if (typeof raw !== "string" || raw === "") return null;
    let jar: Record<string, string>;
    try {
      jar = cookie.parse(raw);
    } catch {
      return null;
    }
    for (const name of COOKIE_NAMES) {
      const token = jar[name];
      if (!token) continue;
      const s = await findSession(db.kysely, token, now(), timing);
      if (s) {
        const { id: _id, ...officer } = s.officer;
        return officer;
      }
    }
    return null;
  };
}

export function ticketFiler(db: Db, calendar: Calendar, now: () => number): TranscriptFiler {
  return {
    async file({ region, agency, lines, lang }) {
      const a = await db.kysely.selectFrom("agencies").select(["id", "name", "name_en"])
        .where("region_code", "=", region).where("slug", "=", agency).executeTakeFirst();
      if (!a) throw new Error(`presence transcript: no agency ${agency} in ${region}`);
      const text = formatTranscript(lang === "en" ? a.name_en : a.name, lines, lang);
      const t = await createTicket(db, { kind: "konsultasi", regionCode: region, agencyId: a.id, text, lang, channel: "xr" }, new Date(now()), calendar);
      return { code: t.code, formattedCode: formatTrackingCode(t.code) };
    },
  };
}

/** The officer lookup and the ticket filer for build(), with the same session timing and clocks as the officers' and feedback routes. */
export function presenceLinks(db: Db, officers: { sessions?: Partial<SessionTiming>; now?: () => number } | undefined, feedback: { now?: () => number; calendar?: Calendar } | undefined): { officerOf: OfficerLookup; transcripts: TranscriptFiler } {
  const timing: SessionTiming = { ...DEFAULT_SESSION_TIMING, ...officers?.sessions };
  return {
    officerOf: officerLookup(db, timing, officers?.now ?? Date.now),
    transcripts: ticketFiler(db, feedback?.calendar ?? workingCalendar(), feedback?.now ?? Date.now),
  };
}

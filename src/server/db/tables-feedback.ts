// The tables of questions, complaints and the SKM (issue 15; migration 30, migration-feedback.ts).
// Timestamps are ISO-8601 UTC text written by the server; WIB dates ("YYYY-MM-DD") where a day is
// what counts (survey periods, daily limits). Nothing here holds a client address: daily limits
// count a salted hash whose salt is deleted with the day.
import type { Generated } from "kysely";
import type { TicketKind, TicketStatus } from "../../domain/feedback/tickets";

export interface TicketsTable {
  id: Generated<number>;
  /** 8 characters of the tracking-code alphabet, normalised (no dash). */
  code: string;
  kind: TicketKind;
  status: TicketStatus;
  /** The region whose MPP holds the ticket now (a forward to another region's agency moves it). */
  region_code: string;
  /** The agency answering it now; null for a question about the region's MPP as a whole. */
  agency_id: string | null;
  service_id: string | null;
  /** The citizen's text, normalised by domain/feedback/text.ts; shown only as text. */
  text: string;
  /** E-mail or +62 phone, or null (never given, or deleted after the retention time). */
  contact: string | null;
  contact_kind: "email" | "phone" | null;
  /** The language the citizen wrote in (the ticket page opens in it). */
  lang: "id" | "en";
  /** Where it was written: the web app, a lobby touch screen, a headset. */
  channel: "web" | "lobby" | "xr";
  received_at: string;
  /** When the responsible unit took it up, it was forwarded, or first answered (the 3-day clock stops). */
  forwarded_at: string | null;
  /** When it was first answered or closed (the 5-day clock stops). */
  acted_at: string | null;
  closed_at: string | null;
  updated_at: string;
  /** When the contact was deleted by the retention rule. */
  contact_purged_at: string | null;
  /** The SP4N-LAPOR! tracking id an officer recorded after handing the complaint off. */
  lapor_id: string | null;
}

export const TICKET_EVENT_TYPES = ["take", "answer", "forward", "close", "reopen", "lapor", "citizen"] as const;
export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  at: string;
  type: TicketEventType;
  /** The officer's username; null for the citizen's own messages. */
  actor: string | null;
  /** Answer or message text (shown as text); a close or forward note. */
  body: string | null;
  from_agency: string | null;
  to_agency: string | null;
  /** 1: the citizen sees it on the ticket page; 0: officers only (notes). */
  visible: number;
}

export const VISIT_KINDS = ["service", "queue", "lobby"] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** One SKM response: nine answers 1-4, anonymous (no token, address or time of day is kept with it). */
export interface SurveysTable {
  id: Generated<number>;
  region_code: string;
  agency_id: string;
  service_id: string | null;
  /** WIB date of the answer: the period the index groups by. */
  day: string;
  visit_kind: VisitKind;
  u1: number; u2: number; u3: number; u4: number; u5: number; u6: number; u7: number; u8: number; u9: number;
  comment: string | null;
}

/** A visit that may be rated once: issued by the server, handed to the visitor, spent by the survey. */
export interface VisitTokensTable {
  /** SHA-256 (hex) of the token: the database never holds a usable token. */
  token_hash: string;
  kind: VisitKind;
  region_code: string;
  agency_id: string | null;
  service_id: string | null;
  issued_at: string;
  expires_at: string;
  spent_at: string | null;
}

/** Visits per WIB day, agency ("" for a lobby visit of the whole MPP) and kind: the SKM's population. */
export interface VisitCountsTable {
  day: string;
  region_code: string;
  agency_id: string;
  kind: VisitKind;
  count: number;
}

/** Requests per WIB day, client (salted hash) and action, for the daily limits. Deleted after 2 days. */
export interface FeedbackQuotaTable {
  day: string;
  subject: string;
  action: string;
  count: number;
}

/** The random salt of each day's client hashes; deleted with the day's quota rows. */
export interface FeedbackSaltTable {
  day: string;
  salt: string;
}

export interface FeedbackTables {
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  surveys: SurveysTable;
  visit_tokens: VisitTokensTable;
  visit_counts: VisitCountsTable;
  feedback_quota: FeedbackQuotaTable;
  feedback_salt: FeedbackSaltTable;
}

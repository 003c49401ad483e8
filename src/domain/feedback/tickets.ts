// Questions (konsultasi) and complaints (pengaduan) a citizen leaves, and the states they go through.
//
//   received ──> in_progress ──> answered ──> closed
//       │             │  ^          │
//       │             │  └──────────┘  (the citizen asks back, or the officer reopens)
//       ├──> answered └──> closed
//       └──> closed      (spam, duplicate, or handed off to LAPOR!)
//
// Forwarding to another agency is an event on the ticket, not a state: the ticket stays where it is
// in this flow and its clock is the forwarding clock of ./deadlines.ts.
import { formatCode, generateCode, normalizeCode, type RandomFill } from "../queue/code";

export const TICKET_KINDS = ["konsultasi", "pengaduan"] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const TICKET_STATUSES = ["received", "in_progress", "answered", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface Bilingual { id: string; en: string }

export const TICKET_KIND_LABELS: Readonly<Record<TicketKind, Bilingual>> = {
  konsultasi: { id: "Konsultasi", en: "Question" },
  pengaduan: { id: "Pengaduan", en: "Complaint" },
};

export const TICKET_STATUS_LABELS: Readonly<Record<TicketStatus, Bilingual>> = {
  received: { id: "Diterima", en: "Received" },
  in_progress: { id: "Sedang diproses", en: "In progress" },
  answered: { id: "Dijawab", en: "Answered" },
  closed: { id: "Selesai", en: "Closed" },
};

export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  received: ["in_progress", "answered", "closed"],
  in_progress: ["answered", "closed"],
  answered: ["in_progress", "closed"],
  closed: [],
};

export class TicketTransitionError extends Error {
  constructor(readonly from: TicketStatus, readonly to: TicketStatus) {
    super(`ticket: cannot go from ${from} to ${to}`);
    this.name = "TicketTransitionError";
  }
}

export function isTicketKind(value: unknown): value is TicketKind {
  return typeof value === "string" && (TICKET_KINDS as readonly string[]).includes(value);
}

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === "string" && (TICKET_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}

/** The new status, or a TicketTransitionError (the route answers 409). */
export function transition(from: TicketStatus, to: TicketStatus): TicketStatus {
  if (!canTransition(from, to)) throw new TicketTransitionError(from, to);
  return to;
}

/** Tracking codes: the same 8-character alphabet and generator as booking codes. */
export function generateTrackingCode(fill?: RandomFill): string {
  return generateCode(fill);
}
export const normalizeTrackingCode = normalizeCode;
export const formatTrackingCode = formatCode;

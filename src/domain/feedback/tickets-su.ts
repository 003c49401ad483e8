// Basa Sunda lemes of the ticket kinds and states (tickets.ts gives their Indonesian and English):
// their one owner for both surfaces that show them in Sundanese, the app's lazy "words-su" chunk
// (i18n/texts-su.ts spreads SU_TICKET_TEXTS) and the server's /layanan/tiket page
// (html/feedback-pages.ts). A DRAFT by the project team like the rest of the Sundanese (skm-su.ts).
import { TICKET_KIND_LABELS, TICKET_STATUS_LABELS, type TicketKind, type TicketStatus } from "./tickets";

export const SU_TICKET_KINDS: Readonly<Record<TicketKind, string>> = { konsultasi: "Konsultasi", pengaduan: "Pangaduan" };
export const SU_TICKET_STATUSES: Readonly<Record<TicketStatus, string>> = { received: "Katampi", in_progress: "Nuju diprosés", answered: "Diwaler", closed: "Réngsé" };

/** The same words keyed by their Indonesian label, as the app's Sundanese texts are (texts-su.ts). */
export const SU_TICKET_TEXTS: Readonly<Record<string, string>> = Object.fromEntries([
  ...(Object.keys(SU_TICKET_KINDS) as TicketKind[]).map((k) => [TICKET_KIND_LABELS[k].id, SU_TICKET_KINDS[k]]),
  ...(Object.keys(SU_TICKET_STATUSES) as TicketStatus[]).map((s) => [TICKET_STATUS_LABELS[s].id, SU_TICKET_STATUSES[s]]),
]);

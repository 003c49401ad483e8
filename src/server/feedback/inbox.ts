// The officers' inbox and a ticket as officers see it. Scope: a province admin sees every region
// (or the one asked), a region admin their region, an editor their agency in their region; a
// ticket about a region's MPP as a whole (no agency) is for region and province admins. Open
// tickets are sorted by their SP4N-LAPOR! clock: most overdue first, then by due date.
import type { Officer, Scope } from "../../domain/admin/roles";
import type { Calendar } from "../../domain/calendar/calendar";
import { compareUrgency, ticketDeadlines } from "../../domain/feedback/deadlines";
import { toWib } from "../../domain/time/wib";
import { formatTrackingCode } from "../../domain/feedback/tickets";
import type { Db } from "../db/open";
import { HttpError } from "../errors";
import { namesFor, publicView, ticketByCode, ticketEvents, urgencyOf, type TicketRow } from "./tickets";

export interface InboxFilter {
  region?: string;
  agency?: string;
  status?: "open" | "closed" | "all";
  kind?: "konsultasi" | "pengaduan";
  limit?: number;
}

/** The region and agency the officer may list, after their role narrows the filter (403 when it asks outside). */
export function inboxScope(officer: Officer, f: InboxFilter): { region: string | null; agency: string | null } {
  if (officer.role === "province-admin") return { region: f.region ?? null, agency: f.agency ?? null };
  if (f.region && f.region !== officer.region) throw new HttpError("forbidden", `Your account works in region ${officer.region}.`);
  if (officer.role === "region-admin") return { region: officer.region, agency: f.agency ?? null };
  if (f.agency && f.agency !== officer.agency) throw new HttpError("forbidden", `Your account works for agency ${officer.agency}.`);
  return { region: officer.region, agency: officer.agency };
}

const OPEN_LIMIT = 5000;

export async function inbox(db: Db, officer: Officer, f: InboxFilter, now: Date, calendar: Calendar) {
  const scope = inboxScope(officer, f);
  const status = f.status ?? "open";
  const limit = f.limit ?? 200;
  let q = db.kysely.selectFrom("tickets").selectAll();
  if (scope.region) q = q.where("region_code", "=", scope.region);
  if (scope.agency) {
    if (!scope.region) throw new HttpError("invalid_parameter", "agency needs region: agency slugs repeat across regions.");
    q = q.where("agency_id", "=", `${scope.region}-${scope.agency}`);
  }
  if (f.kind) q = q.where("kind", "=", f.kind);
  if (status === "open") q = q.where("status", "!=", "closed");
  if (status === "closed") q = q.where("status", "=", "closed");
  // Open tickets are few and sorted by their clocks in code; closed ones newest first.
  const rows = status === "open"
    ? await q.limit(OPEN_LIMIT).execute()
    : await q.orderBy("updated_at", "desc").orderBy("id", "desc").limit(limit).execute();
  const items = rows.map((t) => ({ t, clock: urgencyOf(t, now, calendar) }));
  if (status === "open") items.sort((a, b) => compareUrgency(a.clock, b.clock) || a.t.received_at.localeCompare(b.t.received_at));
  const page = items.slice(0, limit);
  const names = await namesFor(db.kysely, [], [...new Set(page.map((i) => i.t.agency_id).filter((x): x is string => !!x))], []);
  return {
    total: items.length,
    tickets: page.map(({ t, clock }) => ({
      code: t.code,
      formattedCode: formatTrackingCode(t.code),
      kind: t.kind,
      status: t.status,
      regionCode: t.region_code,
      agencyId: t.agency_id,
      agencyName: t.agency_id ? names.agency.get(t.agency_id) ?? null : null,
      serviceId: t.service_id,
      excerpt: [...t.text].slice(0, 160).join(""),
      receivedAt: t.received_at,
      updatedAt: t.updated_at,
      laporId: t.lapor_id,
      clock,
    })),
  };
}

/** The scope a ticket falls in (for requireOfficer); 404 when there is no such ticket. */
export async function ticketScope(db: Db, code: string): Promise<Scope> {
  const t = await db.kysely.selectFrom("tickets as t").leftJoin("agencies as a", "a.id", "t.agency_id")
    .select(["t.region_code", "a.slug"]).where("t.code", "=", code).executeTakeFirst();
  if (!t) throw new HttpError("ticket_not_found");
  return { region: t.region_code, agency: t.slug ?? null };
}

export const LAPOR_URL = "https://www.lapor.go.id";

/** The text an officer pastes into LAPOR!: what, where, when, the code, and the citizen's words (no contact). */
export function laporText(t: TicketRow, names: { region: string; agency: string | null; service: string | null }): string {
  const received = toWib(new Date(t.received_at));
  return [
    `${t.kind === "pengaduan" ? "Pengaduan" : "Konsultasi"} melalui MPP Digital Jawa Barat, ${names.region}`,
    `Diterima: ${received.date} ${received.time} WIB · kode pelacakan ${formatTrackingCode(t.code)}`,
    names.agency ? `Instansi: ${names.agency}` : null,
    names.service ? `Layanan: ${names.service}` : null,
    "",
    t.text,
    "",
    "(Kontak pelapor tidak disertakan; pelapor dapat mengikuti tindak lanjut dengan kode di atas.)",
  ].filter((l): l is string => l !== null).join("\n");
}

export async function officerView(db: Db, code: string, now: Date, calendar: Calendar) {
  const t = await ticketByCode(db.kysely, code);
  if (!t) throw new HttpError("ticket_not_found");
  const [view, events] = await Promise.all([publicView(db.kysely, t, now, calendar), ticketEvents(db.kysely, t.id)]);
  const d = ticketDeadlines({ receivedAt: new Date(t.received_at), forwardedAt: t.forwarded_at ? new Date(t.forwarded_at) : null }, calendar);
  const open = t.status !== "closed";
  return {
    ticket: {
      ...view,
      contact: t.contact,
      contactKind: t.contact_kind,
      contactPurgedAt: t.contact_purged_at,
      channel: t.channel,
      forwardedAt: t.forwarded_at,
      actedAt: t.acted_at,
      deadlines: d,
      events: events.map((e) => ({
        id: Number(e.id), at: e.at, type: e.type, actor: e.actor, text: e.body, fromAgency: e.from_agency, toAgency: e.to_agency, visible: e.visible === 1,
      })),
    },
    lapor: { url: LAPOR_URL, text: laporText(t, { region: view.regionName, agency: view.agencyName, service: view.serviceName }) },
    can: { take: t.status === "received", answer: open, forward: open, close: open, lapor: open },
  };
}

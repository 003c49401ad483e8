// Questions and complaints from citizens: leaving one, reading it back by its tracking code, and
// asking back. Text goes through domain/feedback/text.ts (kept as text, bidi and control characters
// removed, broken or over-long text refused) and is never turned into HTML here or anywhere.
import type { Kysely, Selectable } from "kysely";
import type { Calendar } from "../../domain/calendar/calendar";
import { ticketDeadlines, ticketUrgency, type TicketUrgency } from "../../domain/feedback/deadlines";
import type { PublicTicket, TicketInput } from "../../domain/feedback/shapes";
import { normalizeCitizenText, parseContact } from "../../domain/feedback/text";
import { formatTrackingCode, generateTrackingCode, type TicketStatus } from "../../domain/feedback/tickets";
import type { Db } from "../db/open";
import type { Database } from "../db/tables";
import type { TicketEventType, TicketsTable } from "../db/tables-feedback";
import { HttpError } from "../errors";
import type { QuotaCheck } from "./quota";

export type TicketRow = Selectable<TicketsTable>;

/** Normalised citizen (or officer) text, or a 400 naming what is wrong. */
export function cleanText(input: unknown, field = "text"): string {
  const t = normalizeCitizenText(input);
  if (!t.ok) throw new HttpError("invalid_text", `${field}: ${t.message.en}`);
  return t.text;
}

/** Checks that the region, agency and service exist and belong together; fills the agency from the service. */
export async function resolveReferences(db: Kysely<Database>, regionCode: string, agencyId: string | undefined | null, serviceId: string | undefined | null): Promise<{ agencyId: string | null; serviceId: string | null }> {
  const region = await db.selectFrom("regions").select("code").where("code", "=", regionCode).executeTakeFirst();
  if (!region) throw new HttpError("unknown_reference", `No kabupaten/kota with code ${regionCode} in Jawa Barat.`);
  let agency = agencyId ?? null;
  if (serviceId) {
    const s = await db.selectFrom("services").select(["agency_id", "region_code"]).where("id", "=", serviceId).executeTakeFirst();
    if (!s || s.region_code !== regionCode) throw new HttpError("unknown_reference", `No service ${serviceId} in region ${regionCode}.`);
    if (agency && agency !== s.agency_id) throw new HttpError("unknown_reference", `Service ${serviceId} belongs to agency ${s.agency_id}, not ${agency}.`);
    agency = s.agency_id;
  } else if (agency) {
    const a = await db.selectFrom("agencies").select("region_code").where("id", "=", agency).executeTakeFirst();
    if (!a || a.region_code !== regionCode) throw new HttpError("unknown_reference", `No agency ${agency} in region ${regionCode}.`);
  }
  return { agencyId: agency, serviceId: serviceId ?? null };
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === "23505" || String(e?.code ?? "").startsWith("SQLITE_CONSTRAINT_UNIQUE") || /UNIQUE constraint failed/.test(String(e?.message ?? ""));
};

export interface CreatedTicket { code: string; status: TicketStatus; receivedAt: string; forwardBy: string; actBy: string }

export async function createTicket(db: Db, input: TicketInput, now: Date, calendar: Calendar, quota?: QuotaCheck): Promise<CreatedTicket> {
  const text = cleanText(input.text);
  let contact: { kind: "email" | "phone"; value: string } | null = null;
  if (input.contact !== undefined && input.contact !== null && input.contact.trim() !== "") {
    const c = parseContact(input.contact);
    if (!c.ok) throw new HttpError("invalid_contact", c.message.en);
    contact = { kind: c.kind, value: c.value };
  }
  const refs = await resolveReferences(db.kysely, input.regionCode, input.agencyId, input.serviceId);
  const at = now.toISOString();
  for (let attempt = 0; ; attempt++) {
    const code = generateTrackingCode();
    try {
      await db.transaction(async (trx) => {
        await quota?.(trx);
        await trx.insertInto("tickets").values({
          code, kind: input.kind, status: "received", region_code: input.regionCode, agency_id: refs.agencyId, service_id: refs.serviceId,
          text, contact: contact?.value ?? null, contact_kind: contact?.kind ?? null, lang: input.lang ?? "id", channel: input.channel ?? "web",
          received_at: at, updated_at: at,
        }).execute();
      });
      const d = ticketDeadlines({ receivedAt: now }, calendar);
      return { code, status: "received", receivedAt: at, forwardBy: d.forwardBy, actBy: d.actBy };
    } catch (err) {
      // 22^8 codes: a collision is rare, two in a row rarer still.
      if (!isUniqueViolation(err) || attempt >= 4) throw err;
    }
  }
}

export async function ticketByCode(db: Kysely<Database>, code: string): Promise<TicketRow | undefined> {
  return db.selectFrom("tickets").selectAll().where("code", "=", code).executeTakeFirst();
}

export function urgencyOf(t: TicketRow, now: Date, calendar: Calendar): TicketUrgency {
  return ticketUrgency({
    receivedAt: new Date(t.received_at),
    forwardedAt: t.forwarded_at ? new Date(t.forwarded_at) : null,
    actedAt: t.acted_at ? new Date(t.acted_at) : null,
  }, now, calendar);
}

/** Names of the agencies, region and service a ticket refers to. */
export async function namesFor(db: Kysely<Database>, regionCodes: string[], agencyIds: string[], serviceIds: string[]) {
  const [regions, agencies, services] = await Promise.all([
    regionCodes.length ? db.selectFrom("regions").select(["code", "name"]).where("code", "in", regionCodes).execute() : [],
    agencyIds.length ? db.selectFrom("agencies").select(["id", "name"]).where("id", "in", agencyIds).execute() : [],
    serviceIds.length ? db.selectFrom("services").select(["id", "name"]).where("id", "in", serviceIds).execute() : [],
  ]);
  return {
    region: new Map(regions.map((r) => [r.code, r.name])),
    agency: new Map(agencies.map((a) => [a.id, a.name])),
    service: new Map(services.map((s) => [s.id, s.name])),
  };
}

export async function ticketEvents(db: Kysely<Database>, ticketId: number) {
  return db.selectFrom("ticket_events").selectAll().where("ticket_id", "=", ticketId).orderBy("id").execute();
}

/** What the citizen sees: status, clock and the visible events; never the contact or an officer's name. */
export async function publicView(db: Kysely<Database>, t: TicketRow, now: Date, calendar: Calendar): Promise<PublicTicket> {
  const events = (await ticketEvents(db, t.id)).filter((e) => e.visible === 1);
  const agencyIds = [t.agency_id, ...events.flatMap((e) => [e.from_agency, e.to_agency])].filter((x): x is string => !!x);
  const names = await namesFor(db, [t.region_code], [...new Set(agencyIds)], t.service_id ? [t.service_id] : []);
  const showsText = new Set<TicketEventType>(["answer", "citizen", "close"]);
  return {
    code: t.code,
    formattedCode: formatTrackingCode(t.code),
    kind: t.kind,
    status: t.status,
    regionCode: t.region_code,
    regionName: names.region.get(t.region_code) ?? t.region_code,
    agencyId: t.agency_id,
    agencyName: t.agency_id ? names.agency.get(t.agency_id) ?? null : null,
    serviceId: t.service_id,
    serviceName: t.service_id ? names.service.get(t.service_id) ?? null : null,
    text: t.text,
    lang: t.lang,
    hasContact: t.contact !== null,
    receivedAt: t.received_at,
    updatedAt: t.updated_at,
    closedAt: t.closed_at,
    laporId: t.lapor_id,
    clock: urgencyOf(t, now, calendar),
    messages: events.map((e) => {
      const agency = e.type === "forward" ? e.to_agency : e.type === "citizen" ? null : e.from_agency;
      return {
        at: e.at,
        type: e.type,
        text: showsText.has(e.type) ? e.body : null,
        agencyName: agency ? names.agency.get(agency) ?? null : null,
        laporId: e.type === "lapor" ? e.body : null,
      };
    }),
  };
}

/** The citizen asks back: an answered ticket is open again and the unit's 5-day clock restarts. */
export async function addCitizenMessage(db: Db, code: string, input: unknown, now: Date, quota?: QuotaCheck): Promise<void> {
  const text = cleanText(input);
  const at = now.toISOString();
  await db.transaction(async (trx) => {
    const t = await trx.selectFrom("tickets").select(["id", "status", "agency_id"]).where("code", "=", code).executeTakeFirst();
    if (!t) throw new HttpError("ticket_not_found");
    if (t.status === "closed") throw new HttpError("ticket_closed", "This question or complaint is closed: leave a new one and mention its code.");
    await quota?.(trx);
    const status: TicketStatus = t.status === "answered" ? "in_progress" : t.status;
    const moved = await trx.updateTable("tickets")
      .set({ status, updated_at: at, ...(t.status === "answered" ? { acted_at: null, forwarded_at: at } : {}) })
      .where("id", "=", t.id).where("status", "=", t.status).executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new HttpError("conflict", "The ticket changed at the same moment: reload and try again.");
    await trx.insertInto("ticket_events").values({ ticket_id: t.id, at, type: "citizen", actor: null, body: text, from_agency: null, to_agency: t.agency_id, visible: 1 }).execute();
  });
}

// "Ambil antrean" as kiosk screens, so the 3D panel (mouse, touch, VR pointer), its DOM mirror and
// the hall's ticket machine all show the same flow: agency (at the ticket machine) -> day -> arrival
// slot -> the booking (number, code, counters, time, what to bring). No name or phone is asked here
// (the DOM dialog offers them); a region without an MPP building says so and points to the
// consultation desk. Places are live: nothing here is kept beyond the open kiosk.
import type { Booking, Lang, QueueDay } from "../../../domain/queue/shapes";
import { formatCode } from "../../../domain/queue/code";
import { addDays } from "../../../domain/time/wib";
import type { Service } from "../../../domain/types";
import { dayOptions } from "../../queue/day-options";
import { qt, type QueueStringKey } from "../../queue/strings";
import { field, navActions, type KioskAction, type KioskApi, type KioskSection, type ScreenDef, type ScreenView, type ViewContext } from "./screen";

export interface QueueAgenciesScreen { kind: "queue-agencies"; regionCode: string }
export interface QueueDaysScreen { kind: "queue-days"; regionCode: string; agencyId: string | null; serviceId: string | null }
export interface QueueSlotsScreen { kind: "queue-slots"; regionCode: string; agencyId: string; serviceId: string | null; date: string }
/** `request` makes each chosen slot one booking request: Back and choosing again books again, a re-render never does. */
export interface QueueBookedScreen { kind: "queue-booked"; regionCode: string; agencyId: string; serviceId: string | null; date: string; slot: string; request: string }

type Next = QueueDaysScreen | QueueSlotsScreen | QueueBookedScreen;

const q = (ctx: ViewContext, key: QueueStringKey, p?: Record<string, string | number>) => qt(ctx.i18n.lang as Lang, key, p);

function queueApi(api: KioskApi): NonNullable<KioskApi["queue"]> {
  if (!api.queue) throw new Error("kiosk: the queue is not available here");
  return api.queue;
}

/** "Ambil antrean" on the agency and service screens (their `act` opens the flow). */
export function queueAction(ctx: ViewContext): KioskAction {
  return { id: "queue", label: q(ctx, "book.open") };
}

function view<S>(screen: S, ctx: ViewContext, title: string, subtitle: string | null, items: ScreenView["items"], sections: KioskSection[]): ScreenView<S> {
  return { screen, status: "ready", title, subtitle, intro: null, items, sections, notice: null, actions: navActions(ctx) };
}

/** No building, no queue: the consultation desk instead (its link opens in the DOM mirror). */
function noMppView<S>(screen: S, ctx: ViewContext, day: QueueDay, regionName: string): ScreenView<S> {
  return view(screen, ctx, q(ctx, "book.title"), regionName, [], [{
    id: "queue-no-mpp", heading: q(ctx, "book.title"),
    lines: [{ text: q(ctx, "book.noMpp", { region: regionName }) }, { text: q(ctx, "book.consult"), href: `/layanan/${day.region}` }],
  }]);
}

let requests = 0;
const newRequest = () => `${Date.now().toString(36)}-${(++requests).toString(36)}`;

// ---- the ticket machine's first screen: which agency ----

interface AgenciesData { day: QueueDay; regionName: string }

export const queueAgenciesScreen: ScreenDef<QueueAgenciesScreen, AgenciesData, QueueDaysScreen> = {
  kind: "queue-agencies",
  parse(value) {
    const regionCode = field(value, "regionCode");
    return value.kind === "queue-agencies" && regionCode ? { kind: "queue-agencies", regionCode } : null;
  },
  key: (s) => `queue-agencies:${s.regionCode}`,
  async load(s, api) {
    const [day, region] = await Promise.all([queueApi(api).day(s.regionCode), api.region(s.regionCode)]);
    return { day, regionName: region.name };
  },
  view(screen, { day, regionName }, ctx) {
    if (day.physicalMpp !== "yes") return noMppView(screen, ctx, day, regionName);
    const items = day.agencies.map((a) => ({ id: a.agencyId, label: a.shortName, detail: a.counters.length ? q(ctx, "book.counters", { labels: a.counters.join(", ") }) : null }));
    return view(screen, ctx, q(ctx, "book.title"), `${regionName} · ${q(ctx, "book.agency")}`, items, []);
  },
  select: (s, agencyId) => ({ kind: "queue-days", regionCode: s.regionCode, agencyId, serviceId: null }),
};

// ---- which day ----

interface DaysData { days: QueueDay[]; agencyId: string | null; service: Service | null; regionName: string }

export const queueDaysScreen: ScreenDef<QueueDaysScreen, DaysData, QueueSlotsScreen> = {
  kind: "queue-days",
  parse(value) {
    const regionCode = field(value, "regionCode");
    return value.kind === "queue-days" && regionCode
      ? { kind: "queue-days", regionCode, agencyId: field(value, "agencyId"), serviceId: field(value, "serviceId") }
      : null;
  },
  key: (s) => `queue-days:${s.regionCode}:${s.agencyId ?? ""}:${s.serviceId ?? ""}`,
  async load(s, api) {
    const queue = queueApi(api);
    const [first, region, service] = await Promise.all([
      queue.day(s.regionCode), api.region(s.regionCode), s.serviceId ? api.service(s.serviceId) : Promise.resolve(null),
    ]);
    const agencyId = s.agencyId ?? service?.agencyId ?? null;
    if (first.physicalMpp !== "yes") return { days: [first], agencyId, service, regionName: region.name };
    const dates: string[] = [];
    for (let d = first.window.from; d <= first.window.to && dates.length < 15; d = addDays(d, 1)) dates.push(d);
    const days = await Promise.all(dates.map((d) => (d === first.date ? first : queue.day(s.regionCode, d))));
    return { days, agencyId, service, regionName: region.name };
  },
  view(screen, data, ctx) {
    const first = data.days[0]!;
    if (first.physicalMpp !== "yes") return noMppView(screen, ctx, first, data.regionName);
    const agency = first.agencies.find((a) => a.agencyId === data.agencyId);
    const subtitle = [agency?.shortName ?? null, data.service?.name ?? null].filter((x) => x !== null).join(" · ") || data.regionName;
    if (!agency) return view(screen, ctx, q(ctx, "book.day"), subtitle, [], [{ heading: q(ctx, "book.title"), lines: [{ text: q(ctx, "book.noAgency") }] }]);
    const options = dayOptions(data.days, agency.agencyId, ctx.i18n.lang as Lang, { full: q(ctx, "book.full"), noSlots: q(ctx, "book.noSlots") });
    const items = options.filter((o) => o.reason === null).map((o) => ({ id: `${agency.agencyId}/${o.date}`, label: o.label, detail: q(ctx, "book.free", { n: o.free }) }));
    const closed = options.filter((o) => o.reason !== null).map((o) => ({ text: `${o.label}: ${o.reason}` }));
    return view(screen, ctx, q(ctx, "book.day"), subtitle, items, closed.length ? [{ id: "queue-closed-days", heading: q(ctx, "book.closedDays"), lines: closed }] : []);
  },
  // A row is "agency/date": from a service's kiosk the agency is known only once the service is loaded.
  select(s, itemId) {
    const cut = itemId.lastIndexOf("/");
    return cut > 0 ? { kind: "queue-slots", regionCode: s.regionCode, agencyId: itemId.slice(0, cut), serviceId: s.serviceId, date: itemId.slice(cut + 1) } : null;
  },
};

// ---- which arrival slot ----

export const queueSlotsScreen: ScreenDef<QueueSlotsScreen, QueueDay, QueueBookedScreen> = {
  kind: "queue-slots",
  parse(value) {
    const regionCode = field(value, "regionCode");
    const agencyId = field(value, "agencyId");
    const date = field(value, "date");
    return value.kind === "queue-slots" && regionCode && agencyId && date
      ? { kind: "queue-slots", regionCode, agencyId, serviceId: field(value, "serviceId"), date }
      : null;
  },
  key: (s) => `queue-slots:${s.regionCode}:${s.agencyId}:${s.serviceId ?? ""}:${s.date}`,
  load: (s, api) => queueApi(api).day(s.regionCode, s.date),
  view(screen, day, ctx) {
    const agency = day.agencies.find((a) => a.agencyId === screen.agencyId);
    if (!agency) throw new Error(`kiosk screen queue-slots: agency ${screen.agencyId} takes no bookings in ${day.region}`);
    const items = agency.slots.filter((s) => s.bookable).map((s) => ({ id: s.start, label: `${s.start}–${s.end}`, detail: q(ctx, "book.free", { n: s.remaining }) }));
    const full = agency.slots.filter((s) => !s.bookable).map((s) => ({ text: `${s.start}–${s.end}: ${s.reason === "slot_full" ? q(ctx, "book.full") : q(ctx, "book.closed")}` }));
    const sections: KioskSection[] = [{ id: "queue-privacy", heading: q(ctx, "book.details"), lines: [{ text: q(ctx, "book.privacyKiosk", { days: day.retentionDays }) }] }];
    if (full.length) sections.push({ id: "queue-closed-slots", heading: q(ctx, "book.closedDays"), lines: full });
    return view(screen, ctx, q(ctx, "book.slot"), `${agency.shortName} · ${day.date}`, items, sections);
  },
  select: (s, slot) => ({ ...s, kind: "queue-booked", slot, request: newRequest() }),
};

// ---- the booking ----

/** `refused`: the server's refusal (slot just taken, limit reached), already in the visitor's language. */
export type BookedData = { booking: Booking; agencyName: string; service: Service | null } | { refused: string };

export const queueBookedScreen: ScreenDef<QueueBookedScreen, BookedData, never> = {
  kind: "queue-booked",
  parse(value) {
    const [regionCode, agencyId, date, slot, request] = ["regionCode", "agencyId", "date", "slot", "request"].map((n) => field(value, n));
    return value.kind === "queue-booked" && regionCode && agencyId && date && slot && request
      ? { kind: "queue-booked", regionCode, agencyId, serviceId: field(value, "serviceId"), date, slot, request }
      : null;
  },
  key: (s) => `queue-booked:${s.request}`,
  async load(s, api) {
    const [region, service] = await Promise.all([api.region(s.regionCode), s.serviceId ? api.service(s.serviceId) : Promise.resolve(null)]);
    let booking: Booking;
    try {
      booking = await queueApi(api).book({ agencyId: s.agencyId, date: s.date, slot: s.slot, ...(s.serviceId ? { serviceId: s.serviceId } : {}) });
    } catch (err) {
      // A refusal is an answer to show; no answer (network, timeout, 5xx) stays an error: no number is invented.
      const e = err as { kind?: string; status?: number | null; message?: string };
      if (e.kind === "http" && (e.status ?? 500) < 500 && e.message) return { refused: e.message };
      throw err;
    }
    const agency = region.agencies.find((a) => a.id === booking.agencyId);
    return { booking, agencyName: agency?.shortName ?? booking.agencyId, service };
  },
  view(screen, data, ctx) {
    if ("refused" in data) return view(screen, ctx, q(ctx, "book.title"), null, [], [{ id: "queue-refused", heading: q(ctx, "book.title"), lines: [{ text: data.refused }] }]);
    const { booking: b, agencyName, service } = data;
    const bring = service?.requirements ?? [];
    return view(screen, ctx, q(ctx, "book.done"), `${agencyName} · ${q(ctx, "book.number")} ${b.number}`, [], [
      { id: "queue-number", heading: q(ctx, "book.number"), lines: [{ text: b.number }] },
      { id: "queue-code", heading: q(ctx, "book.code"), lines: [{ text: formatCode(b.code) }, { text: q(ctx, "book.codeHint") }] },
      { id: "queue-when", heading: q(ctx, "book.when.title"), lines: [{ text: q(ctx, "book.when", { date: b.date, slot: b.slot, end: b.slotEnd }) }, { text: `${agencyName} · ${q(ctx, "book.counters", { labels: b.counters.join(", ") })}` }] },
      { id: "queue-bring", heading: q(ctx, "book.bring"), lines: bring.length ? bring.map((text) => ({ text })) : [{ text: q(ctx, "book.bringNone") }] },
    ]);
  },
};

export type QueueScreen = QueueAgenciesScreen | Next;

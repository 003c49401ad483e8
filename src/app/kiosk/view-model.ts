// What a kiosk shows, as plain data: the 3D GUI panel (kiosk/service-panel.ts) and the DOM
// mirror (ui/service-mirror.ts) both render a KioskView, so sighted VR users and screen-reader
// users always get the same content. Pure functions of (screen, data, language); no DOM, no Babylon.
import type { RegionDetail, Service, ServiceSummary } from "../../domain/types";
import { localName, serviceRow, serviceSheet, type SheetLine } from "../../domain/service-sheet";
import type { I18n } from "../i18n/i18n";

export type KioskScreen =
  | { kind: "agencies"; regionCode: string }
  | { kind: "services"; regionCode: string; agencyId: string }
  | { kind: "service"; serviceId: string };

export type KioskActionId = "back" | "close" | "retry" | "online";

export interface KioskItem { id: string; label: string; detail: string | null }
/** A block of text; a service's sections come from the domain's service sheet (id "fee", ...). */
export interface KioskSection { id?: string; heading: string; lines: readonly SheetLine[]; ordered?: boolean }
export interface KioskNotice { kind: "verified" | "unverified" | "stale" | "error"; text: string }
export interface KioskAction { id: KioskActionId; label: string; href?: string }

export interface KioskView {
  screen: KioskScreen;
  status: "loading" | "ready" | "error";
  title: string;
  subtitle: string | null;
  /** A paragraph under the title (a service's description). */
  intro: string | null;
  items: KioskItem[];
  sections: KioskSection[];
  notice: KioskNotice | null;
  actions: KioskAction[];
}

export type ViewI18n = Pick<I18n, "lang" | "t" | "formatDateTime">;

export interface ViewContext {
  i18n: ViewI18n;
  /** Whether a previous screen exists (adds the Back action). */
  canGoBack: boolean;
  /** Set when the data may be old (served from cache while offline): shown as "Informasi per …". */
  dataAsOf?: Date | string | null;
}

/** A stable string for a screen, for caches and comparisons. */
export function screenKey(screen: KioskScreen): string {
  switch (screen.kind) {
    case "agencies": return `agencies:${screen.regionCode}`;
    case "services": return `services:${screen.regionCode}:${screen.agencyId}`;
    case "service": return `service:${screen.serviceId}`;
  }
}

function navActions(ctx: ViewContext, extra: KioskAction[] = []): KioskAction[] {
  const { t } = ctx.i18n;
  return [
    ...(ctx.canGoBack ? [{ id: "back" as const, label: t("action.back") }] : []),
    ...extra,
    { id: "close", label: t("action.close") },
  ];
}

function staleNotice(ctx: ViewContext): KioskNotice | null {
  if (ctx.dataAsOf === undefined || ctx.dataAsOf === null) return null;
  return { kind: "stale", text: ctx.i18n.t("data.asOf", { datetime: ctx.i18n.formatDateTime(ctx.dataAsOf) }) };
}

export function loadingView(screen: KioskScreen, ctx: ViewContext): KioskView {
  return {
    screen, status: "loading", title: ctx.i18n.t("kiosk.loading"), subtitle: null, intro: null,
    items: [], sections: [], notice: null, actions: navActions(ctx),
  };
}

/** `message` replaces the generic "could not be loaded" text, e.g. for an unreachable server. */
export function errorView(screen: KioskScreen, ctx: ViewContext, message?: string): KioskView {
  const { t } = ctx.i18n;
  return {
    screen, status: "error", title: t("kiosk.error"), subtitle: null, intro: null, items: [], sections: [],
    notice: { kind: "error", text: message ?? t("kiosk.error") },
    actions: navActions(ctx, [{ id: "retry", label: t("action.retry") }]),
  };
}

function serviceCount(n: number, ctx: ViewContext): string {
  return n === 1 ? ctx.i18n.t("kiosk.serviceCountOne") : ctx.i18n.t("kiosk.serviceCount", { n });
}

export function agenciesView(
  screen: Extract<KioskScreen, { kind: "agencies" }>, region: RegionDetail, ctx: ViewContext,
): KioskView {
  if (region.code !== screen.regionCode) {
    throw new Error(`view-model: region ${region.code} given for screen of ${screen.regionCode}`);
  }
  const { t, lang } = ctx.i18n;
  const items = region.agencies.map((a) => {
    const counters = a.counters.map((c) => c.label).join(", ");
    const detail = [serviceCount(a.serviceCount, ctx), counters ? t("kiosk.counters", { labels: counters }) : null]
      .filter((x): x is string => x !== null).join(" · ");
    return { id: a.id, label: localName(a, lang), detail };
  });
  return {
    screen, status: "ready", title: region.name, subtitle: t("kiosk.chooseAgency"), intro: null, items,
    sections: items.length === 0 ? [{ heading: region.name, lines: [{ text: t("kiosk.noAgencies") }] }] : [],
    notice: staleNotice(ctx), actions: navActions(ctx),
  };
}

export function servicesView(
  screen: Extract<KioskScreen, { kind: "services" }>,
  data: { region: RegionDetail; services: readonly ServiceSummary[] },
  ctx: ViewContext,
): KioskView {
  const { t, lang } = ctx.i18n;
  const agency = data.region.agencies.find((a) => a.id === screen.agencyId);
  if (!agency) throw new Error(`view-model: agency ${screen.agencyId} is not in region ${data.region.code}`);
  const items = data.services
    .filter((s) => s.agencyId === screen.agencyId)
    .map((s) => {
      const row = serviceRow(s, lang);
      return { id: s.id, label: row.name, detail: row.notVerified ? `${row.fee} · ${row.notVerified}` : row.fee };
    });
  return {
    screen, status: "ready", title: localName(agency, lang), subtitle: data.region.name, intro: null, items,
    sections: items.length === 0 ? [{ heading: t("kiosk.chooseService"), lines: [{ text: t("kiosk.noServices") }] }] : [],
    notice: staleNotice(ctx), actions: navActions(ctx),
  };
}

/** A service: the domain's service sheet, plus the kiosk's own "information as of" notice. */
export function serviceView(
  screen: Extract<KioskScreen, { kind: "service" }>, service: Service, ctx: ViewContext,
): KioskView {
  if (service.id !== screen.serviceId) {
    throw new Error(`view-model: service ${service.id} given for screen of ${screen.serviceId}`);
  }
  const sheet = serviceSheet(service, ctx.i18n.lang);
  const verification: KioskNotice = { kind: sheet.verification.verified ? "verified" : "unverified", text: sheet.verification.text };
  const stale = staleNotice(ctx);
  // When the notice is taken by "information as of", the verification line moves under the source.
  const sections: KioskSection[] = sheet.sections.map((s) =>
    s.id === "source" && stale ? { ...s, lines: [...s.lines, { text: verification.text }] } : s);
  return {
    screen, status: "ready",
    title: sheet.title,
    subtitle: sheet.subtitle,
    intro: sheet.description,
    items: [], sections,
    notice: stale ?? verification,
    actions: navActions(ctx, sheet.online ? [{ id: "online", label: sheet.online.label, href: sheet.online.href }] : []),
  };
}

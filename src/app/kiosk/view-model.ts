// What a kiosk shows, as plain data: the 3D GUI panel (kiosk/service-panel.ts) and the DOM
// mirror (ui/service-mirror.ts) both render a KioskView, so sighted VR users and screen-reader
// users always get the same content. Pure functions of (screen, data, language); no DOM, no Babylon.
import type { Agency, RegionDetail, Service, ServiceSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";

export type KioskScreen =
  | { kind: "agencies"; regionCode: string }
  | { kind: "services"; regionCode: string; agencyId: string }
  | { kind: "service"; serviceId: string };

export type KioskActionId = "back" | "close" | "retry" | "online";

export interface KioskItem { id: string; label: string; detail: string | null }
export interface KioskSection { heading: string; lines: string[] }
export interface KioskNotice { kind: "verified" | "unverified" | "stale" | "error"; text: string }
export interface KioskAction { id: KioskActionId; label: string; href?: string }

export interface KioskView {
  screen: KioskScreen;
  status: "loading" | "ready" | "error";
  title: string;
  subtitle: string | null;
  items: KioskItem[];
  sections: KioskSection[];
  notice: KioskNotice | null;
  actions: KioskAction[];
}

export type ViewI18n = Pick<I18n, "lang" | "t" | "formatDate" | "formatDateTime" | "formatRupiah">;

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

export function agencyLabel(agency: Pick<Agency, "name" | "nameEn">, lang: ViewI18n["lang"]): string {
  return lang === "en" && agency.nameEn ? agency.nameEn : agency.name;
}

export function serviceLabel(service: Pick<ServiceSummary, "name" | "nameEn">, lang: ViewI18n["lang"]): string {
  return lang === "en" && service.nameEn ? service.nameEn : service.name;
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
    screen, status: "loading", title: ctx.i18n.t("kiosk.loading"), subtitle: null,
    items: [], sections: [], notice: null, actions: navActions(ctx),
  };
}

/** `message` replaces the generic "could not be loaded" text, e.g. for an unreachable server. */
export function errorView(screen: KioskScreen, ctx: ViewContext, message?: string): KioskView {
  const { t } = ctx.i18n;
  return {
    screen, status: "error", title: t("kiosk.error"), subtitle: null, items: [], sections: [],
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
    return { id: a.id, label: agencyLabel(a, lang), detail };
  });
  return {
    screen, status: "ready", title: region.name, subtitle: t("kiosk.chooseAgency"), items,
    sections: items.length === 0 ? [{ heading: region.name, lines: [t("kiosk.noAgencies")] }] : [],
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
    .map((s) => ({
      id: s.id,
      label: serviceLabel(s, lang),
      detail: [ctx.i18n.formatRupiah(s.fee.amount), s.verified ? null : t("kiosk.unverified")]
        .filter((x): x is string => x !== null).join(" · "),
    }));
  return {
    screen, status: "ready", title: agencyLabel(agency, lang), subtitle: data.region.name, items,
    sections: items.length === 0 ? [{ heading: t("kiosk.chooseService"), lines: [t("kiosk.noServices")] }] : [],
    notice: staleNotice(ctx), actions: navActions(ctx),
  };
}

/** Only web links may become a clickable "online" action: the data must never inject `javascript:`. */
export function safeHttpUrl(value: string | null): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    return u.protocol === "https:" || u.protocol === "http:" ? u.href : null;
  } catch { return null; }
}

export function verificationText(service: Pick<Service, "verified" | "lastVerified" | "source">, ctx: ViewContext): KioskNotice {
  const { t } = ctx.i18n;
  if (service.verified && service.lastVerified) {
    return { kind: "verified", text: t("kiosk.lastVerified", { date: ctx.i18n.formatDate(service.lastVerified) }) };
  }
  return { kind: "unverified", text: service.source ? t("kiosk.unverified") : t("kiosk.unverifiedNoSource") };
}

export function serviceView(
  screen: Extract<KioskScreen, { kind: "service" }>, service: Service, ctx: ViewContext,
): KioskView {
  if (service.id !== screen.serviceId) {
    throw new Error(`view-model: service ${service.id} given for screen of ${screen.serviceId}`);
  }
  const { t, lang } = ctx.i18n;
  const unknown = t("kiosk.unknown");
  const orUnknown = (v: string | null) => [v && v.trim() ? v : unknown];
  const listOrUnknown = (xs: readonly string[]) => (xs.length > 0 ? [...xs] : [unknown]);
  const verification = verificationText(service, ctx);
  const stale = staleNotice(ctx);
  const online = safeHttpUrl(service.onlineUrl);

  const sections: KioskSection[] = [
    { heading: t("kiosk.fee"), lines: [ctx.i18n.formatRupiah(service.fee.amount), ...(service.fee.note ? [service.fee.note] : [])] },
    { heading: t("kiosk.requirements"), lines: listOrUnknown(service.requirements) },
    { heading: t("kiosk.steps"), lines: service.steps.length > 0 ? service.steps.map((s, i) => `${i + 1}. ${s}`) : [unknown] },
    { heading: t("kiosk.duration"), lines: orUnknown(service.duration) },
    { heading: t("kiosk.hours"), lines: orUnknown(service.hours) },
    { heading: t("kiosk.product"), lines: orUnknown(service.product) },
    { heading: t("kiosk.legalBasis"), lines: listOrUnknown(service.legalBasis) },
    {
      heading: t("kiosk.complaints"),
      lines: listOrUnknown(service.complaintChannels.map((c) => `${c.label}: ${c.value ?? t("kiosk.askAtCounter")}`)),
    },
    { heading: t("kiosk.online"), lines: orUnknown(service.onlineUrl) },
    // When the notice is taken by "information as of", the verification date moves here.
    { heading: t("kiosk.source"), lines: [...orUnknown(service.source), ...(stale ? [verification.text] : [])] },
  ];
  return {
    screen, status: "ready",
    title: serviceLabel(service, lang),
    subtitle: `${service.agencyName} · ${service.regionName}`,
    items: [], sections,
    notice: stale ?? verification,
    actions: navActions(ctx, online ? [{ id: "online", label: t("kiosk.online"), href: online }] : []),
  };
}

// One service in full: the domain's service sheet (the same description /layanan renders), with
// the kiosk's own "information as of" notice and a link to the online service.
import type { Service } from "../../../domain/types";
import { serviceSheet } from "../../../domain/service-sheet";
import { newSurvey, type SurveyScreen } from "./survey";
import { newTicket, type TicketScreen } from "./ticket";
import { ftext } from "./feedback-text";
import { queueAction, type QueueDaysScreen } from "./queue";
import { field, navActions, staleNotice, type KioskNotice, type KioskSection, type ScreenView, type ScreenDef, type ViewContext } from "./screen";

export interface ServiceScreen { kind: "service"; serviceId: string }

export function serviceView(screen: ServiceScreen, service: Service, ctx: ViewContext): ScreenView<ServiceScreen> {
  if (service.id !== screen.serviceId) {
    throw new Error(`kiosk screen service: service ${service.id} given for screen of ${screen.serviceId}`);
  }
  const sheet = serviceSheet(service, ctx.i18n.uiLang ?? ctx.i18n.lang, ctx.i18n.phrasebook ?? null);
  const verification: KioskNotice = { kind: sheet.verification.verified ? "verified" : "unverified", text: sheet.verification.text };
  const stale = staleNotice(ctx);
  // When the notice is taken by "information as of", the verification line moves under the source.
  const sections: KioskSection[] = sheet.sections.map((s) =>
    s.id === "source" && stale ? { ...s, lines: [...s.lines, { text: verification.text }] } : s);
  // A draft translation says so first, before anyone relies on it.
  if (sheet.translationNote) sections.unshift({ id: "translation", heading: sheet.translationNote, lines: [] });
  return {
    screen, status: "ready",
    title: sheet.title,
    subtitle: sheet.subtitle,
    intro: sheet.description,
    ...(sheet.titleLang !== sheet.lang ? { titleLang: sheet.titleLang } : {}),
    ...(sheet.descriptionLang !== sheet.lang ? { introLang: sheet.descriptionLang } : {}),
    items: [], sections,
    notice: stale ?? verification,
    // Ask about it or rate it (the SKM) right where it was read: each read is a visit.
    actions: navActions(ctx, [
      queueAction(ctx),
      ...(sheet.online ? [{ id: "online" as const, label: sheet.online.label, href: sheet.online.href }] : []),
      { id: "ask", label: ftext(ctx.i18n.lang, "action.ask") },
      { id: "rate", label: ftext(ctx.i18n.lang, "action.rate") },
    ]),
  };
}

export const serviceScreen: ScreenDef<ServiceScreen, Service, TicketScreen | SurveyScreen | QueueDaysScreen> = {
  kind: "service",
  parse(value) {
    const serviceId = field(value, "serviceId");
    return value.kind === "service" && serviceId ? { kind: "service", serviceId } : null;
  },
  key: (s) => `service:${s.serviceId}`,
  load: (s, api) => api.service(s.serviceId),
  view: serviceView,
  act(s, actionId, service) {
    const about = { agencyId: service.agencyId, serviceId: s.serviceId };
    if (actionId === "ask") return newTicket(service.regionCode, about);
    if (actionId === "rate") return newSurvey(service.regionCode, about);
    if (actionId === "queue") return { kind: "queue-days", regionCode: service.regionCode, agencyId: null, serviceId: s.serviceId };
    return null;
  },
};

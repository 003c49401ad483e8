// A question (konsultasi) or complaint (pengaduan) as kiosk screens, so it works on the 3D panel
// (mouse, touch, a headset's pointer, with the panel's keyboard) and in the DOM mirror alike.
// One screen kind whose step follows from what is filled in: kind, then what it is about (the MPP
// or one of its agencies), the text, an optional contact, a check; then "ticket-sent" sends it
// and shows the tracking code. Everything typed is checked by the domain's rules before it leaves
// (normalizeCitizenText, parseContact) and stays text on every surface.
import type { RegionDetail } from "../../../domain/types";
import { localName } from "../../../domain/service-sheet";
import { CITIZEN_TEXT_MAX, normalizeCitizenText, parseContact } from "../../../domain/feedback/text";
import { TICKET_KIND_LABELS, type TicketKind } from "../../../domain/feedback/tickets";
import { field, navActions, type KioskItem, type KioskSection, type ScreenDef, type ScreenView, type ViewContext } from "./screen";
import { ftext, pick } from "./feedback-text";

/** `about`: "region" (the MPP in general) or an agency id; null fields are the steps still to do. */
export interface TicketScreen {
  kind: "ticket";
  regionCode: string;
  serviceId: string | null;
  ticketKind: TicketKind | null;
  about: string | null;
  text: string | null;
  /** "" when the visitor chose no contact. */
  contact: string | null;
}

export interface TicketSentScreen {
  kind: "ticket-sent";
  regionCode: string;
  serviceId: string | null;
  ticketKind: TicketKind;
  about: string;
  text: string;
  contact: string;
}

export const CONTACT_MAX = 254;

/** The first step of a question or complaint in `regionCode` (about a service, when given). */
export function newTicket(regionCode: string, opts: { ticketKind?: TicketKind; agencyId?: string; serviceId?: string } = {}): TicketScreen {
  return {
    kind: "ticket", regionCode, serviceId: opts.serviceId ?? null, ticketKind: opts.ticketKind ?? null,
    about: opts.agencyId ?? null, text: null, contact: null,
  };
}

type Step = "kind" | "about" | "text" | "contact" | "confirm";

export function ticketStep(s: TicketScreen): Step {
  if (s.ticketKind === null) return "kind";
  if (s.about === null) return "about";
  if (s.text === null) return "text";
  if (s.contact === null) return "contact";
  return "confirm";
}

const nullable = (v: { [k: string]: unknown }, name: string): string | null | undefined => {
  const x = v[name];
  return x === null || x === undefined ? null : typeof x === "string" ? x : undefined;
};
const isKind = (x: unknown): x is TicketKind => x === "konsultasi" || x === "pengaduan";

function aboutName(region: RegionDetail, about: string, ctx: ViewContext): string {
  if (about === "region") return ftext(ctx.i18n.lang, "ticket.aboutRegion", { region: region.name });
  const a = region.agencies.find((x) => x.id === about);
  return a ? localName(a, ctx.i18n.lang) : about;
}

function hint(lang: ViewContext["i18n"]["lang"], draft: string, check: { ok: boolean; message?: { id: string; en: string } }, fallback: string): string {
  return draft.trim() !== "" && !check.ok && check.message ? pick(lang, check.message) : fallback;
}

export function ticketView(screen: TicketScreen, region: RegionDetail, ctx: ViewContext): ScreenView<TicketScreen> {
  if (region.code !== screen.regionCode) throw new Error(`kiosk screen ticket: region ${region.code} given for ${screen.regionCode}`);
  const { lang } = ctx.i18n;
  const t = (k: Parameters<typeof ftext>[1], v?: Record<string, string | number>) => ftext(lang, k, v);
  const step = ticketStep(screen);
  const kindLabel = screen.ticketKind ? pick(lang, TICKET_KIND_LABELS[screen.ticketKind]) : t("ticket.chooseKind");
  const base = { screen, status: "ready" as const, title: kindLabel, subtitle: null as string | null, intro: null as string | null, notice: null, actions: navActions(ctx) };
  const draft = ctx.input ?? "";
  const next: KioskItem = { id: "next", label: t("ticket.next"), detail: null };
  switch (step) {
    case "kind":
      return {
        ...base, subtitle: region.name, intro: t("desk.intro"), sections: [],
        items: [
          { id: "konsultasi", label: t("desk.ask"), detail: null },
          { id: "pengaduan", label: t("desk.complain"), detail: null },
        ],
      };
    case "about":
      return {
        ...base, subtitle: t("ticket.about"), sections: [],
        items: [
          { id: "region", label: t("ticket.aboutRegion", { region: region.name }), detail: null },
          ...region.agencies.map((a) => ({ id: a.id, label: localName(a, lang), detail: null })),
        ],
      };
    case "text": {
      const check = normalizeCitizenText(draft);
      return {
        ...base, subtitle: aboutName(region, screen.about!, ctx), sections: [], items: [next],
        input: {
          label: t(screen.ticketKind === "pengaduan" ? "ticket.textLabel.pengaduan" : "ticket.textLabel.konsultasi"),
          value: draft, maxLength: CITIZEN_TEXT_MAX, multiline: true,
          hint: hint(lang, draft, check, t("ticket.textHint", { n: [...draft].length, max: CITIZEN_TEXT_MAX })),
        },
      };
    }
    case "contact":
      return {
        ...base, subtitle: aboutName(region, screen.about!, ctx), sections: [],
        items: [next, { id: "skip", label: t("ticket.skipContact"), detail: null }],
        input: {
          label: t("ticket.contactLabel"), value: draft, maxLength: CONTACT_MAX, multiline: false,
          hint: hint(lang, draft, parseContact(draft), t("ticket.contactHint")),
        },
      };
    case "confirm": {
      const sections: KioskSection[] = [
        { heading: t("ticket.aboutHeading"), lines: [{ text: aboutName(region, screen.about!, ctx) }] },
        { heading: t("ticket.textHeading"), lines: screen.text!.split("\n").map((line) => ({ text: line })) },
        { heading: t("ticket.contactHeading"), lines: [{ text: screen.contact || t("ticket.noContact") }] },
      ];
      return { ...base, subtitle: t("ticket.confirm"), sections, items: [{ id: "send", label: t("ticket.send"), detail: null }] };
    }
  }
}

export const ticketScreen: ScreenDef<TicketScreen, RegionDetail, TicketScreen | TicketSentScreen> = {
  kind: "ticket",
  parse(v) {
    const regionCode = field(v, "regionCode");
    const serviceId = nullable(v, "serviceId");
    const about = nullable(v, "about");
    const text = nullable(v, "text");
    const contact = v.contact === "" ? "" : nullable(v, "contact");
    const ticketKind = v.ticketKind === null || v.ticketKind === undefined ? null : isKind(v.ticketKind) ? v.ticketKind : undefined;
    if (v.kind !== "ticket" || !regionCode || serviceId === undefined || about === undefined || text === undefined || contact === undefined || ticketKind === undefined) return null;
    return { kind: "ticket", regionCode, serviceId, ticketKind, about, text, contact };
  },
  key: (s) => `ticket:${JSON.stringify([s.regionCode, s.serviceId, s.ticketKind, s.about, s.text, s.contact])}`,
  load: (s, api) => api.region(s.regionCode),
  view: ticketView,
  select(s, itemId, input = "") {
    switch (ticketStep(s)) {
      case "kind": return isKind(itemId) ? { ...s, ticketKind: itemId } : null;
      case "about": return { ...s, about: itemId };
      case "text": {
        const check = normalizeCitizenText(input);
        return itemId === "next" && check.ok ? { ...s, text: check.text } : null;
      }
      case "contact": {
        if (itemId === "skip") return { ...s, contact: "" };
        if (input.trim() === "") return { ...s, contact: "" };
        const c = parseContact(input);
        return itemId === "next" && c.ok ? { ...s, contact: c.value } : null;
      }
      case "confirm":
        return itemId === "send"
          ? { kind: "ticket-sent", regionCode: s.regionCode, serviceId: s.serviceId, ticketKind: s.ticketKind!, about: s.about!, text: s.text!, contact: s.contact! }
          : null;
    }
  },
};

export interface SentTicket { code: string; formattedCode: string }

export const ticketSentScreen: ScreenDef<TicketSentScreen, SentTicket, never> = {
  kind: "ticket-sent",
  parse(v) {
    const regionCode = field(v, "regionCode");
    const about = field(v, "about");
    const text = field(v, "text");
    const serviceId = nullable(v, "serviceId");
    const contact = typeof v.contact === "string" ? v.contact : null;
    if (v.kind !== "ticket-sent" || !regionCode || !about || !text || serviceId === undefined || contact === null || !isKind(v.ticketKind)) return null;
    return { kind: "ticket-sent", regionCode, serviceId, ticketKind: v.ticketKind, about, text, contact };
  },
  key: (s) => `ticket-sent:${JSON.stringify([s.regionCode, s.serviceId, s.ticketKind, s.about, s.text, s.contact])}`,
  // Sending is this screen's load: it runs once per screen (the controller keeps the answer), and
  // Retry after a failure sends again; nothing is sent twice from one kiosk screen.
  async load(s, api) {
    if (!api.feedback) throw new Error(ftext("id", "error.unavailable"));
    const f = await api.feedback();
    return f.createTicket({
      kind: s.ticketKind, regionCode: s.regionCode, agencyId: s.about === "region" ? null : s.about,
      serviceId: s.serviceId, text: s.text, contact: s.contact === "" ? null : s.contact,
    });
  },
  view(screen, sent, ctx) {
    const t = (k: Parameters<typeof ftext>[1], v?: Record<string, string | number>) => ftext(ctx.i18n.lang, k, v);
    return {
      screen, status: "ready", title: t("ticket.sentTitle"), subtitle: pick(ctx.i18n.lang, TICKET_KIND_LABELS[screen.ticketKind]), intro: null,
      items: [],
      sections: [
        { id: "ticket-code", heading: t("ticket.codeHeading"), lines: [{ text: sent.formattedCode }] },
        { heading: t("ticket.trackHeading"), lines: [{ text: t("ticket.track", { code: sent.code }) }] },
      ],
      notice: { kind: "verified", text: t("ticket.sentNotice", { code: sent.formattedCode }) },
      // No Back: the ticket is sent; going back would only show the form of a ticket that exists.
      actions: navActions({ ...ctx, canGoBack: false }),
    };
  },
};

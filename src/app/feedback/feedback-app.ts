// Questions, complaints and the SKM in the page (loaded with import() on first use, so the 3D app's
// first load does not carry it): the dialog and its screens, the "ask / rate" bar under a service
// that was read (each read is a visit the server may be asked to rate once), /?ticket=CODE, and
// the lobby's end of visit. Only the wiring lives here; each screen is its own module.
import css from "./feedback.css";
import type { ApiClient } from "../api/client";
import type { I18n } from "../i18n/i18n";
import { createOnScreenKeyboard, type OnScreenKeyboard } from "../lobby/on-screen-keyboard";
import { CITIZEN_TEXT_MAX } from "../../domain/feedback/text";
import { normalizeTrackingCode } from "../../domain/feedback/tickets";
import { createFeedbackDialog, type FeedbackDialog } from "./dialog";
import { createFeedbackApi, type FeedbackApi, type Visit } from "./feedback-api";
import { createLobbySurvey, type LobbySurvey } from "./lobby-survey";
import { createKioskFeedback } from "./kiosk-feedback";
import type { KioskFeedbackApi } from "../kiosk/screens/screen";
import { createServiceBar, type ServiceBar } from "./service-bar";
import { surveyScreen } from "./survey-form";
import { ticketFormScreen, type TicketFormContext } from "./ticket-form";
import { ticketViewScreen } from "./ticket-view";
import { queueVisitScreen, type QueueVisitDeps } from "./queue-visit";

export const FEEDBACK_STYLE_ID = "mpp-feedback-styles";

export interface FeedbackAppDeps {
  win: Window;
  uiRoot: HTMLElement;
  i18n: I18n;
  api: Pick<ApiClient, "regions" | "region" | "service">;
  kioskMode: boolean;
  feedbackApi?: FeedbackApi;
  /** True while a headset shows the MPP (tickets then say they came from VR). */
  inXr?: () => boolean;
  /** A queue number by its code (the queue's client), for the SKM after a number used. */
  queueTicket?: QueueVisitDeps["ticket"];
}

export interface ShownService { id: string; name: string; agencyId: string; agencyName: string; regionCode: string }

export interface FeedbackApp {
  readonly dialog: FeedbackDialog;
  /** For the kiosk screens (help desk, ticket, survey) on the 3D panel and its mirror. */
  readonly kiosk: KioskFeedbackApi;
  openForm(ctx?: Partial<TicketFormContext>): void;
  /** Opens a ticket by a code as typed; false when it is not a code. */
  openTicket(code: string): boolean;
  /** The SKM of a served queue number, by its booking or ticket code (/?antrean=CODE). */
  openQueueVisit(code: string): void;
  /** The kiosk now shows this service (read), or no service. */
  serviceShown(service: ShownService | null): void;
  /** The lobby's end-of-visit survey for the MPP of `regionCode`. */
  lobbySurvey(regionCode: string | null): LobbySurvey;
  dispose(): void;
}

export function startFeedback(deps: FeedbackAppDeps): FeedbackApp {
  const { win, uiRoot, i18n, api, kioskMode } = deps;
  const doc = win.document;
  const style = doc.createElement("style");
  style.id = FEEDBACK_STYLE_ID;
  style.textContent = css;
  doc.head.appendChild(style);

  const fapi = deps.feedbackApi ?? createFeedbackApi();
  // The lobby's own keyboard types into whichever text field of the dialog has focus.
  let osk: OnScreenKeyboard | null = null;
  const keyboardFor = (field: HTMLInputElement | HTMLTextAreaElement | null) => {
    osk?.dispose();
    osk = null;
    doc.documentElement.classList.toggle("kiosk-feedback-keyboard", field !== null);
    if (!field) return;
    osk = createOnScreenKeyboard(uiRoot, { input: field, i18n, testId: "feedback-osk", maxLength: field.tagName === "TEXTAREA" ? CITIZEN_TEXT_MAX : 254, onClose: () => keyboardFor(null) });
    osk.show();
  };
  const dialog = createFeedbackDialog(uiRoot, { api: fapi, i18n, kioskMode, ...(kioskMode ? { onTextFocus: keyboardFor } : {}) });
  dialog.onClose(() => keyboardFor(null));

  const formData = {
    regions: async () => (await api.regions()).map((r) => ({ code: r.code, name: r.name })),
    agencies: async (code: string) => (await api.region(code)).agencies.map((a) => ({ id: a.id, name: a.name })),
  };
  const channel: TicketFormContext["channel"] = kioskMode ? "lobby" : "web";
  let shown: ShownService | null = null;
  let lastAgency: { id: string; name: string } | null = null;
  // One visit per service read in this page (a lobby reset forgets them).
  const visits = new Map<string, Promise<Visit | null>>();
  const visitOf = (serviceId: string) => {
    let v = visits.get(serviceId);
    if (!v) visits.set(serviceId, (v = fapi.visit({ kind: "service", serviceId }).catch(() => null)));
    return v;
  };
  // A visit to an MPP as a whole (its help desk, without a service read): one per region and page.
  const mppVisitOf = (regionCode: string) => {
    const key = `mpp:${regionCode}`;
    let v = visits.get(key);
    if (!v) visits.set(key, (v = fapi.visit({ kind: "lobby", regionCode }).catch(() => null)));
    return v;
  };
  const kiosk = createKioskFeedback({
    api: fapi,
    lang: () => i18n.lang,
    channel: () => (deps.inXr?.() ? "xr" : channel),
    serviceVisit: visitOf,
    mppVisit: mppVisitOf,
  });

  function openForm(ctx: Partial<TicketFormContext> = {}) {
    const s = shown;
    dialog.show(ticketFormScreen(dialog, formData, {
      regionCode: ctx.regionCode ?? s?.regionCode ?? null,
      agencyId: ctx.agencyId ?? s?.agencyId ?? null,
      serviceId: ctx.serviceId ?? s?.id ?? null,
      serviceName: ctx.serviceName ?? s?.name ?? null,
      channel: ctx.channel ?? channel,
    }, (code) => void openTicket(code)));
  }

  function openTicket(typed: string): boolean {
    const code = normalizeTrackingCode(typed);
    if (!code) return false;
    dialog.show(ticketViewScreen(dialog, code));
    // Closing the ticket takes ?ticket= out of the address (a later share should not carry it).
    const off = dialog.onClose(() => {
      off();
      const url = new URL(win.location.href);
      if (!url.searchParams.has("ticket")) return;
      url.searchParams.delete("ticket");
      win.history.replaceState(win.history.state, "", url.pathname + url.search + url.hash);
    });
    return true;
  }

  function openQueueVisit(code: string) {
    if (!deps.queueTicket) return;
    dialog.show(queueVisitScreen(dialog, code, {
      ticket: deps.queueTicket,
      agencyName: async (region, agencyId) => (await api.region(region)).agencies.find((a) => a.id === agencyId)?.name ?? null,
    }));
    // Closing takes ?antrean= out of the address (a later share should not carry the code).
    const off = dialog.onClose(() => {
      off();
      const url = new URL(win.location.href);
      if (!url.searchParams.has("antrean")) return;
      url.searchParams.delete("antrean");
      win.history.replaceState(win.history.state, "", url.pathname + url.search + url.hash);
    });
  }

  const bar: ServiceBar = createServiceBar(uiRoot, {
    i18n,
    onAsk: () => openForm(),
    onRate: async () => {
      const s = shown;
      if (!s) return;
      const visit = await visitOf(s.id);
      if (!visit) return;
      dialog.show(surveyScreen(dialog, { visit, agencyName: s.agencyName }));
    },
  });

  const lobbies: LobbySurvey[] = [];

  return {
    dialog,
    kiosk,
    openForm,
    openTicket,
    openQueueVisit,
    serviceShown(service) {
      shown = service;
      if (service) {
        lastAgency = { id: service.agencyId, name: service.agencyName };
        void visitOf(service.id);
      }
      bar.show(service !== null);
    },
    lobbySurvey(regionCode) {
      const lobby = createLobbySurvey(uiRoot, {
        i18n, dialog, api: fapi, regionCode,
        agencies: regionCode ? () => formData.agencies(regionCode) : async () => [],
        lastAgency: () => lastAgency,
        forget: () => { visits.clear(); shown = null; lastAgency = null; bar.show(false); },
      });
      lobbies.push(lobby);
      return lobby;
    },
    dispose() {
      for (const l of lobbies.splice(0)) l.dispose();
      bar.dispose();
      dialog.dispose();
      osk?.dispose();
      style.remove();
    },
  };
}

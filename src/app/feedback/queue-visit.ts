// The SKM after a queue number used (issue 15): /?antrean=CODE (the QR code on a walk-in ticket) or
// "Nilai layanan" on a served booking. Looks the code up; once the number was served the answer
// holds the visit's token, and "Nilai layanan" opens the survey for it (one survey per visit: the
// server refuses a second). Before that, or after, it says why there is nothing to rate.
import type { QueueTicket } from "../../domain/queue/shapes";
import { el } from "../ui/dom";
import { errorMessage, type FeedbackHost, type Screen } from "./dialog";
import type { Ft } from "./strings";
import { surveyScreen } from "./survey-form";

export interface QueueVisitDeps {
  ticket(code: string): Promise<QueueTicket>;
  agencyName(regionCode: string, agencyId: string): Promise<string | null>;
}

type Load = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; ticket: QueueTicket; agency: string };

export function queueVisitScreen(host: FeedbackHost, code: string, deps: QueueVisitDeps): Screen {
  let load: Load = { state: "loading" };
  let disposed = false;

  async function fetchTicket() {
    try {
      const ticket = await deps.ticket(code);
      const agency = await deps.agencyName(ticket.regionCode, ticket.agencyId).catch(() => null);
      load = { state: "ready", ticket, agency: agency ?? ticket.agencyId };
    } catch (err) {
      const e = err as { status?: number | null; code?: string | null };
      load = { state: "error", message: e?.status === 404 ? host.ft()("queue.notFound") : errorMessage(host.ft(), err) };
    }
    if (!disposed) host.refresh();
  }
  void fetchTicket();

  function why(t: QueueTicket, ft: Ft): string {
    if (t.survey?.state === "used") return ft("survey.used");
    if (t.survey?.state === "expired") return ft("survey.expired");
    if (t.status === "waiting" || t.status === "called") return ft("queue.notYet");
    return ft("queue.nothing");
  }

  return {
    dispose() { disposed = true; },
    render(body, ft) {
      const doc = host.doc;
      if (load.state === "loading") {
        body.append(el(doc, "p", { role: "status" }, ft("ticket.loading")));
        return ft("queue.title");
      }
      if (load.state === "error") {
        const retry = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "queue-visit-retry" }, ft("ticket.refresh"));
        retry.addEventListener("click", () => { load = { state: "loading" }; host.refresh(); void fetchTicket(); });
        body.append(el(doc, "p", { class: "mpp-notice mpp-notice--error", role: "alert", "data-testid": "queue-visit-error" }, load.message), retry);
        return ft("queue.title");
      }
      const { ticket: t, agency } = load;
      body.append(el(doc, "dl", { class: "mpp-feedback__facts" },
        el(doc, "dt", {}, ft("queue.number")), el(doc, "dd", { "data-testid": "queue-visit-number" }, el(doc, "strong", {}, t.number)),
        el(doc, "dt", {}, ft("survey.agency")), el(doc, "dd", {}, agency),
        el(doc, "dt", {}, ft("queue.date")), el(doc, "dd", {}, host.i18n.formatDate(t.date))));
      const s = t.survey;
      if (s?.state === "open" && s.token) {
        const rate = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-testid": "queue-visit-rate" }, ft("queue.rate"));
        rate.addEventListener("click", () => host.show(surveyScreen(host, {
          visit: { token: s.token!, kind: "queue", regionCode: t.regionCode, agencyId: t.agencyId, serviceId: t.serviceId, expiresAt: s.expiresAt },
          agencyName: agency,
        })));
        body.append(el(doc, "p", {}, ft("queue.served")), el(doc, "p", { class: "mpp-muted" }, ft("survey.intro")),
          el(doc, "div", { class: "mpp-feedback__actions" }, rate));
      } else {
        const refresh = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "queue-visit-refresh" }, ft("ticket.refresh"));
        refresh.addEventListener("click", () => { load = { state: "loading" }; host.refresh(); void fetchTicket(); });
        body.append(el(doc, "p", { class: "mpp-notice mpp-notice--stale", "data-testid": "queue-visit-state", "data-state": s?.state ?? t.status }, why(t, ft)),
          el(doc, "div", { class: "mpp-feedback__actions" }, refresh));
      }
      return ft("queue.title");
    },
  };
}

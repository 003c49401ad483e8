// A ticket by its code (/?ticket=CODE, or after sending): status, the SP4N-LAPOR! clock, the text,
// the follow-up with the officers' answers (named by agency), and, until it is closed, a field to
// add information. All text through textContent; line breaks kept by CSS (white-space: pre-wrap).
import { TICKET_KIND_LABELS, TICKET_STATUS_LABELS } from "../../domain/feedback/tickets";
import { el } from "../ui/dom";
import { pickText } from "../i18n/su-layers";
import { errorMessage, type FeedbackHost, type Screen } from "./dialog";
import type { PublicTicket } from "./feedback-api";
import type { Ft } from "./strings";

type Load = { state: "loading" } | { state: "error"; message: string } | { state: "ready"; ticket: PublicTicket };

export function ticketViewScreen(host: FeedbackHost, code: string, initial?: PublicTicket): Screen {
  let load: Load = initial ? { state: "ready", ticket: initial } : { state: "loading" };
  let reply = "";
  let replyError: string | null = null;
  let sending = false;
  let disposed = false;

  async function fetchTicket() {
    try {
      load = { state: "ready", ticket: await host.api.ticket(code) };
    } catch (err) {
      load = { state: "error", message: errorMessage(host.ft(), err) };
    }
    if (!disposed) host.refresh();
  }
  if (!initial) void fetchTicket();

  async function sendReply(ft: Ft) {
    if (sending) return;
    sending = true;
    replyError = null;
    host.refresh();
    try {
      load = { state: "ready", ticket: await host.api.addMessage(code, reply) };
      reply = "";
    } catch (err) {
      replyError = errorMessage(ft, err);
    } finally {
      sending = false;
    }
    if (!disposed) host.refresh();
  }

  function message(m: PublicTicket["messages"][number], ft: Ft): HTMLElement {
    const doc = host.doc;
    const label = (() => {
      switch (m.type) {
        case "answer": return m.agencyName ? ft("ticket.answerFrom", { agency: m.agencyName }) : ft("ticket.answer");
        case "citizen": return ft("ticket.citizen");
        case "forward": return ft("ticket.forward", { agency: m.agencyName ?? "" });
        case "close": return ft("ticket.close");
        case "lapor": return ft("ticket.lapor", { id: m.laporId ?? "" });
        case "take": return ft("ticket.take");
        case "reopen": return ft("ticket.reopen");
      }
    })();
    return el(doc, "li", { class: `mpp-feedback__event mpp-feedback__event--${m.type}`, "data-testid": `ticket-event-${m.type}` },
      el(doc, "p", { class: "mpp-feedback__event-head" }, el(doc, "strong", {}, label), " · ", el(doc, "time", { datetime: m.at }, host.i18n.formatDateTime(m.at))),
      m.text ? el(doc, "p", { class: "mpp-feedback__said", dir: "auto", "data-testid": "ticket-event-text" }, m.text) : null);
  }

  return {
    dispose() { disposed = true; },
    render(body, ft) {
      const doc = host.doc;
      if (load.state === "loading") {
        body.append(el(doc, "p", { role: "status" }, ft("ticket.loading")));
        return ft("ticket.loading");
      }
      if (load.state === "error") {
        const retry = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "ticket-retry" }, ft("ticket.refresh"));
        retry.addEventListener("click", () => { load = { state: "loading" }; host.refresh(); void fetchTicket(); });
        body.append(el(doc, "p", { class: "mpp-notice mpp-notice--error", role: "alert", "data-testid": "ticket-error" }, load.message), retry);
        return code;
      }
      const t = load.ticket;
      const lang = host.i18n.lang;
      const c = t.clock;
      const clock = c.stage === null ? ft("ticket.done")
        : `${ft(c.stage === "forward" ? "ticket.forwardBy" : "ticket.actBy", { date: host.i18n.formatDate(c.dueDate!) })}${c.overdue ? ` (${ft("ticket.late", { n: c.workingDaysLate })})` : ""}`;
      const about = [t.serviceName, t.agencyName, ft("ticket.mpp", { region: t.regionName })].filter((x): x is string => !!x).join(" · ");
      const refresh = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "ticket-refresh" }, ft("ticket.refresh"));
      refresh.addEventListener("click", () => void fetchTicket());
      body.append(
        el(doc, "dl", { class: "mpp-feedback__facts" },
          el(doc, "dt", {}, ft("ticket.status")), el(doc, "dd", { "data-testid": "ticket-status", "data-status": t.status }, el(doc, "strong", {}, pickText(lang, TICKET_STATUS_LABELS[t.status]))),
          el(doc, "dt", {}, ft("ticket.about")), el(doc, "dd", {}, about),
          el(doc, "dt", {}, ft("ticket.received")), el(doc, "dd", {}, host.i18n.formatDateTime(t.receivedAt))),
        el(doc, "p", { class: `mpp-notice ${c.overdue ? "mpp-notice--error" : "mpp-notice--stale"}`, "data-testid": "ticket-clock" }, clock),
        el(doc, "h3", {}, ft("ticket.text")),
        el(doc, "p", { class: "mpp-feedback__said", dir: "auto", "data-testid": "ticket-text" }, t.text),
        el(doc, "h3", {}, ft("ticket.history")),
        t.messages.length ? el(doc, "ol", { class: "mpp-feedback__events", "data-testid": "ticket-events" }, ...t.messages.map((m) => message(m, ft))) : el(doc, "p", {}, ft("ticket.none")),
      );
      if (t.laporId) body.append(el(doc, "p", {}, el(doc, "a", { href: "https://www.lapor.go.id", target: "_blank", rel: "noopener noreferrer" }, ft("ticket.laporLink"))));
      if (t.status !== "closed") {
        const field = host.textField(el(doc, "textarea", { id: "mpp-feedback-reply", class: "mpp-input", rows: 3, dir: "auto", "data-testid": "ticket-reply" }));
        field.value = reply;
        field.addEventListener("input", () => { reply = field.value; });
        const form = el(doc, "form", { class: "mpp-feedback__form" },
          el(doc, "label", { class: "mpp-label", for: "mpp-feedback-reply" }, ft("ticket.reply")), field,
          replyError ? el(doc, "p", { class: "mpp-notice mpp-notice--error", role: "alert" }, replyError) : null,
          el(doc, "div", { class: "mpp-feedback__actions" },
            el(doc, "button", { type: "submit", class: "mpp-button mpp-button--primary", disabled: sending, "data-testid": "ticket-reply-send" }, ft("ticket.replySend")), refresh));
        form.addEventListener("submit", (e) => { e.preventDefault(); void sendReply(ft); });
        body.append(form);
      } else {
        body.append(el(doc, "div", { class: "mpp-feedback__actions" }, refresh));
      }
      return ft("ticket.title", { kind: pickText(lang, TICKET_KIND_LABELS[t.kind]), code: t.formattedCode });
    },
  };
}

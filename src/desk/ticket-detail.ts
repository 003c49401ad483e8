// One ticket at the officers' desk: the citizen's text (as text), the contact until it is deleted,
// the clocks, the history with each officer, and the steps this officer may take: take up, answer,
// forward to another agency, close, and the SP4N-LAPOR! hand-off (prepared text, a link, the id).
import { el } from "../app/ui/dom";
import { TICKET_KIND_LABELS, TICKET_STATUS_LABELS } from "../domain/feedback/tickets";
import type { DeskApi, OfficerTicket } from "./desk-api";
import { fill, type DeskLang, type DeskText } from "./desk-strings";

export interface DetailDeps {
  doc: Document;
  api: DeskApi;
  lang: DeskLang;
  text: DeskText;
  onBack: () => void;
  formatDateTime: (iso: string) => string;
}

export function renderTicketDetail(root: HTMLElement, deps: DetailDeps, data: OfficerTicket): void {
  const { doc, api, text: tx, lang } = deps;
  const t = data.ticket;
  const status = el(doc, "p", { role: "status", "data-testid": "desk-status" });
  const run = async (button: HTMLButtonElement, step: () => Promise<OfficerTicket>) => {
    button.disabled = true;
    try {
      const next = await step();
      renderTicketDetail(root, deps, next);
      (root.querySelector('[data-testid="desk-status"]') as HTMLElement | null)!.textContent = tx.done;
    } catch (err) {
      button.disabled = false;
      status.textContent = fill(tx.error, { message: (err as Error).message });
    }
  };

  const back = el(doc, "button", { type: "button", class: "desk-button", "data-testid": "desk-back" }, tx.back);
  back.addEventListener("click", () => deps.onBack());
  const contact = t.contact ?? (t.contactPurgedAt ? fill(tx.contactPurged, { date: deps.formatDateTime(t.contactPurgedAt) }) : tx.contactNone);
  const d = t.deadlines;
  const facts = el(doc, "dl", { class: "desk-facts" },
    el(doc, "dt", {}, tx.status), el(doc, "dd", { "data-testid": "desk-ticket-status" }, TICKET_STATUS_LABELS[t.status][lang]),
    el(doc, "dt", {}, tx.region), el(doc, "dd", {}, [t.serviceName, t.agencyName, t.regionName].filter(Boolean).join(" · ")),
    el(doc, "dt", {}, tx.received), el(doc, "dd", {}, deps.formatDateTime(t.receivedAt)),
    el(doc, "dt", {}, tx.contact), el(doc, "dd", { "data-testid": "desk-contact" }, contact));
  const history = el(doc, "ol", { class: "desk-events", "data-testid": "desk-events" }, ...t.events.map((e) => el(doc, "li", {},
    el(doc, "p", {}, el(doc, "strong", {}, tx.events[e.type]), " · ", deps.formatDateTime(e.at), " · ", e.actor ? fill(tx.by, { actor: e.actor }) : tx.citizen,
      e.toAgency && e.type === "forward" ? ` → ${e.toAgency}` : ""),
    e.text ? el(doc, "p", { class: "desk-said", dir: "auto" }, e.text) : null)));

  const sections: HTMLElement[] = [];
  if (data.can.take) {
    const b = el(doc, "button", { type: "button", class: "desk-button", "data-testid": "desk-take" }, tx.take);
    b.addEventListener("click", () => void run(b, () => api.take(t.code)));
    sections.push(el(doc, "section", {}, b));
  }
  if (data.can.answer) {
    const area = el(doc, "textarea", { id: "desk-answer", rows: 5, dir: "auto", "data-testid": "desk-answer" });
    const b = el(doc, "button", { type: "button", class: "desk-button desk-button--primary", "data-testid": "desk-send-answer" }, tx.sendAnswer);
    b.addEventListener("click", () => void run(b, () => api.answer(t.code, area.value)));
    sections.push(el(doc, "section", {}, el(doc, "h3", {}, el(doc, "label", { for: "desk-answer" }, tx.answer)), area, b));
  }
  if (data.can.forward) {
    const select = el(doc, "select", { id: "desk-forward", "data-testid": "desk-forward-agency" });
    void api.agencies(t.regionCode).then((list) => select.replaceChildren(...list.filter((a) => a.id !== t.agencyId).map((a) => el(doc, "option", { value: a.id }, a.name))), () => undefined);
    const note = el(doc, "input", { type: "text", "aria-label": tx.forwardNote, placeholder: tx.forwardNote, maxlength: 4000 });
    const b = el(doc, "button", { type: "button", class: "desk-button", "data-testid": "desk-send-forward" }, tx.sendForward);
    b.addEventListener("click", () => void run(b, () => api.forward(t.code, select.value, note.value)));
    sections.push(el(doc, "section", {}, el(doc, "h3", {}, el(doc, "label", { for: "desk-forward" }, tx.forward)), select, note, b));
  }
  if (data.can.close) {
    const note = el(doc, "input", { type: "text", id: "desk-close-note", maxlength: 4000 });
    const b = el(doc, "button", { type: "button", class: "desk-button", "data-testid": "desk-send-close" }, tx.sendClose);
    b.addEventListener("click", () => void run(b, () => api.close(t.code, note.value)));
    sections.push(el(doc, "section", {}, el(doc, "h3", {}, tx.close), el(doc, "label", { for: "desk-close-note" }, tx.closeNote), note, b));
  }
  if (data.can.lapor) {
    const prepared = el(doc, "textarea", { rows: 8, readonly: true, "data-testid": "desk-lapor-text", "aria-label": tx.lapor });
    prepared.value = data.lapor.text;
    const copy = el(doc, "button", { type: "button", class: "desk-button" }, tx.copy);
    copy.addEventListener("click", () => {
      prepared.select();
      void doc.defaultView?.navigator.clipboard?.writeText(prepared.value).then(() => { copy.textContent = tx.copied; }, () => undefined);
    });
    const id = el(doc, "input", { type: "text", id: "desk-lapor-id", maxlength: 40, "data-testid": "desk-lapor-id" });
    const close = el(doc, "input", { type: "checkbox", id: "desk-lapor-close", checked: true });
    const b = el(doc, "button", { type: "button", class: "desk-button", "data-testid": "desk-send-lapor" }, tx.sendLapor);
    b.addEventListener("click", () => void run(b, () => api.lapor(t.code, id.value, close.checked)));
    sections.push(el(doc, "section", { "data-testid": "desk-lapor" }, el(doc, "h3", {}, tx.lapor), el(doc, "p", {}, tx.laporHelp), prepared,
      el(doc, "p", {}, copy, " ", el(doc, "a", { href: data.lapor.url, target: "_blank", rel: "noopener noreferrer", "data-testid": "desk-lapor-link" }, tx.openLapor)),
      el(doc, "label", { for: "desk-lapor-id" }, tx.laporId), id, el(doc, "label", {}, close, " ", tx.laporClose), b));
  }

  root.replaceChildren(
    back,
    el(doc, "h2", { tabindex: -1, "data-testid": "desk-ticket-title" }, `${fill(tx.ticket, { code: t.formattedCode })} · ${TICKET_KIND_LABELS[t.kind][lang]}`),
    facts,
    el(doc, "p", { class: t.clock.overdue ? "desk-late" : "" }, fill(tx.deadlines, { forward: d.forwardBy, act: d.actBy, estimated: d.actByEstimated ? tx.estimated : "" })),
    el(doc, "h3", {}, tx.text),
    el(doc, "p", { class: "desk-said", dir: "auto", "data-testid": "desk-text" }, t.text),
    el(doc, "h3", {}, tx.history), history,
    status,
    ...sections,
  );
}

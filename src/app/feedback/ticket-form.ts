// The question/complaint form: kind, region, agency (or the MPP in general), the service it came
// from, the text (up to 4,000 characters, counted as the server counts them), an optional contact,
// and what is stored. On success: the tracking code, large, with the SP4N-LAPOR! dates. The
// draft survives a failed send (network down, daily limit): nothing typed is lost.
import { CITIZEN_TEXT_MAX } from "../../domain/feedback/text";
import { el } from "../ui/dom";
import { errorMessage, type FeedbackHost, type Screen } from "./dialog";
import type { CreatedTicket } from "./feedback-api";
import type { Ft } from "./strings";

export interface TicketFormContext {
  regionCode: string | null;
  agencyId?: string | null;
  serviceId?: string | null;
  serviceName?: string | null;
  channel: "web" | "lobby" | "xr";
}

/** Where the form gets its choices (the app's cached API client). */
export interface TicketFormData {
  regions(): Promise<Array<{ code: string; name: string }>>;
  agencies(regionCode: string): Promise<Array<{ id: string; name: string }>>;
}

export function ticketFormScreen(host: FeedbackHost, data: TicketFormData, ctx: TicketFormContext, onOpenTicket: (code: string) => void): Screen {
  const draft = {
    kind: "konsultasi" as "konsultasi" | "pengaduan",
    regionCode: ctx.regionCode ?? "",
    agencyId: ctx.agencyId ?? "",
    text: "",
    contact: "",
  };
  let regions: Array<{ code: string; name: string }> = [];
  let agencies: Array<{ id: string; name: string }> = [];
  let sending = false;
  let error: string | null = null;
  let created: CreatedTicket | null = null;
  let disposed = false;

  const load = async () => {
    try {
      regions = await data.regions();
      agencies = draft.regionCode ? await data.agencies(draft.regionCode) : [];
      if (draft.agencyId && !agencies.some((a) => a.id === draft.agencyId)) draft.agencyId = "";
    } catch {
      // The selects stay with what is known; the server checks the choice anyway.
    }
    if (!disposed) host.refresh();
  };
  void load();

  async function send(ft: Ft) {
    if (sending) return;
    sending = true;
    error = null;
    host.refresh();
    try {
      created = await host.api.createTicket({
        kind: draft.kind,
        regionCode: draft.regionCode,
        ...(draft.agencyId ? { agencyId: draft.agencyId } : {}),
        ...(ctx.serviceId && draft.agencyId === (ctx.agencyId ?? "") ? { serviceId: ctx.serviceId } : {}),
        text: draft.text,
        ...(draft.contact.trim() ? { contact: draft.contact.trim() } : {}),
        lang: host.i18n.lang,
        channel: ctx.channel,
      });
    } catch (err) {
      error = errorMessage(ft, err);
    } finally {
      sending = false;
    }
    if (!disposed) host.refresh();
  }

  function renderCreated(body: HTMLElement, ft: Ft, t: CreatedTicket): string {
    const doc = host.doc;
    const open = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-testid": "feedback-open-ticket" }, ft("form.done.open"));
    open.addEventListener("click", () => onOpenTicket(t.code));
    body.append(
      el(doc, "p", {}, ft("form.done.code")),
      el(doc, "p", { class: "mpp-feedback__code", "data-testid": "feedback-code", "aria-live": "polite" }, t.formattedCode),
      el(doc, "p", {}, ft("form.done.keep")),
      el(doc, "p", { class: "mpp-muted" }, ft("form.done.clock", { forward: host.i18n.formatDate(t.forwardBy), act: host.i18n.formatDate(t.actBy) })),
      el(doc, "div", { class: "mpp-feedback__actions" }, open,
        el(doc, "a", { class: "mpp-button", href: `/layanan/tiket/${t.code}${host.i18n.lang === "en" ? "?lang=en" : ""}`, target: "_blank", rel: "noopener" }, "/layanan/tiket/" + t.formattedCode)),
    );
    return ft("form.done.title");
  }

  return {
    dispose() { disposed = true; },
    render(body, ft) {
      if (created) return renderCreated(body, ft, created);
      const doc = host.doc;
      const kind = (k: "konsultasi" | "pengaduan") => {
        const input = el(doc, "input", { type: "radio", name: "mpp-feedback-kind", value: k, checked: draft.kind === k, "data-testid": `feedback-kind-${k}` });
        input.addEventListener("change", () => { draft.kind = k; });
        return el(doc, "label", { class: "mpp-feedback__choice" }, input, ft(k === "konsultasi" ? "form.konsultasi" : "form.pengaduan"));
      };
      const region = el(doc, "select", { id: "mpp-feedback-region", class: "mpp-input", "data-testid": "feedback-region", required: true },
        el(doc, "option", { value: "" }, "—"),
        ...regions.map((r) => el(doc, "option", { value: r.code, selected: r.code === draft.regionCode }, r.name)));
      if (draft.regionCode && !regions.some((r) => r.code === draft.regionCode)) region.append(el(doc, "option", { value: draft.regionCode, selected: true }, draft.regionCode));
      region.value = draft.regionCode;
      region.addEventListener("change", () => { draft.regionCode = region.value; draft.agencyId = ""; agencies = []; void load(); });
      const agency = el(doc, "select", { id: "mpp-feedback-agency", class: "mpp-input", "data-testid": "feedback-agency" },
        el(doc, "option", { value: "" }, ft("form.agencyNone")),
        ...agencies.map((a) => el(doc, "option", { value: a.id, selected: a.id === draft.agencyId }, a.name)));
      agency.value = draft.agencyId;
      agency.addEventListener("change", () => { draft.agencyId = agency.value; });
      const text = host.textField(el(doc, "textarea", { id: "mpp-feedback-text", class: "mpp-input mpp-feedback__text", rows: 6, required: true, "data-testid": "feedback-text", dir: "auto" }));
      text.value = draft.text;
      const count = el(doc, "p", { class: "mpp-muted mpp-feedback__count", id: "mpp-feedback-count", "aria-live": "polite" });
      const recount = () => {
        const n = [...draft.text].length;
        count.textContent = ft("form.count", { n, max: CITIZEN_TEXT_MAX });
        count.classList.toggle("mpp-feedback__count--over", n > CITIZEN_TEXT_MAX);
      };
      text.setAttribute("aria-describedby", "mpp-feedback-count");
      text.addEventListener("input", () => { draft.text = text.value; recount(); });
      recount();
      const contact = host.textField(el(doc, "input", { id: "mpp-feedback-contact", class: "mpp-input", type: "text", autocomplete: "email", maxlength: 254, "data-testid": "feedback-contact" }));
      contact.value = draft.contact;
      contact.addEventListener("input", () => { draft.contact = contact.value; });
      const submit = el(doc, "button", { type: "submit", class: "mpp-button mpp-button--primary", disabled: sending, "data-testid": "feedback-submit" }, sending ? ft("form.sending") : ft("form.submit"));
      const form = el(doc, "form", { class: "mpp-feedback__form", novalidate: true },
        el(doc, "fieldset", { class: "mpp-feedback__kinds" }, el(doc, "legend", { class: "mpp-label" }, ft("form.kind")), kind("konsultasi"), kind("pengaduan")),
        el(doc, "label", { class: "mpp-label", for: "mpp-feedback-region" }, ft("form.region")), region,
        el(doc, "label", { class: "mpp-label", for: "mpp-feedback-agency" }, ft("form.agency")), agency,
        ctx.serviceName && draft.agencyId === (ctx.agencyId ?? "") ? el(doc, "p", { "data-testid": "feedback-service" }, ft("form.service", { name: ctx.serviceName })) : null,
        el(doc, "label", { class: "mpp-label", for: "mpp-feedback-text" }, ft("form.text")), text, count,
        el(doc, "label", { class: "mpp-label", for: "mpp-feedback-contact" }, ft("form.contact")), contact,
        error ? el(doc, "p", { class: "mpp-notice mpp-notice--error", role: "alert", "data-testid": "feedback-error" }, error) : null,
        el(doc, "p", { class: "mpp-muted mpp-feedback__stored", "data-testid": "feedback-stored" }, ft("form.stored")),
        el(doc, "div", { class: "mpp-feedback__actions" }, submit));
      form.addEventListener("submit", (e) => { e.preventDefault(); void send(ft); });
      body.append(form);
      return ft("form.title");
    },
  };
}

// One service's Standar Pelayanan: its published state and open draft, the full form, the actions
// this officer may take (save, submit, publish or reject, verify), the draft's changes, the
// preview as citizens will see it, and the history with its CSV. A new service uses the same form
// with its region, agency and slug (#/layanan-baru).
import type { EditableService, VerificationClaim } from "../../domain/admin/service-fields";
import { emptyStandard } from "../../domain/admin/standard";
import type { ServiceRecordAnswerT } from "../../domain/admin/shapes";
import { ApiError } from "../api";
import { field, h } from "../dom";
import { formatDate } from "../i18n";
import type { ViewContext } from "../shell";
import type { StringKey } from "../strings";
import { historySection } from "./history";
import { asService, renderPreview, type PreviewMeta } from "./preview";
import { statusText } from "./records";
import { serviceForm } from "./service-form";

const show = (v: unknown): string => (v === null || v === undefined ? "—" : typeof v === "string" ? v : Array.isArray(v) ? v.join("; ") : JSON.stringify(v));

function blank(): EditableService {
  return {
    name: "", nameEn: "", description: "", keywords: "", requirements: [], steps: [], fee: { amount: null, note: null }, duration: null,
    hours: null, legalBasis: [], product: null, complaintChannels: [{ kind: "lapor", label: "SP4N-LAPOR!", value: "https://www.lapor.go.id" }],
    onlineUrl: null, source: null, standard: emptyStandard(),
  };
}

/** A form whose Enter key does nothing by itself (the actions are explicit buttons). */
function quietForm(doc: Document, label: string, ...children: HTMLElement[]): HTMLFormElement {
  const f = h(doc, "form", { "aria-label": label }, ...children);
  f.addEventListener("submit", (e) => e.preventDefault());
  return f;
}

function actionButton(doc: Document, label: string, testid: string, primary = false): HTMLButtonElement {
  return h(doc, "button", { type: "button", class: primary ? "adm-button adm-button--primary" : "adm-button", "data-testid": testid }, label);
}

export async function serviceView(ctx: ViewContext, params: string[]): Promise<void> {
  const { doc, i18n, api } = ctx;
  const id = params[0]!;
  const rec = await api.get<ServiceRecordAnswerT>(`/admin/services/${encodeURIComponent(id)}`);
  const p = rec.published;
  const d = rec.draft;
  const fields: EditableService = d ? d.fields : p ? { ...p } : blank();
  const form = serviceForm(doc, i18n, fields, { readOnly: !rec.can.edit });
  const meta: PreviewMeta = {
    id, regionCode: p?.regionCode ?? id.slice(0, 4), regionName: p?.regionName ?? id.slice(0, 4), agencySlug: p?.agencySlug ?? "",
    agencyName: p?.agencyName ?? "", slug: p?.slug ?? "", verified: p?.verified ?? false, lastVerified: p?.lastVerified ?? null,
  };

  const run = async (work: () => Promise<unknown>, done: StringKey) => {
    try {
      await work();
      await serviceView(ctx, params);
      (ctx.main.querySelector("h2") as HTMLElement | null)?.focus();
      // Said once the page shows the new state (and its history).
      ctx.say(i18n.t(done));
    } catch (err) {
      if (err instanceof ApiError) form.markServerError(err.message);
      ctx.fail(err);
    }
  };

  // ---- actions ----
  const actions: HTMLElement[] = [];
  if (rec.can.edit) {
    const save = actionButton(doc, i18n.t("action.saveDraft"), "save-draft", true);
    save.addEventListener("click", () => {
      const r = form.read();
      if (!r.fields) { ctx.say(r.problems.join(" · "), "error"); return; }
      const body: { service: EditableService; changeNote: string; verification?: VerificationClaim } = { service: r.fields, changeNote: r.changeNote };
      if (r.claim) body.verification = r.claim;
      void run(() => api.send("PUT", `/admin/services/${encodeURIComponent(id)}/draft`, body), "msg.saved");
    });
    actions.push(save);
    if (d && d.status === "draft") {
      const submit = actionButton(doc, i18n.t("action.submit"), "submit-draft");
      submit.addEventListener("click", () => void run(() => api.send("POST", `/admin/services/${encodeURIComponent(id)}/submit`, {}), "msg.submitted"));
      actions.push(submit);
    }
  }
  if (rec.can.review && d) {
    const reason = field(doc, { label: rec.can.reviewNeedsReason ? i18n.t("action.reasonOwn") : i18n.t("action.reason"), name: "reason", value: "", multiline: true, rows: 2, maxLength: 1000 });
    const publish = actionButton(doc, i18n.t("action.publish"), "publish", true);
    const reject = actionButton(doc, i18n.t("action.reject"), "reject");
    publish.addEventListener("click", () => void run(() => api.send("POST", `/admin/services/${encodeURIComponent(id)}/publish`, reason.input.value.trim() ? { reason: reason.input.value.trim() } : {}), "msg.published"));
    reject.addEventListener("click", () => void run(() => api.send("POST", `/admin/services/${encodeURIComponent(id)}/reject`, { reason: reason.input.value }), "msg.rejected"));
    actions.push(h(doc, "div", { class: "adm-review", "data-testid": "review-box" }, reason.wrap, publish, reject));
  }
  if (rec.can.verify) {
    const src = field(doc, { label: i18n.t("verify.source"), name: "verifySource", value: p?.source ?? "", maxLength: 2000 });
    const date = field(doc, { label: i18n.t("verify.sourceDate"), name: "verifyDate", value: "", type: "date" });
    const verify = actionButton(doc, i18n.t("action.verify"), "verify");
    verify.addEventListener("click", () => void run(() => api.send("POST", `/admin/services/${encodeURIComponent(id)}/verify`, { source: src.input.value, sourceDate: date.input.value }), "msg.verified"));
    actions.push(h(doc, "details", { class: "adm-verify" }, h(doc, "summary", {}, i18n.t("action.verify")), h(doc, "p", {}, i18n.t("action.verifyIntro")), src.wrap, date.wrap, verify));
  }

  // ---- state, changes, preview, history ----
  const state = h(doc, "div", { class: "adm-state", "data-testid": "record-state" },
    p ? h(doc, "p", {}, i18n.t("service.publishedState", { state: statusText(ctx, { review: p.review, lastVerified: p.lastVerified, draftStatus: null }) })) : null,
    d ? h(doc, "p", { "data-testid": "draft-state" }, i18n.t("service.draftState", { status: i18n.t(`status.${d.status}` as StringKey), authors: d.authors.join(", "), note: d.changeNote })) : h(doc, "p", {}, i18n.t("service.noDraft")));
  const changes = h(doc, "section", { "aria-labelledby": "adm-changes-h" }, h(doc, "h3", { id: "adm-changes-h" }, i18n.t("service.section.changes")),
    d && d.changes.length > 0
      ? h(doc, "ul", { "data-testid": "changes" }, ...d.changes.map((c) => h(doc, "li", {}, `${c.field}: ${show(c.before)} → ${show(c.after)}`)))
      : h(doc, "p", {}, i18n.t("changes.none")));
  const preview = h(doc, "section", { "aria-labelledby": "adm-preview-h" }, h(doc, "h3", { id: "adm-preview-h" }, i18n.t("service.section.preview")), renderPreview(doc, asService(fields, meta), i18n.lang));
  const refreshPreview = () => {
    const r = form.read();
    if (r.fields) preview.replaceChild(renderPreview(doc, asService(r.fields, meta), i18n.lang), preview.lastChild!);
  };
  let timer: ReturnType<typeof setTimeout> | null = null;
  form.element.addEventListener("input", () => { if (timer) clearTimeout(timer); timer = setTimeout(refreshPreview, 400); });

  ctx.main.replaceChildren(
    h(doc, "p", {}, h(doc, "a", { href: "#/layanan" }, i18n.t("action.back"))),
    h(doc, "h2", {}, `${i18n.t("service.heading")}: ${fields.name}`),
    h(doc, "p", { class: "adm-id" }, id, p?.lastVerified ? ` · ${formatDate(p.lastVerified, i18n.lang)}` : ""),
    state,
    quietForm(doc, i18n.t("service.heading"), form.element),
    h(doc, "section", { class: "adm-actions", "aria-label": i18n.t("service.section.actions") }, ...actions),
    changes,
    preview,
    await historySection(ctx, `service:${id}`));
}

export async function newServiceView(ctx: ViewContext): Promise<void> {
  const { doc, i18n, api, officer } = ctx;
  const form = serviceForm(doc, i18n, blank(), { readOnly: false });
  const region = field(doc, { label: i18n.t("records.region"), name: "regionCode", value: officer.region ?? "", readOnly: officer.region !== null, inputMode: "numeric", maxLength: 4 });
  const agency = field(doc, { label: i18n.t("field.agency"), name: "agencySlug", value: officer.agency ?? "", readOnly: officer.agency !== null, maxLength: 60 });
  const slug = field(doc, { label: i18n.t("field.slug"), name: "slug", value: "", maxLength: 60 });
  const create = actionButton(doc, i18n.t("action.saveDraft"), "create-service", true);
  create.addEventListener("click", () => {
    const r = form.read();
    if (!r.fields) { ctx.say(r.problems.join(" · "), "error"); return; }
    const service = { ...r.fields, regionCode: region.input.value.trim(), agencySlug: agency.input.value.trim(), slug: slug.input.value.trim() };
    void (async () => {
      try {
        const rec = await api.send<ServiceRecordAnswerT>("POST", "/admin/services", { service, changeNote: r.changeNote, ...(r.claim ? { verification: r.claim } : {}) });
        ctx.say(i18n.t("msg.created"));
        ctx.go(`#/layanan/${encodeURIComponent(rec.id)}`);
      } catch (err) {
        if (err instanceof ApiError) form.markServerError(err.message);
        ctx.fail(err);
      }
    })();
  });
  ctx.main.replaceChildren(
    h(doc, "h2", {}, i18n.t("records.new")),
    quietForm(doc, i18n.t("records.new"), h(doc, "fieldset", { class: "adm-group" }, region.wrap, agency.wrap, slug.wrap), form.element),
    h(doc, "section", { class: "adm-actions" }, create));
}

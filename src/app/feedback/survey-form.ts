// The SKM of PermenPANRB 14/2017 as a screen: the 9 unsur in the questionnaire's order, each with
// the regulation's question and its four answers (1 worst .. 4 best) as large radio buttons, an
// optional comment, and what is stored (nothing that identifies the visitor). One survey per visit:
// the visit token comes from the server (a service read, a lobby visit ended, a queue number used).
import { SKM_UNSUR } from "../../domain/feedback/skm-unsur";
import { el } from "../ui/dom";
import { pickText } from "../i18n/su-layers";
import { errorMessage, type FeedbackHost, type Screen } from "./dialog";
import type { Visit } from "./feedback-api";
import type { Ft } from "./strings";

export interface SurveyOptions {
  visit: Visit;
  /** For a lobby visit (no agency in the visit): the MPP's agencies to choose from. */
  agencies?: Array<{ id: string; name: string }>;
  /** Preselected agency (the last one the lobby visitor looked at); the visit's own agency wins. */
  agencyId?: string | null;
  agencyName?: string | null;
  /** "sent" after the thanks are closed, "skipped" when the visitor declines. */
  onDone?: (result: "sent" | "skipped") => void;
}

export function surveyScreen(host: FeedbackHost, options: SurveyOptions): Screen {
  const { visit } = options;
  const answers: Array<number | null> = Array(SKM_UNSUR.length).fill(null);
  let agencyId = visit.agencyId ?? options.agencyId ?? "";
  let comment = "";
  let error: string | null = null;
  let sending = false;
  let sent = false;
  let disposed = false;

  async function send(ft: Ft) {
    const missing = answers.map((a, i) => (a === null ? i + 1 : 0)).filter((n) => n > 0);
    if (missing.length > 0 || !agencyId) {
      error = missing.length > 0 ? ft("survey.missing", { list: missing.join(", ") }) : ft("error.reference");
      host.refresh();
      return;
    }
    sending = true;
    error = null;
    host.refresh();
    try {
      await host.api.survey({
        agencyId,
        ...(visit.serviceId && agencyId === visit.agencyId ? { serviceId: visit.serviceId } : {}),
        answers: answers as number[],
        ...(comment.trim() ? { comment } : {}),
        visitToken: visit.token,
      });
      sent = true;
    } catch (err) {
      error = errorMessage(ft, err);
    } finally {
      sending = false;
    }
    if (!disposed) host.refresh();
  }

  return {
    dispose() { disposed = true; },
    render(body, ft) {
      const doc = host.doc;
      const lang = host.i18n.lang;
      if (sent) {
        const done = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-testid": "survey-done" }, ft("close"));
        done.addEventListener("click", () => { options.onDone?.("sent"); host.close(); });
        body.append(el(doc, "p", { role: "status", "data-testid": "survey-thanks" }, ft("survey.thanks")), el(doc, "div", { class: "mpp-feedback__actions" }, done));
        return ft("survey.title");
      }
      const agencyField = visit.agencyId
        ? el(doc, "p", { "data-testid": "survey-agency-name" }, `${ft("survey.agency")}: ${options.agencyName ?? visit.agencyId}`)
        : (() => {
          const select = el(doc, "select", { id: "mpp-survey-agency", class: "mpp-input", "data-testid": "survey-agency" },
            el(doc, "option", { value: "" }, "—"),
            ...(options.agencies ?? []).map((a) => el(doc, "option", { value: a.id, selected: a.id === agencyId }, a.name)));
          select.value = agencyId;
          select.addEventListener("change", () => { agencyId = select.value; });
          return el(doc, "div", {}, el(doc, "label", { class: "mpp-label", for: "mpp-survey-agency" }, ft("survey.agency")), select);
        })();
      const questions = SKM_UNSUR.map((u, i) => el(doc, "fieldset", { class: "mpp-survey__unsur", "data-testid": `survey-unsur-${i + 1}` },
        el(doc, "legend", { class: "mpp-label" }, ft("survey.question", { n: i + 1, name: pickText(lang, u.name) })),
        el(doc, "p", { class: "mpp-survey__question" }, pickText(lang, u.question)),
        el(doc, "div", { class: "mpp-survey__scale" }, ...u.scale.map((s, k) => {
          const input = el(doc, "input", { type: "radio", name: `mpp-survey-${u.key}`, value: k + 1, checked: answers[i] === k + 1, "data-testid": `survey-${i + 1}-${k + 1}` });
          input.addEventListener("change", () => { answers[i] = k + 1; });
          return el(doc, "label", { class: "mpp-survey__answer" }, input, el(doc, "span", {}, `${k + 1}. ${pickText(lang, s)}`));
        }))));
      const note = host.textField(el(doc, "textarea", { id: "mpp-survey-comment", class: "mpp-input", rows: 3, dir: "auto", "data-testid": "survey-comment" }));
      note.value = comment;
      note.addEventListener("input", () => { comment = note.value; });
      const skip = el(doc, "button", { type: "button", class: "mpp-button", "data-testid": "survey-skip" }, ft("survey.skip"));
      skip.addEventListener("click", () => { options.onDone?.("skipped"); host.close(); });
      const form = el(doc, "form", { class: "mpp-feedback__form", novalidate: true },
        el(doc, "p", { class: "mpp-muted", "data-testid": "survey-intro" }, ft("survey.intro")),
        agencyField, ...questions,
        el(doc, "label", { class: "mpp-label", for: "mpp-survey-comment" }, ft("survey.comment")), note,
        error ? el(doc, "p", { class: "mpp-notice mpp-notice--error", role: "alert", "data-testid": "survey-error" }, error) : null,
        el(doc, "div", { class: "mpp-feedback__actions" },
          el(doc, "button", { type: "submit", class: "mpp-button mpp-button--primary", disabled: sending, "data-testid": "survey-submit" }, ft("survey.submit")), skip));
      form.addEventListener("submit", (e) => { e.preventDefault(); void send(ft); });
      body.append(form);
      return ft("survey.title");
    },
  };
}

// The full Standar Pelayanan form (PermenPANRB 15/2014): the record's own fields grouped as the
// national SIPP form groups them, the seven management components, the source and an optional
// verification claim, and the change note every draft needs. read() gives the fields or the
// problems (each input marked aria-invalid with its message), never throws.
import { formatChannels, parseChannels } from "../../domain/admin/channels";
import { cleanList, type EditableService, type VerificationClaim } from "../../domain/admin/service-fields";
import { STANDARD_FIELDS, STANDARD_LABELS } from "../../domain/admin/standard";
import { field, h } from "../dom";
import type { AdminI18n } from "../i18n";
import type { StringKey } from "../strings";

export interface FormRead {
  fields: EditableService | null;
  claim: VerificationClaim | null;
  changeNote: string;
  problems: string[];
}

type Input = HTMLInputElement | HTMLTextAreaElement;

export function serviceForm(doc: Document, i18n: AdminI18n, s: EditableService, options: { readOnly: boolean }) {
  const inputs = new Map<string, Input>();
  const t = (k: StringKey) => i18n.t(k);
  const add = (name: string, label: string, value: string, o: { multiline?: boolean; rows?: number; hint?: string; type?: string; inputMode?: string; maxLength?: number } = {}) => {
    const f = field(doc, { label, name, value, readOnly: options.readOnly, ...o });
    inputs.set(name, f.input);
    return f.wrap;
  };
  const lines = (xs: readonly string[]) => xs.join("\n");
  const group = (legend: string, ...children: HTMLElement[]) => h(doc, "fieldset", { class: "adm-group" }, h(doc, "legend", {}, legend), ...children);

  const element = h(doc, "div", { class: "adm-form", "data-testid": "service-form" },
    group(t("service.section.describe"),
      add("name", t("field.name"), s.name, { maxLength: 300 }),
      add("nameEn", t("field.nameEn"), s.nameEn, { maxLength: 300 }),
      add("description", t("field.description"), s.description, { multiline: true, rows: 3, maxLength: 2000 }),
      add("keywords", t("field.keywords"), s.keywords, { maxLength: 500 })),
    group(t("service.section.delivery"),
      add("requirements", t("field.requirements"), lines(s.requirements), { multiline: true, rows: 5, hint: t("hint.lines") }),
      add("steps", t("field.steps"), lines(s.steps), { multiline: true, rows: 5, hint: t("hint.lines") }),
      add("duration", t("field.duration"), s.duration ?? "", { maxLength: 300 }),
      add("fee.amount", t("field.feeAmount"), s.fee.amount === null ? "" : String(s.fee.amount), { inputMode: "numeric", hint: t("hint.fee"), maxLength: 12 }),
      add("fee.note", t("field.feeNote"), s.fee.note ?? "", { multiline: true, rows: 2 }),
      add("product", t("field.product"), s.product ?? "", { maxLength: 300 }),
      add("complaintChannels", t("field.complaintChannels"), formatChannels(s.complaintChannels), { multiline: true, rows: 3, hint: t("hint.channels") }),
      add("hours", t("field.hours"), s.hours ?? "", { maxLength: 300 }),
      add("onlineUrl", t("field.onlineUrl"), s.onlineUrl ?? "", { type: "url", maxLength: 500 })),
    group(t("service.section.manage"),
      add("legalBasis", t("field.legalBasis"), lines(s.legalBasis), { multiline: true, rows: 3, hint: t("hint.lines") }),
      ...STANDARD_FIELDS.map((f) => add(`standard.${f}`, STANDARD_LABELS[i18n.lang][f], s.standard[f] ?? "", { multiline: true, rows: 2 }))),
    group(t("service.section.source"),
      add("source", t("field.source"), s.source ?? "", { multiline: true, rows: 2, hint: t("hint.source") })),
  );
  const claimId = `claim-${Math.random().toString(36).slice(2, 8)}`;
  const claimBox = h(doc, "input", { type: "checkbox", id: claimId, name: "claim", disabled: options.readOnly });
  const date = field(doc, { label: t("field.sourceDate"), name: "sourceDate", value: "", type: "date", readOnly: options.readOnly });
  const note = field(doc, { label: t("field.changeNote"), name: "changeNote", value: "", required: true, maxLength: 1000 });
  const claim = h(doc, "div", { class: "adm-claim" }, h(doc, "div", { class: "adm-check" }, claimBox, h(doc, "label", { for: claimId }, t("field.claim"))), date.wrap);
  element.querySelector("fieldset:last-of-type")!.appendChild(claim);
  element.appendChild(note.wrap);
  inputs.set("sourceDate", date.input);
  inputs.set("changeNote", note.input);

  function mark(name: string, message: string | null) {
    const input = inputs.get(name);
    if (!input) return;
    input.setAttribute("aria-invalid", message ? "true" : "false");
    const id = `${input.id}-error`;
    input.parentElement?.querySelector(`#${id}`)?.remove();
    if (message) {
      input.parentElement?.appendChild(h(doc, "p", { id, class: "adm-error" }, message));
      input.setAttribute("aria-errormessage", id);
    }
  }

  return {
    element,
    inputs,
    read(): FormRead {
      const v = (name: string) => inputs.get(name)!.value;
      const opt = (name: string) => (v(name).trim() === "" ? null : v(name).trim());
      const problems: string[] = [];
      for (const name of inputs.keys()) mark(name, null);
      const feeText = v("fee.amount").replace(/[.\s]/g, "");
      let amount: number | null = null;
      if (feeText !== "") {
        if (!/^\d{1,10}$/.test(feeText)) { mark("fee.amount", t("hint.fee")); problems.push(`${t("field.feeAmount")}: ${t("hint.fee")}`); }
        else amount = Number(feeText);
      }
      const channels = parseChannels(v("complaintChannels"));
      if (channels.error) { mark("complaintChannels", channels.error); problems.push(`${t("field.complaintChannels")}: ${channels.error}`); }
      const standard = Object.fromEntries(STANDARD_FIELDS.map((f) => [f, opt(`standard.${f}`)])) as EditableService["standard"];
      const fields: EditableService = {
        name: v("name").trim(), nameEn: v("nameEn").trim(), description: v("description").trim(), keywords: v("keywords").trim(),
        requirements: cleanList(v("requirements").split("\n")), steps: cleanList(v("steps").split("\n")),
        fee: { amount, note: opt("fee.note") }, duration: opt("duration"), hours: opt("hours"), legalBasis: cleanList(v("legalBasis").split("\n")),
        product: opt("product"), complaintChannels: channels.channels, onlineUrl: opt("onlineUrl"), source: opt("source"), standard,
      };
      let claim: VerificationClaim | null = null;
      if (claimBox.checked) {
        if (!fields.source || !v("sourceDate")) { mark("sourceDate", t("field.claim")); problems.push(`${t("field.sourceDate")}: ${t("field.source")}`); }
        else claim = { source: fields.source, sourceDate: v("sourceDate") };
      }
      const changeNote = v("changeNote").trim();
      if (changeNote === "") { mark("changeNote", t("field.changeNote")); problems.push(t("field.changeNote")); }
      return { fields: problems.length === 0 ? fields : null, claim, changeNote, problems };
    },
    /** Marks a field the server refused (its message names the field path). */
    markServerError(message: string) {
      const m = /(?:service\.)?([a-zA-Z]+(?:\.[a-zA-Z]+)?)(?:\[\d+\])?(?:\.[a-z]+)?: /.exec(message);
      if (m && inputs.has(m[1]!)) mark(m[1]!, message);
    },
  };
}

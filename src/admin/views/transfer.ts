// Import and export: a file is checked first (dry run: the per-record diff and every row's
// problems), and only a clean file can become drafts; exports and the empty template download
// straight from the API (the browser sends the session cookie).
import type { ImportAnswerT } from "../../domain/admin/shapes";
import { ApiError } from "../api";
import { field, h } from "../dom";
import type { ViewContext } from "../shell";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const show = (v: unknown): string => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

export async function transferView(ctx: ViewContext): Promise<void> {
  const { doc, i18n, api } = ctx;
  const fileId = "adm-import-file";
  const file = h(doc, "input", { type: "file", id: fileId, accept: ".csv,.xlsx,text/csv," + XLSX, "data-testid": "import-file" });
  const note = field(doc, { label: i18n.t("transfer.note"), name: "note", value: "", maxLength: 500 });
  const check = h(doc, "button", { type: "button", class: "adm-button" }, i18n.t("transfer.check"));
  const commit = h(doc, "button", { type: "button", class: "adm-button adm-button--primary", disabled: true }, i18n.t("transfer.commit"));
  const result = h(doc, "div", { "aria-live": "polite", "data-testid": "import-result" });

  const send = async (doCommit: boolean) => {
    const f = file.files?.[0];
    if (!f) { file.focus(); return; }
    const format = /\.xlsx$/i.test(f.name) ? "xlsx" : "csv";
    const qs = new URLSearchParams({ format, ...(doCommit ? { commit: "true", note: note.input.value } : {}) });
    let answer: ImportAnswerT;
    try {
      answer = await api.upload<ImportAnswerT>(`/admin/import?${qs}`, f, format === "xlsx" ? XLSX : "text/csv");
    } catch (err) {
      if (err instanceof ApiError && err.status === 422) answer = err.body as ImportAnswerT;
      else { ctx.fail(err); return; }
    }
    const counts = { changed: 0, new: 0, same: 0 };
    for (const r of answer.records) counts[r.action === "edit" ? "changed" : r.action === "new" ? "new" : "same"]++;
    commit.disabled = answer.errors.length > 0 || answer.committed || counts.changed + counts.new === 0;
    const summary = answer.errors.length > 0
      ? i18n.t("transfer.errors", { n: answer.errors.length })
      : answer.committed ? i18n.t("transfer.committed", { n: answer.drafts }) : i18n.t("transfer.ok", { n: answer.rows, ...counts });
    ctx.say(summary, answer.errors.length > 0 ? "error" : "ok");
    const parts: Array<HTMLElement | null> = [
      h(doc, "p", {}, summary),
      answer.errors.length > 0 ? h(doc, "table", { class: "adm-table", "data-testid": "import-errors" },
        h(doc, "thead", {}, h(doc, "tr", {}, ...(["transfer.col.row", "transfer.col.column", "transfer.col.message"] as const).map((k) => h(doc, "th", { scope: "col" }, i18n.t(k))))),
        h(doc, "tbody", {}, ...answer.errors.map((e) => h(doc, "tr", {}, h(doc, "td", {}, String(e.row)), h(doc, "td", {}, e.column ?? ""), h(doc, "td", {}, e.message))))) : null,
      h(doc, "ul", { "data-testid": "import-diff" }, ...answer.records.filter((r) => r.action !== "unchanged").map((r) => h(doc, "li", {},
        `${r.row}: ${r.id} (${r.action})`,
        h(doc, "ul", {}, ...r.changes.map((c) => h(doc, "li", {}, `${c.field}: ${show(c.before)} → ${show(c.after)}`)))))),
    ];
    result.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
  };
  check.addEventListener("click", () => void send(false));
  commit.addEventListener("click", () => void send(true));
  file.addEventListener("change", () => { commit.disabled = true; result.replaceChildren(); });

  const link = (label: string, qs: string) => h(doc, "li", {}, h(doc, "a", { href: `/api/v1/admin/export?${qs}`, download: "" }, label));
  ctx.main.replaceChildren(
    h(doc, "h2", {}, i18n.t("transfer.heading")),
    h(doc, "p", {}, i18n.t("transfer.importIntro")),
    h(doc, "div", { class: "adm-field" }, h(doc, "label", { for: fileId }, i18n.t("transfer.file")), file),
    note.wrap, check, commit, result,
    h(doc, "h3", {}, i18n.t("transfer.export")),
    h(doc, "ul", {}, link(i18n.t("transfer.exportCsv"), "format=csv"), link(i18n.t("transfer.exportXlsx"), "format=xlsx"),
      link(`${i18n.t("transfer.template")} (XLSX)`, "format=xlsx&template=true"), link(`${i18n.t("transfer.template")} (CSV)`, "format=csv&template=true")));
}

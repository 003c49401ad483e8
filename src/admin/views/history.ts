// A record's history from the audit trail: who, when, what, each field's before and after; and
// the CSV download of the same (the server neutralises the cells).
import type { AuditEntryT } from "../../domain/admin/shapes";
import { h } from "../dom";
import { formatTime } from "../i18n";
import type { ViewContext } from "../shell";

const show = (v: unknown): string => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

export async function historySection(ctx: ViewContext, entity: string): Promise<HTMLElement> {
  const { doc, i18n } = ctx;
  const { entries } = await ctx.api.get<{ entries: AuditEntryT[] }>(`/admin/audit?entity=${encodeURIComponent(entity)}&limit=1000`);
  const csv = h(doc, "a", { href: `/api/v1/admin/audit?entity=${encodeURIComponent(entity)}&format=csv`, download: "", "data-testid": "history-csv" }, i18n.t("action.downloadCsv"));
  const body = entries.length === 0 ? h(doc, "p", {}, i18n.t("history.none")) : h(doc, "table", { class: "adm-table", "data-testid": "history" },
    h(doc, "thead", {}, h(doc, "tr", {}, ...(["history.col.at", "history.col.actor", "history.col.action", "history.col.changes"] as const).map((k) => h(doc, "th", { scope: "col" }, i18n.t(k))))),
    h(doc, "tbody", {}, ...[...entries].reverse().map((e) => h(doc, "tr", {},
      h(doc, "td", {}, formatTime(e.at)),
      h(doc, "td", {}, e.actor),
      h(doc, "td", {}, e.action, e.note ? h(doc, "q", { class: "adm-note" }, e.note) : null),
      h(doc, "td", {}, h(doc, "ul", {}, ...e.changes.map((c) => h(doc, "li", {}, `${c.field}: ${show(c.before)} → ${show(c.after)}`))))))));
  return h(doc, "section", { "aria-labelledby": "adm-history-h" }, h(doc, "h3", { id: "adm-history-h" }, i18n.t("service.section.history")), h(doc, "p", {}, csv), body);
}

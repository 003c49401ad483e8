// The officer's records: the services in their scope, filtered by "unverified", "never checked",
// "due for review" (verified over 12 months ago: "perlu ditinjau") or "with an open draft", with
// a search. A table with a caption and header cells; each name links to its Standar Pelayanan.
import type { ServiceListItem } from "../../domain/admin/shapes";
import { SERVICE_FILTERS } from "../../domain/admin/shapes";
import { formatRupiah } from "../../domain/format";
import { field, h, select } from "../dom";
import { formatDate } from "../i18n";
import type { ViewContext } from "../shell";
import type { StringKey } from "../strings";

export function statusText(ctx: ViewContext, s: Pick<ServiceListItem, "review" | "lastVerified" | "draftStatus">): string {
  const { t, lang } = ctx.i18n;
  const date = s.lastVerified ? formatDate(s.lastVerified, lang) : "";
  const base = s.review === "current" ? t("status.verified", { date }) : s.review === "due" ? t("status.due", { date }) : t("status.unverified");
  return s.draftStatus ? `${base} · ${t(`status.${s.draftStatus}` as StringKey)}` : base;
}

export async function recordsView(ctx: ViewContext, params: string[]): Promise<void> {
  const { doc, i18n } = ctx;
  const query = new URLSearchParams(params[0] ?? "");
  const filter = SERVICE_FILTERS.includes(query.get("filter") as never) ? query.get("filter")! : "all";
  const q = query.get("q") ?? "";
  const region = ctx.officer.role === "province-admin" ? query.get("region") ?? "" : "";
  const qs = new URLSearchParams({ filter, limit: "500", ...(q ? { q } : {}), ...(region ? { region } : {}) });
  const data = await ctx.api.get<{ services: ServiceListItem[]; total: number }>(`/admin/services?${qs}`);

  const f = select(doc, { label: i18n.t("records.filter"), name: "filter", value: filter, options: SERVICE_FILTERS.map((x) => [x, i18n.t(`records.filter.${x}` as StringKey)]) });
  const search = field(doc, { label: i18n.t("records.search"), name: "q", value: q, type: "search", maxLength: 100 });
  const reg = ctx.officer.role === "province-admin" ? field(doc, { label: i18n.t("records.region"), name: "region", value: region, inputMode: "numeric", maxLength: 4 }) : null;
  const form = h(doc, "form", { class: "adm-filters", role: "search" }, f.wrap, reg?.wrap ?? null, search.wrap, h(doc, "button", { type: "submit" }, i18n.t("records.apply")));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const next = new URLSearchParams({ filter: f.input.value, ...(search.input.value.trim() ? { q: search.input.value.trim() } : {}), ...(reg?.input.value.trim() ? { region: reg.input.value.trim() } : {}) });
    ctx.go(`#/layanan?${next}`);
  });
  f.input.addEventListener("change", () => form.requestSubmit());

  const table = data.services.length === 0 ? h(doc, "p", {}, i18n.t("records.none")) : h(doc, "table", { class: "adm-table", "data-testid": "records" },
    h(doc, "caption", {}, i18n.t("records.count", { shown: data.services.length, total: data.total })),
    h(doc, "thead", {}, h(doc, "tr", {}, ...(["records.col.name", "records.col.fee", "records.col.status"] as const).map((k) => h(doc, "th", { scope: "col" }, i18n.t(k))))),
    h(doc, "tbody", {}, ...data.services.map((s) => h(doc, "tr", { "data-id": s.id },
      h(doc, "th", { scope: "row" }, h(doc, "a", { href: `#/layanan/${encodeURIComponent(s.id)}` }, s.name), h(doc, "span", { class: "adm-id" }, ` ${s.id}`)),
      h(doc, "td", {}, formatRupiah(s.feeAmount, i18n.lang)),
      h(doc, "td", { class: `adm-status adm-status--${s.review}` }, statusText(ctx, s))))));
  const add = ctx.officer.role === "province-admin" || ctx.officer.agency !== null || ctx.officer.role === "region-admin"
    ? h(doc, "p", {}, h(doc, "a", { href: "#/layanan-baru", class: "adm-button" }, i18n.t("records.new"))) : null;
  const parts: Array<HTMLElement | null> = [h(doc, "h2", {}, i18n.t("records.heading")), form, add, table];
  ctx.main.replaceChildren(...parts.filter((x): x is HTMLElement => x !== null));
}

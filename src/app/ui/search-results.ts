// The directory's search results: what the status line says, the hits grouped by region (in the
// order the API ranked them: the visitor's region first), and the "show more" button that pages
// through the rest, so every region with a match can be reached (issue 20 point 3).
import type { SearchResult } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import { localName, sheetLabel } from "../../domain/service-sheet";
import { el } from "./dom";

type Texts = Pick<I18n, "lang" | "t" | "formatRupiah">;

/** The status line for an answer: how many, and whose region comes first or is filtered. */
export function searchStatusText(i18n: Texts, query: string, data: SearchResult): string {
  if (data.total === 0) return i18n.t("search.noResults", { query });
  const name = (code: string | null) => (code === null ? null : data.regions.find((r) => r.code === code)?.name ?? null);
  const filtered = name(data.region);
  if (filtered) return i18n.t("search.inRegion", { n: data.total, region: filtered });
  const near = name(data.near);
  if (near) return i18n.t("search.nearFirst", { n: data.total, region: near });
  return data.total === 1 ? i18n.t("search.resultsOne") : i18n.t("search.results", { n: data.total });
}

/** Sections of result rows, one per region in the order of its first hit; each heading says how many the region has in all. */
export function searchResultGroups(doc: Document, i18n: Texts, data: SearchResult): HTMLElement[] {
  const groups = new Map<string, { name: string; hits: SearchResult["hits"] }>();
  for (const h of data.hits) {
    const g = groups.get(h.service.regionCode) ?? { name: h.regionName, hits: [] };
    g.hits.push(h);
    groups.set(h.service.regionCode, g);
  }
  const counts = new Map(data.regions.map((r) => [r.code, r.count]));
  return [...groups].map(([code, g]) => {
    const headingId = `mpp-search-group-${code}`;
    return el(doc, "section", { class: "mpp-directory__group", "aria-labelledby": headingId, "data-region-code": code },
      el(doc, "h3", { id: headingId }, i18n.t("search.groupCount", { region: g.name, n: counts.get(code) ?? g.hits.length })),
      el(doc, "ul", { class: "mpp-list" }, ...g.hits.map((h) => el(doc, "li", {},
        el(doc, "button", {
          type: "button", class: "mpp-row", "data-action": "service", "data-service-id": h.service.id,
          "data-testid": "search-result", "data-nav": true,
        },
        el(doc, "span", { class: "mpp-row__label" }, localName(h.service, i18n.lang)),
        el(doc, "span", { class: "mpp-row__detail" }, `${h.service.agencyName} · ${sheetLabel("fee", i18n.lang)}: ${i18n.formatRupiah(h.service.fee.amount)}`))))));
  });
}

/** The "show more" button (or its error line) when the answer has more hits than shown. */
export function searchMore(doc: Document, i18n: Texts, data: SearchResult, state: "idle" | "loading" | "error"): HTMLElement | null {
  if (data.hits.length >= data.total) return null;
  const button = el(doc, "button", {
    type: "button", class: "mpp-button mpp-directory__more", "data-action": "more-results", "data-testid": "search-more",
    "aria-busy": state === "loading" ? "true" : null, disabled: state === "loading",
  }, i18n.t("search.more", { shown: data.hits.length, total: data.total }));
  if (state !== "error") return button;
  return el(doc, "div", {}, el(doc, "p", { role: "alert" }, i18n.t("search.moreError")), button);
}

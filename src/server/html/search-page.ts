// /layanan/cari: the same search as the app's directory (the repository's ranking: synonyms,
// typos, the chosen region), as a plain page with a region filter and pages of 20.
import type { RegionSummary, SearchResult } from "../../domain/types";
import { serviceRow, sheetLabel } from "../../domain/service-sheet";
import type { UiLang } from "../../domain/words/langs";
import { phrasebookFor } from "../../domain/words/files";
import { translateText } from "../../domain/words/phrasebook";
import { escapeHtml, langAttr, page, q } from "./render";
import { fill, T } from "./layanan-strings";

export const SEARCH_PAGE_SIZE = 20;

export interface SearchPageInput {
  query: string;
  region: string | null;
  /** null when no search ran (empty or too long query). */
  result: SearchResult | null;
  problem: "empty" | "tooLong" | null;
  maxLength: number;
}

function hitName(h: SearchResult["hits"][number], lang: UiLang): { text: string; lang: UiLang } {
  if (lang === "id") return { text: h.service.name, lang };
  if (lang === "en") return h.service.nameEn ? { text: h.service.nameEn, lang } : { text: h.service.name, lang: "id" };
  const book = phrasebookFor("su");
  const hit = book ? translateText(book, h.service.name, { regionName: h.regionName }) : null;
  return hit ? { text: hit, lang } : { text: h.service.name, lang: "id" };
}

export function searchPage(input: SearchPageInput, regions: readonly RegionSummary[], lang: UiLang): string {
  const t = T[lang];
  const options = [`<option value="">${t.searchAll}</option>`, ...regions.map((r) =>
    `<option value="${escapeHtml(r.code)}"${r.code === input.region ? " selected" : ""}>${escapeHtml(r.name)}</option>`)].join("");
  const filter = `<form class="search" method="get" action="/layanan/cari">
<label for="q2">${t.searchLabel}</label><input id="q2" name="q" type="search" maxlength="200" value="${escapeHtml(input.query)}">
<label for="wilayah">${t.searchRegion}</label><select id="wilayah" name="region">${options}</select>
${lang === "id" ? "" : `<input type="hidden" name="lang" value="${lang}">`}<button type="submit">${t.searchButton}</button>
</form>`;
  let body: string;
  const r = input.result;
  if (input.problem === "tooLong") body = `<p class="notice notice--warn" role="alert">${escapeHtml(fill(t.searchTooLong, { max: input.maxLength }))}</p>`;
  else if (input.problem === "empty" || !r) body = `<p>${escapeHtml(t.searchEmpty)}</p>`;
  else if (r.total === 0) body = `<p role="status">${escapeHtml(fill(t.searchNone, { q: input.query }))}</p>`;
  else {
    const hits = r.hits.map((h) => {
      const row = serviceRow(h.service, lang);
      const name = hitName(h, lang);
      return `<li class="hit"><a href="/layanan/${escapeHtml(h.service.regionCode)}/${escapeHtml(h.service.id)}${q(lang)}"${langAttr(name.lang, lang)}>${escapeHtml(name.text)}</a>
<span class="meta">${escapeHtml(h.regionName)} · ${escapeHtml(h.service.agencyNameEn && lang === "en" ? h.service.agencyNameEn : h.service.agencyName)} · ${escapeHtml(sheetLabel("fee", lang))}: ${escapeHtml(row.fee)}${row.notVerified ? ` · <span class="unverified">${escapeHtml(row.notVerified)}</span>` : ""}</span></li>`;
    }).join("\n");
    const pages = Math.ceil(r.total / SEARCH_PAGE_SIZE);
    const current = Math.floor(r.offset / SEARCH_PAGE_SIZE) + 1;
    const link = (n: number, label: string, rel: string) => {
      const params = new URLSearchParams({ q: input.query, ...(input.region ? { region: input.region } : {}), ...(n > 1 ? { page: String(n) } : {}) });
      return `<a rel="${rel}" href="${escapeHtml(`/layanan/cari${q(lang, params.toString())}`)}">${label}</a>`;
    };
    const pager = pages > 1 ? `<nav class="pager" aria-label="${escapeHtml(fill(t.page, { n: current, total: pages }))}">${current > 1 ? link(current - 1, t.prev, "prev") : ""}<span>${escapeHtml(fill(t.page, { n: current, total: pages }))}</span>${current < pages ? link(current + 1, t.next, "next") : ""}</nav>` : "";
    body = `<p role="status">${escapeHtml(fill(t.searchResults, { n: r.total, q: input.query }))}</p>\n<ol class="hits" start="${r.offset + 1}">\n${hits}\n</ol>\n${pager}`;
  }
  return page(lang, t.searchTitle, `<h1>${t.searchTitle}</h1>\n${filter}\n${body}`, "/layanan/cari", { query: input.query });
}

// The plain HTML version (/layanan: no JavaScript, no WebGL, light on a slow line): the list of
// regions, one region's agencies and services with its MPP's visit card, one service in full with
// its checklist and share links, and search. Every value goes through escapeHtml; no inline
// script or style (the CSP allows neither need): the look is /layanan/gaya.css, shared colours
// with the app, system fonts only.
import type { Lang } from "../../domain/format";
import { localName, serviceRow, serviceSheet, sheetLabel, type SheetLine } from "../../domain/service-sheet";
import type { RegionDetail, RegionSummary, Service, ServiceSummary } from "../../domain/types";
import type { LocalVisit, MppVisit } from "../../domain/visit";
import { localizeVisit } from "../../domain/visit";
import { LANG_NAMES, UI_LANGS, type UiLang } from "../../domain/words/langs";
import { phrasebookFor, regionNotes } from "../../domain/words/files";
import { translateText } from "../../domain/words/phrasebook";
import { regionNote } from "../../domain/words/region-notes";
import { T } from "./layanan-strings";
import { shareBlock, visitCard } from "./take-home-html";
import { STYLE_HREF } from "./layanan-assets";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** The query string that keeps the language on a link ("" for Indonesian, the default). */
export function q(lang: UiLang, extra = ""): string {
  const parts = [...(lang === "id" ? [] : [`lang=${lang}`]), ...(extra ? [extra] : [])];
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** ` lang="id"` when a text is not in the page's language (not translated yet), else "". */
export function langAttr(textLang: string, pageLang: UiLang): string {
  return textLang !== pageLang ? ` lang="${escapeHtml(textLang)}"` : "";
}

/** A whole page around `body` (already escaped HTML): skip link, site bar with search and languages, the stylesheet. */
export function page(lang: UiLang, title: string, body: string, selfPath: string, opts: { query?: string } = {}): string {
  const t = T[lang];
  const langs = UI_LANGS.map((l) => l === lang
    ? `<li><a href="${escapeHtml(selfPath)}${q(l)}" aria-current="true" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a></li>`
    : `<li><a href="${escapeHtml(selfPath)}${q(l)}" lang="${l}" hreflang="${l}">${LANG_NAMES[l]}</a></li>`).join("");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | ${t.site}</title>
<link rel="stylesheet" href="${STYLE_HREF}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip" href="#isi">${t.skip}</a>
<header class="bar">
<p class="brand"><a href="/layanan${q(lang)}">${t.site}</a></p>
<nav class="langs" aria-label="${t.langLabel}"><ul>${langs}</ul></nav>
<p class="to3d"><a href="/${q(lang)}">${t.open3d}</a></p>
<form class="search" role="search" method="get" action="/layanan/cari">
<label for="q">${t.searchLabel}</label>
<input id="q" name="q" type="search" maxlength="200" value="${escapeHtml(opts.query ?? "")}" placeholder="${t.searchPlaceholder}">
${lang === "id" ? "" : `<input type="hidden" name="lang" value="${lang}">`}<button type="submit">${t.searchButton}</button>
</form>
</header>
<main id="isi" tabindex="-1">
${body}
</main>
</body>
</html>
`;
}

function line(l: SheetLine): string {
  return l.href ? `<a href="${escapeHtml(l.href)}" rel="noopener noreferrer">${escapeHtml(l.text)}</a>` : escapeHtml(l.text);
}

/** A service's or agency's name in `lang`: English from the data's own column, Sundanese from its phrasebook. */
function nameIn(x: { name: string; nameEn?: string | null }, lang: UiLang, regionName: string): { text: string; lang: UiLang } {
  if (lang === "id") return { text: x.name, lang };
  if (lang === "en") return x.nameEn ? { text: x.nameEn, lang } : { text: x.name, lang: "id" };
  const book = phrasebookFor("su");
  const hit = book ? translateText(book, x.name, { regionName }) : null;
  return hit ? { text: hit, lang } : { text: x.name, lang: "id" };
}

export function regionsPage(regions: readonly RegionSummary[], lang: UiLang): string {
  const t = T[lang];
  const group = (type: "kabupaten" | "kota") => regions.filter((r) => r.type === type).map((r) =>
    `<li><a href="/layanan/${escapeHtml(r.code)}${q(lang)}">${escapeHtml(r.name)}</a> <span class="meta">${escapeHtml(r.seat)} · <span class="badge badge--${r.physicalMpp.status}">${t.physical[r.physicalMpp.status]}</span> · ${r.serviceCount} ${t.services}</span></li>`,
  ).join("\n");
  return page(lang, t.regions, `<h1>${t.regions}</h1>\n<p class="lead">${t.intro}</p>
<h2>${t.kabupaten}</h2>\n<ul class="cards">\n${group("kabupaten")}\n</ul>
<h2>${t.kota}</h2>\n<ul class="cards">\n${group("kota")}\n</ul>`, "/layanan");
}

export function regionPage(region: RegionDetail, services: readonly ServiceSummary[], lang: UiLang, visit: MppVisit | null = null, all: readonly RegionSummary[] = []): string {
  const t = T[lang];
  const mpp = region.physicalMpp;
  const note = mpp.note ? regionNote(regionNotes(), mpp.note, lang) : null;
  const mppText = [
    escapeHtml(t.physical[mpp.status]),
    note ? `<span${langAttr(note.lang, lang)}>${escapeHtml(note.text)}</span>${note.lang !== lang ? ` <span class="marker">(${t.noteLang})</span>` : ""}` : null,
    mpp.source ? `${escapeHtml(sheetLabel("source", lang))}: <span lang="id">${escapeHtml(mpp.source)}</span>` : null,
  ].filter((x): x is string => x !== null).join(" · ");
  const sections = region.agencies.map((a) => {
    const rows = services.filter((s) => s.agencyId === a.id).map((s) => {
      const row = serviceRow(s, lang);
      const name = nameIn(s, lang, region.name);
      return `<li><a href="/layanan/${escapeHtml(region.code)}/${escapeHtml(s.id)}${q(lang)}"${langAttr(name.lang, lang)}>${escapeHtml(name.text)}</a> <span class="meta">${escapeHtml(sheetLabel("fee", lang))}: ${escapeHtml(row.fee)}${row.notVerified ? ` · <span class="unverified">${escapeHtml(row.notVerified)}</span>` : ""}</span></li>`;
    }).join("");
    const counters = a.counters.map((c) => c.label).join(", ");
    const name = lang === "en" ? { text: localName(a, lang), lang } : nameIn(a, lang, region.name);
    return `<section class="agency">\n<h3${langAttr(name.lang, lang)}>${escapeHtml(name.text)}</h3>\n<p class="meta">${t.counter} ${escapeHtml(counters)}</p>\n<ul>${rows}</ul>\n</section>`;
  }).join("\n");
  const links = `<p><a href="/layanan/${escapeHtml(region.code)}/ikm${q(lang)}">${t.ikm}</a> · <a href="/layanan/tiket${q(lang)}">${t.track}</a></p>`;
  const localVisit: LocalVisit | null = visit ? localizeVisit(visit, lang, phrasebookFor(lang)) : null;
  const body = `<h1>${escapeHtml(region.name)}</h1>\n<p>${mppText}</p>\n${visitCard(region, localVisit, lang, all)}\n${links}
<h2>${t.agencies}</h2>\n${sections}\n<p><a href="/layanan${q(lang)}">${t.back}</a></p>`;
  return page(lang, region.name, body, `/layanan/${region.code}`);
}

/** One service: the domain's service sheet (the same description the kiosks show), as HTML, with its checklist and share links. */
export function servicePage(service: Service, lang: UiLang, opts: { origin?: string; visit?: MppVisit | null; regions?: readonly RegionSummary[] } = {}): string {
  const t = T[lang];
  const sheet = serviceSheet(service, lang, phrasebookFor(lang));
  const sections = sheet.sections.map((s) => {
    const tag = s.ordered ? "ol" : "ul";
    const cls = s.id === "requirements" ? ` class="checklist"` : "";
    return `<section class="sheet-section" id="bagian-${s.id}">\n<h2>${escapeHtml(s.heading)}</h2>\n${s.note ? `<p class="marker">${escapeHtml(s.note)}</p>\n` : ""}<${tag}${cls}${s.lang ? ` lang="${s.lang}"` : ""}>${s.lines.map((l) => `<li>${line(l)}</li>`).join("")}</${tag}>\n</section>`;
  }).join("\n");
  const path = `/layanan/${service.regionCode}/${service.id}`;
  const visit = opts.visit ? localizeVisit(opts.visit, lang, phrasebookFor(lang)) : null;
  const body = `<article class="sheet">
<h1${langAttr(sheet.titleLang, lang)}>${escapeHtml(sheet.title)}</h1>
<p class="meta">${escapeHtml(sheet.subtitle)}</p>
${sheet.translationNote ? `<p class="notice notice--draft">${escapeHtml(sheet.translationNote)}</p>\n` : ""}${sheet.description ? `<p class="lead"${langAttr(sheet.descriptionLang, lang)}>${escapeHtml(sheet.description)}</p>\n` : ""}<p class="notice ${sheet.verification.verified ? "notice--ok" : "notice--warn"}">${sheet.verification.verified ? escapeHtml(sheet.verification.text) : `<strong>${escapeHtml(sheet.verification.text)}</strong>`}</p>
${sections}
</article>
${shareBlock(sheet, service, lang, `${opts.origin ?? ""}${path}${q(lang)}`)}
${visitCard({ code: service.regionCode, name: service.regionName }, visit, lang, opts.regions ?? [])}
<p><a href="/layanan/${escapeHtml(service.regionCode)}${q(lang)}">${t.backRegion} ${escapeHtml(service.regionName)}</a></p>`;
  return page(lang, sheet.title, body, path);
}

export function notFoundPage(lang: Lang | UiLang, message: string): string {
  return page(lang, T[lang].notFound, `<h1>${T[lang].notFound}</h1>\n<p>${escapeHtml(message)}</p>\n<p><a href="/layanan${q(lang)}">${T[lang].back}</a></p>`, "/layanan");
}

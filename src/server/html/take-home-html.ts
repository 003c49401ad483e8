// /layanan's "take it home" blocks: share links and the checklist (download and print), and the
// visit card of the region's physical MPP with a locator map drawn as inline SVG (no tiles, no
// other origin). Every value escaped; the map's SVG has no script and no external reference.
import type { ServiceSheet } from "../../domain/service-sheet";
import type { Service } from "../../domain/types";
import { takeHome, whatsappHref } from "../../domain/take-home-text";
import type { LocalText, LocalVisit } from "../../domain/visit";
import { locatorMap } from "../../domain/visit-map";
import type { UiLang } from "../../domain/words/langs";
import { escapeHtml, langAttr, q } from "./render";

function local(x: LocalText, lang: UiLang): string {
  return `<span${langAttr(x.lang, lang)}>${escapeHtml(x.text)}</span>${x.lang !== lang ? ` <span class="marker">(${escapeHtml(takeHome(lang, "untranslated"))})</span>` : ""}`;
}

export function shareBlock(sheet: ServiceSheet, service: Service, lang: UiLang, url: string): string {
  const wa = whatsappHref(takeHome(lang, "whatsappText", { title: sheet.title, region: service.regionName, url }));
  return `<section class="share" aria-labelledby="bagikan">
<h2 id="bagikan">${escapeHtml(takeHome(lang, "share"))}</h2>
<p><label for="tautan">${escapeHtml(takeHome(lang, "linkLabel"))}</label> <input id="tautan" type="text" readonly value="${escapeHtml(url)}"></p>
<ul class="actions">
<li><a class="button" href="${escapeHtml(wa)}" rel="noopener noreferrer">${escapeHtml(takeHome(lang, "whatsapp"))}</a></li>
<li><a class="button" href="/layanan/${escapeHtml(service.regionCode)}/${escapeHtml(service.id)}/daftar-periksa.txt${q(lang)}" download>${escapeHtml(takeHome(lang, "download"))}</a></li>
</ul>
</section>`;
}

/** The SVG locator map: every region's seat as a dot, the visited one larger and named. */
export function mapSvg(regions: readonly { code: string; name: string; lat: number; lon: number }[], code: string, title: string): string {
  const m = locatorMap(regions, code);
  const dots = m.points.map((p) => p.highlighted
    ? `<circle class="here" cx="${p.x}" cy="${p.y}" r="7"/><text x="${Math.min(p.x + 10, m.width - 90)}" y="${p.y + 4}">${escapeHtml(p.name)}</text>`
    : `<circle cx="${p.x}" cy="${p.y}" r="3"/>`).join("");
  return `<svg class="map" viewBox="0 0 ${m.width} ${m.height}" width="${m.width}" height="${m.height}" role="img" aria-label="${escapeHtml(title)}"><rect width="${m.width}" height="${m.height}" rx="8"/>${dots}</svg>`;
}

export function visitCard(region: { code: string; name: string }, visit: LocalVisit | null, lang: UiLang,
  regions: readonly { code: string; name: string; lat: number; lon: number }[]): string {
  const th = (k: Parameters<typeof takeHome>[1], p: Record<string, string> = {}) => escapeHtml(takeHome(lang, k, p));
  const map = regions.length > 0
    ? `<figure>${mapSvg(regions, region.code, `${takeHome(lang, "map")}: ${region.name}`)}<figcaption>${th("mapNote")}</figcaption></figure>` : "";
  if (!visit) return `<section class="visit" aria-labelledby="kunjungi">\n<h2 id="kunjungi">${th("visit")}</h2>\n<p>${th("noMpp", { region: region.name })}</p>\n${map}\n</section>`;
  const hours = visit.hours.map((h) => `<li>${local(h.label, lang)}: ${local(h.text, lang)}${h.note ? `<br><small>${local(h.note, lang)}</small>` : ""}</li>`).join("");
  return `<section class="visit" aria-labelledby="kunjungi">
<h2 id="kunjungi">${th("visit")}: ${escapeHtml(visit.name)}</h2>
<dl>
<dt>${th("address")}</dt><dd>${visit.address ? `${local(visit.address.text, lang)}${visit.address.note ? `<br><small>${local(visit.address.note, lang)}</small>` : ""}` : escapeHtml(takeHome(lang, "contactUnknown").split(":")[0]!)}</dd>
<dt>${th("hours")}</dt><dd>${hours ? `<ul>${hours}</ul>` : escapeHtml(takeHome(lang, "contactUnknown").split(":")[0]!)}</dd>
<dt>${th("contact")}</dt><dd>${th("contactUnknown")}</dd>
${visit.sources.length > 0 ? `<dt>${th("sources")}</dt><dd lang="id"><small>${visit.sources.map(escapeHtml).join("<br>")}</small></dd>` : ""}
</dl>
${map}
</section>`;
}

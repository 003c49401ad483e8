// The plain HTML fallback (no JavaScript, no WebGL): the list of regions, one region's agencies
// and services, and one service in full. Every value goes through escapeHtml; the pages use
// semantic headings and lists, no inline script and no inline style (the CSP allows neither need).
import type { Lang } from "../../domain/format";
import { localName, serviceRow, serviceSheet, sheetLabel, type SheetLine } from "../../domain/service-sheet";
import type { RegionDetail, RegionSummary, Service, ServiceSummary } from "../../domain/types";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const T = {
  id: {
    site: "MPP Digital Jawa Barat",
    regions: "Mal Pelayanan Publik di 27 kabupaten/kota Jawa Barat",
    intro: "Versi teks tanpa 3D. Pilih kabupaten/kota untuk melihat instansi dan layanannya.",
    physical: { yes: "MPP fisik: ada", planned: "MPP fisik: direncanakan", no: "MPP fisik: tidak ada", unknown: "MPP fisik: tidak diketahui" },
    agencies: "Instansi dan layanan",
    counter: "Loket",
    services: "layanan",
    back: "Kembali ke daftar kabupaten/kota",
    backRegion: "Kembali ke",
    other: "English",
    notFound: "Tidak ditemukan",
    ikm: "Indeks Kepuasan Masyarakat (SKM)",
    track: "Lacak pertanyaan atau pengaduan",
  },
  en: {
    site: "MPP Digital West Java",
    regions: "Public service malls in the 27 regencies and cities of West Java",
    intro: "Text version without 3D. Choose a regency or city to see its agencies and services.",
    physical: { yes: "Physical MPP: yes", planned: "Physical MPP: planned", no: "Physical MPP: no", unknown: "Physical MPP: unknown" },
    agencies: "Agencies and services",
    counter: "Counter",
    services: "services",
    back: "Back to the list of regencies and cities",
    backRegion: "Back to",
    other: "Bahasa Indonesia",
    notFound: "Not found",
    ikm: "Public satisfaction index (SKM)",
    track: "Track a question or complaint",
  },
} as const;

function q(lang: Lang): string {
  return lang === "en" ? "?lang=en" : "";
}

/** A whole page around `body` (already escaped HTML): title, the site link and the language switch. */
export function page(lang: Lang, title: string, body: string, selfPath: string): string {
  const other: Lang = lang === "en" ? "id" : "en";
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} | ${T[lang].site}</title>
</head>
<body>
<header><p><a href="/layanan${q(lang)}">${T[lang].site}</a> · <a href="${escapeHtml(selfPath)}${q(other)}" hreflang="${other}" lang="${other}">${T[lang].other}</a></p></header>
<main>
${body}
</main>
</body>
</html>
`;
}

function line(l: SheetLine): string {
  return l.href ? `<a href="${escapeHtml(l.href)}" rel="noopener noreferrer">${escapeHtml(l.text)}</a>` : escapeHtml(l.text);
}

export function regionsPage(regions: readonly RegionSummary[], lang: Lang): string {
  const t = T[lang];
  const items = regions.map((r) =>
    `<li><a href="/layanan/${escapeHtml(r.code)}${q(lang)}">${escapeHtml(r.name)}</a> (${escapeHtml(r.seat)}) · ${t.physical[r.physicalMpp.status]} · ${r.serviceCount} ${t.services}</li>`,
  ).join("\n");
  return page(lang, t.regions, `<h1>${t.regions}</h1>\n<p>${t.intro}</p>\n<ul>\n${items}\n</ul>`, "/layanan");
}

export function regionPage(region: RegionDetail, services: readonly ServiceSummary[], lang: Lang): string {
  const t = T[lang];
  const mpp = region.physicalMpp;
  const mppText = [t.physical[mpp.status], mpp.note, mpp.source ? `${sheetLabel("source", lang)}: ${mpp.source}` : null]
    .filter((x): x is string => x !== null).map(escapeHtml).join(" · ");
  const sections = region.agencies.map((a) => {
    const rows = services.filter((s) => s.agencyId === a.id).map((s) => {
      const row = serviceRow(s, lang);
      return `<li><a href="/layanan/${escapeHtml(region.code)}/${escapeHtml(s.id)}${q(lang)}">${escapeHtml(row.name)}</a> · ${sheetLabel("fee", lang)}: ${escapeHtml(row.fee)}${row.notVerified ? ` · ${escapeHtml(row.notVerified)}` : ""}</li>`;
    }).join("");
    const counters = a.counters.map((c) => c.label).join(", ");
    return `<section>\n<h3>${escapeHtml(localName(a, lang))}</h3>\n<p>${t.counter} ${escapeHtml(counters)}</p>\n<ul>${rows}</ul>\n</section>`;
  }).join("\n");
  const ikm = `<p><a href="/layanan/${escapeHtml(region.code)}/ikm${q(lang)}">${t.ikm}</a> · <a href="/layanan/tiket${q(lang)}">${t.track}</a></p>`;
  const body = `<h1>${escapeHtml(region.name)}</h1>\n<p>${mppText}</p>\n${ikm}\n<h2>${t.agencies}</h2>\n${sections}\n<p><a href="/layanan${q(lang)}">${t.back}</a></p>`;
  return page(lang, region.name, body, `/layanan/${region.code}`);
}

/** One service: the domain's service sheet (the same description the kiosks show), as HTML. */
export function servicePage(service: Service, lang: Lang): string {
  const t = T[lang];
  const sheet = serviceSheet(service, lang);
  const sections = sheet.sections.map((s) => {
    const tag = s.ordered ? "ol" : "ul";
    return `<h2>${escapeHtml(s.heading)}</h2>\n<${tag}>${s.lines.map((l) => `<li>${line(l)}</li>`).join("")}</${tag}>`;
  }).join("\n");
  const body = `<h1>${escapeHtml(sheet.title)}</h1>
<p>${escapeHtml(sheet.subtitle)}</p>
${sheet.description ? `<p>${escapeHtml(sheet.description)}</p>\n` : ""}<p>${sheet.verification.verified ? escapeHtml(sheet.verification.text) : `<strong>${escapeHtml(sheet.verification.text)}</strong>`}</p>
${sections}
<p><a href="/layanan/${escapeHtml(service.regionCode)}${q(lang)}">${t.backRegion} ${escapeHtml(service.regionName)}</a></p>`;
  return page(lang, sheet.title, body, `/layanan/${service.regionCode}/${service.id}`);
}

export function notFoundPage(lang: Lang, message: string): string {
  return page(lang, T[lang].notFound, `<h1>${T[lang].notFound}</h1>\n<p>${escapeHtml(message)}</p>\n<p><a href="/layanan${q(lang)}">${T[lang].back}</a></p>`, "/layanan");
}

// The plain HTML fallback (no JavaScript, no WebGL): the list of regions, one region's agencies
// and services, and one service in full. Every value goes through escapeHtml; the pages use
// semantic headings and lists, no inline script and no inline style (the CSP allows neither need).
import { formatRupiah, formatVerifiedDate, unknownLabel, type Lang } from "../../domain/format";
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
    fee: "Biaya",
    requirements: "Persyaratan",
    steps: "Prosedur",
    duration: "Jangka waktu",
    hours: "Jam layanan",
    legal: "Dasar hukum",
    product: "Produk layanan",
    complaints: "Pengaduan",
    online: "Layanan daring",
    source: "Sumber",
    lastVerified: "Terakhir diverifikasi",
    verified: "Terverifikasi",
    unverified: "Belum diverifikasi: periksa di loket sebelum datang.",
    other: "English",
    notFound: "Tidak ditemukan",
    agency: "Instansi",
    none: "Tidak ada",
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
    fee: "Fee",
    requirements: "Requirements",
    steps: "Procedure",
    duration: "Processing time",
    hours: "Opening hours",
    legal: "Legal basis",
    product: "What you receive",
    complaints: "Complaints",
    online: "Online service",
    source: "Source",
    lastVerified: "Last verified",
    verified: "Verified",
    unverified: "Not verified: check at the counter before you go.",
    other: "Bahasa Indonesia",
    notFound: "Not found",
    agency: "Agency",
    none: "None",
  },
} as const;

function q(lang: Lang): string {
  return lang === "en" ? "?lang=en" : "";
}

function page(lang: Lang, title: string, body: string, selfPath: string): string {
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

function list(items: readonly string[], ordered = false): string {
  const tag = ordered ? "ol" : "ul";
  return `<${tag}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</${tag}>`;
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
  const mppText = [t.physical[mpp.status], mpp.note, mpp.source ? `${t.source}: ${mpp.source}` : null]
    .filter((x): x is string => x !== null).map(escapeHtml).join(" · ");
  const sections = region.agencies.map((a) => {
    const rows = services.filter((s) => s.agencyId === a.id).map((s) =>
      `<li><a href="/layanan/${escapeHtml(region.code)}/${escapeHtml(s.id)}${q(lang)}">${escapeHtml(lang === "en" ? s.nameEn : s.name)}</a> · ${t.fee}: ${escapeHtml(formatRupiah(s.fee.amount, lang))}${s.verified ? "" : ` · ${lang === "en" ? "not verified" : "belum diverifikasi"}`}</li>`,
    ).join("");
    const counters = a.counters.map((c) => c.label).join(", ");
    return `<section>\n<h3>${escapeHtml(lang === "en" ? a.nameEn : a.name)}</h3>\n<p>${t.counter} ${escapeHtml(counters)}</p>\n<ul>${rows}</ul>\n</section>`;
  }).join("\n");
  const body = `<h1>${escapeHtml(region.name)}</h1>\n<p>${mppText}</p>\n<h2>${t.agencies}</h2>\n${sections}\n<p><a href="/layanan${q(lang)}">${t.back}</a></p>`;
  return page(lang, region.name, body, `/layanan/${region.code}`);
}

export function servicePage(service: Service, lang: Lang): string {
  const t = T[lang];
  const unknown = unknownLabel(lang);
  const field = (label: string, value: string) => `<dt>${label}</dt><dd>${value}</dd>`;
  const fee = escapeHtml(formatRupiah(service.fee.amount, lang)) + (service.fee.note ? ` (${escapeHtml(service.fee.note)})` : "");
  const channels = service.complaintChannels.map((c) =>
    c.value && /^https:\/\//.test(c.value)
      ? `<li><a href="${escapeHtml(c.value)}" rel="noopener noreferrer">${escapeHtml(c.label)}</a></li>`
      : `<li>${escapeHtml(c.label)}${c.value ? `: ${escapeHtml(c.value)}` : ""}</li>`,
  ).join("");
  const online = service.onlineUrl && /^https:\/\//.test(service.onlineUrl)
    ? `<a href="${escapeHtml(service.onlineUrl)}" rel="noopener noreferrer">${escapeHtml(service.onlineUrl)}</a>` : t.none;
  const body = `<h1>${escapeHtml(lang === "en" ? service.nameEn : service.name)}</h1>
<p>${escapeHtml(service.agencyName)} · ${escapeHtml(service.regionName)}</p>
<p>${escapeHtml(service.description)}</p>
${service.verified ? `<p>${t.verified}</p>` : `<p><strong>${t.unverified}</strong></p>`}
<h2>${t.requirements}</h2>
${list(service.requirements)}
<h2>${t.steps}</h2>
${list(service.steps, true)}
<h2>${t.fee}</h2>
<p>${fee}</p>
<dl>
${field(t.duration, escapeHtml(service.duration ?? unknown))}
${field(t.hours, escapeHtml(service.hours ?? unknown))}
${field(t.product, escapeHtml(service.product ?? unknown))}
${field(t.online, online)}
${field(t.source, escapeHtml(service.source ?? unknown))}
${field(t.lastVerified, escapeHtml(formatVerifiedDate(service.lastVerified, lang)))}
</dl>
<h2>${t.legal}</h2>
${service.legalBasis.length > 0 ? list(service.legalBasis) : `<p>${unknown}</p>`}
<h2>${t.complaints}</h2>
<ul>${channels}</ul>
<p><a href="/layanan/${escapeHtml(service.regionCode)}${q(lang)}">${t.backRegion} ${escapeHtml(service.regionName)}</a></p>`;
  return page(lang, lang === "en" ? service.nameEn : service.name, body, `/layanan/${service.regionCode}/${service.id}`);
}

export function notFoundPage(lang: Lang, message: string): string {
  return page(lang, T[lang].notFound, `<h1>${T[lang].notFound}</h1>\n<p>${escapeHtml(message)}</p>\n<p><a href="/layanan${q(lang)}">${T[lang].back}</a></p>`, "/layanan");
}

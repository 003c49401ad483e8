// The /layanan pages of questions, complaints and the SKM (no JavaScript): a ticket by its code,
// the form to look one up, and a region's satisfaction index. Every value goes through escapeHtml;
// citizens' and officers' text keeps its line breaks and is isolated with dir="auto". Indonesian,
// English, and Basa Sunda (feedback-pages-su.ts, a draft said so on the page). The IKM's domain
// texts (unsur names, grade words, sample note) take their Sundanese from the domain's
// feedback/skm-su.ts, the same words the app's Sundanese SKM form shows; a domain text without one
// shows its Indonesian, marked lang="id".
import type { Ikm, PublicTicket } from "../../domain/feedback/shapes";
import { sampleMessageSu, skmSundanese } from "../../domain/feedback/skm-su";
import { TICKET_KIND_LABELS, TICKET_STATUS_LABELS } from "../../domain/feedback/tickets";
import { formatVerifiedDate } from "../../domain/format";
import type { UiLang } from "../../domain/words/langs";
import { toWib } from "../../domain/time/wib";
import { escapeHtml, page, q } from "./render";
import { SU_FEEDBACK_PAGES_REVIEW, suFeedbackPages } from "./feedback-pages-su";
import { SU_TICKET_KINDS, SU_TICKET_STATUSES } from "../../domain/feedback/tickets-su";

const ID = {
    lookup: "Lacak pertanyaan atau pengaduan", code: "Kode pelacakan", show: "Tampilkan", badCode: "Kode tidak dikenal. Periksa kembali kode Anda (8 huruf dan angka, misalnya KFDX-4MRA).",
    status: "Status", about: "Tentang", received: "Diterima", yourText: "Isi", history: "Tindak lanjut", none: "Belum ada tindak lanjut.",
    forwardBy: "Diteruskan ke unit yang menangani paling lambat", actBy: "Ditindaklanjuti paling lambat", late: (n: number) => `terlambat ${n} hari kerja`,
    done: "Sudah ditindaklanjuti.", answer: "Jawaban", from: "dari", citizen: "Tambahan dari Anda", take: "Mulai diproses", forward: "Diteruskan ke",
    close: "Ditutup", reopen: "Dibuka kembali", lapor: "Dilanjutkan melalui SP4N-LAPOR!, nomor pelacakan", laporLink: "Ikuti di lapor.go.id",
    stored: "Yang disimpan: isi pertanyaan atau pengaduan, instansi dan layanan yang dituju, waktunya, dan kontak bila Anda memberikannya. Kontak tidak pernah ditampilkan di halaman ini dan dihapus setelah tiket selesai. Kami tidak meminta NIK.",
    app: "Buka di MPP Digital", mpp: "MPP", wib: "WIB",
    ikm: "Indeks Kepuasan Masyarakat", year: "Tahun", semester: "Semester", respondents: "responden", mutu: "Mutu", unsur: "Unsur pelayanan", nrr: "NRR",
    agencies: "Per instansi", agency: "Instansi", noData: "Belum ada responden pada periode ini.", noIkm: "belum ada",
    method: "IKM = 25 × rata-rata nilai rata-rata (NRR) 9 unsur PermenPANRB 14/2017, dihitung dari jumlah jawaban yang tepat dan dibulatkan hanya di akhir. Mutu: A 88,31-100; B 76,61-88,30; C 65,00-76,60; D 25,00-64,99. Populasi: kunjungan yang tercatat di MPP Digital (layanan dibaca, nomor antrean dipakai, kunjungan di layar lobi); sampel minimal menurut tabel Krejcie-Morgan.",
    other: "Periode lain", whole: "setahun", back: "Kembali ke",
    draft: "",
};

export type FeedbackPageText = typeof ID;

export const FEEDBACK_PAGE_TEXT: Record<UiLang, FeedbackPageText> = {
  id: ID,
  en: {
    lookup: "Track a question or complaint", code: "Tracking code", show: "Show", badCode: "Unknown code. Check your code (8 letters and digits, e.g. KFDX-4MRA).",
    status: "Status", about: "About", received: "Received", yourText: "Text", history: "Follow-up", none: "No follow-up yet.",
    forwardBy: "To reach the unit in charge by", actBy: "To be acted on by", late: (n: number) => `${n} working day${n === 1 ? "" : "s"} late`,
    done: "Acted on.", answer: "Answer", from: "from", citizen: "Your addition", take: "Taken up", forward: "Forwarded to",
    close: "Closed", reopen: "Reopened", lapor: "Continued in SP4N-LAPOR!, tracking id", laporLink: "Follow it at lapor.go.id",
    stored: "What is stored: the text of the question or complaint, the agency and service it is about, when, and a contact if you gave one. The contact is never shown on this page and is deleted after the ticket is closed. We never ask for a NIK.",
    app: "Open in MPP Digital", mpp: "MPP", wib: "WIB",
    ikm: "Public Satisfaction Index (IKM)", year: "Year", semester: "Semester", respondents: "respondents", mutu: "Grade", unsur: "Service element", nrr: "Mean score",
    agencies: "By agency", agency: "Agency", noData: "No respondents in this period yet.", noIkm: "none yet",
    method: "IKM = 25 × the mean of the mean scores (NRR) of the 9 elements of PermenPANRB 14/2017, computed from exact sums and rounded only at the end. Grades: A 88.31-100; B 76.61-88.30; C 65.00-76.60; D 25.00-64.99. Population: visits recorded by MPP Digital (services read, queue numbers used, lobby screen visits); minimum sample from the Krejcie-Morgan table.",
    other: "Other periods", whole: "whole year", back: "Back to",
    draft: "",
  },
  su: suFeedbackPages,
};
const T = FEEDBACK_PAGE_TEXT;

/** The draft notice under a page's title while its language's translation awaits review. */
function draftNotice(lang: UiLang): string {
  return lang === "su" && SU_FEEDBACK_PAGES_REVIEW.status === "draft" ? `<p class="notice notice--draft">${escapeHtml(T.su.draft)}</p>\n` : "";
}

/** One of the SKM's domain texts ({ id, en }) in the page's language: under Basa Sunda its Sundanese
 *  (domain/feedback/skm-su.ts), or its Indonesian, marked, when it has none. */
function skmText(text: { id: string; en: string }, lang: UiLang): string {
  if (lang !== "su") return escapeHtml(text[lang]);
  const su = skmSundanese(text);
  return su === undefined ? `<span lang="id">${escapeHtml(text.id)}</span>` : escapeHtml(su);
}

/** The sample note; its Sundanese is built from the same figures as the domain's id/en sentence. */
function sampleNote(ikm: Ikm, lang: UiLang): string {
  return escapeHtml(lang === "su" ? sampleMessageSu(ikm.respondents, ikm.sample) : ikm.sample.message[lang]);
}

const kindLabel = (kind: PublicTicket["kind"], lang: UiLang) => (lang === "su" ? SU_TICKET_KINDS[kind] : TICKET_KIND_LABELS[kind][lang]);
const statusLabel = (status: PublicTicket["status"], lang: UiLang) => (lang === "su" ? SU_TICKET_STATUSES[status] : TICKET_STATUS_LABELS[status][lang]);

/** Text as typed, line breaks kept, in its own direction context. */
export function textBlock(text: string): string {
  return `<div dir="auto">${text.split("\n").map(escapeHtml).join("<br>\n")}</div>`;
}

function when(iso: string, lang: UiLang): string {
  const w = toWib(new Date(iso));
  return `${formatVerifiedDate(w.date, lang)} ${w.time} ${T[lang].wib}`;
}

export function ticketLookupPage(lang: UiLang, error: boolean): string {
  const t = T[lang];
  const body = `<h1>${t.lookup}</h1>
${draftNotice(lang)}${error ? `<p role="alert"><strong>${t.badCode}</strong></p>` : ""}
<form method="get" action="/layanan/tiket">
<label for="kode">${t.code}</label>
<input id="kode" name="kode" autocomplete="off" maxlength="12" required>
${lang === "id" ? "" : `<input type="hidden" name="lang" value="${lang}">`}
<button type="submit">${t.show}</button>
</form>
<p>${t.stored}</p>`;
  return page(lang, t.lookup, body, "/layanan/tiket");
}

function eventLine(m: PublicTicket["messages"][number], lang: UiLang): string {
  const t = T[lang];
  const head = (label: string) => `<p><strong>${label}</strong> · <time datetime="${escapeHtml(m.at)}">${escapeHtml(when(m.at, lang))}</time></p>`;
  switch (m.type) {
    case "answer": return `<li>${head(`${t.answer}${m.agencyName ? ` ${t.from} ${escapeHtml(m.agencyName)}` : ""}`)}${m.text ? textBlock(m.text) : ""}</li>`;
    case "citizen": return `<li>${head(t.citizen)}${m.text ? textBlock(m.text) : ""}</li>`;
    case "forward": return `<li>${head(`${t.forward} ${escapeHtml(m.agencyName ?? "")}`)}</li>`;
    case "close": return `<li>${head(t.close)}${m.text ? textBlock(m.text) : ""}</li>`;
    case "lapor": return `<li>${head(`${t.lapor} ${escapeHtml(m.laporId ?? "")}`)}</li>`;
    case "take": return `<li>${head(t.take)}</li>`;
    case "reopen": return `<li>${head(t.reopen)}</li>`;
  }
}

export function ticketPage(ticket: PublicTicket, lang: UiLang): string {
  const t = T[lang];
  const kind = kindLabel(ticket.kind, lang);
  const c = ticket.clock;
  const clock = c.stage === null
    ? `<p>${t.done}</p>`
    : `<p>${c.stage === "forward" ? t.forwardBy : t.actBy} ${escapeHtml(formatVerifiedDate(c.dueDate!, lang))}${c.overdue ? ` (<strong>${t.late(c.workingDaysLate)}</strong>)` : ""}</p>`;
  const about = [ticket.serviceName, ticket.agencyName, `${t.mpp} ${ticket.regionName}`].filter((x): x is string => !!x).map(escapeHtml).join(" · ");
  const history = ticket.messages.length ? `<ol>\n${ticket.messages.map((m) => eventLine(m, lang)).join("\n")}\n</ol>` : `<p>${t.none}</p>`;
  const body = `<h1>${escapeHtml(kind)} ${escapeHtml(ticket.formattedCode)}</h1>
${draftNotice(lang)}<dl>
<dt>${t.status}</dt><dd><strong>${statusLabel(ticket.status, lang)}</strong></dd>
<dt>${t.about}</dt><dd>${about}</dd>
<dt>${t.received}</dt><dd><time datetime="${escapeHtml(ticket.receivedAt)}">${escapeHtml(when(ticket.receivedAt, lang))}</time></dd>
</dl>
${clock}
<h2>${t.yourText}</h2>
${textBlock(ticket.text)}
<h2>${t.history}</h2>
${history}
${ticket.laporId ? `<p><a href="https://www.lapor.go.id" rel="noopener noreferrer">${t.laporLink}</a> (${escapeHtml(ticket.laporId)})</p>` : ""}
<p><a href="/${q(lang, `ticket=${escapeHtml(ticket.code)}`)}">${t.app}</a> · <a href="/layanan/tiket${q(lang)}">${t.lookup}</a></p>
<p>${t.stored}</p>`;
  return page(lang, `${kind} ${ticket.formattedCode}`, body, `/layanan/tiket/${ticket.code}`);
}

const fmt = (n: number | null, lang: UiLang, none: string) => (n === null ? none : n.toFixed(2).replace(".", lang === "en" ? "." : ","));

export function ikmPage(ikm: Ikm, lang: UiLang, currentYear: number): string {
  const t = T[lang];
  const period = ikm.semester ? `${t.semester} ${ikm.semester} ${ikm.year}` : `${t.year} ${ikm.year}`;
  const mutu = ikm.mutu ? `${t.mutu} ${ikm.mutu}${ikm.kinerja ? ` (${skmText(ikm.kinerja, lang)})` : ""}` : "";
  const head = ikm.respondents === 0
    ? `<p>${t.noData}</p>`
    : `<p><strong>IKM ${fmt(ikm.ikm, lang, t.noIkm)}</strong> · ${mutu} · ${ikm.respondents} ${t.respondents}</p>\n<p>${sampleNote(ikm, lang)}</p>`;
  const unsur = ikm.respondents === 0 ? "" : `<table>
<caption>${t.unsur}</caption>
<thead><tr><th scope="col">${t.unsur}</th><th scope="col">${t.nrr}</th></tr></thead>
<tbody>
${ikm.unsur.map((u) => `<tr><th scope="row">${skmText({ id: u.name, en: u.nameEn }, lang)}</th><td>${fmt(u.nrr, lang, "-")}</td></tr>`).join("\n")}
</tbody>
</table>`;
  const agencies = `<table>
<caption>${t.agencies}</caption>
<thead><tr><th scope="col">${t.agency}</th><th scope="col">IKM</th><th scope="col">${t.mutu}</th><th scope="col">${t.respondents}</th></tr></thead>
<tbody>
${ikm.agencies.map((a) => `<tr><th scope="row">${escapeHtml(a.name)}</th><td>${fmt(a.ikm, lang, t.noIkm)}</td><td>${a.mutu ?? "-"}</td><td>${a.respondents}</td></tr>`).join("\n")}
</tbody>
</table>`;
  const base = `/layanan/${ikm.region}/ikm`;
  const links: string[] = [];
  for (const y of [ikm.year - 1, ikm.year, ikm.year + 1].filter((y) => y >= 2017 && y <= currentYear)) {
    links.push(`<a href="${base}${q(lang, `year=${y}`)}">${y} (${t.whole})</a>`);
    for (const s of [1, 2]) links.push(`<a href="${base}${q(lang, `year=${y}&semester=${s}`)}">${y} ${t.semester} ${s}</a>`);
  }
  const body = `<h1>${t.ikm}: ${escapeHtml(ikm.regionName)}</h1>
${draftNotice(lang)}<p>${period} (${escapeHtml(formatVerifiedDate(ikm.from, lang))} - ${escapeHtml(formatVerifiedDate(ikm.to, lang))})</p>
${head}
${unsur}
${agencies}
<p>${t.method}</p>
<p>${t.other}: ${links.join(" · ")}</p>
<p><a href="/layanan/${escapeHtml(ikm.region)}${q(lang)}">${t.back} ${escapeHtml(ikm.regionName)}</a></p>`;
  return page(lang, `${t.ikm}: ${ikm.regionName}`, body, base);
}

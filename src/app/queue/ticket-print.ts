// The printed walk-in ticket for the lobby's receipt printer (58 or 80 mm thermal paper, chosen with
// ?paper=58|80 in the kiosk's URL; 80 by default). The same element is the ticket on screen and on
// paper: in print media only it is shown, black on white, sized to the paper's printable width
// (48 mm on 58 mm paper, 72 mm on 80 mm). Chromium started with --kiosk-printing prints it to the
// default printer without a dialog (README, "Lobby kiosk mode").
import { reachableOrigin } from "../ui/text-version";
import type { Lang, WalkInTicket } from "../../domain/queue/shapes";
import { el } from "../ui/dom";
import { qrCanvas } from "./booking-extras";
import { qt } from "./strings";

export type Paper = 58 | 80;

/** The printable width of each paper: the printer's margins take the rest. */
export const PRINTABLE_MM: Record<Paper, number> = { 58: 48, 80: 72 };

export function paperFromUrl(url: URL): Paper {
  return url.searchParams.get("paper") === "58" ? 58 : 80;
}

export const PRINT_STYLE_ID = "mpp-ticket-print";

/**
 * The @page rule and the print-only layout; html.qt-ticket is set while a ticket is on screen, so
 * printing then (window.print(), or the browser's own print) gives the ticket alone.
 */
export function printCss(paper: Paper): string {
  const w = PRINTABLE_MM[paper];
  const big = paper === 58 ? 16 : 22;
  return `
@page { size: ${paper}mm auto; margin: 0; }
@media print {
  html.qt-ticket, html.qt-ticket body { background: #fff !important; margin: 0; }
  html.qt-ticket body * { visibility: hidden !important; }
  html.qt-ticket .qt-print, html.qt-ticket .qt-print * { visibility: visible !important; }
  html.qt-ticket .qt-print { position: fixed; left: 0; top: 0; width: ${w}mm; margin: 0 ${(paper - w) / 2}mm; padding: 2mm 0 6mm;
    background: #fff; color: #000; box-shadow: none; border: 0; font-family: system-ui, sans-serif; font-size: ${paper === 58 ? 9 : 11}pt; text-align: center; }
  html.qt-ticket .qt-print__number { font-size: ${big}mm; line-height: 1; font-weight: 800; margin: 2mm 0; color: #000; }
  html.qt-ticket .qt-print__mpp { font-weight: 700; font-size: 1.1em; }
  html.qt-ticket .qt-print__rule { border: 0; border-top: 0.3mm dashed #000; margin: 2mm 0; }
  html.qt-ticket .qt-print__qr { width: ${paper === 58 ? 22 : 28}mm; height: auto; image-rendering: pixelated; }
  html.qt-ticket .qt-print__rate { font-size: 0.8em; overflow-wrap: anywhere; }
}`;
}

export function installPrintStyle(doc: Document, paper: Paper): () => void {
  doc.getElementById(PRINT_STYLE_ID)?.remove();
  const style = el(doc, "style", { id: PRINT_STYLE_ID });
  style.textContent = printCss(paper);
  doc.head.append(style);
  return () => style.remove();
}

/** Where the ticket's holder rates the service once served (issue 15): the app at /?antrean=CODE. */
export const rateUrl = (origin: string, code: string) => `${origin}/?antrean=${encodeURIComponent(code)}`;

/** The origin a phone can reach: one rule for every link a visitor takes away (ui/text-version.ts). */
export const publicOrigin = reachableOrigin;

/** The ticket as an element (text only, from the server's answer). */
export function ticketElement(doc: Document, lang: Lang, t: WalkInTicket, names: { mpp: string; agency: string }): HTMLElement {
  const [y, m, d] = t.date.split("-");
  const url = rateUrl(doc.defaultView ? publicOrigin(doc.defaultView.location) : "", t.code);
  const qr = qrCanvas(doc, url, 120);
  qr.classList.add("qt-print__qr");
  qr.setAttribute("role", "img");
  qr.setAttribute("aria-label", url);
  qr.dataset.testid = "queue-ticket-qr";
  qr.dataset.url = url;
  return el(doc, "div", { class: "qt-print mpp-panel", "data-testid": "queue-ticket-print", "data-number": t.number },
    el(doc, "p", { class: "qt-print__mpp" }, names.mpp),
    el(doc, "p", { class: "qt-print__agency" }, names.agency),
    el(doc, "hr", { class: "qt-print__rule" }),
    el(doc, "p", { class: "qt-print__label" }, qt(lang, "ticket.yourNumber")),
    el(doc, "p", { class: "qt-print__number", "data-testid": "queue-ticket-number" }, t.number),
    el(doc, "p", { class: "qt-print__counters" }, qt(lang, "ticket.counters", { labels: t.counters.join(", ") })),
    el(doc, "p", { class: "qt-print__ahead" }, t.waitingAhead > 0 ? qt(lang, "ticket.ahead", { n: t.waitingAhead }) : qt(lang, "ticket.aheadNone")),
    el(doc, "hr", { class: "qt-print__rule" }),
    el(doc, "p", { class: "qt-print__issued" }, qt(lang, "ticket.issued", { date: `${d}/${m}/${y}`, time: t.time })),
    el(doc, "p", { class: "qt-print__keep" }, qt(lang, "ticket.keep")),
    el(doc, "hr", { class: "qt-print__rule" }),
    qr,
    el(doc, "p", { class: "qt-print__rate", "data-testid": "queue-ticket-rate" }, qt(lang, "ticket.rate", { url })));
}

/** Marks the page as showing a ticket (print media then shows it alone); returns the undo. */
export function markTicketShown(doc: Document): () => void {
  doc.documentElement.classList.add("qt-ticket");
  return () => doc.documentElement.classList.remove("qt-ticket");
}

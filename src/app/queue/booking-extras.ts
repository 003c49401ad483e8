// What a booking gives the citizen besides the screen: a QR code of the booking code, drawn here from
// the qrcode package's module matrix onto a canvas (nothing fetched, no markup from strings), and the
// .ics calendar file (domain/queue/ics.ts) offered as a download.
import QRCode from "qrcode";
import { bookingIcs } from "../../domain/queue/ics";
import type { Booking } from "../../domain/queue/shapes";

/** The QR modules of a text: size and a dark(row, col) test. Medium error correction (15 %): a scuffed phone screen still reads. */
export function qrMatrix(text: string): { size: number; dark(row: number, col: number): boolean } {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  return { size: qr.modules.size, dark: (r, c) => qr.modules.get(r, c) === 1 };
}

/** Draws the QR code with a quiet zone of 4 modules; returns the canvas. */
export function qrCanvas(doc: Document, text: string, pixels = 200): HTMLCanvasElement {
  const m = qrMatrix(text);
  const quiet = 4;
  const cells = m.size + quiet * 2;
  const scale = Math.max(2, Math.floor(pixels / cells));
  const canvas = doc.createElement("canvas");
  canvas.width = canvas.height = cells * scale;
  const ctx = canvas.getContext("2d");
  if (ctx) {
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = "#000";
    for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.dark(r, c)) ctx.fillRect((c + quiet) * scale, (r + quiet) * scale, scale, scale);
  }
  return canvas;
}

/** The booking as an iCalendar file (no name or phone: the booking shape has none). */
export function bookingCalendar(b: Booking, names: { agency: string; mpp: string }, now: Date, host: string, bring: readonly string[] = []): string {
  return bookingIcs({
    code: b.code, number: b.number, date: b.date, start: b.slot, end: b.slotEnd,
    summary: `Antrean ${names.agency} - ${names.mpp}`, location: names.mpp,
    description: bring.length > 0 ? `Yang perlu dibawa / What to bring:\n${bring.map((r) => `- ${r}`).join("\n")}` : undefined,
    now, uidDomain: host,
  });
}

/** A download link for the .ics (a blob URL, revoked when the link is removed from the page). */
export function icsLink(doc: Document, ics: string, filename: string, label: string): HTMLAnchorElement {
  const win = doc.defaultView!;
  const url = win.URL.createObjectURL(new win.Blob([ics], { type: "text/calendar;charset=utf-8" }));
  const a = doc.createElement("a");
  a.href = url;
  a.download = filename;
  a.className = "mpp-button";
  a.dataset.testid = "booking-ics";
  a.textContent = label;
  return a;
}

export { dayOptions, type DayOption } from "./day-options";

// The queue's buttons on the kiosk's DOM mirror, beside the kiosk's own queue screens
// (kiosk/screens/queue.ts): "Cek / batalkan booking" on an MPP's agency list, "book with name and
// phone" on the slot screen, and on a new booking its QR code, calendar file and cancel (the
// booking dialog, its own chunk, loaded on first use).
import type { Lang } from "../../domain/queue/shapes";
import type { KioskView } from "../kiosk/screens/registry";
import { el } from "../ui/dom";
import { pickText } from "../i18n/su-layers";
import type { BookingTarget } from "./booking-dialog";

// The labels here, not strings.ts: this module is in the app's first load, the dialog is not.
const LABELS: Record<Lang, Record<"lookup" | "contact" | "manage", string>> = {
  id: { lookup: "Cek / batalkan booking", contact: "Pesan dengan nama dan nomor HP", manage: "Kode QR, kalender, batalkan" },
  en: { lookup: "Check / cancel a booking", contact: "Book with name and phone number", manage: "QR code, calendar, cancel" },
};

export type OpenBooking = (target: BookingTarget | { lookup: true; code?: string }) => void;

export function queueMirrorActions(doc: Document, view: KioskView, lang: Lang, open: OpenBooking): Node[] {
  const label = (k: "lookup" | "contact" | "manage") => pickText(lang, { id: LABELS.id[k], en: LABELS.en[k] });
  if (view.status !== "ready") return [];
  const button = (label: string, testid: string, target: BookingTarget | { lookup: true; code?: string }) => {
    const b = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-testid": testid }, label);
    b.addEventListener("click", () => open(target));
    return b;
  };
  const s = view.screen;
  switch (s.kind) {
    case "agencies": return [button(label("lookup"), "mirror-queue-lookup", { lookup: true })];
    case "queue-slots": return [button(label("contact"), "mirror-queue-contact", { region: s.regionCode, agencyId: s.agencyId, ...(s.serviceId ? { serviceId: s.serviceId } : {}) })];
    case "queue-booked": {
      // The code as the view shows it (first line of its section); absent when the server refused.
      const code = view.sections.find((x) => x.id === "queue-code")?.lines[0]?.text;
      return code ? [button(label("manage"), "mirror-queue-manage", { lookup: true, code })] : [];
    }
    default: return [];
  }
}

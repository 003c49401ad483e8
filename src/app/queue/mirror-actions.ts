// The queue's buttons on the kiosk's DOM mirror: "Ambil antrean" on an agency's or a service's
// screen (and on a region's agency list, where the dialog asks for the agency), and "Cek / batalkan
// booking" on the agency list. They open the booking dialog (its own chunk, loaded on first use).
import type { Lang } from "../../domain/queue/shapes";
import type { KioskView } from "../kiosk/screens/registry";
import { el } from "../ui/dom";
import type { BookingTarget } from "./booking-dialog";

// The two labels here, not strings.ts: this module is in the app's first load, the dialog is not.
const LABELS: Record<Lang, { open: string; lookup: string }> = {
  id: { open: "Ambil antrean", lookup: "Cek / batalkan booking" },
  en: { open: "Take a queue number", lookup: "Check / cancel a booking" },
};

export type OpenBooking = (target: BookingTarget | { lookup: true }) => void;

export function queueMirrorActions(doc: Document, view: KioskView, lang: Lang, open: OpenBooking): Node[] {
  if (view.status !== "ready") return [];
  const button = (label: string, testid: string, target: BookingTarget | { lookup: true }) => {
    const b = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-testid": testid }, label);
    b.addEventListener("click", () => open(target));
    return b;
  };
  const s = view.screen;
  switch (s.kind) {
    case "service": return [button(LABELS[lang].open, "mirror-queue", { region: s.serviceId.slice(0, 4), serviceId: s.serviceId })];
    case "services": return [button(LABELS[lang].open, "mirror-queue", { region: s.regionCode, agencyId: s.agencyId })];
    case "agencies": return [
      button(LABELS[lang].open, "mirror-queue", { region: s.regionCode }),
      button(LABELS[lang].lookup, "mirror-queue-lookup", { lookup: true }),
    ];
  }
}

// The workspace's pages by URL hash.
import type { Route } from "./shell";
import { agencyView, regionView } from "./views/places";
import { recordsView } from "./views/records";
import { reviewsView } from "./views/reviews";
import { newServiceView, serviceView } from "./views/service";
import { transferView } from "./views/transfer";
import { ticketsView } from "./views/tickets";

export const ROUTES: Route[] = [
  { pattern: /^(?:layanan)?(?:\?(.*))?$/, view: recordsView, nav: { label: "nav.records", hash: "#/layanan" } },
  { pattern: /^tinjauan$/, view: reviewsView, nav: { label: "nav.reviews", hash: "#/tinjauan" } },
  { pattern: /^wilayah(?:\/(\d{4}))?$/, view: regionView, nav: { label: "nav.region", hash: "#/wilayah" } },
  { pattern: /^impor$/, view: transferView, nav: { label: "nav.transfer", hash: "#/impor" } },
  { pattern: /^tiket$/, view: ticketsView, nav: { label: "nav.tickets", hash: "#/tiket" } },
  { pattern: /^layanan-baru$/, view: newServiceView, nav: null },
  { pattern: /^layanan\/([^/?#]+)$/, view: serviceView, nav: null },
  { pattern: /^instansi\/([^/?#]+)$/, view: agencyView, nav: null },
];

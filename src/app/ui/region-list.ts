// The directory's list of the 27 regions (type, counts, physical-MPP badge) and the badges' legend.
import type { PhysicalMppStatus, RegionSummary } from "../../domain/types";
import type { I18n } from "../i18n/i18n";
import type { StringKey } from "../i18n/strings";
import { el } from "./dom";

const BADGE: Record<PhysicalMppStatus, StringKey> = {
  yes: "legend.physical", no: "legend.digitalOnly", planned: "legend.planned", unknown: "legend.unknown",
};
const STATUS: Record<PhysicalMppStatus, StringKey> = {
  yes: "mppStatus.yes", no: "mppStatus.no", planned: "mppStatus.planned", unknown: "mppStatus.unknown",
};

type Texts = Pick<I18n, "t">;

/** One button row per region, labelled by the heading #mpp-directory-regions. */
export function regionListNodes(doc: Document, i18n: Texts, regions: readonly RegionSummary[]): HTMLElement {
  return el(doc, "ul", { class: "mpp-list", "aria-labelledby": "mpp-directory-regions" }, ...regions.map((r) => el(doc, "li", {},
    el(doc, "button", {
      type: "button", class: "mpp-row", "data-action": "region", "data-region-code": r.code,
      "data-testid": "region-row", "data-nav": true,
    },
    el(doc, "span", { class: "mpp-row__label" }, r.name),
    el(doc, "span", { class: "mpp-row__detail" },
      `${i18n.t(r.type === "kota" ? "regionType.kota" : "regionType.kabupaten")} · ${i18n.t("directory.counts", { agencies: r.agencyCount, services: r.serviceCount })}`),
    el(doc, "span", { class: `mpp-badge mpp-badge--${r.physicalMpp.status}`, title: i18n.t(STATUS[r.physicalMpp.status]) },
      i18n.t(BADGE[r.physicalMpp.status]))))));
}

export function regionLegend(doc: Document, i18n: Texts): HTMLElement {
  const statuses: PhysicalMppStatus[] = ["yes", "no", "planned", "unknown"];
  return el(doc, "div", { class: "mpp-legend" },
    el(doc, "h3", {}, i18n.t("legend.title")),
    el(doc, "ul", { class: "mpp-legend__list" }, ...statuses.map((s) => el(doc, "li", {},
      el(doc, "span", { class: `mpp-badge mpp-badge--${s}` }, i18n.t(BADGE[s])), " ", i18n.t(STATUS[s])))));
}

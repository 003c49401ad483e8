// The preview: the record as a citizen will see it at a kiosk and on /layanan. It renders the
// domain's one service sheet (src/domain/service-sheet.ts), the same description the kiosks and
// /layanan render, so the preview cannot disagree with them.
import { serviceSheet } from "../../domain/service-sheet";
import type { EditableService } from "../../domain/admin/service-fields";
import type { Service } from "../../domain/types";
import { h } from "../dom";
import type { Lang } from "../strings";

export interface PreviewMeta {
  id: string;
  regionCode: string;
  regionName: string;
  agencySlug: string;
  agencyName: string;
  slug: string;
  verified: boolean;
  lastVerified: string | null;
}

export function asService(fields: EditableService, meta: PreviewMeta): Service {
  return {
    id: meta.id, regionCode: meta.regionCode, agencyId: `${meta.regionCode}-${meta.agencySlug}`, agencySlug: meta.agencySlug,
    agencyName: meta.agencyName, slug: meta.slug, name: fields.name, nameEn: fields.nameEn, fee: { ...fields.fee }, verified: meta.verified,
    regionName: meta.regionName, description: fields.description, requirements: fields.requirements, steps: fields.steps,
    duration: fields.duration, hours: fields.hours, legalBasis: fields.legalBasis, product: fields.product,
    complaintChannels: fields.complaintChannels, onlineUrl: fields.onlineUrl, source: fields.source, lastVerified: meta.lastVerified,
  };
}

export function renderPreview(doc: Document, service: Service, lang: Lang): HTMLElement {
  const sheet = serviceSheet(service, lang);
  const notice = sheet.verification;
  return h(doc, "article", { class: "adm-preview", "data-testid": "preview", lang },
    h(doc, "h3", {}, sheet.title),
    h(doc, "p", { class: "adm-preview__sub" }, sheet.subtitle),
    sheet.description ? h(doc, "p", {}, sheet.description) : null,
    h(doc, "p", { class: `adm-preview__notice adm-preview__notice--${notice.verified ? "verified" : "unverified"}` }, notice.text),
    ...sheet.sections.map((s) => h(doc, "section", {}, h(doc, "h4", {}, s.heading),
      h(doc, s.ordered ? "ol" : "ul", {}, ...s.lines.map((l) => h(doc, "li", {}, l.text))))));
}

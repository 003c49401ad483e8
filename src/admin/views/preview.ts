// The preview: the record as a citizen will see it at a kiosk and on /layanan. It renders through
// the kiosk's own view-model (src/app/kiosk/view-model.ts, serviceView), the one renderer of a
// service today, with the app's own strings, so the preview cannot disagree with the kiosk.
// When src/domain/service-sheet.ts (the one service sheet of the app-shape work) lands, this
// module switches to serviceSheet(service, lang); nothing else here changes.
import { createI18n } from "../../app/i18n/i18n";
import { serviceView } from "../../app/kiosk/view-model";
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
  const i18n = createI18n({ url: new URL(`https://preview.invalid/?lang=${lang}`), storage: null, document: null });
  const view = serviceView({ kind: "service", serviceId: service.id }, service, { i18n, canGoBack: false });
  return h(doc, "article", { class: "adm-preview", "data-testid": "preview", lang },
    h(doc, "h3", {}, view.title),
    view.subtitle ? h(doc, "p", { class: "adm-preview__sub" }, view.subtitle) : null,
    view.notice ? h(doc, "p", { class: `adm-preview__notice adm-preview__notice--${view.notice.kind}` }, view.notice.text) : null,
    ...view.sections.map((s) => h(doc, "section", {}, h(doc, "h4", {}, s.heading), h(doc, "ul", {}, ...s.lines.map((l) => h(doc, "li", {}, l))))));
}

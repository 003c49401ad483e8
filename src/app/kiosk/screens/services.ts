// A counter's kiosk: one agency's services with their fees (and "not verified" where so);
// choosing one opens its service sheet.
import type { RegionDetail, ServiceSummary } from "../../../domain/types";
import { localName, serviceRow, sheetLabel } from "../../../domain/service-sheet";
import { field, navActions, staleNotice, type ScreenDef, type ViewContext, type ScreenView } from "./screen";
import type { ServiceScreen } from "./service";
import { queueAction, type QueueDaysScreen } from "./queue";

export interface ServicesScreen { kind: "services"; regionCode: string; agencyId: string }

export interface ServicesData { region: RegionDetail; services: readonly ServiceSummary[] }

export function servicesView(screen: ServicesScreen, data: ServicesData, ctx: ViewContext): ScreenView<ServicesScreen> {
  const { t, lang } = ctx.i18n;
  const agency = data.region.agencies.find((a) => a.id === screen.agencyId);
  if (!agency) throw new Error(`kiosk screen services: agency ${screen.agencyId} is not in region ${data.region.code}`);
  const items = data.services
    .filter((s) => s.agencyId === screen.agencyId)
    .map((s) => {
      const row = serviceRow(s, lang);
      // Each value named ("Biaya: Tidak diketahui"), never a bare "Tidak diketahui" beside a status.
      const fee = `${sheetLabel("fee", lang)}: ${row.fee}`;
      return { id: s.id, label: row.name, detail: row.notVerified ? `${fee} · ${row.notVerified}` : fee };
    });
  return {
    screen, status: "ready", title: localName(agency, lang), subtitle: data.region.name, intro: null, items,
    sections: items.length === 0 ? [{ heading: t("kiosk.chooseService"), lines: [{ text: t("kiosk.noServices") }] }] : [],
    notice: staleNotice(ctx), actions: navActions(ctx, [queueAction(ctx)]),
  };
}

export const servicesScreen: ScreenDef<ServicesScreen, ServicesData, ServiceScreen | QueueDaysScreen> = {
  kind: "services",
  parse(value) {
    const regionCode = field(value, "regionCode");
    const agencyId = field(value, "agencyId");
    return value.kind === "services" && regionCode && agencyId ? { kind: "services", regionCode, agencyId } : null;
  },
  key: (s) => `services:${s.regionCode}:${s.agencyId}`,
  async load(s, api) {
    const region = await api.region(s.regionCode);
    const agency = region.agencies.find((a) => a.id === s.agencyId);
    if (!agency) throw new Error(`kiosk screen services: agency ${s.agencyId} is not in region ${region.code}`);
    return { region, services: await api.services(s.regionCode, { agency: agency.slug }) };
  },
  view: servicesView,
  select: (_s, serviceId) => ({ kind: "service", serviceId }),
  act: (s, id) => (id === "queue" ? { kind: "queue-days", regionCode: s.regionCode, agencyId: s.agencyId, serviceId: null } : null),
};

// The first screen of a building's kiosk: the agencies of the MPP with their service counts and
// counters; choosing one opens its service list.
import type { RegionDetail } from "../../../domain/types";
import { localName } from "../../../domain/service-sheet";
import { field, navActions, staleNotice, type ScreenDef, type ViewContext, type ScreenView } from "./screen";
import type { ServicesScreen } from "./services";
import { queueAction, type QueueAgenciesScreen } from "./queue";

export interface AgenciesScreen { kind: "agencies"; regionCode: string }

function serviceCount(n: number, ctx: ViewContext): string {
  return n === 1 ? ctx.i18n.t("kiosk.serviceCountOne") : ctx.i18n.t("kiosk.serviceCount", { n });
}

export function agenciesView(screen: AgenciesScreen, region: RegionDetail, ctx: ViewContext): ScreenView<AgenciesScreen> {
  if (region.code !== screen.regionCode) {
    throw new Error(`kiosk screen agencies: region ${region.code} given for screen of ${screen.regionCode}`);
  }
  const { t, lang } = ctx.i18n;
  const items = region.agencies.map((a) => {
    const counters = a.counters.map((c) => c.label).join(", ");
    const detail = [serviceCount(a.serviceCount, ctx), counters ? t("kiosk.counters", { labels: counters }) : null]
      .filter((x): x is string => x !== null).join(" · ");
    return { id: a.id, label: localName(a, lang), detail };
  });
  return {
    screen, status: "ready", title: region.name, subtitle: t("kiosk.chooseAgency"), intro: null, items,
    sections: items.length === 0 ? [{ heading: region.name, lines: [{ text: t("kiosk.noAgencies") }] }] : [],
    notice: staleNotice(ctx), actions: navActions(ctx, items.length ? [queueAction(ctx)] : []),
  };
}

export const agenciesScreen: ScreenDef<AgenciesScreen, RegionDetail, ServicesScreen | QueueAgenciesScreen> = {
  kind: "agencies",
  parse(value) {
    const regionCode = field(value, "regionCode");
    return value.kind === "agencies" && regionCode ? { kind: "agencies", regionCode } : null;
  },
  key: (s) => `agencies:${s.regionCode}`,
  load: (s, api) => api.region(s.regionCode),
  view: agenciesView,
  select: (s, agencyId) => ({ kind: "services", regionCode: s.regionCode, agencyId }),
  act: (s, id) => (id === "queue" ? { kind: "queue-agencies", regionCode: s.regionCode } : null),
};

// The help desk of an MPP (the `help-desk` role in the interior model): ask a question, make a
// complaint, or fill in the SKM for one of the MPP's agencies. Its rows open the ticket and
// survey screens, which work the same on the 3D panel, in a headset and in the DOM mirror.
import type { RegionDetail } from "../../../domain/types";
import { field, navActions, type ScreenDef, type ScreenView, type ViewContext } from "./screen";
import { newSurvey, type SurveyScreen } from "./survey";
import { newTicket, type TicketScreen } from "./ticket";
import { ftext } from "./feedback-text";

export interface HelpDeskScreen { kind: "help-desk"; regionCode: string }

export function helpDeskView(screen: HelpDeskScreen, region: RegionDetail, ctx: ViewContext): ScreenView<HelpDeskScreen> {
  if (region.code !== screen.regionCode) throw new Error(`kiosk screen help-desk: region ${region.code} given for ${screen.regionCode}`);
  const { lang } = ctx.i18n;
  return {
    screen, status: "ready",
    title: ftext(lang, "desk.title"),
    subtitle: ftext(lang, "desk.subtitle", { region: region.name }),
    intro: ftext(lang, "desk.intro"),
    items: [
      { id: "konsultasi", label: ftext(lang, "desk.ask"), detail: null },
      { id: "pengaduan", label: ftext(lang, "desk.complain"), detail: null },
      { id: "survey", label: ftext(lang, "desk.rate"), detail: ftext(lang, "desk.rateDetail") },
    ],
    sections: [], notice: null, actions: navActions(ctx),
  };
}

export const helpDeskScreen: ScreenDef<HelpDeskScreen, RegionDetail, TicketScreen | SurveyScreen> = {
  kind: "help-desk",
  parse(value) {
    const regionCode = field(value, "regionCode");
    return value.kind === "help-desk" && regionCode ? { kind: "help-desk", regionCode } : null;
  },
  key: (s) => `help-desk:${s.regionCode}`,
  load: (s, api) => api.region(s.regionCode),
  view: helpDeskView,
  select(s, itemId) {
    if (itemId === "konsultasi" || itemId === "pengaduan") return newTicket(s.regionCode, { ticketKind: itemId });
    if (itemId === "survey") return newSurvey(s.regionCode);
    return null;
  },
};

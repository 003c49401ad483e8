// Every kiosk screen, in one list. A new screen (queue ticket, survey, complaint) is one file in
// this folder plus two lines here: its screen type in KioskScreen and its definition in SCREENS
// (the mapped type makes a screen without a definition a compile error).
import { agenciesScreen, type AgenciesScreen } from "./agencies";
import { servicesScreen, type ServicesScreen } from "./services";
import { serviceScreen, type ServiceScreen } from "./service";
import { helpDeskScreen, type HelpDeskScreen } from "./help-desk";
import { ticketScreen, ticketSentScreen, type TicketScreen, type TicketSentScreen } from "./ticket";
import { surveyScreen, surveySentScreen, type SurveyScreen, type SurveySentScreen } from "./survey";
import { queueAgenciesScreen, queueBookedScreen, queueDaysScreen, queueSlotsScreen, type QueueScreen } from "./queue";
import type { ScreenDef, ScreenView } from "./screen";

export type KioskScreen = AgenciesScreen | ServicesScreen | ServiceScreen
  | HelpDeskScreen | TicketScreen | TicketSentScreen | SurveyScreen | SurveySentScreen | QueueScreen;

type Definitions = { [K in KioskScreen["kind"]]: ScreenDef<Extract<KioskScreen, { kind: K }>, unknown, KioskScreen> };

const SCREENS: Definitions = {
  agencies: agenciesScreen,
  services: servicesScreen,
  service: serviceScreen,
  "help-desk": helpDeskScreen,
  ticket: ticketScreen,
  "ticket-sent": ticketSentScreen,
  survey: surveyScreen,
  "survey-sent": surveySentScreen,
  "queue-agencies": queueAgenciesScreen,
  "queue-days": queueDaysScreen,
  "queue-slots": queueSlotsScreen,
  "queue-booked": queueBookedScreen,
};

/** The definition of a screen's kind (data, view and actions), typed for that screen. */
export function screenDef<S extends KioskScreen>(screen: S): ScreenDef<S, unknown, KioskScreen> {
  return SCREENS[screen.kind as S["kind"]] as unknown as ScreenDef<S, unknown, KioskScreen>;
}

/** A stable string for a screen, for caches and comparisons. */
export function screenKey(screen: KioskScreen): string {
  return screenDef(screen).key(screen);
}

/** `value` as a kiosk screen, or a TypeError naming what was wrong. */
export function parseScreen(value: unknown): KioskScreen {
  const kind = (value as { kind?: unknown } | null)?.kind;
  const def = typeof kind === "string" && Object.prototype.hasOwnProperty.call(SCREENS, kind) ? SCREENS[kind as KioskScreen["kind"]] : null;
  const screen = def?.parse(value as { kind: string }) ?? null;
  if (!screen) throw new TypeError(`kiosk: not a kiosk screen: ${JSON.stringify(value)}`);
  return screen;
}

/** What a kiosk shows, whatever the screen: the 3D panel and the DOM mirror both render it. */
export type KioskView = ScreenView<KioskScreen>;

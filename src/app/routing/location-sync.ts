// The one owner of the address bar. The place and the open kiosk go to the URL (so a citizen can
// share what they see), and the URL comes back to the place: the first load and the browser's
// Back and Forward send the visitor where it points. Nothing else writes history.
//   entering or walking to a building  -> replace ?region=CODE
//   leaving to the plaza               -> replace (no region)
//   a kiosk opened at a service        -> replace ?service=ID (a deep link, a search result)
//   choosing a service inside a kiosk  -> push ?service=ID (Back returns to the list)
//   a language change                  -> replace &lang=
import type { I18n } from "../i18n/i18n";
import type { KioskHost } from "../kiosk/kiosk-host";
import type { KioskVisits } from "../kiosk/kiosk-visits";
import type { Place, Places } from "../places/places";
import { parseAppUrl, type AppLocation, type HistorySync } from "./deep-link";

/** The parts of the experience the URL follows and drives. */
export interface LocatedExperience {
  places: Pick<Places, "current" | "onChange" | "leave">;
  kiosks: Pick<KioskHost, "onChange">;
  visits: Pick<KioskVisits, "openRegion" | "openService">;
}

export interface LocationSyncDeps {
  /** The browser's history (at a lobby kiosk, one that only replaces: lobby/history-guard.ts). */
  history: HistorySync;
  i18n: Pick<I18n, "lang" | "onChange">;
  /** The page's URL now (window.location.href). */
  href(): string;
  /** A place the region of the URL names (the building's name), for the page to announce. */
  onRegionShown?(code: string): void;
}

export interface LocationSync {
  /** What the address bar names. */
  readonly current: Readonly<AppLocation>;
  /** Follows an experience's places and kiosks into the URL, and the URL into them, until the returned function is called. */
  follow(exp: LocatedExperience): () => void;
  /** Sends the visitor where `to` points: a service, a region's building, or the plaza. */
  go(to: Pick<AppLocation, "region" | "service">): Promise<void>;
  /** Replaces the URL with `path` (a lobby kiosk's resting URL, between visitors). */
  rest(path: string): void;
  dispose(): void;
}

const regionOf = (place: Place) => (place.kind === "building" ? place.region : place.near);

export function createLocationSync(deps: LocationSyncDeps): LocationSync {
  const { history } = deps;
  const initial = parseAppUrl(new URL(deps.href()));
  let current: AppLocation = { region: initial.region, service: initial.service };
  let exp: LocatedExperience | null = null;

  const replace = () => history.replace(current);

  async function go(to: Pick<AppLocation, "region" | "service">): Promise<void> {
    if (!exp) return;
    if (to.service) await exp.visits.openService(to.service);
    else if (to.region) await exp.visits.openRegion(to.region);
    else if (exp.places.current.kind === "building") exp.places.leave();
  }

  const offs: Array<() => void> = [
    deps.i18n.onChange((lang) => history.replace({ ...current, lang })),
    history.onNavigate((state) => {
      current = { region: state.region, service: state.service };
      void go(state);
    }),
  ];

  return {
    get current() {
      return current;
    },
    follow(next) {
      exp = next;
      let offView: (() => void) | null = null;
      const offPlace = next.places.onChange((place) => {
        const region = regionOf(place);
        current = { region, service: null };
        replace();
        if (region) deps.onRegionShown?.(region);
      });
      const offKiosk = next.kiosks.onChange((controller) => {
        offView?.();
        offView = null;
        if (!controller) return;
        const top = controller.view.screen;
        if (top.kind === "service") {
          current = { region: top.serviceId.slice(0, 4), service: top.serviceId };
          replace();
        }
        offView = controller.onView((v) => {
          if (v.screen.kind !== "service" || v.status !== "ready" || current.service === v.screen.serviceId) return;
          current = { region: v.screen.serviceId.slice(0, 4), service: v.screen.serviceId };
          history.push(current);
        });
      });
      return () => {
        offPlace();
        offKiosk();
        offView?.();
        if (exp === next) exp = null;
      };
    },
    go,
    rest(path) {
      history.rest(path);
      const url = parseAppUrl(new URL(deps.href()));
      current = { region: url.region, service: url.service };
    },
    dispose() {
      for (const off of offs.splice(0)) off();
      exp = null;
    },
  };
}

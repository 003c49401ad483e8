// The one owner of the address bar. The place and the open kiosk go to the URL (so a citizen can
// share what they see), and the URL comes back to the place: the first load and the browser's
// Back and Forward send the visitor where it points. Nothing else writes history.
//   entering or walking to a building  -> replace ?region=CODE
//   leaving to the plaza               -> replace (no region)
//   a kiosk opened at a service        -> replace ?service=ID (a deep link)
//   a jump from the directory          -> push ?region= / ?service= (each search result or region
//                                         chosen is a step Back returns from: issue 20 point 4)
//   choosing a service inside a kiosk  -> push ?service=ID (Back returns to the list)
//   the kiosk's "Kembali" to its list  -> back (that push undone), else replace without the service
//   a deep link that cannot be opened  -> replace with the plaza (where the visitor is)
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
  /** Like go(), as a new history entry: a place the visitor chose (directory, search), which Back returns from. */
  jump(to: Pick<AppLocation, "region" | "service">): Promise<void>;
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
  /** The service whose entry this page pushed (chosen inside a kiosk): "Kembali" goes back over it. */
  let pushedService: string | null = null;
  /** Back navigations this module started: the place is already right, only the URL moves. */
  let ownPops = 0;
  /** The service a go() is on its way to: entering its building must not strip it from the URL,
   *  or a second jump made before the kiosk opened leaves Back an entry without it. */
  let pending: string | null = null;

  const replace = () => history.replace(current);

  async function go(to: Pick<AppLocation, "region" | "service">): Promise<void> {
    if (!exp) return;
    if (to.service) {
      pending = to.service;
      let opened: boolean;
      try {
        opened = await exp.visits.openService(to.service);
      } finally {
        if (pending === to.service) pending = null;
      }
      // A link to a service that does not exist (or cannot load): the URL names where the visitor is.
      if (!opened && exp && current.service === to.service) {
        current = { region: regionOf(exp.places.current), service: null };
        replace();
      }
    } else if (to.region) await exp.visits.openRegion(to.region);
    else if (exp.places.current.kind === "building") exp.places.leave();
  }

  const offs: Array<() => void> = [
    deps.i18n.onChange((lang) => history.replace({ ...current, lang })),
    history.onNavigate((state) => {
      current = { region: state.region, service: state.service };
      pushedService = null;
      if (ownPops > 0) { ownPops--; return; }
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
        const service = pending !== null && pending.slice(0, 4) === region ? pending : null;
        current = { region, service };
        replace();
        if (region) deps.onRegionShown?.(region);
      });
      const offKiosk = next.kiosks.onChange((controller) => {
        offView?.();
        offView = null;
        if (!controller) {
          // Closed (Tutup, Escape): the URL names the place, no longer the service.
          if (current.service !== null) {
            current = { region: current.region, service: null };
            pushedService = null;
            replace();
          }
          return;
        }
        const top = controller.view.screen;
        if (top.kind === "service") {
          current = { region: top.serviceId.slice(0, 4), service: top.serviceId };
          replace();
        }
        offView = controller.onView((v) => {
          if (v.screen.kind !== "service") {
            // "Kembali" to the list: the URL no longer names the service.
            if (current.service === null) return;
            const wasPushed = pushedService === current.service;
            current = { region: current.region, service: null };
            pushedService = null;
            // Counted first: some histories report the navigation before back() returns.
            if (wasPushed) ownPops++;
            if (!wasPushed || !history.back()) {
              if (wasPushed) ownPops--;
              replace();
            }
            return;
          }
          if (v.status !== "ready" || current.service === v.screen.serviceId) return;
          current = { region: v.screen.serviceId.slice(0, 4), service: v.screen.serviceId };
          pushedService = current.service;
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
    async jump(to) {
      const region = to.service ? to.service.slice(0, 4) : to.region;
      current = { region, service: to.service };
      pushedService = null;
      history.push(current);
      await go(to);
    },
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

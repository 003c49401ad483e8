// The URL names what is on screen, so a citizen can share it:
//   /?region=3273&service=3273-imigrasi-paspor-biasa&lang=en
// Other parameters: mode=kiosk (lobby touch screen), mode=spectator&follow=guide (the audience's
// big screen), automation=1 (browser-test hook), renderscale=0.5 (draws the 3D at half the screen's
// pixels: a weak lobby PC or a software-rendered test browser; 0.25..1, default 1).
// Malformed values are ignored, never thrown: a mistyped shared link still opens the app.
import { isRegionCode, isServiceId } from "../../domain/ids";
import { isLang, type Lang } from "../i18n/strings";

/** kiosk: a lobby touch screen; spectator: the audience's big screen at an event (no controls). */
export type AppMode = "desktop" | "kiosk" | "spectator";

export interface AppUrl {
  region: string | null;
  service: string | null;
  lang: Lang | null;
  mode: AppMode;
  automation: boolean;
  /** Share of the canvas's CSS pixels the 3D is drawn at, 0.25..1 (1: full resolution). */
  renderScale: number;
}

/** What the app writes back into the URL. `lang`: undefined keeps the URL's, null removes it. */
export interface AppLocation {
  region: string | null;
  service: string | null;
  lang?: Lang | null;
}

export function parseAppUrl(url: URL): AppUrl {
  if (!(url instanceof URL)) throw new TypeError("parseAppUrl: expected a URL");
  const p = url.searchParams;
  const service = isServiceId(p.get("service")) ? p.get("service") : null;
  const regionParam = isRegionCode(p.get("region")) ? p.get("region") : null;
  // A service id starts with its region's code; it wins over a contradicting region param
  // so the building entered always holds the service shown.
  const region = service ? service.slice(0, 4) : regionParam;
  const lang = p.get("lang");
  return {
    region,
    service,
    lang: isLang(lang) ? lang : null,
    mode: p.get("mode") === "kiosk" ? "kiosk" : p.get("mode") === "spectator" ? "spectator" : "desktop",
    automation: p.get("automation") === "1",
    renderScale: parseRenderScale(p.get("renderscale")),
  };
}

/** 0.25..1 from the URL; anything else (missing, malformed, out of range) is full resolution. */
export function parseRenderScale(value: string | null): number {
  if (value === null || !/^(0(\.\d{1,3})?|1(\.0{1,3})?)$/.test(value)) return 1;
  const n = Number(value);
  return n >= 0.25 && n <= 1 ? n : 1;
}

/** A copy of `base` naming `state`; every other parameter (mode, automation, utm_…) is kept. */
export function formatAppUrl(base: URL, state: AppLocation): URL {
  if (state.region !== null && !isRegionCode(state.region)) {
    throw new RangeError(`formatAppUrl: bad region code ${JSON.stringify(state.region)}`);
  }
  if (state.service !== null && !isServiceId(state.service)) {
    throw new RangeError(`formatAppUrl: bad service id ${JSON.stringify(state.service)}`);
  }
  if (state.lang !== undefined && state.lang !== null && !isLang(state.lang)) {
    throw new RangeError(`formatAppUrl: bad language ${JSON.stringify(state.lang)}`);
  }
  const url = new URL(base.href);
  const p = url.searchParams;
  const region = state.service ? state.service.slice(0, 4) : state.region;
  if (region) p.set("region", region); else p.delete("region");
  if (state.service) p.set("service", state.service); else p.delete("service");
  if (state.lang) p.set("lang", state.lang); else if (state.lang === null) p.delete("lang");
  return url;
}

type HistoryWindow = Pick<Window, "location" | "history" | "addEventListener" | "removeEventListener">;

export interface HistorySync {
  /** Rewrites the current entry (e.g. on language change or while walking around). */
  replace(state: AppLocation): void;
  /** Adds an entry (e.g. a service opened), so the browser's Back returns to the previous view. */
  push(state: AppLocation): void;
  /** Rewrites the current entry to a whole path ("/?mode=kiosk&region=3273"), every parameter included. */
  rest(path: string): void;
  /** Goes one entry back, as the browser's Back does (the listeners hear it); false when this history cannot. */
  back(): boolean;
  /** Back/forward navigation: called with the URL's new state. */
  onNavigate(listener: (state: AppUrl) => void): () => void;
  dispose(): void;
}

export function createHistorySync(win: HistoryWindow): HistorySync {
  const listeners = new Set<(state: AppUrl) => void>();
  const onPop = () => {
    const state = parseAppUrl(new URL(win.location.href));
    for (const l of [...listeners]) l(state);
  };
  win.addEventListener("popstate", onPop);
  let disposed = false;

  function write(kind: "push" | "replace", state: AppLocation) {
    if (disposed) return;
    const current = new URL(win.location.href);
    const next = formatAppUrl(current, state);
    if (next.href === current.href) return; // no duplicate history entries
    const relative = next.pathname + next.search + next.hash;
    if (kind === "push") win.history.pushState(null, "", relative);
    else win.history.replaceState(null, "", relative);
  }

  return {
    replace: (state) => write("replace", state),
    push: (state) => write("push", state),
    rest(path) {
      if (!disposed) win.history.replaceState(null, "", path);
    },
    back() {
      if (disposed) return false;
      win.history.back();
      return true;
    },
    onNavigate(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    dispose() {
      disposed = true;
      win.removeEventListener("popstate", onPop);
      listeners.clear();
    },
  };
}

// Lobby kiosk mode (?mode=kiosk, PRODUCT.md user 3): wires the idle timer, the attract loop and
// its overlay, the idle warning, the on-screen keyboard and the reset between visitors onto the
// page's existing parts. Loaded with import() only in kiosk mode, so desktop visitors do not
// download it. Each part is its own module; this one only connects them.
import css from "./lobby.css";
import type { I18n } from "../i18n/i18n";
import type { Experience } from "../experience";
import type { Directory } from "../ui/directory";
import { setTouchMode } from "../ui/styles";
import type { LocationSync } from "../routing/location-sync";
import type { ServiceWorkerHandle } from "../offline/register-sw";
import { parseKioskOptions, type KioskOptions } from "./kiosk-options";
import { createIdleTimer, warningMsFor, type Clock, type IdleTimer, type LobbyState } from "./idle-timer";
import { clearOrbit, createAttractLoop, DEFAULT_ORBIT, type AttractOrbit, type Obstacle } from "./attract-loop";
import { createAttractScreen } from "./attract-screen";
import { createIdleWarning } from "./idle-warning";
import { createOnScreenKeyboard } from "./on-screen-keyboard";
import { lobbyResetSteps, runReset, type ResetReport } from "./reset";
import type { LobbySurvey } from "../feedback/lobby-survey";
import { createQueueApi } from "../queue/queue-api";
import { paperFromUrl } from "../queue/ticket-print";
import { createWalkInPanel } from "../queue/walk-in-panel";

const LOBBY_STYLE_ID = "mpp-lobby-styles";
const NO_ZOOM_VIEWPORT = "width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover";

export interface LobbyModeDeps {
  win: Window;
  uiRoot: HTMLElement;
  experience: Experience;
  directory: Directory;
  i18n: I18n;
  /** The owner of the URL: the kiosk rests at its own base URL between visitors. */
  location: Pick<LocationSync, "rest">;
  sw?: ServiceWorkerHandle | null;
  /** The SKM offered at the end of a visit ("Finish", and in the idle warning), before the reset. */
  survey?: LobbySurvey | null;
  clock?: Clock;
  /** A reset step failed (the others still ran). */
  onError?: (step: string, error: unknown) => void;
  /** Easy mode (ui/easy-mode.ts): switched off between visitors. */
  easyMode?: { reset(): void } | null;
}

export interface LobbyMode {
  readonly options: KioskOptions;
  readonly state: LobbyState;
  readonly timer: IdleTimer;
  /** The attract camera's path, cleared of the plaza's buildings. */
  readonly orbit: AttractOrbit;
  /** A visitor's first touch: leaves the attract loop for the lobby's own MPP. */
  start(): Promise<void>;
  /** Ends the visit now (as when the warning runs out); resolves when every step ran. */
  reset(): Promise<ResetReport>;
  dispose(): void;
}

/** The plaza's buildings and blockers (trees, lamps, the hub's pillar) as boxes the attract camera avoids. */
function plazaObstacles(exp: Experience): Obstacle[] {
  const box = (min: { x: number; y: number; z: number }, max: { x: number; y: number; z: number }): Obstacle => ({ minX: min.x, maxX: max.x, minZ: min.z, maxZ: max.z, top: max.y });
  return [
    ...exp.places.buildings.map((b) => { const { min, max } = b.root.getHierarchyBoundingVectors(true); return box(min, max); }),
    ...exp.places.plaza.blockers.map((m) => { m.computeWorldMatrix(true); const bb = m.getBoundingInfo().boundingBox; return box(bb.minimumWorld, bb.maximumWorld); }),
  ].filter((o) => Number.isFinite(o.minX + o.maxX + o.minZ + o.maxZ + o.top));
}

export function startLobbyMode(deps: LobbyModeDeps): LobbyMode {
  const { win, uiRoot, experience: exp, directory, i18n } = deps;
  const doc = win.document;
  const options = parseKioskOptions(new URL(win.location.href));
  const offs: Array<() => void> = [];
  const on = (target: EventTarget, type: string, fn: (e: Event) => void, opts?: AddEventListenerOptions) => {
    target.addEventListener(type, fn, opts);
    offs.push(() => target.removeEventListener(type, fn, opts));
  };

  // -- A touch screen without browser chrome ------------------------------------------------
  const style = doc.createElement("style");
  style.id = LOBBY_STYLE_ID;
  style.textContent = css;
  doc.head.appendChild(style);
  setTouchMode(doc, true);
  doc.documentElement.classList.add("kiosk");
  const viewport = doc.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  const viewportBefore = viewport?.content ?? null;
  if (viewport) viewport.content = NO_ZOOM_VIEWPORT;
  on(doc, "contextmenu", (e) => e.preventDefault());
  on(doc, "gesturestart", (e) => e.preventDefault()); // Safari's pinch
  on(doc, "wheel", (e) => { if ((e as WheelEvent).ctrlKey) e.preventDefault(); }, { passive: false }); // trackpad pinch
  on(doc, "selectstart", (e) => { if ((e.target as Element | null)?.tagName !== "INPUT") e.preventDefault(); });

  // -- Parts ---------------------------------------------------------------------------------
  const hub = exp.places.hub();
  const attract = createAttractLoop(exp.scene, exp.frame, clearOrbit({ center: hub ? [hub.x, hub.y, hub.z] : [0, 0, 0], ...DEFAULT_ORBIT }, plazaObstacles(exp)));
  const timer = createIdleTimer({ idleMs: options.idleMs, warningMs: warningMsFor(options.idleMs), ...(deps.clock ? { clock: deps.clock } : {}) });
  const attractScreen = createAttractScreen(uiRoot, { onStart: () => void start() });
  const survey = deps.survey ?? null;
  const warning = createIdleWarning(uiRoot, {
    i18n,
    onContinue: () => timer.activity(),
    ...(survey ? { rate: { label: () => survey.rateLabel(), onRate: () => { timer.activity(); void survey.offer(); } } } : {}),
  });
  const input = directory.searchInput;
  input.setAttribute("inputmode", "none"); // the on-screen keyboard replaces the system's
  const keyboard = createOnScreenKeyboard(uiRoot, { input, i18n, onClose: () => doc.documentElement.classList.remove("kiosk-keyboard") });
  const showKeyboard = (show: boolean) => {
    if (show) keyboard.show(); else keyboard.hide();
    doc.documentElement.classList.toggle("kiosk-keyboard", show);
  };
  offs.push(directory.onOpenChange((open) => showKeyboard(open)));
  // The ticket machine: walk-in numbers for the lobby's own MPP, printed on its receipt printer.
  const tickets = options.region ? createWalkInPanel(uiRoot, {
    region: options.region,
    lang: () => i18n.lang,
    api: createQueueApi({ lang: () => i18n.lang }),
    paper: paperFromUrl(new URL(win.location.href)),
    print: () => win.print(),
  }) : null;
  on(input, "focus", () => { if (directory.isOpen) showKeyboard(true); });

  // -- Idle ------------------------------------------------------------------------------------
  const activity = () => timer.activity();
  for (const type of ["pointerdown", "keydown", "wheel", "touchstart"]) on(doc, type, activity, { capture: true, passive: true });
  offs.push(timer.onState((s) => {
    if (s === "warning") warning.show(timer.secondsLeft());
    else warning.hide();
    survey?.setActive(s !== "attract");
  }));
  offs.push(timer.onCountdown((n) => warning.update(n)));

  let reloadDue = false;
  const steps = lobbyResetSteps({
    directory,
    experience: { closeKiosk: () => exp.kiosks.close(), leaveBuilding: () => exp.places.leave() },
    i18n,
    location: deps.location,
    baseUrl: options.baseUrl,
    attract: { start: () => { attractScreen.show(); attract.start(); } },
    before: [
      { name: "overlay", run: () => { warning.hide(); showKeyboard(false); tickets?.close(); } },
      ...(survey ? [{ name: "survey", run: () => survey.reset() }] : []),
      ...(deps.easyMode ? [{ name: "easy-mode", run: () => deps.easyMode!.reset() }] : []),
    ],
    // The takeover may take seconds (register-sw.ts): a visitor who started meanwhile keeps the
    // visit, and the reload comes at the next reset.
    ...(deps.sw ? { applyUpdate: async () => reloadDue || deps.sw!.applyUpdate() } : {}),
    reload: (url) => { if (timer.state === "attract") win.location.replace(url); else reloadDue = true; },
  });
  let lastReset: Promise<ResetReport> = Promise.resolve({ ran: [], failed: [] });
  offs.push(timer.onReset(() => { lastReset = runReset(steps, deps.onError); }));
  // Rated or skipped: the visit is over, reset now rather than after the idle time.
  survey?.onDone(() => timer.resetNow());

  async function start(): Promise<void> {
    if (timer.state !== "attract") return;
    timer.start();
    attractScreen.hide();
    attract.stop();
    if (options.region) {
      await exp.visits.openRegion(options.region);
      // The visitor waited for the building to load: their idle time starts when it is there.
      timer.activity();
    } else {
      exp.places.goToSpawn();
    }
  }

  // -- Rest state: the attract loop, in Indonesian, at the kiosk's own URL ---------------------
  i18n.setLang("id");
  deps.location.rest(options.baseUrl);
  attract.start();

  return {
    options,
    get state() { return timer.state; },
    timer,
    orbit: attract.orbit,
    start,
    reset() {
      timer.resetNow();
      return lastReset;
    },
    dispose() {
      for (const off of offs.splice(0)) off();
      timer.dispose();
      attract.dispose();
      attractScreen.dispose();
      warning.dispose();
      keyboard.dispose();
      tickets?.dispose();
      style.remove();
      if (viewport && viewportBefore !== null) viewport.content = viewportBefore;
      doc.documentElement.classList.remove("kiosk", "kiosk-keyboard");
      setTouchMode(doc, false);
    },
  };
}

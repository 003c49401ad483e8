// The page around the 3D, built before it: styles, language, the API client, the loading cover
// and error screens, toolbar, directory, the kiosk's DOM copy, the URL. Everything here works
// while the 3D still loads (the directory answers searches then, issue 18); a choice that needs the
// 3D waits in `started` until the experience is there.
import css from "../ui/styles.css";
import { injectStyles } from "../ui/styles";
import { createI18n, type I18n } from "../i18n/i18n";
import { loadPhrasebook } from "../i18n/phrasebooks";
import { createTakeHome } from "../ui/take-home";
import { reachableOrigin } from "../ui/text-version";
import { createEasyMode, viewSpeech, type EasyMode } from "../ui/easy-mode";
import { el } from "../ui/dom";
import type { KioskView } from "../kiosk/screens/registry";
import type { MppVisit } from "../../domain/visit";
import { createApiClient, type ApiClient } from "../api/client";
import { createHistorySync, type AppUrl } from "../routing/deep-link";
import { createLocationSync, type LocationSync } from "../routing/location-sync";
import { createLoadingScreen, type LoadingScreen } from "../ui/loading-screen";
import { createErrorScreen, type ErrorScreen } from "../ui/error-screen";
import { createToolbar, type Toolbar } from "../ui/toolbar";
import { createSkipLink } from "../ui/skip-link";
import { createDirectory, DIRECTORY_ID, type Directory } from "../ui/directory";
import { createServiceMirror, type ServiceMirror } from "../ui/service-mirror";
import { createHud, type Hud } from "../ui/hud";
import { createFade, type PageFade } from "../ui/fade";
import type { Experience } from "../experience";
import type { KioskController } from "../kiosk/kiosk-controller";
import { registerServiceWorker, type ServiceWorkerHandle } from "../offline/register-sw";
import { watchRecovery } from "../offline/recovery";
import { replaceOnly } from "../lobby/history-guard";
import type { LobbyMode } from "../lobby/lobby-mode";
import type { FeedbackApp } from "../feedback/feedback-app";
import { queueMirrorActions, type OpenBooking } from "../queue/mirror-actions";
import { createQueueApi, type QueueApi } from "../queue/queue-api";
import type { XrMode } from "../xr/xr-mode";

/** The experience once started, and the choices made before it was (the latest wins). */
export interface Started {
  readonly current: Experience | null;
  /** Runs `act` now if the experience has started, else once it has (replacing an earlier wait). */
  when(act: (e: Experience) => void): void;
  /** The experience is built (still loading its first view's data). */
  set(exp: Experience | null): void;
  /** The page is ready for the visitor: runs the choice made while loading. */
  open(): void;
}

function createStarted(): Started {
  let exp: Experience | null = null;
  let open = false;
  let chosenEarly: ((e: Experience) => void) | null = null;
  return {
    get current() { return exp; },
    when(act) {
      if (open && exp) act(exp);
      else chosenEarly = act;
    },
    set(e) { exp = e; },
    open() {
      open = true;
      const early = chosenEarly;
      chosenEarly = null;
      if (exp) early?.(exp);
    },
  };
}

/** What the rest of the page uses of the shell. */
export interface PageShell {
  readonly win: Window;
  readonly route: AppUrl;
  /** A lobby kiosk: one stranger after another, nothing of a visitor's remembered. */
  readonly kioskMode: boolean;
  readonly uiRoot: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  readonly touch: boolean;
  readonly i18n: I18n;
  readonly api: ApiClient;
  readonly queueApi: QueueApi;
  readonly sw: ServiceWorkerHandle;
  readonly loading: LoadingScreen;
  readonly errors: ErrorScreen;
  readonly hud: Hud;
  readonly fade: PageFade;
  readonly easyMode: EasyMode;
  readonly toolbar: Toolbar;
  readonly directory: Directory;
  readonly mirror: ServiceMirror;
  readonly location: LocationSync;
  readonly started: Started;
  /** The kiosk whose DOM copy is shown, or null. */
  kioskShown: KioskController | null;
  /** Set once XR can be entered (after the experience started). */
  xrMode: XrMode | null;
  /** Set once the lobby mode runs (kiosk mode only). */
  lobby: LobbyMode | null;
  /** Questions, complaints and the SKM: their own chunk, loaded on first use. */
  loadFeedback(): Promise<FeedbackApp>;
  /** Whether the feedback chunk was asked for (then the open service is told to it). */
  feedbackLoaded(): Promise<FeedbackApp> | null;
}

/** The tab's sessionStorage, or null where the browser refuses it. */
function sessionStorageOf(win: Window): Storage | null {
  try { return win.sessionStorage; } catch { return null; }
}

function storageOf(win: Window): Storage | null {
  try {
    return win.localStorage;
  } catch {
    return null; // private mode or a locked-down kiosk: the language is simply not remembered
  }
}

/**
 * A touch screen without a mouse (a phone, a tablet): the joystick shows and the help speaks of
 * touch. A laptop with a touch screen also has a fine pointer and keeps the keyboard's help.
 */
function isTouchScreen(win: Window): boolean {
  const mq = (q: string) => win.matchMedia?.(q).matches ?? false;
  return mq("(pointer: coarse)") || (win.navigator.maxTouchPoints > 0 && !mq("(pointer: fine)"));
}

export interface PageShellOptions {
  /** The service worker registers once this settles (the first frame drawn, or the start failed). */
  serviceWorkerAfter?: Promise<unknown>;
}

export function createPageShell(win: Window, route: AppUrl, options: PageShellOptions = {}): PageShell {
  const doc = win.document;
  const kioskMode = route.mode === "kiosk";
  injectStyles(doc, css);
  const uiRoot = doc.getElementById("ui")!;
  const canvas = doc.getElementById("scene") as HTMLCanvasElement;
  const i18n = createI18n({
    url: new URL(win.location.href), storage: kioskMode ? null : storageOf(win), document: doc, loadPhrasebook,
    sundanese: () => import(/* webpackChunkName: "words-su" */ "../i18n/sundanese").then((m) => m.SUNDANESE),
  });
  const api = createApiClient();
  const sw = registerServiceWorker(win, options.serviceWorkerAfter ? { after: options.serviceWorkerAfter } : {});
  const loading = createLoadingScreen(uiRoot, { i18n });
  const errors = createErrorScreen(uiRoot, { i18n, listHref: "/layanan" });
  const started = createStarted();
  const touch = isTouchScreen(win);
  const hud = createHud(uiRoot, { i18n, touch });
  // A jump across the plaza or into a building (directory, map table) is a short fade, not a glide.
  const fade = createFade(uiRoot);
  let feedback: Promise<FeedbackApp> | null = null;
  // The queue's booking dialog (its own chunk), opened from the kiosk mirror's "Ambil antrean".
  const queueApi = createQueueApi({ lang: () => i18n.lang });
  const openBooking: OpenBooking = (target) => void import("../queue/booking-dialog").then(({ openBookingDialog }) => {
    openBookingDialog({
      root: uiRoot, lang: () => i18n.lang, api: queueApi,
      service: (id) => api.service(id), region: (code) => api.region(code),
      onRate: (code) => void shell.loadFeedback().then((f) => f.openQueueVisit(code)),
    }, target);
  });
  // Easy mode: kept for the session, never at a lobby screen beyond one visitor (reset clears it).
  const easyMode = createEasyMode({
    doc, storage: kioskMode ? null : sessionStorageOf(win),
    speech: "speechSynthesis" in win ? win.speechSynthesis : null,
    Utterance: (win as unknown as { SpeechSynthesisUtterance?: new (t: string) => SpeechSynthesisUtterance }).SpeechSynthesisUtterance ?? null,
  });
  const readAloud = (view: KioskView): Node[] => {
    if (!easyMode.on || !easyMode.canSpeak || view.status !== "ready") return [];
    const b = el(doc, "button", { type: "button", class: "mpp-button mpp-button--primary", "data-testid": "read-aloud" }, i18n.t("easy.readAloud"));
    b.addEventListener("click", () => easyMode.speak(viewSpeech(view), i18n.uiLang));
    return [b];
  };
  let regionList: readonly { code: string; name: string; lat: number; lon: number }[] = [];
  void api.regions().then((r) => { regionList = r; }, () => { /* the visit card shows no map */ });
  const takeHome = createTakeHome({
    doc, i18n, origin: reachableOrigin(win.location), kioskMode,
    visit: (code) => fetch(`/api/v1/regions/${code}/mpp`).then((r) => (r.ok ? r.json() : { mpp: null })).then((b: { mpp: MppVisit | null }) => b.mpp),
    regions: () => regionList,
    qrModules: (text) => import(/* webpackChunkName: "qrcode" */ "qrcode").then((m) => (m.default ?? m).create(text, { errorCorrectionLevel: "M" }).modules as { size: number; get(r: number, c: number): number }),
    clipboard: win.navigator.clipboard ?? null,
  });
  const mirror = createServiceMirror(uiRoot, {
    i18n, homeFocus: () => canvas, extraActions: (view) => queueMirrorActions(doc, view, i18n.lang, openBooking), extraSections: (view) => [...readAloud(view), ...takeHome.render(view)],
  });
  const location = createLocationSync({
    history: kioskMode ? replaceOnly(createHistorySync(win)) : createHistorySync(win),
    i18n,
    href: () => win.location.href,
    onRegionShown: (code) => {
      const name = started.current?.regions.find((r) => r.code === code)?.name;
      if (name) hud.showRegion(name);
    },
  });
  const directory = createDirectory(uiRoot, {
    api,
    i18n,
    // A choice in the directory is a step of its own: Back returns from it (location-sync.ts).
    onSelectRegion: (code) => started.when(() => void fade.run(() => location.jump({ region: code, service: null }))),
    onSelectService: (s) => started.when(() => void fade.run(() => location.jump({ region: s.regionCode, service: s.id }))),
    // The visitor's region ranks first: the building they are in or at, else the lobby's own MPP.
    nearRegion: () => {
      const place = started.current?.places.current;
      return (place?.kind === "building" ? place.region : place?.near) ?? shell.lobby?.options.region ?? null;
    },
  });
  const toolbar = createToolbar(uiRoot, {
    i18n, easyMode,
    directoryId: DIRECTORY_ID,
    onToggleDirectory: () => directory.toggle(),
    onEnterXr: () => void shell.xrMode?.enter(),
    onFeedback: () => void shell.loadFeedback().then((f) => f.openForm()),
    onToPlaza: () => {
      const e = started.current;
      if (!e) return;
      void fade.run(() => e.toPlaza());
      canvas.focus(); // the button goes with the building: the walking keys keep working
    },
  });
  directory.onOpenChange((open) => toolbar.setDirectoryOpen(open));
  createSkipLink(doc, { i18n, target: () => toolbar.element.querySelector<HTMLElement>("button:not([hidden])") });
  // "Informasi per …" while the service worker answers from its offline copy.
  api.onDataAge((date) => {
    toolbar.setDataAge(date);
    shell.kioskShown?.setDataAge(date);
  });
  watchRecovery({ api, win });

  const shell: PageShell = {
    win, route, kioskMode, uiRoot, canvas, touch, i18n, api, queueApi, sw, loading, errors, hud, fade, easyMode,
    toolbar, directory, mirror, location, started,
    kioskShown: null,
    xrMode: null,
    lobby: null,
    loadFeedback: () => (feedback ??= import("../feedback/feedback-app").then((m) => m.startFeedback({
      win, uiRoot, i18n, api, kioskMode, inXr: () => shell.xrMode?.state === "in-xr", queueTicket: (c) => queueApi.ticket(c),
    }))),
    feedbackLoaded: () => feedback,
  };
  return shell;
}

// The page: DOM overlay + 3D experience + URL + XR, wired together. Each part is built elsewhere;
// this module only connects them, and shows each failure with its own message.
import type { Engine } from "@babylonjs/core/Engines/engine";
import type { Scene } from "@babylonjs/core/scene";
import css from "./ui/styles.css";
import { injectStyles } from "./ui/styles";
import { createI18n } from "./i18n/i18n";
import { loadPhrasebook } from "./i18n/phrasebooks";
import { createTakeHome } from "./ui/take-home";
import { reachableOrigin } from "./ui/text-version";
import { createEasyMode, viewSpeech } from "./ui/easy-mode";
import { el } from "./ui/dom";
import type { KioskView } from "./kiosk/screens/registry";
import type { MppVisit } from "../domain/visit";
import { createApiClient, ApiError } from "./api/client";
import { parseAppUrl, createHistorySync, type AppUrl } from "./routing/deep-link";
import { createLocationSync } from "./routing/location-sync";
import { createLoadingScreen } from "./ui/loading-screen";
import { createErrorScreen, type ErrorScreen } from "./ui/error-screen";
import { createToolbar } from "./ui/toolbar";
import { createSkipLink } from "./ui/skip-link";
import { keepViewBeside } from "./viewer/view-beside";
import { createDirectory, DIRECTORY_ID } from "./ui/directory";
import { createServiceMirror } from "./ui/service-mirror";
import { createHud } from "./ui/hud";
import { createFade } from "./ui/fade";
import { createJoystick } from "./ui/joystick";
import { createStickWalk } from "./navigation/stick-walk";
import { createEngine, NoWebGLError } from "./engine/create-engine";
import { createExperience, type Experience } from "./experience";
import { ModelError } from "./world/model-loader";
import { SceneDescriptionError } from "./world/scene-description";
import { createXrMode, isImmersiveVrSupported } from "./xr/xr-mode";
import { installTestHook } from "./test-hook";
import type { KioskController } from "./kiosk/kiosk-controller";
import { registerServiceWorker } from "./offline/register-sw";
import { watchRecovery } from "./offline/recovery";
import { replaceOnly } from "./lobby/history-guard";
import type { LobbyMode } from "./lobby/lobby-mode";
import { startPresence, type PagePresence } from "./presence/start-presence";
import type { SpectatorMode } from "./spectator/spectator-mode";
import type { FeedbackApp } from "./feedback/feedback-app";
import { queueMirrorActions, type OpenBooking } from "./queue/mirror-actions";
import { createQueueApi } from "./queue/queue-api";
import { followHallDisplay } from "./queue/hall-display";

/** A performance mark at the first rendered frame of the page (read by the bench). */
export const FIRST_FRAME_MARK = "mpp:first-frame";

/** Models, scene files and the VR controller profiles, all on our own origin. */
const ASSETS_BASE = "/assets/";

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

/** Where the kiosk's page copy is a bottom sheet (styles.css, max-width 640px) and the 3D panel would sit behind it. */
const SHEET_LAYOUT = "(max-width: 640px)";

function isUnreachable(e: unknown): boolean {
  return e instanceof ApiError && (e.kind === "network" || e.kind === "timeout" || (e.kind === "http" && (e.status ?? 0) >= 500));
}

function showStartupError(errors: ErrorScreen, e: unknown, retry: () => void): void {
  if (isUnreachable(e)) errors.show("api-down", { onRetry: retry });
  else if (e instanceof ModelError || e instanceof SceneDescriptionError) errors.show("generic", { onRetry: retry, detail: e.message });
  else errors.show("generic", { onRetry: retry, detail: e instanceof Error ? e.message : String(e) });
}

export function startApp(win: Window): void {
  const doc = win.document;
  const route: AppUrl = parseAppUrl(new URL(win.location.href));
  // A lobby kiosk serves one stranger after another: nothing of a visitor's is remembered.
  const kioskMode = route.mode === "kiosk";
  injectStyles(doc, css);
  const uiRoot = doc.getElementById("ui")!;
  const canvas = doc.getElementById("scene") as HTMLCanvasElement;
  const i18n = createI18n({
    url: new URL(win.location.href), storage: kioskMode ? null : storageOf(win), document: doc, loadPhrasebook,
    sundanese: () => import(/* webpackChunkName: "words-su" */ "./i18n/sundanese").then((m) => m.SUNDANESE),
  });
  const api = createApiClient();
  const sw = registerServiceWorker(win);
  const loading = createLoadingScreen(uiRoot, { i18n });
  const errors = createErrorScreen(uiRoot, { i18n, listHref: "/layanan" });
  let exp: Experience | null = null;

  let engine: Engine;
  try {
    engine = createEngine(canvas, { renderScale: route.renderScale });
  } catch (e) {
    loading.hide();
    errors.show(e instanceof NoWebGLError ? "no-webgl" : "generic", { detail: (e as Error).message });
    return;
  }

  const touch = isTouchScreen(win);
  const hud = createHud(uiRoot, { i18n, touch });
  // A jump across the plaza or into a building (directory, map table) is a short fade, not a glide.
  const fade = createFade(uiRoot);
  // The queue's booking dialog (its own chunk), opened from the kiosk mirror's "Ambil antrean".
  const queueApi = createQueueApi({ lang: () => i18n.lang });
  const openBooking: OpenBooking = (target) => void import("./queue/booking-dialog").then(({ openBookingDialog }) => {
    openBookingDialog({
      root: uiRoot, lang: () => i18n.lang, api: queueApi,
      service: (id) => api.service(id), region: (code) => api.region(code),
      onRate: (code) => void loadFeedback().then((f) => f.openQueueVisit(code)),
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
      const name = exp?.regions.find((r) => r.code === code)?.name;
      if (name) hud.showRegion(name);
    },
  });
  // The directory answers while the 3D still loads (issue 18); a choice made then is carried out
  // once the experience has started (the latest choice wins).
  let started = false;
  let chosenEarly: ((e: Experience) => void) | null = null;
  const whenStarted = (act: (e: Experience) => void) => {
    if (started && exp) act(exp);
    else chosenEarly = act;
  };
  const directory = createDirectory(uiRoot, {
    api,
    i18n,
    // A choice in the directory is a step of its own: Back returns from it (location-sync.ts).
    onSelectRegion: (code) => whenStarted(() => void fade.run(() => location.jump({ region: code, service: null }))),
    onSelectService: (s) => whenStarted(() => void fade.run(() => location.jump({ region: s.regionCode, service: s.id }))),
    // The visitor's region ranks first: the building they are in or at, else the lobby's own MPP.
    nearRegion: () => {
      const place = exp?.places.current;
      return (place?.kind === "building" ? place.region : place?.near) ?? lobby?.options.region ?? null;
    },
  });
  let xrMode: ReturnType<typeof createXrMode> | null = null;
  // Questions, complaints and the SKM: their own chunk, loaded on first use.
  let feedback: Promise<FeedbackApp> | null = null;
  const loadFeedback = () => (feedback ??= import("./feedback/feedback-app").then((m) => m.startFeedback({ win, uiRoot, i18n, api, kioskMode, inXr: () => xrMode?.state === "in-xr", queueTicket: (c) => queueApi.ticket(c) })));
  const toolbar = createToolbar(uiRoot, {
    i18n, easyMode,
    directoryId: DIRECTORY_ID,
    onToggleDirectory: () => directory.toggle(),
    onEnterXr: () => void xrMode?.enter(),
    onFeedback: () => void loadFeedback().then((f) => f.openForm()),
    onToPlaza: () => {
      if (!exp) return;
      const e = exp;
      void fade.run(() => e.toPlaza());
      canvas.focus(); // the button goes with the building: the walking keys keep working
    },
  });
  directory.onOpenChange((open) => toolbar.setDirectoryOpen(open));
  createSkipLink(doc, { i18n, target: () => toolbar.element.querySelector<HTMLElement>("button:not([hidden])") });
  // "Informasi per …" while the service worker answers from its offline copy.
  let kioskShown: KioskController | null = null;
  api.onDataAge((date) => {
    toolbar.setDataAge(date);
    kioskShown?.setDataAge(date);
  });
  watchRecovery({ api, win });
  let lobby: LobbyMode | null = null;

  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));

  // Frames while the world loads (issue 18): the ground and hub as soon as they are in, then a frame
  // each time a building arrives, behind the loading cover. Only when something arrived, so the
  // glTF parsing on a 2-core kiosk keeps the CPU; the full loop starts with the experience.
  let loadingScene: Scene | null = null;
  let arrived = false;
  const drawWhileLoading = () => {
    if (!loadingScene || !arrived) return;
    arrived = false;
    loadingScene.render();
  };
  const stopDrawingWhileLoading = () => {
    engine.stopRenderLoop(drawWhileLoading);
    loadingScene = null;
  };

  async function boot(): Promise<void> {
    errors.hide();
    loading.setProgress(0);
    try {
      exp = await createExperience({
        engine,
        canvas,
        // The kiosk's help desk, question and survey screens reach the feedback chunk through this;
        // its queue screens (kiosk/screens/queue.ts) book through the queue's own client.
        api: Object.assign(Object.create(api) as typeof api, { feedback: () => loadFeedback().then((f) => f.kiosk), queue: queueApi }),
        i18n,
        assetsBase: ASSETS_BASE,
        sceneUrl: "/scenes/plaza.json",
        // The 3D panel reads aloud too (a headset has no DOM copy to click); nothing where speech is missing.
        readAloud: {
          available: () => easyMode.on && easyMode.canSpeak,
          label: () => i18n.t("easy.readAloud"),
          speak: (view) => void easyMode.speak(viewSpeech(view), i18n.uiLang),
          stop: () => easyMode.stopSpeaking(),
          onChange: (l) => easyMode.onChange(l),
        },
        onProgress: (share) => {
          loading.setProgress(share);
          arrived = true;
        },
        onDrawable: (scene) => {
          loadingScene = scene;
          arrived = true;
          // The bench's first-frame figure (bench/page-marks.ts): the first frame the visitor sees.
          scene.onAfterRenderObservable.addOnce(() => {
            if (win.performance.getEntriesByName(FIRST_FRAME_MARK).length === 0) win.performance.mark(FIRST_FRAME_MARK);
          });
          engine.runRenderLoop(drawWhileLoading);
        },
        onModelError: (code, err, regionName) => {
          // Reported while the experience is still being built (exp is null then): the name comes along.
          errors.show("model-missing", { region: regionName ?? code, detail: err.message });
        },
        onDirectory: () => directory.open({ focusSearch: true }),
        fade: (act) => fade.run(act),
        onError: (e) => {
          // A shared or old link to a service that is gone: the plaza, and a word on why, not a dialog.
          if (e instanceof ApiError && e.status === 404) hud.showNotice("notice.serviceNotFound");
          else if (isUnreachable(e)) errors.show("api-down", { onRetry: () => errors.hide() });
          else errors.show("generic", { detail: String(e) });
        },
      });
    } catch (e) {
      stopDrawingWhileLoading(); // its scene was disposed with the failed experience
      loading.hide();
      showStartupError(errors, e, () => void boot());
      return;
    }
    stopDrawingWhileLoading();
    const scene = exp.scene;
    // Inside a building the toolbar offers "Ke plaza"; on the plaza the help tells of the map table.
    const placeShown = () => {
      const inside = exp!.places.current.kind === "building";
      toolbar.setInside(inside);
      hud.setOnPlaza(!inside);
    };
    exp.places.onChange(placeShown);
    placeShown();
    // On a phone the kiosk's page copy is a bottom sheet: the 3D panel is held back while it shows
    // (one of them, never one hidden behind the other); a headset has no sheet.
    const sheetLayout = win.matchMedia?.(SHEET_LAYOUT) ?? null;
    const holdPanel = () => exp?.panel.setHeld(kioskShown !== null && (sheetLayout?.matches ?? false) && exp.scene.activeCamera === exp.walking.camera);
    sheetLayout?.addEventListener?.("change", holdPanel);
    exp.scene.onActiveCameraChanged.add(holdPanel);
    // The on-screen joystick on touch screens (not at a lobby kiosk, which has its own layout).
    if (touch && !kioskMode) {
      const stick = createJoystick(uiRoot, { i18n });

      // In a headset the controllers walk: the pad goes while the walking camera is not in use.
      exp.scene.onActiveCameraChanged.add(() => stick.setVisible(exp!.scene.activeCamera === exp!.walking.camera));
      const walk = createStickWalk(exp.walking.camera, stick);
      exp.frame.set("stick", walk.tick);
    }
    // The DOM copy of the open kiosk follows it.
    // The 3D view keeps to the part of the screen the docked mirror leaves free.
    const beside = keepViewBeside(scene, canvas, mirror.element);
    exp.kiosks.onChange((controller) => {
      kioskShown = controller;
      holdPanel();
      if (!controller) {
        if (feedback) void feedback.then((f) => f.serviceShown(null));
        mirror.hide();
        return beside.update();
      }
      controller.setDataAge(api.dataAge());
      mirror.show(controller);
      beside.update();
      // A service read is a visit the citizen may rate, and a place to ask from.
      controller.onView((v) => {
        if (v.screen.kind === "service" && v.status === "ready") {
          const id = v.screen.serviceId;
          void Promise.all([loadFeedback(), api.service(id)]).then(([f, s]) => {
            if (kioskShown === controller) f.serviceShown({ id: s.id, name: s.name, agencyId: s.agencyId, agencyName: s.agencyName, regionCode: s.regionCode });
          }, () => undefined);
        } else if (feedback) {
          void feedback.then((f) => f.serviceShown(null));
        }
      });
    });
    location.follow(exp);
    engine.runRenderLoop(() => scene.render());
    let together: PagePresence | null = null;
    // ?xrscale=0.5 renders a headset below native resolution (slow devices, emulated tests).
    const xrScale = Number(new URL(win.location.href).searchParams.get("xrscale"));
    const xr = createXrMode({
      experience: exp,
      i18n,
      controllerRepository: `${ASSETS_BASE}xr-input`,
      ...(xrScale > 0.1 && xrScale <= 1 ? { framebufferScale: xrScale } : {}),
      onError: () => errors.show("xr-unavailable"),
      // The guide's tools in the VR menu (read when the menu opens; presence starts just below).
      menuActions: () => together?.vrActions() ?? [],
    });
    xrMode = xr;
    void isImmersiveVrSupported().then((ok) => toolbar.setXrAvailable(ok));
    // Presence (issue 16): opt-in, never at a lobby kiosk (one stranger after another, often offline).
    // The audience's big screen: an invisible observer with its own camera and no controls (own chunk).
    const spectatorMode = route.mode === "spectator";
    let spectator: SpectatorMode | null = null;
    if (spectatorMode) {
      try {
        const { startSpectator } = await import("./spectator/spectator-mode");
        spectator = startSpectator({ win, uiRoot, experience: exp, i18n, follow: "guide" });
      } catch (e) {
        errors.show("generic", { detail: e instanceof Error ? e.message : String(e) });
      }
    } else if (!kioskMode) {
      together = startPresence({ win, uiRoot, experience: exp, i18n, api, hands: () => xr.run?.handPoses() ?? null, autoJoin: new URL(win.location.href).searchParams.get("presence") === "1",
        tickets: { openForm: (regionCode) => void loadFeedback().then((f) => f.openForm({ regionCode })), openTicket: (code) => void loadFeedback().then((f) => f.openTicket(code)) },
      });
    }
    // The hall's queue screen inside a building: the live numbers of the lobby board.
    const hall = followHallDisplay(win, { places: exp.places, lang: () => i18n.lang, onLangChange: (l) => i18n.onChange(l) });
    if (route.automation) installTestHook(win, { engine, experience: exp, ready, xr, lobby: () => lobby, presence: () => together, spectator: () => spectator, hallDisplay: () => hall.current?.lines ?? null });
    if (kioskMode) {
      try {
        const [{ startLobbyMode }, fb] = await Promise.all([import("./lobby/lobby-mode"), loadFeedback().catch(() => null)]);
        lobby = startLobbyMode({ win, uiRoot, experience: exp, directory, i18n, location, sw, survey: fb?.lobbySurvey(route.region) ?? null, easyMode });
      } catch (e) {
        errors.show("generic", { detail: e instanceof Error ? e.message : String(e) });
      }
    } else {
      await location.go(route);
      // /?ticket=CODE: the status and answers of a question or complaint.
      const ticket = new URL(win.location.href).searchParams.get("ticket");
      if (ticket) void loadFeedback().then((f) => f.openTicket(ticket));
      // /?antrean=CODE (the QR code of a walk-in ticket): rate the service once the number was served.
      const antrean = new URL(win.location.href).searchParams.get("antrean");
      if (antrean) void loadFeedback().then((f) => f.openQueueVisit(antrean));
    }
    // The kiosk panel's GUI (its own chunk, started by createExperience while the models loaded) is
    // in before ready, so the first kiosk opens at once. On failure each kiosk tries again; the DOM
    // mirror shows the same text meanwhile.
    await exp.panel.preload().catch(() => undefined);
    loading.hide();
    if (!kioskMode && !spectatorMode) hud.showHelp();
    // Walking keys work at once, unless a deep link's kiosk or a dialog already took focus.
    if (doc.activeElement === null || doc.activeElement === doc.body) canvas.focus();
    started = true;
    const early = chosenEarly;
    chosenEarly = null;
    early?.(exp);
    scene.onAfterRenderObservable.addOnce(() => resolveReady());
  }

  win.addEventListener("resize", () => engine.resize());
  void boot();
}

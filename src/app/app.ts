// The page: DOM overlay + 3D experience + URL + XR, wired together. Each part is built elsewhere:
// page/page-shell.ts the DOM around the 3D, page/loading-frames.ts the frames while the world
// loads, page/wire-experience.ts and page/page-features.ts what follows a started experience. This
// module only runs the start in order and shows each failure with its own message.
import type { Engine } from "@babylonjs/core/Engines/engine";
import { ApiError } from "./api/client";
import { viewSpeech } from "./ui/easy-mode";
import { parseAppUrl } from "./routing/deep-link";
import type { ErrorScreen } from "./ui/error-screen";
import { createEngine, NoWebGLError } from "./engine/create-engine";
import { createExperience, type Experience } from "./experience";
import { ModelError } from "./world/model-loader";
import { SceneDescriptionError } from "./world/scene-description";
import { createPageShell } from "./page/page-shell";
import { createLoadingFrames } from "./page/loading-frames";
import { wireExperience } from "./page/wire-experience";
import { prefetchFeatures, startFeatures } from "./page/page-features";

export { FIRST_FRAME_MARK } from "./page/loading-frames";

/** Models, scene files and the VR controller profiles, all on our own origin. */
const ASSETS_BASE = "/assets/";

function isUnreachable(e: unknown): boolean {
  return e instanceof ApiError && (e.kind === "network" || e.kind === "timeout" || (e.kind === "http" && (e.status ?? 0) >= 500));
}

function showStartupError(errors: ErrorScreen, e: unknown, retry: () => void): void {
  if (isUnreachable(e)) errors.show("api-down", { onRetry: retry });
  else if (e instanceof ModelError || e instanceof SceneDescriptionError) errors.show("generic", { onRetry: retry, detail: e.message });
  else errors.show("generic", { onRetry: retry, detail: e instanceof Error ? e.message : String(e) });
}

export function startApp(win: Window): void {
  // Nothing that can wait competes with the first frame: the service worker's first install
  // (every chunk and model) starts once it is drawn, or once the start failed.
  let firstFrameOrFailure!: () => void;
  const serviceWorkerAfter = new Promise<void>((r) => (firstFrameOrFailure = r));
  const shell = createPageShell(win, parseAppUrl(new URL(win.location.href)), { serviceWorkerAfter });
  const { api, loading, errors, hud } = shell;

  let engine: Engine;
  try {
    engine = createEngine(shell.canvas, { renderScale: shell.route.renderScale });
  } catch (e) {
    firstFrameOrFailure();
    loading.hide();
    errors.show(e instanceof NoWebGLError ? "no-webgl" : "generic", { detail: (e as Error).message });
    return;
  }

  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const frames = createLoadingFrames({ engine, performance: win.performance, hidden: () => win.document.visibilityState === "hidden" });

  async function boot(): Promise<void> {
    errors.hide();
    loading.setProgress(0);
    let exp: Experience;
    try {
      exp = await createExperience({
        engine,
        canvas: shell.canvas,
        // The kiosk's help desk, question and survey screens reach the feedback chunk through this;
        // its queue screens (kiosk/screens/queue.ts) book through the queue's own client.
        api: Object.assign(Object.create(api) as typeof api, { feedback: () => shell.loadFeedback().then((f) => f.kiosk), queue: shell.queueApi }),
        i18n: shell.i18n,
        assetsBase: ASSETS_BASE,
        sceneUrl: "/scenes/plaza.json",
        // The 3D panel reads aloud too (a headset has no DOM copy to click); nothing where speech is missing.
        readAloud: {
          available: () => shell.easyMode.on && shell.easyMode.canSpeak,
          label: () => shell.i18n.t("easy.readAloud"),
          speak: (view) => void shell.easyMode.speak(viewSpeech(view), shell.i18n.uiLang),
          stop: () => shell.easyMode.stopSpeaking(),
          onChange: (l) => shell.easyMode.onChange(l),
        },
        onProgress: (share) => {
          loading.setProgress(share);
          frames.arrived();
        },
        onDrawable: async (scene) => {
          await frames.drawable(scene);
          firstFrameOrFailure();
          // What the started page needs next is fetched while the buildings load.
          prefetchFeatures(shell);
        },
        onModelError: (code, err, regionName) => {
          // Reported while the experience is still being built (exp is null then): the name comes along.
          errors.show("model-missing", { region: regionName ?? code, detail: err.message });
        },
        onDirectory: () => shell.directory.open({ focusSearch: true }),
        fade: (act) => shell.fade.run(act),
        onError: (e) => {
          // A shared or old link to a service that is gone: the plaza, and a word on why, not a dialog.
          if (e instanceof ApiError && e.status === 404) hud.showNotice("notice.serviceNotFound");
          else if (isUnreachable(e)) errors.show("api-down", { onRetry: () => errors.hide() });
          else errors.show("generic", { detail: String(e) });
        },
      });
    } catch (e) {
      frames.stop(); // its scene was disposed with the failed experience
      firstFrameOrFailure();
      loading.hide();
      showStartupError(errors, e, () => void boot());
      return;
    }
    frames.stop();
    shell.started.set(exp);
    const scene = exp.scene;
    const stage = wireExperience(shell, exp);
    engine.runRenderLoop(() => scene.render());
    await startFeatures(shell, exp, { engine, assetsBase: ASSETS_BASE, ready, kioskLayout: () => stage.layout });
    // The kiosk panel's GUI (its own chunk, fetched after the first frame while the models loaded)
    // is in before ready, so the first kiosk opens at once. On failure each kiosk tries again; the
    // DOM mirror shows the same text meanwhile.
    await exp.panel.preload().catch(() => undefined);
    loading.hide();
    if (!shell.kioskMode && shell.route.mode !== "spectator") hud.showHelp();
    // Walking keys work at once, unless a deep link's kiosk or a dialog already took focus.
    const active = win.document.activeElement;
    if (active === null || active === win.document.body) shell.canvas.focus();
    shell.started.open();
    scene.onAfterRenderObservable.addOnce(() => resolveReady());
  }

  win.addEventListener("resize", () => engine.resize());
  void boot();
}

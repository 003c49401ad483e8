// Page side of the service worker: registration, and the one moment a waiting new version may
// take over (applyUpdate, called by the lobby between two visitors, followed by a reload).
// Why applyUpdate nudges: at SKIP_WAITING Chromium asks the old worker to stop at once, then
// activates the new one. A request of the page in that moment (the favicon, re-fetched when the
// reset changes the URL) restarts the old worker, and the restart clears the "stop at once" flag:
// the old worker then stops only after 30 s idle (never while DevTools is attached), or after the
// 5-minute lame-duck limit. A second SKIP_WAITING does nothing (Chromium acts on the first only).
// A page-initiated main-resource request (here a dedicated worker's script) makes Chromium run its
// "activate when ready" step again, which asks the running old worker to stop at once again.
// Browser tests run with ?automation=1 and get no service worker unless they ask with ?sw=1, so
// a worker left by one test never answers another's requests; ?sw=0 turns it off anywhere.
export const SW_URL = "/sw.js";
export const SKIP_WAITING = "SKIP_WAITING"; // the message sw.ts listens for
/**
 * A script every version precaches, harmless as a worker: a plain script that defines one global.
 * Loading it in a dedicated worker is the nudge (see above); the worker is closed at once.
 */
export const NUDGE_URL = "/assets/decoders/meshopt_decoder.js";
/** How long the takeover may take before the page nudges Chromium again. */
export const NUDGE_EVERY_MS = 1500;

/** Whether this page should register the service worker. */
export function wantsServiceWorker(url: URL): boolean {
  const sw = url.searchParams.get("sw");
  if (sw === "0") return false;
  if (url.searchParams.get("automation") === "1") return sw === "1";
  return true;
}

type SwContainer = Pick<ServiceWorkerContainer, "register" | "addEventListener" | "removeEventListener" | "controller">;
export type WorkerCtor = new (url: string, options?: WorkerOptions) => Pick<Worker, "terminate" | "addEventListener">;

/** Starts and at once ends a dedicated worker on NUDGE_URL: its script request is the nudge. */
export function workerNudge(Ctor: WorkerCtor | undefined): () => void {
  return () => {
    if (!Ctor) return;
    try {
      const w = new Ctor(`${NUDGE_URL}?sw-takeover`, { name: "sw-takeover" });
      // Offline without a stored copy the script fails to load: that is no error of the page.
      w.addEventListener("error", (e) => e.preventDefault());
      setTimeout(() => w.terminate(), 2000);
    } catch {
      // No worker support: the takeover waits for the old worker to go idle.
    }
  };
}

export interface ServiceWorkerHandle {
  /** Resolves when the worker is registered (null when not supported, not wanted or refused). */
  readonly registration: Promise<ServiceWorkerRegistration | null>;
  /** True when a new version is installed and waiting for the current page to go. */
  hasUpdate(): Promise<boolean>;
  /**
   * Lets a waiting version take over, nudging Chromium while it waits; resolves true once the new
   * version controls the page (reload then), false after timeoutMs.
   */
  applyUpdate(timeoutMs?: number): Promise<boolean>;
}

export function registerServiceWorker(
  win: { location: { href: string }; navigator: { serviceWorker?: SwContainer }; isSecureContext?: boolean; Worker?: WorkerCtor },
  options: {
    onError?: (e: unknown) => void;
    /**
     * Registers only once this settles: a first install downloads and stores every chunk and model,
     * work that must not compete with the page's first frame (issue 18).
     */
    after?: Promise<unknown>;
    /** Re-runs Chromium's activation step during a takeover (default: workerNudge). */
    nudge?: () => void;
    nudgeEveryMs?: number;
  } = {},
): ServiceWorkerHandle {
  const container = win.navigator.serviceWorker;
  const supported = container !== undefined && win.isSecureContext !== false;
  const after = options.after ?? Promise.resolve();
  const nudge = options.nudge ?? workerNudge(win.Worker);
  const nudgeEveryMs = options.nudgeEveryMs ?? NUDGE_EVERY_MS;
  const registration: Promise<ServiceWorkerRegistration | null> = supported && wantsServiceWorker(new URL(win.location.href))
    ? after.then(() => undefined, () => undefined).then(() => container.register(SW_URL, { scope: "/" })).catch((e: unknown) => { options.onError?.(e); return null; })
    : Promise.resolve(null);

  return {
    registration,
    async hasUpdate() {
      const reg = await registration;
      return Boolean(reg?.waiting);
    },
    async applyUpdate(timeoutMs = 15_000) {
      const reg = await registration;
      const waiting = reg?.waiting;
      if (!reg || !waiting || !container) return false;
      return new Promise<boolean>((resolve) => {
        const done = (ok: boolean) => {
          clearTimeout(timer);
          clearInterval(nudging);
          container.removeEventListener("controllerchange", onChange);
          resolve(ok);
        };
        const onChange = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        const nudging = setInterval(() => { if (reg.waiting === waiting) nudge(); }, nudgeEveryMs);
        container.addEventListener("controllerchange", onChange);
        waiting.postMessage({ type: SKIP_WAITING });
      });
    },
  };
}

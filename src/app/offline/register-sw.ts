// Page side of the service worker: registration, and the one moment a waiting new version may
// take over (applyUpdate, called by the lobby between two visitors, followed by a reload).
// Browser tests run with ?automation=1 and get no service worker unless they ask with ?sw=1, so
// a worker left by one test never answers another's requests; ?sw=0 turns it off anywhere.
export const SW_URL = "/sw.js";
export const SKIP_WAITING = "SKIP_WAITING"; // the message sw.ts listens for

/** Whether this page should register the service worker. */
export function wantsServiceWorker(url: URL): boolean {
  const sw = url.searchParams.get("sw");
  if (sw === "0") return false;
  if (url.searchParams.get("automation") === "1") return sw === "1";
  return true;
}

type SwContainer = Pick<ServiceWorkerContainer, "register" | "addEventListener" | "removeEventListener" | "controller">;

export interface ServiceWorkerHandle {
  /** Resolves when the worker is registered (null when not supported, not wanted or refused). */
  readonly registration: Promise<ServiceWorkerRegistration | null>;
  /** True when a new version is installed and waiting for the current page to go. */
  hasUpdate(): Promise<boolean>;
  /** Lets a waiting version take over; resolves true once it controls the page (reload then). */
  applyUpdate(timeoutMs?: number): Promise<boolean>;
}

export function registerServiceWorker(
  win: { location: { href: string }; navigator: { serviceWorker?: SwContainer }; isSecureContext?: boolean },
  options: {
    onError?: (e: unknown) => void;
    /**
     * Registers only once this settles: a first install downloads and stores every chunk and model,
     * work that must not compete with the page's first frame (issue 18).
     */
    after?: Promise<unknown>;
  } = {},
): ServiceWorkerHandle {
  const container = win.navigator.serviceWorker;
  const supported = container !== undefined && win.isSecureContext !== false;
  const after = options.after ?? Promise.resolve();
  const registration: Promise<ServiceWorkerRegistration | null> = supported && wantsServiceWorker(new URL(win.location.href))
    ? after.then(() => undefined, () => undefined).then(() => container.register(SW_URL, { scope: "/" })).catch((e: unknown) => { options.onError?.(e); return null; })
    : Promise.resolve(null);

  return {
    registration,
    async hasUpdate() {
      const reg = await registration;
      return Boolean(reg?.waiting);
    },
    async applyUpdate(timeoutMs = 5000) {
      const reg = await registration;
      const waiting = reg?.waiting;
      if (!reg || !waiting || !container) return false;
      return new Promise<boolean>((resolve) => {
        const done = (ok: boolean) => {
          clearTimeout(timer);
          container.removeEventListener("controllerchange", onChange);
          resolve(ok);
        };
        const onChange = () => done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        container.addEventListener("controllerchange", onChange);
        waiting.postMessage({ type: SKIP_WAITING });
      });
    },
  };
}

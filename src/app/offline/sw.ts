// The service worker (built to dist/sw.js by workbox-webpack-plugin's InjectManifest, served at
// the root scope with Cache-Control: no-cache). It keeps the app working with no network:
// - precache: index.html, every JS chunk (Babylon loads many lazily), the models and the scene
//   files (their URLs and content hashes are injected at build time into self.__WB_MANIFEST);
// - navigations: index.html from the precache (/layanan and the API are left to the network);
// - GET /api/v1/*: api-cache.ts (live when the network answers, the stored copy when not), except
//   the live routes (queue, officers), which go to the network only.
// Updates: a new version installs beside the running one and waits. It takes over only when no
// page uses the old one, or when a page asks (SKIP_WAITING, sent by the lobby between visitors,
// followed by a reload): never in the middle of someone's session, whose lazily loaded chunks
// must still be the old ones.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { API_CACHE_NAME, createApiCacheHandler } from "./api-cache";
import { SKIP_WAITING } from "./register-sw";

// Only what this file uses of ServiceWorkerGlobalScope (the DOM lib does not declare it).
interface ExtendableEventLike extends Event { waitUntil(work: Promise<unknown>): void }
interface SwScope {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
  location: Location;
  caches: CacheStorage;
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  fetch: typeof fetch;
  addEventListener(type: "install" | "activate", listener: (e: ExtendableEventLike) => void): void;
  addEventListener(type: "message", listener: (e: MessageEvent) => void): void;
}
declare const self: SwScope;


cleanupOutdatedCaches();
// Every query parameter is the page's own routing (?region=…&mode=kiosk): "/" is index.html.
precacheAndRoute(self.__WB_MANIFEST, { ignoreURLParametersMatching: [/.*/], directoryIndex: "index.html", cleanURLs: false });
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), {
  denylist: [/^\/api\//, /^\/layanan/, /^\/openapi/, /^\/assets\//, /^\/scenes\//, /^\/admin/],
}));

const api = createApiCacheHandler({
  openCache: () => self.caches.open(API_CACHE_NAME),
  fetch: (request) => self.fetch(request),
});
// Live data is never answered from a stored copy: the queue (places, numbers, the board and its
// never-ending event stream) and the officers' routes go to the network only.
const LIVE = /^\/api\/v1\/(queue\/|admin\/|auth\/|regions\/\d{4}\/queue(\/|$))/;
registerRoute(
  ({ url, request }: { url: URL; request: Request }) =>
    url.origin === self.location.origin && url.pathname.startsWith("/api/v1/") && !LIVE.test(url.pathname) && request.method === "GET",
  ({ request, event }: { request: Request; event: ExtendableEventLike }) => api.handle(request, (work) => event.waitUntil(work)),
);

// The region list is what the first screen needs: store it at install, so a kiosk whose network
// fails before its first reload still opens.
self.addEventListener("install", (e) => e.waitUntil(api.warm([new URL("/api/v1/regions", self.location.href).href])));
// A first install controls the open page at once (there is no older version to conflict with);
// a later version only activates in the cases described above, where claiming is just as safe.
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));
self.addEventListener("message", (e) => {
  if ((e.data as { type?: unknown } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});

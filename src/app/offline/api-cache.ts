// The service worker's strategy for GET /api/v1/*: stale-while-revalidate with a short grace
// period for the network. Every request goes to the network; an answer within `graceMs` is
// returned as is (live data, no notice) and stored. When the network fails, the API answers 5xx,
// or the grace period runs out, the stored copy is returned at once, stamped with the time it
// was fetched (CACHED_AT_HEADER), while the network request carries on in the background and
// refreshes the store for the next time.
// Why not plain stale-while-revalidate: it would show yesterday's data on every first request
// even with a good connection, and the page could not tell live data from a copy; why not plain
// network-first: a lobby on a poor connection would wait for the browser's long network timeout.
// No Workbox or DOM types here (only fetch, Request, Response, Headers), so Node tests run it.
import { CACHED_AT_HEADER } from "./headers";

/** The part of the Cache API used here (window.caches / self.caches entries). */
export interface CacheLike {
  match(request: string, options?: { ignoreVary?: boolean; ignoreSearch?: boolean }): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
  keys(): Promise<ReadonlyArray<{ url: string }>>;
  delete(request: string): Promise<boolean>;
}

export interface ApiCacheOptions {
  /** Opens the runtime cache (caches.open(API_CACHE_NAME) in the worker). */
  openCache: () => Promise<CacheLike>;
  fetch: (request: Request) => Promise<Response>;
  /** How long a live answer is waited for when a stored copy exists (default 3000 ms). */
  graceMs?: number;
  /** Most responses kept; the oldest stored are dropped first (default 400). */
  maxEntries?: number;
  now?: () => number;
}

export const API_CACHE_NAME = "mpp-api-v1";

const DEFAULTS = { graceMs: 3000, maxEntries: 400 };

type NetworkResult =
  | { kind: "answer"; response: Response }
  | { kind: "failed"; response: Response | null; error: unknown };

export interface ApiCacheHandler {
  /** `waitUntil` keeps the worker alive for the background refresh (FetchEvent.waitUntil). */
  handle(request: Request, waitUntil?: (work: Promise<unknown>) => void): Promise<Response>;
  /** Fetches and stores URLs ahead of need (the region list at install); never throws. */
  warm(urls: readonly string[]): Promise<void>;
}

export function createApiCacheHandler(options: ApiCacheOptions): ApiCacheHandler {
  if (typeof options?.openCache !== "function" || typeof options.fetch !== "function") {
    throw new TypeError("api-cache: openCache and fetch are required");
  }
  const graceMs = options.graceMs ?? DEFAULTS.graceMs;
  const maxEntries = options.maxEntries ?? DEFAULTS.maxEntries;
  if (!(graceMs >= 0)) throw new RangeError(`api-cache: graceMs must be >= 0, got ${graceMs}`);
  if (!(maxEntries >= 1)) throw new RangeError(`api-cache: maxEntries must be >= 1, got ${maxEntries}`);
  const now = options.now ?? Date.now;

  async function stamped(res: Response, at: number): Promise<Response> {
    const headers = new Headers(res.headers);
    // The body is stored decoded: an encoding header would make the browser decode it twice.
    headers.delete("content-encoding");
    headers.delete("content-length");
    headers.set(CACHED_AT_HEADER, new Date(at).toISOString());
    return new Response(await res.arrayBuffer(), { status: 200, statusText: res.statusText, headers });
  }

  async function store(cache: CacheLike, key: string, res: Response): Promise<void> {
    try {
      await cache.put(key, await stamped(res, now()));
      const keys = await cache.keys();
      for (const old of keys.slice(0, Math.max(0, keys.length - maxEntries))) await cache.delete(old.url);
    } catch {
      // A full disk or an evicted cache must not turn a good answer into a failure.
    }
  }

  async function fromNetwork(request: Request, cache: CacheLike, key: string, stored: Response | undefined): Promise<NetworkResult> {
    let res: Response;
    try {
      res = await options.fetch(request);
    } catch (error) {
      return { kind: "failed", response: null, error };
    }
    if (res.status === 200) {
      // no-store answers (a ticket by its code, an officer's inbox) never go on the device's disk:
      // a lobby screen must not keep the previous visitor's question.
      if (!/no-store/i.test(res.headers.get("cache-control") ?? "")) await store(cache, key, res.clone());
      return { kind: "answer", response: res };
    }
    // 304: the page's own copy is current, and so is ours: refresh its date.
    if (res.status === 304) {
      if (stored) await store(cache, key, stored.clone());
      return { kind: "answer", response: res };
    }
    if (res.status >= 500) return { kind: "failed", response: res, error: new Error(`HTTP ${res.status}`) };
    return { kind: "answer", response: res }; // 4xx is the API's real answer (unknown region, bad query)
  }

  async function handle(request: Request, waitUntil: (work: Promise<unknown>) => void = () => {}): Promise<Response> {
    const cache = await options.openCache();
    const key = request.url;
    const stored = await cache.match(key, { ignoreVary: true });
    const network = fromNetwork(request, cache, key, stored?.clone());
    if (!stored) {
      const r = await network;
      if (r.kind === "answer") return r.response;
      if (r.response) return r.response; // the API's own 5xx: nothing better to give
      throw r.error; // nothing stored: the page sees the network error and says the API is down
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<"late">((resolve) => { timer = setTimeout(() => resolve("late"), graceMs); });
    const first = await Promise.race([network, late]);
    clearTimeout(timer);
    if (first !== "late" && first.kind === "answer") return first.response;
    waitUntil(network); // the refresh carries on for the next request
    return stored;
  }

  async function warm(urls: readonly string[]): Promise<void> {
    try {
      const cache = await options.openCache();
      await Promise.all(urls.map((u) => fromNetwork(new Request(u, { headers: { accept: "application/json" } }), cache, u, undefined)));
    } catch {
      // Best effort: the page fills the cache as it is used.
    }
  }

  return { handle, warm };
}

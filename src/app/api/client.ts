// The browser's client for the JSON API v1: typed methods, an in-memory cache keyed by URL
// revalidated with ETag / If-None-Match (a 304 returns the cached value), one shared fetch for
// concurrent identical requests, a timeout, and every body checked by domain/validate.ts.
// All failures are one class, ApiError, whose kind says what went wrong. Uses only fetch,
// AbortController and timers: no DOM, so it also runs under Node in tests.
import { isRegionCode, isServiceId } from "../../domain/ids";
import { MAX_SEARCH_QUERY_LENGTH, type SearchOptions } from "../../domain/search";
import type { Health, RegionDetail, RegionSummary, SearchResult, Service, ServiceSummary } from "../../domain/types";
import {
  validateApiErrorBody, validateHealth, validateRegion, validateRegions, validateSearchResult, validateService,
  validateServices,
} from "../../domain/validate";
import { CACHED_AT_HEADER, parseCachedAt } from "../offline/headers";

export type ApiErrorKind = "network" | "timeout" | "http" | "invalid";

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** HTTP status for "http" (and "invalid" when a response arrived); null otherwise. */
    readonly status: number | null = null,
    /** The API's error code (e.g. "region_not_found") for "http" errors with a JSON body; null otherwise. */
    readonly code: string | null = null,
    readonly url: string | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ApiStatus {
  /** Requests in flight. */
  pending: number;
  /** The last failure, cleared by the next success. */
  lastError: ApiError | null;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  /** Answers kept for revalidation by ETag, least recently used dropped first (a lobby screen sees
   *  thousands of distinct searches over weeks; the HTTP cache and the service worker keep the bytes). */
  maxCached?: number;
}

export interface ApiClient {
  regions(): Promise<RegionSummary[]>;
  region(code: string): Promise<RegionDetail>;
  services(code: string, filter?: { agency?: string; q?: string }): Promise<ServiceSummary[]>;
  service(id: string): Promise<Service>;
  search(q: string, options?: SearchOptions): Promise<SearchResult>;
  health(): Promise<Health>;
  /** Calls the listener on every change of pending or lastError; returns the unsubscribe function. */
  onChange(listener: (status: ApiStatus) => void): () => void;
  status(): ApiStatus;
  /** Forgets every cached response (e.g. after a long idle time at a lobby kiosk). */
  clearCache(): void;
  /**
   * When the data shown was fetched, while the service worker answers from its offline copy
   * (oldest such copy since the last live answer); null while answers are live.
   */
  dataAge(): Date | null;
  /** Called when dataAge() changes; returns the unsubscribe function. */
  onDataAge(listener: (date: Date | null) => void): () => void;
}

const DEFAULTS: Required<Omit<ApiClientOptions, "fetch">> = { baseUrl: "/api/v1", timeoutMs: 8000, maxCached: 100 };

interface CacheEntry { etag: string; value: unknown }

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = (options.baseUrl ?? DEFAULTS.baseUrl).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxCached = options.maxCached ?? DEFAULTS.maxCached;
  if (!(Number.isInteger(maxCached) && maxCached >= 0)) throw new Error(`createApiClient: maxCached must be a whole number >= 0, got ${maxCached}`);
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  if (!(timeoutMs > 0)) throw new Error(`createApiClient: timeoutMs must be positive, got ${timeoutMs}`);

  const cache = new Map<string, CacheEntry>();
  const inflight = new Map<string, Promise<unknown>>();
  const listeners = new Set<(s: ApiStatus) => void>();
  let state: ApiStatus = { pending: 0, lastError: null };
  const ageListeners = new Set<(d: Date | null) => void>();
  let dataAge: Date | null = null;

  /** A live answer clears the notice; an offline copy sets it to the oldest copy shown. */
  const noteSource = (res: Response) => {
    const cachedAt = parseCachedAt(res.headers.get(CACHED_AT_HEADER));
    const next = cachedAt === null ? null : dataAge !== null && dataAge <= cachedAt ? dataAge : cachedAt;
    if (next?.getTime() === dataAge?.getTime()) return;
    dataAge = next;
    for (const l of [...ageListeners]) l(dataAge);
  };

  const emit = (next: ApiStatus) => {
    state = next;
    for (const l of [...listeners]) l(state);
  };

  async function request<T>(url: string, validate: (body: unknown) => T): Promise<T> {
    const cached = cache.get(url);
    if (cached) {
      // Most recently used last: Map keeps insertion order.
      cache.delete(url);
      cache.set(url, cached);
    }
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeoutMs);
    let res: Response;
    try {
      const headers: Record<string, string> = { accept: "application/json" };
      if (cached) headers["if-none-match"] = cached.etag;
      res = await fetchImpl(url, { headers, signal: controller.signal });
    } catch (err) {
      throw timedOut
        ? new ApiError("timeout", `No answer from ${url} within ${timeoutMs} ms`, null, null, url)
        : new ApiError("network", `Network error for ${url}: ${err instanceof Error ? err.message : String(err)}`, null, null, url);
    } finally {
      clearTimeout(timer);
    }
    if (res.status === 304) {
      noteSource(res);
      if (cached) return cached.value as T;
      throw new ApiError("invalid", `${url} answered 304 without a cached copy`, 304, null, url);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (err) {
      throw new ApiError("network", `Network error reading ${url}: ${err instanceof Error ? err.message : String(err)}`, res.status, null, url);
    }
    if (!res.ok) {
      let code: string | null = null;
      let message = `HTTP ${res.status} from ${url}`;
      try {
        const body = validateApiErrorBody(JSON.parse(text));
        code = body.error.code;
        message = body.error.message;
      } catch { /* not our error shape (e.g. a proxy's page): keep the status text */ }
      throw new ApiError("http", message, res.status, code, url);
    }
    let value: T;
    try {
      value = validate(JSON.parse(text));
    } catch (err) {
      throw new ApiError("invalid", `Malformed response from ${url}: ${err instanceof Error ? err.message : String(err)}`, res.status, null, url);
    }
    const etag = res.headers.get("etag");
    if (etag && maxCached > 0) {
      cache.delete(url);
      cache.set(url, { etag, value });
      while (cache.size > maxCached) cache.delete(cache.keys().next().value!);
    }
    noteSource(res);
    return value;
  }

  function get<T>(path: string, params: Record<string, string | number | undefined>, validate: (b: unknown) => T): Promise<T> {
    const query = Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== "")
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join("&");
    const url = `${baseUrl}${path}${query ? `?${query}` : ""}`;
    const shared = inflight.get(url);
    if (shared) return shared as Promise<T>;
    emit({ ...state, pending: state.pending + 1 });
    const p = request(url, validate).then(
      (value) => {
        inflight.delete(url);
        emit({ pending: state.pending - 1, lastError: null });
        return value;
      },
      (err: unknown) => {
        inflight.delete(url);
        const error = err instanceof ApiError ? err : new ApiError("invalid", String(err), null, null, url);
        emit({ pending: state.pending - 1, lastError: error });
        throw error;
      },
    );
    inflight.set(url, p);
    return p;
  }

  const badInput = (message: string) => Promise.reject(new ApiError("invalid", `api client: ${message}`));

  return {
    regions: () => get("/regions", {}, validateRegions).then((b) => b.regions),
    region: (code) => (isRegionCode(code)
      ? get(`/regions/${code}`, {}, validateRegion).then((b) => b.region)
      : badInput(`region code must be four digits, got ${JSON.stringify(code)}`)),
    services: (code, filter = {}) => (isRegionCode(code)
      ? get(`/regions/${code}/services`, { agency: filter.agency, q: filter.q }, validateServices).then((b) => b.services)
      : badInput(`region code must be four digits, got ${JSON.stringify(code)}`)),
    service: (id) => (isServiceId(id)
      ? get(`/services/${id}`, {}, validateService).then((b) => b.service)
      : badInput(`malformed service id ${JSON.stringify(id)}`)),
    search: (q, opts = {}) => {
      if (q.trim() === "") return badInput("search needs a non-empty query");
      if (q.length > MAX_SEARCH_QUERY_LENGTH) return badInput(`search query is longer than ${MAX_SEARCH_QUERY_LENGTH} characters`);
      for (const code of [opts.region, opts.near]) {
        if (code !== undefined && !isRegionCode(code)) return badInput(`region code must be four digits, got ${JSON.stringify(code)}`);
      }
      return get("/search", { q, region: opts.region, near: opts.near, limit: opts.limit, offset: opts.offset }, validateSearchResult);
    },
    health: () => get("/health", {}, validateHealth),
    onChange(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
    status: () => state,
    clearCache: () => cache.clear(),
    dataAge: () => dataAge,
    onDataAge(listener) {
      ageListeners.add(listener);
      return () => { ageListeners.delete(listener); };
    },
  };
}

// The workspace's calls to /api/v1: same-origin fetch with the session cookie (HttpOnly: the page
// never sees it), JSON in and out, and one error type carrying the server's { error: { code,
// message } } plus Retry-After. A 401 tells the shell the session ended.
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly retryAfter: number | null, readonly body: unknown) {
    super(message);
    this.name = "ApiError";
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

export interface Api {
  get<T>(path: string): Promise<T>;
  send<T>(method: "POST" | "PUT", path: string, body: unknown): Promise<T>;
  upload<T>(path: string, file: Blob, type: string): Promise<T>;
  /** Called on every 401 (the session ended): the shell shows the sign-in again. */
  onUnauthenticated: (() => void) | null;
}

export function createApi(fetchFn: Fetch, base = "/api/v1"): Api {
  const api: Api = {
    onUnauthenticated: null,
    get: (path) => call("GET", path),
    send: (method, path, body) => call(method, path, JSON.stringify(body ?? {}), "application/json"),
    upload: (path, file, type) => call("POST", path, file, type),
  };
  async function call<T>(method: string, path: string, body?: BodyInit, type?: string): Promise<T> {
    const res = await fetchFn(`${base}${path}`, {
      method, credentials: "same-origin", cache: "no-store",
      headers: { accept: "application/json", ...(type ? { "content-type": type } : {}) },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await res.text();
    let json: unknown = null;
    try { json = text ? JSON.parse(text) : null; } catch { /* not JSON: reported below */ }
    if (res.ok) return json as T;
    const err = (json as { error?: { code?: string; message?: string } } | null)?.error;
    const retry = Number(res.headers.get("retry-after"));
    if (res.status === 401 && path !== "/auth/login") api.onUnauthenticated?.();
    throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? `HTTP ${res.status}`, Number.isFinite(retry) && retry > 0 ? retry : null, json);
  }
  return api;
}

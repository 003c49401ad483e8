import assert from "node:assert/strict";
import { ApiError, createApiClient, type ApiStatus } from "../../src/app/api/client";

const REGION = {
  code: "3273", name: "Kota Bandung", type: "kota", seat: "Bandung", lat: -6.91, lon: 107.61,
  physicalMpp: { status: "yes", note: null, source: null }, agencyCount: 0, serviceCount: 0,
};

interface Call { url: string; headers: Record<string, string> }

/** A fake fetch answering from a handler; records calls. No network. */
function fakeFetch(handler: (call: Call, n: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), headers: { ...(init?.headers as Record<string, string>) } };
    calls.push(call);
    const signal = init?.signal;
    const answer = Promise.resolve(handler(call, calls.length));
    if (!signal) return answer;
    return Promise.race([answer, new Promise<Response>((_, reject) => {
      signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
    })]);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200, etag?: string) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...(etag ? { etag } : {}) } });

describe("app/api client", () => {
  it("fetches, validates and unwraps regions", async () => {
    const f = fakeFetch(() => json({ regions: [REGION] }, 200, '"v1"'));
    const api = createApiClient({ fetch: f.fetch });
    const regions = await api.regions();
    assert.equal(regions[0]?.code, "3273", "unwrapped list");
    assert.equal(f.calls[0]?.url, "/api/v1/regions", "default base URL");
  });

  it("revalidates with If-None-Match and returns the cached value on 304", async () => {
    const f = fakeFetch((_c, n) => (n === 1 ? json({ regions: [REGION] }, 200, '"v1"') : new Response(null, { status: 304 })));
    const api = createApiClient({ fetch: f.fetch });
    const first = await api.regions();
    const second = await api.regions();
    assert.equal(f.calls[1]?.headers["if-none-match"], '"v1"', "sends the ETag");
    assert.deepEqual(second, first, "cached value on 304");
    api.clearCache();
    await assert.rejects(api.regions(), (e: unknown) => e instanceof ApiError && e.kind === "invalid", "304 without a cache is invalid");
  });

  it("keeps at most maxCached answers for revalidation, dropping the least recently used", async () => {
    const SEARCH = { query: "x", region: null, near: null, total: 0, offset: 0, hits: [], regions: [] };
    const f = fakeFetch((c) => (c.headers["if-none-match"] ? new Response(null, { status: 304 }) : json(c.url.includes("search") ? SEARCH : { regions: [REGION] }, 200, `"${c.url}"`)));
    const api = createApiClient({ fetch: f.fetch, maxCached: 2 });
    await api.regions();
    await api.search("ktp");
    await api.regions(); // used again: now the most recent
    await api.search("paspor"); // a third answer: the least recently used (ktp) goes
    const sent = (url: RegExp) => f.calls.filter((c) => url.test(c.url)).at(-1)?.headers["if-none-match"];
    await api.regions();
    assert.ok(sent(/regions$/), "the answer used recently is still revalidated by its ETag");
    await api.search("ktp");
    assert.equal(sent(/q=ktp/), undefined, "the least recently used answer was dropped: fetched whole again");
    assert.throws(() => createApiClient({ maxCached: -1 }), /maxCached/, "a negative size is refused");
  });

  it("shares one fetch between concurrent identical requests", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const f = fakeFetch(async () => { await gate; return json({ region: { ...REGION, agencies: [] } }); });
    const api = createApiClient({ fetch: f.fetch });
    const a = api.region("3273");
    const b = api.region("3273");
    const other = api.region("3204");
    release();
    await Promise.all([a, b, other.catch(() => undefined)]);
    assert.equal(f.calls.filter((c) => c.url.endsWith("/regions/3273")).length, 1, "one fetch for two identical calls");
    assert.equal(f.calls.length, 2, "a different URL fetches separately");
  });

  it("times out with kind 'timeout'", async () => {
    const f = fakeFetch(() => new Promise<Response>(() => undefined));
    const api = createApiClient({ fetch: f.fetch, timeoutMs: 20 });
    await assert.rejects(api.health(), (e: unknown) => e instanceof ApiError && e.kind === "timeout", "timeout");
  });

  it("reports network failures, invalid JSON, bad shapes and HTTP errors with the API code", async () => {
    const net = createApiClient({ fetch: fakeFetch(() => { throw new TypeError("offline"); }).fetch });
    await assert.rejects(net.regions(), (e: unknown) => e instanceof ApiError && e.kind === "network", "network");
    const badJson = createApiClient({ fetch: fakeFetch(() => new Response("{nope", { status: 200 })).fetch });
    await assert.rejects(badJson.regions(), (e: unknown) => e instanceof ApiError && e.kind === "invalid" && e.status === 200, "invalid JSON");
    const badShape = createApiClient({ fetch: fakeFetch(() => json({ regions: [{ ...REGION, lat: "x" }] })).fetch });
    await assert.rejects(badShape.regions(), (e: unknown) => e instanceof ApiError && e.kind === "invalid" && /regions\[0\]\.lat/.test(e.message), "shape error names the field");
    const http = createApiClient({ fetch: fakeFetch(() => json({ error: { code: "region_not_found", message: "No such" } }, 404)).fetch });
    await assert.rejects(http.region("3299"), (e: unknown) => e instanceof ApiError && e.kind === "http" && e.status === 404 && e.code === "region_not_found" && e.message === "No such", "http error with code");
    const proxy = createApiClient({ fetch: fakeFetch(() => new Response("<html>bad gateway</html>", { status: 502 })).fetch });
    await assert.rejects(proxy.regions(), (e: unknown) => e instanceof ApiError && e.kind === "http" && e.status === 502 && e.code === null, "non-JSON error");
  });

  it("rejects bad arguments before fetching", async () => {
    const f = fakeFetch(() => json({}));
    const api = createApiClient({ fetch: f.fetch });
    await assert.rejects(api.region("abc"), /four digits/, "bad code");
    await assert.rejects(api.service("x"), /malformed service id/, "bad id");
    await assert.rejects(api.search("  "), /non-empty/, "empty query");
    await assert.rejects(api.search("x".repeat(101)), /100 characters/, "long query");
    assert.equal(f.calls.length, 0, "no fetch for bad input");
  });

  it("builds query strings for services and search", async () => {
    const f = fakeFetch((c) => (c.url.includes("/search")
      ? json({ query: "sim a", region: "3273", near: "3204", total: 0, offset: 10, hits: [], regions: [] })
      : json({ region: "3273", services: [] })));
    const api = createApiClient({ fetch: f.fetch, baseUrl: "http://x/api/v1/" });
    await api.services("3273", { agency: "polres-sim", q: "sim a" });
    await api.search("sim a", { region: "3273", limit: 5 });
    await api.search("sim a", { region: "3273", near: "3204", limit: 5, offset: 10 });
    assert.equal(f.calls[0]?.url, "http://x/api/v1/regions/3273/services?agency=polres-sim&q=sim%20a", "services URL");
    assert.equal(f.calls[1]?.url, "http://x/api/v1/search?q=sim%20a&region=3273&limit=5", "search URL");
    assert.equal(f.calls[2]?.url, "http://x/api/v1/search?q=sim%20a&region=3273&near=3204&limit=5&offset=10", "near and offset in the search URL");
  });

  it("reports pending and lastError to listeners until unsubscribed", async () => {
    let fail = true;
    const f = fakeFetch(() => (fail ? json({ error: { code: "internal_error", message: "x" } }, 500) : json({ regions: [] })));
    const api = createApiClient({ fetch: f.fetch });
    const seen: ApiStatus[] = [];
    const off = api.onChange((s) => seen.push(s));
    await api.regions().catch(() => undefined);
    assert.deepEqual(seen.map((s) => s.pending), [1, 0], "pending up then down");
    assert.equal(seen[1]?.lastError?.status, 500, "lastError set");
    fail = false;
    await api.regions();
    assert.equal(api.status().lastError, null, "a success clears lastError");
    off();
    const count = seen.length;
    await api.health().catch(() => undefined);
    assert.equal(seen.length, count, "no calls after unsubscribe");
  });
});

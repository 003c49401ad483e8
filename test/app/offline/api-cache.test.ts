import assert from "node:assert/strict";
import { createApiCacheHandler, type CacheLike } from "../../../src/app/offline/api-cache";
import { CACHED_AT_HEADER } from "../../../src/app/offline/headers";

/** An in-memory Cache API stand-in (insertion-ordered, like the real one). */
function memoryCache() {
  const store = new Map<string, Response>();
  const cache: CacheLike = {
    match: async (url) => store.get(url)?.clone(),
    put: async (url, res) => { store.delete(url); store.set(url, res); },
    keys: async () => [...store.keys()].map((url) => ({ url })),
    delete: async (url) => store.delete(url),
  };
  return { cache, store };
}

const URL1 = "https://mpp.example/api/v1/regions";
const ok = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json", etag: '"v1"', ...headers } });
const T0 = Date.parse("2025-03-01T08:00:00Z");

function setup(fetchImpl: (r: Request) => Promise<Response>, opts: { graceMs?: number; maxEntries?: number } = {}) {
  const mem = memoryCache();
  let now = T0;
  const handler = createApiCacheHandler({ openCache: async () => mem.cache, fetch: fetchImpl, now: () => now, ...opts });
  return { ...mem, handler, setNow: (t: number) => { now = t; } };
}

describe("offline/api-cache", () => {
  it("returns a live answer untouched and stores a stamped copy", async () => {
    const s = setup(async () => ok({ regions: [1] }, { "content-encoding": "gzip" }));
    const res = await s.handler.handle(new Request(URL1));
    assert.equal(res.headers.get(CACHED_AT_HEADER), null, "a live answer carries no cached-at stamp");
    assert.deepEqual(await res.json(), { regions: [1] }, "live body");
    const stored = s.store.get(URL1)!;
    assert.equal(stored.headers.get(CACHED_AT_HEADER), new Date(T0).toISOString(), "the copy is stamped with its fetch time");
    assert.equal(stored.headers.get("content-encoding"), null, "the decoded copy drops the encoding header");
    assert.equal(stored.headers.get("etag"), '"v1"', "the ETag is kept for revalidation");
  });

  it("serves the stored copy with its date when the network fails", async () => {
    let online = true;
    const s = setup(async () => { if (!online) throw new TypeError("Failed to fetch"); return ok({ regions: [1] }); });
    await s.handler.handle(new Request(URL1));
    online = false;
    s.setNow(T0 + 3_600_000);
    const res = await s.handler.handle(new Request(URL1));
    assert.equal(res.status, 200, "a usable answer offline");
    assert.equal(res.headers.get(CACHED_AT_HEADER), new Date(T0).toISOString(), "stamped with the original fetch time, not now");
    assert.deepEqual(await res.json(), { regions: [1] }, "the stored body");
  });

  it("serves the stored copy when the API answers 5xx, but passes a 4xx through", async () => {
    let status = 200;
    const s = setup(async () => (status === 200 ? ok({ regions: [1] }) : new Response("{}", { status })));
    await s.handler.handle(new Request(URL1));
    status = 503;
    const down = await s.handler.handle(new Request(URL1));
    assert.ok(down.headers.get(CACHED_AT_HEADER), "API down: the stored copy");
    status = 404;
    const missing = await s.handler.handle(new Request(URL1));
    assert.equal(missing.status, 404, "a 4xx is the API's real answer");
  });

  it("falls back after the grace period and refreshes the copy in the background", async () => {
    let slow = false;
    let release!: () => void;
    const s = setup(async () => {
      if (!slow) return ok({ v: 1 });
      await new Promise<void>((r) => { release = r; });
      return ok({ v: 2 });
    }, { graceMs: 20 });
    await s.handler.handle(new Request(URL1));
    slow = true;
    const background: Promise<unknown>[] = [];
    const started = Date.now();
    const res = await s.handler.handle(new Request(URL1), (w) => background.push(w));
    assert.ok(Date.now() - started < 1000, "did not wait for the slow network");
    assert.deepEqual(await res.json(), { v: 1 }, "the stored copy after the grace period");
    assert.equal(background.length, 1, "the refresh is kept alive with waitUntil");
    release();
    await background[0];
    assert.deepEqual(await s.store.get(URL1)!.clone().json(), { v: 2 }, "the late answer refreshed the store");
  });

  it("passes the network error on when nothing is stored", async () => {
    const s = setup(async () => { throw new TypeError("Failed to fetch"); });
    await assert.rejects(s.handler.handle(new Request(URL1)), /Failed to fetch/, "the page sees a network error");
  });

  it("passes a 304 through and refreshes the stored copy's date", async () => {
    let n = 0;
    const s = setup(async () => (++n === 1 ? ok({ v: 1 }) : new Response(null, { status: 304 })));
    await s.handler.handle(new Request(URL1));
    s.setNow(T0 + 60_000);
    const res = await s.handler.handle(new Request(URL1, { headers: { "if-none-match": '"v1"' } }));
    assert.equal(res.status, 304, "the page's own copy is current");
    assert.equal(s.store.get(URL1)!.headers.get(CACHED_AT_HEADER), new Date(T0 + 60_000).toISOString(), "the copy is confirmed as of now");
  });

  it("keeps at most maxEntries, dropping the oldest", async () => {
    const s = setup(async (r) => ok({ url: r.url }), { maxEntries: 2 });
    for (const q of ["a", "b", "c"]) await s.handler.handle(new Request(`https://mpp.example/api/v1/search?q=${q}`));
    assert.deepEqual([...s.store.keys()].map((u) => new URL(u).searchParams.get("q")), ["b", "c"], "the oldest entry went");
  });

  it("warms URLs without throwing, even when offline", async () => {
    const s = setup(async () => ok({ regions: [] }));
    await s.handler.warm([URL1]);
    assert.ok(s.store.has(URL1), "the region list is stored ahead of need");
    const off = setup(async () => { throw new TypeError("offline"); });
    await off.handler.warm([URL1]);
    assert.equal(off.store.size, 0, "nothing stored, no error");
  });

  it("rejects bad options", () => {
    assert.throws(() => createApiCacheHandler({} as never), /openCache and fetch are required/, "missing deps");
    assert.throws(() => createApiCacheHandler({ openCache: async () => memoryCache().cache, fetch: fetch, graceMs: -1 }), /graceMs/, "negative grace");
  });
});

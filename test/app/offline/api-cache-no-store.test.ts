// The service worker's API cache keeps nothing the server marks no-store (a ticket read by its
// code, an officer's inbox): a lobby screen's disk must not hold the previous visitor's question.
import assert from "node:assert/strict";
import { createApiCacheHandler, type CacheLike } from "../../../src/app/offline/api-cache";

describe("offline/api-cache and no-store answers", () => {
  it("passes a no-store answer through without storing it, and still stores a cacheable one", async () => {
    const stored = new Map<string, Response>();
    const cache: CacheLike = {
      match: async (url) => stored.get(url)?.clone(),
      put: async (url, res) => { stored.set(url, res); },
      keys: async () => [...stored.keys()].map((url) => ({ url })),
      delete: async (url) => stored.delete(url),
    };
    const body = (cc: string) => new Response(JSON.stringify({ ticket: { text: "pertanyaan pribadi" } }), { status: 200, headers: { "cache-control": cc, "content-type": "application/json" } });
    const handler = createApiCacheHandler({
      openCache: async () => cache,
      fetch: async (r) => body(r.url.includes("/tickets/") ? "no-store" : "public, max-age=60"),
    });
    const ticket = await handler.handle(new Request("https://mpp.example/api/v1/tickets/KFDX4MRA"));
    assert.equal(ticket.status, 200, "the page gets the answer");
    assert.deepEqual(await ticket.json(), { ticket: { text: "pertanyaan pribadi" } });
    assert.equal(stored.has("https://mpp.example/api/v1/tickets/KFDX4MRA"), false, "but it is not stored");
    await handler.handle(new Request("https://mpp.example/api/v1/regions"));
    assert.equal(stored.has("https://mpp.example/api/v1/regions"), true, "a cacheable answer is stored as before");
  });
});

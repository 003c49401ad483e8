// The API client's side of offline operation (src/app/api/client.ts dataAge/onDataAge): answers
// stamped by the service worker set the data age; a live answer clears it.
import assert from "node:assert/strict";
import { createApiClient } from "../../../src/app/api/client";
import { CACHED_AT_HEADER } from "../../../src/app/offline/headers";

const REGION = {
  code: "3273", name: "Kota Bandung", type: "kota", seat: "Bandung", lat: -6.91, lon: 107.61,
  physicalMpp: { status: "yes", note: null, source: null }, agencyCount: 0, serviceCount: 0,
};
const answer = (cachedAt: string | null) => new Response(JSON.stringify({ regions: [REGION] }), {
  status: 200, headers: { "content-type": "application/json", ...(cachedAt ? { [CACHED_AT_HEADER]: cachedAt } : {}) },
});

describe("offline/data age in the API client", () => {
  it("reports the oldest offline copy shown, and clears on the next live answer", async () => {
    const queue: Array<string | null> = ["2025-03-01T08:00:00.000Z", "2025-03-01T09:00:00.000Z", null];
    const api = createApiClient({ fetch: (async () => answer(queue.shift() ?? null)) as typeof fetch });
    const seen: Array<string | null> = [];
    api.onDataAge((d) => seen.push(d?.toISOString() ?? null));
    assert.equal(api.dataAge(), null, "live until told otherwise");
    await api.regions();
    assert.equal(api.dataAge()?.toISOString(), "2025-03-01T08:00:00.000Z", "the offline copy's date");
    await api.regions();
    assert.equal(api.dataAge()?.toISOString(), "2025-03-01T08:00:00.000Z", "a newer copy does not hide an older one on screen");
    await api.regions();
    assert.equal(api.dataAge(), null, "a live answer clears the notice");
    assert.deepEqual(seen, ["2025-03-01T08:00:00.000Z", null], "listeners told only on change");
  });

  it("ignores a malformed stamp", async () => {
    const api = createApiClient({ fetch: (async () => answer("not a date")) as typeof fetch });
    await api.regions();
    assert.equal(api.dataAge(), null, "no notice from a bad header");
  });
});

// The browser's feedback client: JSON bodies to this origin, nothing cached, answers checked
// against the server's schemas, and failures as ApiError with the API's code.
import assert from "node:assert/strict";
import { createFeedbackApi } from "../../../src/app/feedback/feedback-api";
import { ApiError } from "../../../src/app/api/client";

function fakeFetch(status: number, body: unknown) {
  const seen: Array<{ url: string; init: RequestInit }> = [];
  const impl = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as unknown as typeof fetch;
  return { impl, seen };
}

const created = { ticket: { code: "KFDX4MRA", formattedCode: "KFDX-4MRA", status: "received", receivedAt: "2026-03-02T02:00:00.000Z", forwardBy: "2026-03-05", actBy: "2026-03-12" } };

describe("feedback/feedback-api", () => {
  it("posts JSON with no caching and returns the checked answer", async () => {
    const f = fakeFetch(201, created);
    const api = createFeedbackApi({ fetch: f.impl });
    const t = await api.createTicket({ kind: "konsultasi", regionCode: "3273", text: "Halo" });
    assert.equal(t.code, "KFDX4MRA");
    assert.equal(f.seen[0]!.url, "/api/v1/tickets");
    assert.equal(f.seen[0]!.init.method, "POST");
    assert.equal(f.seen[0]!.init.cache, "no-store", "never cached");
    assert.deepEqual(JSON.parse(String(f.seen[0]!.init.body)), { kind: "konsultasi", regionCode: "3273", text: "Halo" });
  });

  it("turns an error answer into ApiError with the API's code", async () => {
    const api = createFeedbackApi({ fetch: fakeFetch(429, { error: { code: "daily_limit", message: "limit" } }).impl });
    await assert.rejects(api.survey({ agencyId: "3273-imigrasi", answers: [4, 4, 4, 4, 4, 4, 4, 4, 4], visitToken: "x".repeat(32) }),
      (e: unknown) => e instanceof ApiError && e.kind === "http" && e.status === 429 && e.code === "daily_limit");
  });

  it("refuses a malformed answer (kind invalid) instead of showing it", async () => {
    const api = createFeedbackApi({ fetch: fakeFetch(201, { ticket: { ...created.ticket, status: "deleted" } }).impl });
    await assert.rejects(api.createTicket({ kind: "konsultasi", regionCode: "3273", text: "x" }), (e: unknown) => e instanceof ApiError && e.kind === "invalid" && /status/.test(e.message));
  });

  it("reports a network failure as kind network", async () => {
    const api = createFeedbackApi({ fetch: (async () => { throw new TypeError("Failed to fetch"); }) as unknown as typeof fetch });
    await assert.rejects(api.ticket("KFDX4MRA"), (e: unknown) => e instanceof ApiError && e.kind === "network");
  });
});

// Faults a visitor's browser meets, each in headless chromium: the API down at start (message,
// retry, then the plaza), malformed API answers (validated and refused with a message), a missing
// or truncated building model (placeholder, toast naming the region, the rest works), and the
// WebGL context lost and restored. No case may leave an uncaught page error.
// Service workers are blocked so page.route sees every request (a worker would answer from its cache).
import assert from "node:assert/strict";
import type { Page, Route } from "playwright-core";
import { startHarness, openPage, gotoReady, hookReady, frameStats, canvasVariety, type Harness, type Watched } from "./support/harness";

const API = "**/api/v1/**";

async function errorScreen(page: Page, kind: string, timeout = 60_000): Promise<string> {
  const box = page.locator(`[data-testid=error-screen] [data-kind=${kind}]`);
  await box.waitFor({ state: "visible", timeout });
  return (await box.textContent()) ?? "";
}

describe("client faults (browser)", function () {
  this.timeout(300_000);
  let h: Harness;
  const opened: Watched[] = [];
  const open = async () => {
    const w = await openPage(h, { serviceWorkers: "block" });
    opened.push(w);
    return w;
  };

  before(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    const w = opened.pop();
    if (!w) return;
    try {
      w.assertClean();
    } finally {
      await w.context.close();
    }
  });
  after(async () => h?.close());

  it("API down at start: a clear message with Retry; once the API is back, Retry loads the plaza", async () => {
    const w = await open();
    let down = true;
    await w.page.route(API, (route: Route) => (down ? route.fulfill({ status: 503, body: "Service Unavailable" }) : route.fallback()));
    await w.page.goto(`${h.origin}/?automation=1`);
    const text = await errorScreen(w.page, "api-down");
    assert.match(text, /server|dihubungi|reached/i, `the message says the server cannot be reached (${text})`);
    const retry = w.page.getByTestId("retry-button");
    await retry.click();
    await errorScreen(w.page, "api-down"); // still down: the message comes back, nothing crashes
    down = false;
    await w.page.getByTestId("retry-button").click();
    await hookReady(w.page);
    assert.equal(await w.page.getByTestId("error-screen").isVisible(), false, "the error screen is gone");
    const variety = await canvasVariety(w.page);
    assert.ok(variety > 0.2, `the plaza is drawn after the retry (variety ${variety.toFixed(2)})`);
    const scenes = await w.page.evaluate(() => window.__mpp!.engineScenes());
    assert.equal(scenes, 1, "the failed attempts left no scene behind on the engine");
  });

  it("API down (connection refused) also shows the message, not a crash", async () => {
    const w = await open();
    await w.page.route(API, (route: Route) => route.abort("connectionrefused"));
    await w.page.goto(`${h.origin}/?automation=1`);
    await errorScreen(w.page, "api-down");
    assert.ok(await w.page.getByTestId("retry-button").isVisible(), "a Retry button is offered");
  });

  for (const [label, body] of [
    ["a region without its fields", '{"regions":[{"code":5}]}'],
    ["invalid JSON", '{"regions":[{"code":"3273",'],
    ["an HTML page", "<!doctype html><title>proxy</title>"],
  ] as const) {
    it(`malformed API answer (${label}): validated, refused with a message, no crash`, async () => {
      const w = await open();
      await w.page.route("**/api/v1/regions", (route: Route) =>
        route.fulfill({ status: 200, contentType: "application/json", body }));
      await w.page.goto(`${h.origin}/?automation=1`);
      const text = await errorScreen(w.page, "generic");
      assert.match(text, /malformed|api|regions/i, `the detail names the malformed response (${text.slice(0, 200)})`);
      assert.ok(await w.page.getByTestId("retry-button").isVisible(), "a Retry button is offered");
      await w.page.unroute("**/api/v1/regions");
      await w.page.getByTestId("retry-button").click();
      await hookReady(w.page);
      assert.equal(await w.page.getByTestId("error-screen").isVisible(), false, "loads once the answer is valid");
    });
  }

  it("a missing and a truncated building model: placeholders, a toast naming each region, other buildings work", async () => {
    const w = await open();
    await w.page.route("**/assets/models/building-3204.glb", (route: Route) => route.fulfill({ status: 404, body: "" }));
    await w.page.route("**/assets/models/building-3273.glb", async (route: Route) => {
      const res = await route.fetch();
      const bytes = await res.body();
      await route.fulfill({ response: res, body: bytes.subarray(0, Math.floor(bytes.length / 3)) });
    });
    await gotoReady(w, h.origin);
    const toasts = w.page.getByTestId("toast-model-missing");
    await toasts.nth(1).waitFor({ timeout: 30_000 });
    const texts = (await toasts.allTextContents()).join(" | ");
    assert.match(texts, /Kabupaten Bandung(?! Barat)/, `a toast names Kabupaten Bandung (${texts})`);
    assert.match(texts, /Kota Bandung/, `a toast names Kota Bandung (${texts})`);
    const placeholders = await w.page.evaluate(() =>
      window.__mpp!.buildings().filter((b) => b.placeholder).map((b) => b.region).sort());
    assert.deepEqual(placeholders, ["3204", "3273"], "exactly the two broken models are placeholders");
    const entered = await w.page.evaluate(async () => {
      const ok = await window.__mpp!.enterBuilding("3201");
      return { ok, place: window.__mpp!.place(), kiosks: window.__mpp!.kiosks().length };
    });
    assert.ok(entered.ok, "another building can be entered");
    assert.deepEqual(entered.place, { kind: "building", region: "3201" }, "inside Kabupaten Bogor");
    assert.ok(entered.kiosks > 0, "with its counter kiosks");
    await w.page.getByTestId("toast-dismiss").first().click();
    assert.equal(await toasts.count(), 1, "a toast can be dismissed");
  });

  it("WebGL context lost and restored: frames render again and the test hook still answers", async () => {
    const w = await open();
    await gotoReady(w, h.origin);
    const before = await frameStats(w.page);
    assert.ok(before.drawCalls > 0, "drawing before the loss");
    const lost = await w.page.evaluate(() => window.__mpp!.loseContext());
    assert.equal(lost, "ok", "the context was lost and restored");
    await w.page.waitForTimeout(500);
    const after = await frameStats(w.page);
    assert.ok(after.drawCalls > 0, `frames render again (${after.drawCalls} draw calls)`);
    const variety = await canvasVariety(w.page);
    assert.ok(variety > 0.2, `the plaza is drawn again (variety ${variety.toFixed(2)})`);
    const pos = await w.page.evaluate(() => window.__mpp!.cameraPosition());
    assert.equal(pos.length, 3, "the test hook still answers");
    const entered = await w.page.evaluate(() => window.__mpp!.enterBuilding("3273"));
    assert.ok(entered, "a building can still be entered after the restore");
    const inside = await frameStats(w.page);
    assert.ok(inside.drawCalls > 0, "the interior, loaded after the restore, draws");
  });
});

// Startup (issue 18 point 1), checked by counts and states, never by times: what the first frame
// needs is fetched once, started by the page's preload hints (in parallel with the script); the
// plaza's ground and hub are drawn while the buildings still load; the directory answers searches
// meanwhile, and a service chosen then opens once the experience has started.
// Service workers are blocked so every request reaches the network and page.route.
import assert from "node:assert/strict";
import type { Route } from "playwright-core";
import { startHarness, openPage, hookReady, canvasVariety, type Harness, type Watched } from "./support/harness";

/** The index.html preloads, each of which the app (or Babylon for it) requests itself at start. */
const PRELOADED = [
  "/api/v1/regions", "/scenes/plaza.json", "/assets/models/plaza.glb", "/assets/decoders/meshopt_decoder.js",
  "/assets/textures/paving.png", "/assets/textures/grass.png", "/assets/textures/facade.png",
];

describe("startup (browser)", function () {
  this.timeout(300_000);
  let h: Harness;
  let w: Watched | null = null;

  before(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    const done = w;
    w = null;
    if (!done) return;
    try {
      done.assertClean();
    } finally {
      await done.context.close();
    }
  });
  after(async () => h?.close());

  it("fetches what the first frame needs once each, started by the preload hints", async () => {
    w = await openPage(h, { serviceWorkers: "block" });
    const requested = new Map<string, number>();
    const preloadWarnings: string[] = [];
    w.page.on("console", (m) => { if (/preload/i.test(m.text())) preloadWarnings.push(m.text()); });
    w.page.on("request", (r) => {
      const path = new URL(r.url()).pathname;
      requested.set(path, (requested.get(path) ?? 0) + 1);
    });
    await w.page.goto(`${h.origin}/?automation=1`);
    await hookReady(w.page);
    const entries = await w.page.evaluate((paths) => paths.map((p) => performance.getEntriesByType("resource")
      .filter((e) => new URL(e.name).pathname === p)
      .map((e) => (e as PerformanceResourceTiming).initiatorType)), PRELOADED);
    PRELOADED.forEach((path, i) => {
      assert.equal(requested.get(path), 1, `${path}: requested once, not again by the app (${requested.get(path) ?? 0})`);
      assert.deepEqual(entries[i], ["link"], `${path}: fetched by the preload hint, the app used that response`);
    });
    assert.deepEqual(preloadWarnings, [], "no warning of a preload left unused or mismatched");
  });

  it("draws the plaza and answers a directory search while the buildings are still loading, and opens the service chosen then once started", async () => {
    w = await openPage(h, { serviceWorkers: "block" });
    const { page } = w;
    // Hold every building model: the plaza (ground and hub) loads, the 3D stays incomplete.
    const held: Route[] = [];
    let holding = true;
    await page.route(/\/assets\/models\/building-[^/]+\.glb$/, (route) => (holding ? void held.push(route) : route.fallback()));
    await page.goto(`${h.origin}/?automation=1`);
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=loading-screen]").length === 1, null, { timeout: 60_000 });
    // The first frame comes with the ground and hub, before any building.
    await page.waitForFunction(() => performance.getEntriesByName("mpp:first-frame").length === 1, null, { timeout: 60_000 });
    const detail = await page.evaluate(() => (performance.getEntriesByName("mpp:first-frame")[0] as PerformanceMark).detail as { meshes: number; activeMeshes: number });
    assert.ok(detail.activeMeshes > 0, `the first frame drew the ground and hub (${detail.activeMeshes} of ${detail.meshes} meshes)`);
    assert.equal(held.filter((r) => r.request().url().includes("building-")).length, held.length, "only building models are held");
    const variety = await canvasVariety(page);
    assert.ok(variety > 0.1, `the plaza is drawn behind the loading cover (variety ${variety.toFixed(2)})`);
    await page.getByTestId("directory-toggle").click();
    await page.getByTestId("search-input").fill("paspor");
    await page.getByTestId("search-result").first().waitFor({ timeout: 30_000 });
    const ids = await page.getByTestId("search-result").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.serviceId ?? ""));
    const target = ids.find((id) => id.endsWith("-paspor-biasa"));
    assert.ok(target, `the ordinary passport is among the results (${ids.join(", ")})`);
    assert.ok(held.length > 0, `building models were held (${held.length})`);
    assert.equal(await page.getByTestId("loading-screen").isVisible(), true, "the 3D was still loading when the search answered");
    assert.equal(await page.evaluate(() => window.__mpp === undefined), true, "the experience had not started");

    await page.locator(`[data-testid=search-result][data-service-id="${target}"]`).click();
    holding = false;
    for (const route of held.splice(0)) await route.fallback();
    await hookReady(page);
    await page.waitForFunction(() => /350\.000/.test(document.querySelector("[data-testid=mirror-fee]")?.textContent ?? ""), null, { timeout: 60_000 });
    const place = await page.evaluate(() => window.__mpp!.place());
    assert.deepEqual(place, { kind: "building", region: target!.slice(0, 4) }, "the service chosen during loading opened in its region's MPP");
  });
});

// The desktop experience as a citizen meets it, in headless chromium (PRODUCT.md user 1).
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, frameStats, canvasVariety, TEST_RENDER_SCALE, type Harness, type Watched } from "./support/harness";
import { BUDGETS } from "../../bench/budgets";
import type { Page } from "playwright-core";

/**
 * Waits (up to 30 s) until the visitor is more than half a metre from `from`: a glide's frames come
 * slowly on a loaded machine without a GPU, so a fixed wait would measure the machine, not the app.
 */
async function glided(page: Page, from: number[]): Promise<void> {
  await page.waitForFunction((b) => {
    const p = window.__mpp!.cameraPosition();
    return Math.hypot(p[0] - b[0]!, p[2] - b[2]!) > 0.5;
  }, from, { timeout: 30_000 }).catch(() => {}); // the assertion after it says how far it got
}

describe("desktop experience (browser)", function () {
  this.timeout(240_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h);
    await gotoReady(w, h.origin);
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => w.assertClean());

  it("draws the plaza: the frame is not blank", async () => {
    const variety = await canvasVariety(w.page);
    assert.ok(variety > 0.2, `share of pixels unlike the first: ${variety.toFixed(2)} > 0.2`);
  });

  it("draws at the URL's render scale (?renderscale=), the canvas keeping its CSS size", async () => {
    const size = await w.page.evaluate(() => {
      const c = document.getElementById("scene") as HTMLCanvasElement;
      return { width: c.width, clientWidth: c.clientWidth, url: location.search };
    });
    const scale = Number(new URLSearchParams(size.url).get("renderscale") ?? "1");
    assert.equal(String(scale), TEST_RENDER_SCALE, "the harness opened the app at the suite's render scale");
    assert.equal(size.clientWidth, 1280, "the canvas fills the 1280 px window");
    assert.ok(Math.abs(size.width - 1280 * scale) <= 1, `drawn ${size.width} px wide at scale ${scale}`);
  });

  it("stays within the draw-call and triangle budgets in the default plaza view", async () => {
    const s = await frameStats(w.page);
    assert.ok(s.drawCalls > 0, "something was drawn");
    assert.ok(s.drawCalls <= BUDGETS.drawCallsPerView, `draw calls ${s.drawCalls} <= ${BUDGETS.drawCallsPerView}`);
    assert.ok(s.activeTriangles <= BUDGETS.trianglesDesktop, `triangles ${s.activeTriangles} <= ${BUDGETS.trianglesDesktop}`);
    assert.ok(s.materials <= BUDGETS.plazaMaterials, `materials ${s.materials} <= ${BUDGETS.plazaMaterials}`);
  });

  it("stays within budget looking at the whole plaza from above", async () => {
    // The camera high above the hub, looking down at all 27 buildings.
    await w.page.evaluate(() => window.__mpp!.viewFrom([0, 380, 320], [0, 0, 0]));
    const s = await frameStats(w.page);
    // Buildings are baked into the plaza's hub batch and the ring's (world/plaza.ts), so both
    // batches drawn says every building's body is drawn, and the hook's list says every building is
    // in (this once counted the 27 buildings' glTF roots, empty nodes Babylon no longer walks).
    const buildings = await w.page.evaluate(() => window.__mpp!.buildings());
    assert.equal(buildings.filter((b) => !b.placeholder).length, 27, "all 27 buildings are in the plaza as their models");
    const drawn = new Set((await w.page.evaluate(() => window.__mpp!.activeMeshList())).map((m) => m.name));
    for (const batch of ["plaza-static-0", "plaza-static-1"]) {
      assert.ok(drawn.has(batch), `the overview draws the plaza's batch ${batch} (drawn: ${[...drawn].join(", ")})`);
    }
    assert.ok(s.drawCalls <= BUDGETS.drawCallsPerView, `draw calls ${s.drawCalls} <= ${BUDGETS.drawCallsPerView} with all buildings in view`);
    assert.ok(s.activeTriangles <= BUDGETS.trianglesDesktop, `triangles ${s.activeTriangles} <= ${BUDGETS.trianglesDesktop}`);
    await w.page.evaluate(() => window.__mpp!.goToBuilding("3273"));
  });

  it("walks forward with the keyboard and stays on the ground", async () => {
    await w.page.evaluate(() => window.__mpp!.goToBuilding("3204"));
    const before = await w.page.evaluate(() => window.__mpp!.cameraPosition());
    await w.page.locator("#scene").focus();
    await w.page.keyboard.down("w");
    // Movement is applied per frame, and a software renderer on a busy machine may draw one a second.
    await w.page.evaluate(() => window.__mpp!.frames(3));
    await w.page.keyboard.up("w");
    await w.page.evaluate(() => window.__mpp!.frames(1));
    const after = await w.page.evaluate(() => window.__mpp!.cameraPosition());
    const moved = Math.hypot(after[0] - before[0], after[2] - before[2]);
    assert.ok(moved > 0.3, `W moved the visitor (${moved.toFixed(2)} m)`);
    assert.ok(Math.abs(after[1] - before[1]) < 0.6, `eye height stayed on the floor (${before[1].toFixed(2)} -> ${after[1].toFixed(2)})`);
  });

  it("glides to a floor point that is clicked, without passing through walls", async () => {
    const { page } = w;
    await page.evaluate(() => window.__mpp!.goToBuilding("3204"));
    await frameStats(page);
    const before = await page.evaluate(() => window.__mpp!.cameraPosition());
    // Below the centre of the view is the forecourt floor in front of the building.
    await page.mouse.click(640, 620);
    await glided(page, before);
    const after = await page.evaluate(() => window.__mpp!.cameraPosition());
    const moved = Math.hypot(after[0] - before[0], after[2] - before[2]);
    assert.ok(moved > 0.5, `a click on the floor moved the visitor (${moved.toFixed(2)} m)`);
    assert.ok(Math.abs(after[1] - before[1]) < 0.6, "still on the ground");
  });

  it("enters a building by walking through its door, and leaves by its exit", async () => {
    const { page } = w;
    await page.evaluate(() => window.__mpp!.goToBuilding("3204"));
    await page.locator("#scene").focus();
    await page.keyboard.down("w");
    await page.waitForFunction(() => window.__mpp!.place().kind === "building", null, { timeout: 60_000 }).finally(() => page.keyboard.up("w"));
    assert.deepEqual(await page.evaluate(() => window.__mpp!.place()), { kind: "building", region: "3204" }, "inside the building walked into");
    assert.ok(page.url().includes("region=3204"), "the URL names the region");
    await page.getByTestId("hud-region").waitFor({ timeout: 5_000 });
    // Turn around and walk back out through the exit.
    await page.locator("#scene").focus();
    await page.keyboard.down("s");
    // Walking speed is per second, but a loaded 2-core machine may draw few frames: allow time.
    await page
      .waitForFunction(() => window.__mpp!.place().kind === "plaza", null, { timeout: 60_000 })
      .catch(async () => {
        const at = await page.evaluate(() => window.__mpp!.cameraPosition());
        throw new Error(`did not leave by the exit (visitor at ${at})`);
      })
      .finally(() => page.keyboard.up("s"));
  });

  it("finds passport services across regions with the directory search, and opens one with its fee", async () => {
    const { page } = w;
    await page.getByTestId("directory-toggle").click();
    await page.getByTestId("search-input").fill("paspor");
    await page.getByTestId("search-result").first().waitFor({ timeout: 15_000 });
    const rows = page.getByTestId("search-result");
    const ids = await rows.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.serviceId ?? ""));
    const regions = new Set(ids.map((id) => id.slice(0, 4)));
    assert.ok(regions.size >= 5, `passport services listed for several regions (${regions.size})`);
    const target = ids.find((id) => id.endsWith("-paspor-biasa"))!; // not paspor-biasa-10-tahun (Rp 650.000)
    assert.ok(target, "the ordinary passport is among the results");
    await page.locator(`[data-testid=search-result][data-service-id="${target}"]`).click();
    await page.getByTestId("mirror-fee").waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => /350\.000/.test(document.querySelector("[data-testid=mirror-fee]")?.textContent ?? ""), null, { timeout: 30_000 });
    const fee = await page.getByTestId("mirror-fee").textContent();
    assert.match(fee ?? "", /Rp\s?350\.000/, "the passport fee reads Rp 350.000");
    const place = await page.evaluate(() => window.__mpp!.place());
    assert.deepEqual(place, { kind: "building", region: target.slice(0, 4) }, "the visitor is inside that region's MPP");
    assert.ok(page.url().includes(`service=${target}`), "the URL names the service shown");
    const kiosks = await page.evaluate(() => window.__mpp!.kiosks());
    assert.ok(kiosks.some((k) => k.agency === "imigrasi"), "an Imigrasi counter kiosk is in the scene");
  });

  it("stays within budget inside a building", async () => {
    const s = await frameStats(w.page);
    assert.ok(s.drawCalls <= BUDGETS.drawCallsPerView, `draw calls ${s.drawCalls} <= ${BUDGETS.drawCallsPerView}`);
    assert.ok(s.activeTriangles <= BUDGETS.trianglesDesktop, `triangles ${s.activeTriangles} <= ${BUDGETS.trianglesDesktop}`);
  });

  it("switches to English in the UI, and the kiosk follows", async () => {
    const { page } = w;
    await page.getByTestId("lang-en").click();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    const title = await page.getByTestId("mirror-title").textContent();
    assert.match(title ?? "", /passport/i, `the service title is in English (${title})`);
    assert.ok(page.url().includes("lang=en"), "the URL remembers the language");
  });

  it("on a touch screen, a drag turns the view and a tap on the floor moves there", async () => {
    w.assertClean();
    await w.context.close(); // two rendering pages would share two CPU cores
    const t = await openPage(h, { hasTouch: true, isMobile: false });
    try {
      await gotoReady(t, h.origin, "/?automation=1");
      await t.page.evaluate(() => window.__mpp!.goToBuilding("3204"));
      await frameStats(t.page);
      const yaw0 = await t.page.evaluate(() => window.__mpp!.cameraYaw());
      // A one-finger drag across the canvas, as CDP touch events.
      const cdp = await t.context.newCDPSession(t.page);
      const touch = async (type: "touchStart" | "touchMove" | "touchEnd", x: number) =>
        cdp.send("Input.dispatchTouchEvent", { type, touchPoints: type === "touchEnd" ? [] : [{ x, y: 400 }] });
      await touch("touchStart", 400);
      for (let x = 420; x <= 800; x += 40) await touch("touchMove", x);
      await touch("touchEnd", 800);
      await frameStats(t.page);
      const yaw1 = await t.page.evaluate(() => window.__mpp!.cameraYaw());
      assert.ok(Math.abs(yaw1 - yaw0) > 0.05, `a drag turned the view (${yaw0.toFixed(2)} -> ${yaw1.toFixed(2)})`);
      await t.page.evaluate(() => window.__mpp!.goToBuilding("3204"));
      await frameStats(t.page);
      const before = await t.page.evaluate(() => window.__mpp!.cameraPosition());
      await t.page.touchscreen.tap(640, 620);
      await glided(t.page, before);
      const after = await t.page.evaluate(() => window.__mpp!.cameraPosition());
      assert.ok(Math.hypot(after[0] - before[0], after[2] - before[2]) > 0.5, "a tap on the floor moved the visitor");
      t.assertClean();
    } finally {
      await t.context.close();
    }
  });

  it("opens a deep link straight at the service, in the language it names", async () => {
    const w2 = await openPage(h);
    try {
      await gotoReady(w2, h.origin, "/?automation=1&service=3204-polres-sim-sim-a-baru&lang=id");
      await w2.page.getByTestId("mirror-fee").waitFor({ timeout: 30_000 });
      await w2.page.waitForFunction(() => /120\.000/.test(document.querySelector("[data-testid=mirror-fee]")?.textContent ?? ""), null, { timeout: 30_000 });
      const place = await w2.page.evaluate(() => window.__mpp!.place());
      assert.deepEqual(place, { kind: "building", region: "3204" }, "inside Kabupaten Bandung's MPP");
      assert.equal(await w2.page.evaluate(() => document.documentElement.lang), "id", "Indonesian as the link says");
      w2.assertClean();
    } finally {
      await w2.context.close();
    }
  });
});

// Budgets measured in the browser (PRODUCT.md, "Budgets"; counts, never times): all JavaScript the
// page fetched before "ready" (the entry chunk and the chunks it loads on demand), sized from dist/
// at gzip -9, within the first-load budget; then, on the same page, draw calls, triangles, materials
// and texture memory of the views a visitor meets: the plaza's first view, the whole plaza from
// above, an MPP hall, and VR at the hub (iwer's Quest 3, both eyes, both controllers shown).
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, type Harness, type Watched } from "./support/harness";
import { BUDGETS } from "../../bench/budgets";
import { MARKS_INIT_SCRIPT, readMarksInPage } from "../../bench/page-marks";
import { addSizes, sizesOf, scriptsOfIndex } from "../../bench/sizes";
import { enterVr } from "../../bench/browser";
import type { HookStats } from "./support/harness";
import type { Page } from "playwright-core";
import { installIwer, poseController } from "./support/iwer";

const MB = 1024 * 1024;

type ViewStats = HookStats & { textureBytes: number };

/**
 * The test hook's counts three frames after the last change (in VR too, where the session drives
 * the loop), with the textures' estimated GPU memory (width x height x 4 bytes, x 4/3 with mipmaps,
 * x 6 for cube maps), as the bench counts it.
 */
async function measureView(page: Page): Promise<ViewStats> {
  await page.evaluate(() => window.__mpp!.frames(3));
  return page.evaluate(() => ({ ...window.__mpp!.stats(), textureBytes: Math.round(window.__mpp!.textureBytes()) }));
}

/** The counts of a view against the desktop budgets. */
function assertDesktopView(name: string, v: ViewStats): void {
  assert.ok(v.drawCalls > 0, `${name}: something is drawn`);
  assert.ok(v.drawCalls <= BUDGETS.drawCallsPerView, `${name}: ${v.drawCalls} draw calls <= ${BUDGETS.drawCallsPerView}`);
  assert.ok(v.activeTriangles <= BUDGETS.trianglesDesktop, `${name}: ${v.activeTriangles} triangles <= ${BUDGETS.trianglesDesktop}`);
  assert.ok(v.textureBytes <= BUDGETS.textureMemoryBytes, `${name}: texture memory ${(v.textureBytes / MB).toFixed(1)} MB <= ${BUDGETS.textureMemoryBytes / MB} MB`);
}

describe("first-load budgets (browser)", function () {
  this.timeout(240_000);
  let h: Harness;
  let w: Watched;
  const bodies = new Map<string, Promise<Buffer>>();

  before(async () => {
    h = await startHarness();
    w = await openPage(h);
    await w.context.addInitScript({ content: MARKS_INIT_SCRIPT });
    // WebXR emulation for the VR view below; an inline script, not a fetched one, so the first-load
    // figures are the app's own.
    await installIwer(w.page);
    // Sized from what the server sent (not from dist/, which a concurrent build may replace).
    w.page.on("response", (r) => {
      const url = new URL(r.url());
      if (url.origin === h.origin && url.pathname.endsWith(".js")) bodies.set(url.pathname, r.body());
    });
    // A quarter of the Quest 3's resolution: SwiftShader draws two eyes on two CPU cores.
    await gotoReady(w, h.origin, "/?automation=1&xrscale=0.25");
    await w.page.waitForFunction(() => (window as { __bench?: { scripts?: unknown } }).__bench?.scripts !== undefined, null, { timeout: 30_000 });
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => w.assertClean());

  it(`keeps all JavaScript fetched before ready within ${BUDGETS.firstLoadJsGzip / 1024} KB gzip`, async () => {
    const marks = await w.page.evaluate(readMarksInPage);
    const paths = [...new Set((marks.scripts ?? []).map((s) => s.path))];
    const html = await (await w.page.request.get(`${h.origin}/`)).text();
    const entry = scriptsOfIndex(html).map((s) => `/${s}`);
    for (const e of entry) assert.ok(paths.includes(e), `the page fetched the entry script ${e} (seen: ${paths.join(", ")})`);
    const sizes = [];
    for (const p of paths) {
      const body = bodies.get(p);
      assert.ok(body, `the response body of ${p} was captured`);
      sizes.push({ p, ...sizesOf(await body) });
    }
    const total = addSizes(sizes);
    const detail = sizes.map((x) => `${x.p} ${x.gzip} B`).join(", ");
    assert.ok(total.gzip <= BUDGETS.firstLoadJsGzip, `${paths.length} scripts before ready: ${total.gzip} B gzip <= ${BUDGETS.firstLoadJsGzip} (${detail})`);
  });

  it("fetches nothing from another origin while loading", () => {
    assert.equal(w.foreign.length, BUDGETS.requestsToOtherOrigins, `requests to other origins: ${w.foreign.join(" | ") || "none"}`);
  });

  it("keeps the plaza's first view within the desktop budgets, with at most 25 materials", async () => {
    const v = await measureView(w.page);
    assertDesktopView("plaza, first view", v);
    assert.ok(v.materials <= BUDGETS.plazaMaterials, `plaza materials ${v.materials} <= ${BUDGETS.plazaMaterials}`);
  });

  it("keeps the whole plaza seen from above within the desktop budgets", async () => {
    // High above the plaza's south edge, looking at its centre: every building and prop in view.
    await w.page.evaluate(() => window.__mpp!.viewFrom([0, 380, 320], [0, 0, 0]));
    const v = await measureView(w.page);
    const drawn = new Set((await w.page.evaluate(() => window.__mpp!.activeMeshList())).map((m) => m.name));
    await w.page.evaluate(() => window.__mpp!.goToSpawn());
    assertDesktopView("plaza from above", v);
    for (const batch of ["plaza-static-0", "plaza-static-1", "plaza-floors-0", "ground", "plaza-signs"]) {
      assert.ok(drawn.has(batch), `${batch} is in view from above (drawn: ${[...drawn].join(", ")})`);
    }
  });

  it("keeps an MPP hall within the desktop budgets", async () => {
    assert.ok(await w.page.evaluate(() => window.__mpp!.enterBuilding("3273")), "the hall loaded");
    const v = await measureView(w.page);
    await w.page.evaluate(() => window.__mpp!.leaveBuilding());
    assertDesktopView("inside MPP 3273", v);
  });

  it(`keeps VR at the hub within ${BUDGETS.vrHubDrawCalls} draw calls and ${BUDGETS.vrHubTriangles / 1000}k triangles for both eyes, ${BUDGETS.trianglesVr / 1000}k per eye, ${BUDGETS.textureMemoryBytes / MB} MB of textures`, async () => {
    // Back on the spawn point, facing the plaza, as a visitor who just put the headset on, with both
    // controllers held ahead in view (the most a visitor at the hub has in front of them).
    await w.page.evaluate(() => window.__mpp!.goToSpawn());
    await enterVr(w.page);
    await poseController(w.page, "left", [-0.2, 1.42, -0.38], -15);
    await poseController(w.page, "right", [0.2, 1.42, -0.38], -15);
    const v = await measureView(w.page);
    assert.equal(v.views, 2, "two views (eyes) were drawn");
    const shown = await w.page.evaluate(() => window.__mpp!.xr.controllers().filter((c) => c.model && c.model.meshes > 0).length);
    assert.equal(shown, 2, "both controller models are drawn");
    const pointing = await w.page.evaluate(() => window.__mpp!.xr.controllers().filter((c) => c.pointing).map((c) => c.hand));
    assert.deepEqual(pointing, ["right"], "one pointer ray, on the right hand");
    assert.ok(v.drawCalls <= BUDGETS.vrHubDrawCalls, `VR at the hub: ${v.drawCalls} draw calls (both eyes) <= ${BUDGETS.vrHubDrawCalls}`);
    assert.ok(v.activeTriangles <= BUDGETS.vrHubTriangles, `VR at the hub: ${v.activeTriangles} triangles (both eyes) <= ${BUDGETS.vrHubTriangles}`);
    assert.ok(v.activeTriangles / v.views <= BUDGETS.trianglesVr, `VR at the hub: ${Math.round(v.activeTriangles / v.views)} triangles per eye <= ${BUDGETS.trianglesVr}`);
    assert.ok(v.textureBytes <= BUDGETS.textureMemoryBytes, `VR at the hub: texture memory ${(v.textureBytes / MB).toFixed(1)} MB <= ${BUDGETS.textureMemoryBytes / MB} MB`);
    // CPU per frame (issue 18 point 4), held by counts: Babylon walks only the meshes that can be
    // drawn (not hidden ones nor glTF roots without geometry), and no second scene (Babylon's default
    // utility layer) is drawn after each frame.
    const c = await w.page.evaluate(() => window.__mpp!.sceneCounts());
    assert.ok(c.meshCandidates <= BUDGETS.vrHubMeshCandidates, `VR at the hub: ${c.meshCandidates} mesh candidates per view (of ${c.meshes} meshes) <= ${BUDGETS.vrHubMeshCandidates}`);
    assert.ok(c.meshCandidates < c.meshes, `hidden meshes and pick proxies are not candidates (${c.meshCandidates} of ${c.meshes})`);
    assert.equal(c.afterCameraRenderObservers, 0, "nothing is drawn after each camera's render (no utility layer scene)");
    await w.page.evaluate(() => window.__mpp!.xr.exit());
  });
});

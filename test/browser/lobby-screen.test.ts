// The portrait lobby screen (1080x1920, touch) as a visitor meets it (issue 20, point 8): the
// attract camera's path stays clear of every building, the on-screen keyboard's word keys hold
// their labels, and text is readable at arm's length (18 px or more) on every part of a visit.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { gotoReady, openPage, startHarness, type Harness, type Watched } from "./support/harness";
import { orbitPosition } from "../../src/app/lobby/attract-loop";

const MIN_TEXT_PX = 18;

/** Visible elements of #ui that hold text of their own, with their font size, under `MIN_TEXT_PX`. */
const smallText = (page: Page) => page.evaluate((min) => {
  const out: string[] = [];
  for (const e of document.querySelectorAll<HTMLElement>("#ui *")) {
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? "").trim().length > 0);
    if (!own || e.getClientRects().length === 0) continue;
    const s = getComputedStyle(e);
    if (s.visibility === "hidden" || e.closest(".mpp-visually-hidden, [hidden]")) continue;
    const px = parseFloat(s.fontSize);
    const what = `${e.tagName.toLowerCase()}.${[...e.classList].join(".")} ${px.toFixed(1)}px`;
    if (px < min - 0.01 && !out.some((o) => o.startsWith(what))) out.push(`${what}: "${(e.textContent ?? "").trim().slice(0, 30)}"`);
  }
  return out;
}, MIN_TEXT_PX);

describe("lobby screen in portrait, 1080x1920 (browser, touch)", function () {
  this.timeout(300_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h, { viewport: { width: 1080, height: 1920 }, hasTouch: true });
    await gotoReady(w, h.origin, "/?mode=kiosk&region=3273&idle=120&automation=1");
    await w.page.waitForFunction(() => window.__mpp!.lobbyState() === "attract", null, { timeout: 60_000 });
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("the attract camera circles the hub without passing through a building", async () => {
    const { page } = w;
    const orbit = await page.evaluate(() => window.__mpp!.lobbyOrbit());
    assert.ok(orbit, "the lobby has an attract orbit");
    const path = { ...orbit, periodS: 360 };
    const hits: string[] = [];
    for (let t = 0; t < 360; t += 2) {
      const p = orbitPosition(path, t);
      const inside = await page.evaluate((q) => window.__mpp!.buildingsAt(q), p);
      if (inside.length) hits.push(`${t}°: ${inside.join(",")}`);
    }
    assert.deepEqual(hits, [], `eye positions inside a building along the orbit (radius ${orbit.radius} m, height ${orbit.height} m)`);
    // The camera really follows that path (not some other one).
    const cam = await page.evaluate(() => window.__mpp!.cameraPosition());
    const r = Math.hypot(cam[0] - orbit.center[0], cam[2] - orbit.center[2]);
    assert.ok(Math.abs(r - orbit.radius) < 0.5, `the camera is on the orbit (${r.toFixed(1)} vs ${orbit.radius} m)`);
    assert.ok(Math.abs(cam[1] - orbit.center[1] - orbit.height) < 0.5, "at its height");
    // The nearest buildings stand inside the default 32 m circle's path: a clear orbit is tighter or higher.
    assert.ok(orbit.radius < 32 || orbit.height > 12, "the default orbit was changed to clear them");
  });

  it("shows the attract screen's text at 18 px or more", async () => {
    assert.deepEqual(await smallText(w.page), [], "text under 18 px on the attract screen");
  });

  it("fits the on-screen keyboard's word keys (Hapus semua) inside their keys", async () => {
    const { page } = w;
    await page.getByTestId("attract").tap();
    await page.waitForFunction(() => window.__mpp!.lobbyState() === "active", null, { timeout: 60_000 });
    await page.getByTestId("directory-toggle").tap();
    await page.locator(".mpp-osk").waitFor({ state: "visible", timeout: 30_000 });
    const spill = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".mpp-osk button")].filter((b) => b.getClientRects().length > 0).map((b) => {
      const box = b.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(b);
      const text = range.getBoundingClientRect();
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      return { label: (b.textContent ?? "").trim(), over: Math.max(box.left - text.left, text.right - box.right, box.top - text.top, text.bottom - box.bottom), lines, scroll: b.scrollWidth - b.clientWidth };
    }));
    const clear = spill.find((k) => /Hapus semua/.test(k.label));
    assert.ok(clear, "the Hapus semua key is shown");
    const bad = spill.filter((k) => k.over > 0.5 || k.lines > 1 || k.scroll > 0);
    assert.deepEqual(bad, [], "keys whose label spills out of them or wraps");
  });

  it("shows text at 18 px or more during a visit: directory, search results, a kiosk", async () => {
    const { page } = w;
    await page.locator(".mpp-directory input").fill("paspor");
    await page.locator(".mpp-directory [data-service-id]").first().waitFor({ timeout: 60_000 });
    assert.deepEqual(await smallText(page), [], "text under 18 px with the directory's results");
    await page.locator(".mpp-directory [data-service-id]").first().tap();
    await page.getByTestId("mirror-title").waitFor({ timeout: 60_000 });
    await page.locator("[data-testid=mirror-fee]").waitFor({ timeout: 60_000 });
    assert.deepEqual(await smallText(page), [], "text under 18 px with a kiosk open");
  });
});

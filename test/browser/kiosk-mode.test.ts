// The lobby touch screen as one stranger after another meets it (PRODUCT.md user 3), in
// headless chromium with touch emulation: attract loop, touch to start at the lobby's MPP,
// search with the on-screen keyboard, idle warning, and a reset that leaves nothing behind.
// MPP_DIST_DIR serves another build than dist/ (to test without disturbing a shared dist/).
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { build } from "../../src/server/app";
import { CHROMIUM, CHROMIUM_ARGS, openPage, gotoReady, withTestRenderScale, type Harness, type Watched } from "./support/harness";

// Long enough for a slow machine to load a service between two taps, short enough to wait for.
const IDLE_S = 15;
const BASE = `/?mode=kiosk&home=3273&idle=${IDLE_S}&automation=1`;

async function startKioskHarness(): Promise<Harness> {
  const app = await build({ dbPath: ":memory:", logger: false, ...(process.env.MPP_DIST_DIR ? { distDir: process.env.MPP_DIST_DIR } : {}) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1"] });
  return { app, origin: `http://localhost:${port}`, browser, async close() { await browser.close(); await app.close(); } };
}

describe("lobby kiosk mode (browser, touch)", function () {
  this.timeout(300_000);
  let h: Harness;
  let w: Watched;
  let historyLength = 0;

  before(async () => {
    h = await startKioskHarness();
    w = await openPage(h, { hasTouch: true, isMobile: false, viewport: { width: 1280, height: 800 } });
    await gotoReady(w, h.origin, BASE);
    await w.page.waitForFunction(() => window.__mpp!.lobbyState() !== null, null, { timeout: 30_000 });
    historyLength = await w.page.evaluate(() => history.length);
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("rests in the attract loop: both languages on screen, the camera orbiting the hub", async () => {
    const { page } = w;
    const attract = page.getByTestId("attract");
    await attract.waitFor({ state: "visible" });
    const text = await attract.textContent();
    assert.match(text ?? "", /Sentuh untuk mulai/, "Indonesian call to action");
    assert.match(text ?? "", /Touch to start/, "English call to action");
    const a = await page.evaluate(() => window.__mpp!.cameraPosition());
    // Wait for the tour by distance, not time: frames come slowly on a loaded machine without a GPU.
    await page.waitForFunction((from) => {
      const p = window.__mpp!.cameraPosition();
      return Math.hypot(p[0] - from[0]!, p[2] - from[2]!) > 0.2;
    }, a, { timeout: 30_000 }).catch(() => {}); // the assertion below says how far it got
    const b = await page.evaluate(() => window.__mpp!.cameraPosition());
    assert.ok(Math.hypot(a[0]! - b[0]!, a[2]! - b[2]!) > 0.2, `the camera moves along its tour (${a} -> ${b})`);
    const r = Math.hypot(b[0]!, b[2]!);
    assert.ok(r > 20 && r < 45, `the tour circles the hub at 20..45 m (${r.toFixed(1)} m)`);
    const classes = await page.evaluate(() => document.documentElement.className);
    assert.match(classes, /\btouch\b/, "large-target mode on");
    assert.match(classes, /\bkiosk\b/, "kiosk styles on");
    const viewport = await page.evaluate(() => document.querySelector('meta[name="viewport"]')?.getAttribute("content"));
    assert.match(viewport ?? "", /user-scalable=no/, "no pinch zoom of the page");
    const menuPrevented = await page.evaluate(() => !document.body.dispatchEvent(new MouseEvent("contextmenu", { bubbles: true, cancelable: true })));
    assert.ok(menuPrevented, "no context menu");
  });

  it("a touch starts the visit inside the lobby's own MPP", async () => {
    const { page } = w;
    await page.getByTestId("attract").tap();
    await page.waitForFunction(() => {
      const p = window.__mpp!.place();
      return p.kind === "building" && p.region === "3273";
    }, null, { timeout: 60_000 });
    assert.equal(await page.getByTestId("attract").isVisible(), false, "the attract overlay is gone");
    assert.equal(await page.evaluate(() => window.__mpp!.lobbyState()), "active", "the session is active");
  });

  it("has touch targets of at least 48 px", async () => {
    const sizes = await w.page.evaluate(() => [...document.querySelectorAll<HTMLElement>("#ui button")]
      .filter((b) => b.offsetParent !== null)
      .map((b) => { const r = b.getBoundingClientRect(); return { id: b.dataset.testid ?? b.textContent ?? "", w: r.width, h: r.height }; }));
    assert.ok(sizes.length > 3, `visible buttons found (${sizes.length})`);
    const small = sizes.filter((s) => s.w < 47.5 || s.h < 47.5);
    assert.deepEqual(small, [], "every visible button is at least 48 x 48 px");
  });

  it("searches with the on-screen keyboard, in English, and opens a service", async () => {
    const { page } = w;
    await page.getByTestId("lang-en").tap();
    await page.waitForFunction(() => document.documentElement.lang === "en");
    await page.getByTestId("directory-toggle").tap();
    await page.getByTestId("osk").waitFor({ state: "visible" });
    assert.equal(await page.getByTestId("search-input").getAttribute("inputmode"), "none", "the system keyboard stays away");
    for (const ch of "paspor") await page.getByTestId(`osk-key-${ch}`).tap();
    assert.equal(await page.getByTestId("search-input").inputValue(), "paspor", "typed with the keys");
    await page.getByTestId("search-result").first().waitFor({ timeout: 20_000 });
    const ids = await page.getByTestId("search-result").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.serviceId ?? ""));
    assert.ok(ids.length > 1, `passport services found (${ids.length})`);
    const target = ids.find((id) => id.startsWith("3273-")) ?? ids[0]!;
    await page.locator(`[data-testid=search-result][data-service-id="${target}"]`).tap();
    await page.getByTestId("mirror-fee").waitFor({ timeout: 30_000 });
    assert.ok(page.url().includes(`service=${target}`), "the URL names the service while it is shown");
    assert.equal(await page.evaluate(() => history.length), historyLength, "no history entry added at a kiosk");
  });

  it("warns when idle; Continue keeps the visit", async () => {
    const { page } = w;
    await page.getByTestId("idle-warning").waitFor({ state: "visible", timeout: (IDLE_S + 20) * 1000 });
    assert.match(await page.getByTestId("idle-text").textContent() ?? "", /Still there\?/, "the warning in the visitor's language");
    await page.getByTestId("idle-continue").tap();
    await page.getByTestId("idle-warning").waitFor({ state: "hidden" });
    assert.equal(await page.getByTestId("mirror-fee").isVisible(), true, "the service is still on screen");
  });

  it("resets after the countdown: no search, no kiosk, Indonesian, the kiosk's own URL, the attract loop", async () => {
    const { page } = w;
    await page.getByTestId("idle-warning").waitFor({ state: "visible", timeout: (IDLE_S + 20) * 1000 });
    await page.getByTestId("attract").waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForFunction(() => window.__mpp!.place().kind === "plaza", null, { timeout: 10_000 });
    assert.equal(await page.getByTestId("search-input").inputValue(), "", "search text cleared");
    assert.equal(await page.getByTestId("search-result").count(), 0, "search results cleared");
    assert.equal(await page.getByTestId("mirror-fee").count() === 0 || !(await page.getByTestId("mirror-fee").isVisible()), true, "the service panel is closed");
    assert.equal(await page.evaluate(() => document.documentElement.lang), "id", "back to Indonesian");
    assert.equal(await page.evaluate(() => localStorage.getItem("mpp.lang")), null, "the language was never remembered");
    const url = new URL(page.url());
    assert.equal(url.pathname + url.search, withTestRenderScale(BASE), "the URL is the kiosk's base URL");
    assert.equal(await page.evaluate(() => history.length), historyLength, "no history to go back into");
    assert.equal(await page.getByTestId("directory-panel").isVisible(), false, "the directory is closed");
    assert.equal(await page.getByTestId("osk").isVisible(), false, "the keyboard is closed");
    assert.equal(await page.evaluate(() => window.__mpp!.lobbyState()), "attract", "the attract loop runs");
  });
});

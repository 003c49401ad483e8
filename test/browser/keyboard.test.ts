// The 3D app with the keyboard alone (issue 20, point 1; WCAG 2.1.1, 2.1.2, 2.4.1, 2.4.3, 2.4.7):
// Tab leaves the canvas, a skip link leads past it, every focused control shows a ring drawn above
// the 3D view, closing a kiosk gives focus back so the walking keys work again, and a deep link's
// kiosk keeps its focus and closes with Escape.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { gotoReady, openPage, startHarness, type Harness, type Watched } from "./support/harness";

const SERVICE = "3273-imigrasi-paspor-biasa";

const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return { tag: a?.tagName ?? "", id: a?.id ?? "", testid: a?.dataset.testid ?? "" };
});

/** The focus indicator of the focused element: its outline, and whether the element is above the canvas. */
const ring = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement;
  const s = getComputedStyle(a);
  const r = a.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), offset: parseFloat(s.outlineOffset), onTop: top === a || a.contains(top), w: r.width, h: r.height, x: r.left, y: r.top };
});

/** Holds W for a few frames; returns how far the visitor walked. */
async function walk(page: Page): Promise<number> {
  const a = await page.evaluate(() => window.__mpp!.cameraPosition());
  await page.keyboard.down("w");
  await page.evaluate(() => window.__mpp!.frames(4));
  await page.keyboard.up("w");
  await page.evaluate(() => window.__mpp!.frames(1));
  const b = await page.evaluate(() => window.__mpp!.cameraPosition());
  return Math.hypot(b[0] - a[0], b[2] - a[2]);
}

describe("keyboard and focus (browser)", function () {
  this.timeout(300_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h, { viewport: { width: 1280, height: 800 } });
    await gotoReady(w, h.origin);
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("Tab leaves the 3D canvas for the toolbar, and Shift+Tab reaches a visible skip link", async () => {
    const { page } = w;
    await page.locator("#scene").focus();
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).testid, "directory-toggle", "Tab from the canvas lands on the toolbar's first button");
    await page.keyboard.press("Shift+Tab");
    assert.equal((await focused(page)).id, "scene", "Shift+Tab goes back to the canvas");
    const canvasRing = await ring(page);
    assert.equal(canvasRing.style, "solid", "the focused canvas shows a ring");
    assert.ok(canvasRing.width >= 3 && canvasRing.offset <= -canvasRing.width, `the canvas' ring is drawn inside its edge, over its pixels (${canvasRing.width} px at ${canvasRing.offset})`);
    await page.keyboard.press("Shift+Tab");
    assert.equal((await focused(page)).testid, "skip-link", "before the canvas: the skip link");
    const skip = await ring(page);
    assert.ok(skip.onTop && skip.w > 40 && skip.h > 20 && skip.x >= 0 && skip.y >= 0, `the focused skip link is on screen and on top (${JSON.stringify(skip)})`);
    assert.match(await page.getByTestId("skip-link").textContent() ?? "", /menu/i, "it says where it leads");
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).testid, "directory-toggle", "the skip link leads to the toolbar");
  });

  it("shows a focus ring on every toolbar control, above the 3D view", async () => {
    const { page } = w;
    await page.getByTestId("skip-link").focus();
    await page.keyboard.press("Enter");
    const seen: string[] = [];
    for (let i = 0; i < 8; i++) {
      const f = await focused(page);
      if (!f.testid || seen.includes(f.testid)) break;
      seen.push(f.testid);
      const r = await ring(page);
      assert.equal(r.style, "solid", `${f.testid}: an outline when focused`);
      assert.ok(r.width >= 2, `${f.testid}: outline at least 2 px (${r.width})`);
      assert.ok(r.onTop, `${f.testid}: nothing (the canvas) lies over it`);
      await page.keyboard.press("Tab");
    }
    assert.ok(seen.includes("lang-id") && seen.includes("lang-en"), `the language buttons are reached (${seen})`);
  });

  it("names the language buttons by their visible text (WCAG 2.5.3)", async () => {
    for (const l of ["id", "en"]) {
      const b = w.page.getByTestId(`lang-${l}`);
      const visible = (await b.textContent() ?? "").trim();
      const name = await b.getAttribute("aria-label") ?? visible;
      assert.ok(visible.length > 0 && name.toLowerCase().startsWith(visible.toLowerCase()), `"${name}" starts with the visible "${visible}"`);
    }
  });

  it("a kiosk opened from the directory closes with Escape; focus returns and W walks again", async () => {
    const { page } = w;
    await page.evaluate(() => window.__mpp!.goToBuilding("3273"));
    await page.locator("#scene").focus();
    await page.keyboard.press("/");
    await page.keyboard.type("paspor");
    await page.locator(".mpp-directory [data-service-id]").first().waitFor({ timeout: 60_000 });
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__mpp!.kiosk()?.title !== undefined, null, { timeout: 60_000 });
    await page.getByTestId("mirror-title").waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.getElementById("mpp-mirror")?.contains(document.activeElement) === true, null, { timeout: 30_000 });
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => window.__mpp!.kiosk() === null, null, { timeout: 30_000 });
    const f = await focused(page);
    assert.notEqual(f.tag, "BODY", "focus is not dropped on <body>");
    assert.equal(f.id, "scene", "the directory closed with the choice, so focus returns to the 3D view");
    const moved = await walk(page);
    assert.ok(moved > 0.3, `W walks again after closing (${moved.toFixed(2)} m)`);
  });

  it("the kiosk's Tutup button gives focus back too", async () => {
    const { page } = w;
    await page.goto(`${h.origin}/?automation=1&region=3273&service=${SERVICE}`);
    await page.waitForFunction(() => window.__mpp !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => window.__mpp!.ready);
    await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
    await page.getByTestId("mirror-action-close").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__mpp!.kiosk() === null, null, { timeout: 30_000 });
    assert.equal((await focused(page)).id, "scene", "Tutup returns focus to the 3D view");
    const moved = await walk(page);
    assert.ok(moved > 0.3, `W walks after Tutup (${moved.toFixed(2)} m)`);
  });

  it("after a deep link the kiosk keeps focus (the canvas does not take it back) and Escape closes it", async () => {
    const { page } = w;
    await gotoReady(w, h.origin, `/?automation=1&region=3273&service=${SERVICE}`);
    await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
    await page.evaluate(() => window.__mpp!.frames(3));
    const f = await focused(page);
    assert.equal(f.testid, "mirror-title", `the kiosk's title has focus after loading (${JSON.stringify(f)})`);
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => window.__mpp!.kiosk() === null, null, { timeout: 30_000 });
    assert.equal((await focused(page)).id, "scene", "focus goes to the 3D view");
    // And with focus on the canvas, Escape closes a kiosk too (its hint says "Escape to close").
    await page.goto(`${h.origin}/?automation=1&region=3273&service=${SERVICE}`);
    await page.waitForFunction(() => window.__mpp !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => window.__mpp!.ready);
    await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
    await page.locator("#scene").focus();
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => window.__mpp!.kiosk() === null, null, { timeout: 30_000 });
    assert.equal((await focused(page)).id, "scene", "focus stays on the 3D view");
  });
});

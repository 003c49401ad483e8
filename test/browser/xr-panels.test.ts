// The kiosk panel and the VR menu as a headset visitor meets them (issue 20 point 2, VR): a long kiosk
// title wraps inside the panel with every word shown, and the menu opened over an open kiosk is drawn
// alone, opaque and over the world, even where a counter stands nearer than the menu.
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, type Harness, type Watched } from "./support/harness";
import { installIwer, xrFrames, button, aimAtControl } from "./support/iwer";
import type { Page } from "playwright-core";

/** Pulls the right trigger, a few frames apart (a click on what it points at). */
async function pull(page: Page): Promise<void> {
  await xrFrames(page, 6);
  await button(page, "right", "trigger", 1);
  await xrFrames(page, 4);
  await button(page, "right", "trigger", 0);
  await xrFrames(page, 6);
}

async function pressMenuButton(page: Page): Promise<void> {
  await button(page, "left", "y-button", 1);
  await xrFrames(page, 3);
  await button(page, "left", "y-button", 0);
  await xrFrames(page, 3);
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).join(" ");

describe("VR panels: kiosk titles and the menu over a kiosk (browser, iwer)", function () {
  this.timeout(300_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h);
    await installIwer(w.page);
    await gotoReady(w, h.origin, "/?automation=1&xrscale=0.25");
    await w.page.evaluate(() => window.__mpp!.enterXR());
    await w.page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 90_000 });
    await xrFrames(w.page, 5);
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => w.assertClean());

  it("wraps the longest agency name in its kiosk's title, within the panel, every word shown", async () => {
    const { page } = w;
    // Kabupaten Bandung Barat's investment and one-stop service office has the longest agency name.
    assert.equal(await page.evaluate(() => window.__mpp!.openService("3217-dpmptsp-nib")), true, "the service's counter opened");
    await page.waitForFunction(() => window.__mpp!.kiosk()?.status === "ready" && window.__mpp!.panelDrawn(), null, { timeout: 60_000 });
    await xrFrames(page, 6);
    // Back to the agency's list of services, by pointing at Kembali: its title is the agency's name.
    await aimAtControl(page, "right", "kiosk-panel", "action-back");
    await pull(page);
    await page.waitForFunction(() => window.__mpp!.kiosk()?.screen.kind === "services" && window.__mpp!.kiosk()?.status === "ready", null, { timeout: 30_000 });
    await xrFrames(page, 6);
    const title = (await page.evaluate(() => window.__mpp!.kiosk()!.title));
    assert.ok(title.length > 60, `a long title: "${title}"`);
    const header = await page.evaluate(() => window.__mpp!.panelHeader());
    assert.ok(header, "the panel's header is drawn");
    const drawn = header.texts[0]!;
    assert.equal(drawn.text, title, "the header's first text is the kiosk's title");
    assert.ok(drawn.lines.length >= 2, `the title is wrapped over ${drawn.lines.length} lines`);
    assert.equal(words(drawn.lines.map((l) => l.text).join(" ")), words(title), "its lines hold every word of the title, none cut");
    assert.ok(drawn.width <= header.room + 0.5, `the title's block (${drawn.width} px) fits in the header's room (${header.room} px)`);
    for (const line of drawn.lines) {
      assert.ok(line.width <= drawn.width + 0.5, `line "${line.text}" (${Math.round(line.width)} px) fits its block (${drawn.width} px)`);
    }
  });

  it("opening the menu over an open kiosk hides the kiosk; the menu is opaque and drawn over the world", async () => {
    const { page } = w;
    assert.ok(await page.evaluate(() => window.__mpp!.panelDrawn()), "a kiosk is open");
    await pressMenuButton(page);
    assert.equal(await page.evaluate(() => window.__mpp!.xr.menuVisible()), true, "the menu is shown");
    assert.equal(await page.evaluate(() => window.__mpp!.kiosk()), null, "the kiosk closed as the menu opened");
    assert.equal(await page.evaluate(() => window.__mpp!.panelDrawn()), false, "its panel is no longer drawn behind the menu");
    const cover = await page.evaluate(() => window.__mpp!.xr.menuCover());
    assert.ok(cover, "the menu's cover is measured");
    assert.ok(cover.opaque, "the menu's background is opaque");
    assert.ok(!cover.world.some((m) => m.name === "kiosk-panel"), "the kiosk panel is not before the menu");
    await pressMenuButton(page);
    assert.equal(await page.evaluate(() => window.__mpp!.xr.menuVisible()), false, "Y closes the menu again");
  });

  it("a counter nearer than the menu is drawn under it, not through it", async () => {
    const { page } = w;
    const kiosk = await page.evaluate(() => window.__mpp!.kiosks().find((k) => k.agency === "dpmptsp") ?? null);
    assert.ok(kiosk, "the building has the agency's counter");
    // Right at the counter: its board and desk stand between the eyes and where the menu opens.
    await page.evaluate((id) => window.__mpp!.standInFront(id, 0.2), kiosk.id);
    // The controllers are held at the eyes here: the headset's frames must go on (Babylon once threw
    // in every XR frame projecting a controller at the eye, and the view froze).
    const drawn = await page.evaluate(() => Promise.race([
      window.__mpp!.frames(6).then(() => "frames"),
      new Promise<string>((r) => setTimeout(() => r("no frame in 60 s"), 60_000)),
    ]));
    assert.equal(drawn, "frames", `the headset keeps drawing at the counter (${w.consoleErrors.slice(-1).join("")})`);
    await pressMenuButton(page);
    const cover = await page.evaluate(() => window.__mpp!.xr.menuCover());
    assert.ok(cover, "the menu is open");
    assert.ok(cover.world.length > 0, "the counter stands between the eyes and the menu (what this test is about)");
    const over = cover.world.filter((m) => m.group >= cover.group);
    assert.deepEqual(over, [], `every one of them (${cover.world.map((m) => m.name).join(", ")}) is drawn before the menu's group ${cover.group}`);
    await pressMenuButton(page);
  });
});

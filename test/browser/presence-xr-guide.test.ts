// A guide in VR (Meta's iwer emulating a Quest 3) with two desktop visitors (issue 16, points 1,
// 3 and 9): the guide's controllers travel in the pose message and the visitors draw them as hands;
// the guide gathers from the VR menu: one visitor lets the countdown run and stands by the guide,
// the other cancels and stays where they were; then, from the menu's tools page and by pointer
// only, the guide gives a visitor the word, switches names off, locks the room and removes one.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { startHarness, openPage, hookReady, type Harness, type Watched } from "./support/harness";
import { until } from "./support/until";
import { aimAtControl, button, installIwer, poseController, xrFrames } from "./support/iwer";

const PIN = "vr-guide-77";

const presence = (p: Page) => p.evaluate(() => window.__mpp!.presence());
const eye = (p: Page) => p.evaluate(() => window.__mpp!.cameraPosition());
const flat = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[2]! - b[2]!);

/** Opens the VR menu with the menu button (Y on the left controller), as a guide would anywhere. */
async function openMenu(page: Page): Promise<void> {
  await button(page, "left", "y-button", 1);
  await xrFrames(page, 4);
  await button(page, "left", "y-button", 0);
  await page.waitForFunction(() => window.__mpp!.xr.menuVisible(), null, { timeout: 60_000 });
}

/** The last menu control aimed at: said when a test fails. */
let lastPick = "";

/** Points the right controller at a control of the VR menu, once it is drawn, and pulls the trigger. */
async function pick(page: Page, name: string): Promise<void> {
  lastPick = name;
  await until(page, `the menu shows ${name}`, () => page.evaluate((n) => window.__mpp!.xr.menuControlCenter(n), name), (c) => c !== null, 60_000);
  await xrFrames(page, 2);
  await aimAtControl(page, "right", "xr-menu", name);
  await xrFrames(page, 6);
  await button(page, "right", "trigger", 1);
  await xrFrames(page, 4);
  await button(page, "right", "trigger", 0);
  await xrFrames(page, 4);
}

describe("presence (browser): a guide in VR gathers desktop visitors", function () {
  this.timeout(600_000);
  let h: Harness;
  let g: Watched;
  let v1: Watched;
  let v2: Watched;
  let gid = "";

  before(async () => {
    h = await startHarness({ presence: { tickMs: 50, guidePin: PIN } });
    g = await openPage(h);
    await installIwer(g.page);
    v1 = await openPage(h);
    v2 = await openPage(h);
    await g.page.goto(h.origin + "/?automation=1&xrscale=0.25", { timeout: 180_000 });
    await hookReady(g.page, 180_000);
    for (const w of [v1, v2]) {
      await w.page.goto(h.origin + "/?automation=1", { timeout: 180_000 });
      await hookReady(w.page, 180_000);
    }
    for (const w of [g, v1, v2]) await w.page.evaluate(() => window.__mpp!.presenceJoin(null));
    for (const w of [g, v1, v2]) await until(w.page, "all three together", () => presence(w.page), (s) => s.connected && s.peers.length === 2, 120_000);
    gid = (await presence(g.page)).you!.id;
    await g.page.evaluate((pin) => window.__mpp!.tourClaim(pin), PIN);
    await until(g.page, "g is a guide", () => g.page.evaluate(() => window.__mpp!.tour()), (t) => t.guide);
    await g.page.getByTestId("xr-button").click();
    await g.page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 90_000 });
    await xrFrames(g.page, 5);
  });
  after(async () => {
    await h?.close();
  });
  afterEach(function () {
    if (this.currentTest?.state === "failed") console.error(`presence-xr-guide: the last menu control picked was ${lastPick || "none"}`);
    for (const w of [g, v1, v2]) w.assertClean();
  });

  it("sends the guide's controllers with the head; the visitors draw both hands", async () => {
    await poseController(g.page, "left", [-0.25, 1.2, -0.4], -20);
    await poseController(g.page, "right", [0.25, 1.2, -0.4], -20);
    await xrFrames(g.page, 10);
    const seen = await until(v1.page, "v1 draws the guide's hands", () => presence(v1.page), (s) => s.peers.find((p) => p.id === gid)?.hands === 2);
    const guide = seen.peers.find((p) => p.id === gid)!;
    assert.equal(guide.role, "guide", "the figure with hands is the guide's");
    const v2Guide = await until(v2.page, "v2 too", () => presence(v2.page), (s) => s.peers.find((p) => p.id === gid)?.hands === 2);
    assert.ok(v2Guide.peers.find((p) => p.id !== gid)!.hands === 0, "a desktop visitor has no hands drawn");
  });

  it("gathers from the VR menu: one visitor comes, the one who cancels stays", async () => {
    // The visitors start elsewhere on the plaza: away from the guide at the hub.
    await v1.page.evaluate(() => window.__mpp!.goToBuilding("3204"));
    await v2.page.evaluate(() => window.__mpp!.goToBuilding("3273"));
    const v2Before = await eye(v2.page);
    // v2 presses Batal as soon as the banner shows (the 5 s countdown is short on a loaded machine).
    const cancelled = v2.page.evaluate(() => new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const banner = document.querySelector<HTMLElement>("[data-testid=tour-countdown]");
        if (!banner || banner.hidden) return;
        clearInterval(timer);
        document.querySelector<HTMLButtonElement>("[data-testid=tour-cancel]")!.click();
        resolve();
      }, 30);
    }));
    await openMenu(g.page);
    await pick(g.page, "xr-guide-gather");
    await cancelled;
    const gEye = await eye(g.page);
    const v1At = await until(v1.page, "v1 was gathered to the guide", () => eye(v1.page), (p) => flat(p, gEye) < 2.6, 60_000);
    assert.ok(flat(v1At, gEye) > 1.0, `v1 stands beside the guide, not inside (${flat(v1At, gEye).toFixed(2)} m)`);
    const replies = await until(g.page, "the guide hears both answers", () => g.page.evaluate(() => window.__mpp!.tour()), (s) => s.replies.accepted + s.replies.cancelled === 2);
    assert.deepEqual(replies.replies, { accepted: 1, cancelled: 1 }, "one came, one cancelled");
    const v2After = await eye(v2.page);
    assert.ok(flat(v2After, v2Before) < 0.5, "the visitor who cancelled stayed where they were");
  });

  it("gives the word, switches names off, locks the room and removes a visitor from the VR menu", async function () {
    this.timeout(900_000); // six pointer presses, each a few XR frames, on a loaded machine
    const id1 = (await presence(v1.page)).you!.id;
    const id2 = (await presence(v2.page)).you!.id;
    await openMenu(g.page);
    await pick(g.page, "xr-guide-tools");
    await pick(g.page, `xr-guide-floor-${id1}`);
    await until(v1.page, "v1 has the word", () => v1.page.evaluate(() => window.__mpp!.voice()), (s) => s.floor);
    assert.equal(await g.page.evaluate(() => window.__mpp!.xr.menuVisible()), true, "the tools page stays open for the next action");
    await pick(g.page, "xr-guide-names");
    await until(v2.page, "names are off for v2", () => v2.page.evaluate(() => window.__mpp!.guideTools()), (s) => !s.namesAllowed);
    await pick(g.page, "xr-guide-lock");
    const locked = await until(v2.page, "v2 sees the room locked", () => v2.page.evaluate(() => window.__mpp!.tour()), (s) => s.locked);
    assert.equal(locked.locked, true, "locked from the headset");
    await pick(g.page, `xr-guide-remove-${id2}`);
    // The unit test reads the button's "Yakin? Keluarkan"; here: nothing reached the server.
    await xrFrames(g.page, 10);
    assert.equal((await presence(v2.page)).connected, true, "a first press removes nobody");
    await pick(g.page, `xr-guide-remove-${id2}`);
    const gone = await until(v2.page, "v2 was removed", () => v2.page.evaluate(() => window.__mpp!.guideTools()), (s) => s.notice === "notice.removed");
    assert.equal(gone.notice, "notice.removed", "the removed visitor is told why");
    const left = await until(g.page, "the guide sees v2 gone", () => presence(g.page), (s) => !s.peers.some((p) => p.id === id2));
    assert.deepEqual(left.peers.map((p) => p.id), [id1], "only v1 is left with the guide");
    await until(g.page, "the menu's list drops v2", () => g.page.evaluate((n) => window.__mpp!.xr.menuControlCenter(n), `xr-guide-visitor-${id2}-label`), (c) => c === null);
  });
});

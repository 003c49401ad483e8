// Finding the way and the phone (issue 20 points 5 and 6), as a visitor meets them: the first view
// at the hub, the map table, the exit and "Ke plaza" inside, a search jump's standing spot; then a
// 390x844 touch phone: its help, the joystick walking the viewer, target sizes, kiosk sheet vs panel.
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, hookReady, type Harness, type Watched } from "./support/harness";
import type { Page } from "playwright-core";

type V = [number, number, number];
const flat = (a: V, b: V) => Math.hypot(a[0] - b[0], a[2] - b[2]);

async function tapAt(page: Page, p: V): Promise<void> {
  await page.evaluate(() => window.__mpp!.frames(2));
  const s = await page.evaluate((q) => window.__mpp!.screenPoint(q), p);
  assert.ok(s, `point ${p.map((x) => x.toFixed(1)).join(",")} is in view`);
  await page.mouse.click(s[0], s[1]);
}

describe("finding the way and the phone (browser)", function () {
  this.timeout(300_000);
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  describe("desktop 1280x800", () => {
    let w: Watched;
    before(async () => {
      w = await openPage(h, { viewport: { width: 1280, height: 800 } });
      w.page.setDefaultNavigationTimeout(120_000); // a loaded 2-core machine
      await gotoReady(w, h.origin);
    });
    afterEach(() => w.assertClean());

    it("starts looking onto the map table with the plaza beyond, and walking into it stops at its edge", async () => {
      const { page } = w;
      const pasted = await page.evaluate(() => ["3273", "3214", "3201"].map((c) => window.__mpp!.screenPoint(window.__mpp!.mapPoint(c)!)));
      for (const s of pasted) {
        assert.ok(s && s[0] > 0 && s[0] < 1280 && s[1] > 80 && s[1] < 800, `a region's marker on the map is in the first view (${s?.map(Math.round).join(",")})`);
      }
      const table = await page.evaluate(() => window.__mpp!.mapPoint("3273"));
      assert.ok(table, "the plaza has a map table");
      await page.locator("#scene").focus();
      await page.keyboard.down("w");
      await page.evaluate(() => window.__mpp!.frames(12));
      await page.keyboard.up("w");
      await page.evaluate(() => window.__mpp!.frames(3));
      const eye = await page.evaluate(() => window.__mpp!.cameraPosition());
      // The table's top is about 4.7 m deep around the hub's centre: the visitor stays in front of it.
      assert.ok(eye[2] > 2.5, `walking north stopped at the table's near edge (z ${eye[2].toFixed(2)} > 2.5)`);
      assert.ok(eye[1] < 2.2, `the eye did not climb onto the table (y ${eye[1].toFixed(2)})`);
      await page.evaluate(() => window.__mpp!.goToSpawn());
    });

    it("a tap on a region of the map table goes to that MPP's door (Purwakarta, 90 m away) at once, not by a glide", async () => {
      const { page } = w;
      await page.evaluate(() => window.__mpp!.goToSpawn());
      const mark = (await page.evaluate(() => window.__mpp!.mapPoint("3214")))!;
      await tapAt(page, mark);
      await page.waitForFunction(() => { const p = window.__mpp!.place(); return p.kind === "plaza" && p.near === "3214"; }, null, { timeout: 20_000 });
      const eye = await page.evaluate(() => window.__mpp!.cameraPosition());
      const door = await page.evaluate(() => { window.__mpp!.goToBuilding("3214"); return window.__mpp!.cameraPosition(); });
      assert.ok(flat(eye, door) < 0.5, `stood where the door is approached (${flat(eye, door).toFixed(2)} m off)`);
      assert.ok(Math.hypot(eye[0], eye[2]) > 30, `far from the hub (${Math.hypot(eye[0], eye[2]).toFixed(0)} m)`);
    });

    it("inside, the exit is marked over its door and a tap on the sign leaves; 'Ke plaza' in the toolbar leaves too", async () => {
      const { page } = w;
      assert.equal(await page.locator('[data-testid="to-plaza"]').count(), 0, "no 'Ke plaza' on the plaza");
      await page.evaluate(() => window.__mpp!.enterBuilding("3273"));
      const sign = (await page.evaluate(() => window.__mpp!.exitSign()))!;
      assert.ok(sign && sign[1] > 2.8, `an exit sign over the door (${sign?.map((x) => x.toFixed(1)).join(",")})`);
      // Face the exit from the middle of the hall.
      await page.evaluate((s) => window.__mpp!.viewFrom([s[0], 1.6, s[2] - 7], [s[0], s[1], s[2]]), sign);
      await tapAt(page, sign);
      await page.waitForFunction(() => window.__mpp!.place().kind === "plaza", null, { timeout: 20_000 });
      await page.evaluate(() => window.__mpp!.enterBuilding("3273"));
      const button = page.locator('[data-testid="to-plaza"]');
      assert.equal(await button.textContent(), "Ke plaza", "the toolbar offers 'Ke plaza' inside");
      await button.click();
      await page.waitForFunction(() => window.__mpp!.place().kind === "plaza", null, { timeout: 20_000 });
      assert.equal(await button.count(), 0, "gone again on the plaza");
    });

    it("a search jump stands the visitor at the counter facing it with room, and the 3D panel is drawn on a desktop", async () => {
      const { page } = w;
      await page.goto(`${h.origin}/?automation=1&service=3273-imigrasi-paspor-biasa`);
      await hookReady(page);
      await page.waitForFunction(() => window.__mpp!.kiosk()?.status === "ready", null, { timeout: 30_000 });
      const eye = await page.evaluate(() => window.__mpp!.cameraPosition());
      const k = await page.evaluate(() => window.__mpp!.kiosks().find((x) => x.agency === "imigrasi")!);
      const d = flat(eye, k.center);
      assert.ok(d >= 2.3, `${d.toFixed(2)} m from the kiosk: room to see the counter`);
      // Facing the counter: the view runs against the kiosk's normal (a side step of 0.6 m keeps it parallel).
      const f = await page.evaluate(() => window.__mpp!.viewDirection());
      const facing = -(f[0] * k.normal[0] + f[2] * k.normal[2]);
      assert.ok(facing > 0.95, `facing the counter (cosine ${facing.toFixed(2)})`);
      assert.equal(await page.evaluate(() => window.__mpp!.panelDrawn()), true, "the 3D panel is drawn beside the page copy on a desktop");
    });
  });

  describe("phone 390x844, touch", () => {
    let w: Watched;
    before(async () => {
      w = await openPage(h, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
      w.page.setDefaultNavigationTimeout(120_000);
      await gotoReady(w, h.origin);
    });
    afterEach(() => w.assertClean());

    it("tells how to walk by touch, never WASD or clicks", async () => {
      const help = (await w.page.locator('[data-testid="hud-help"]').textContent()) ?? "";
      assert.doesNotMatch(help, /WASD|panah|klik/i, `no desktop controls in "${help}"`);
      assert.match(help, /Joystick/, "names the joystick");
      assert.match(help, /ketuk/i, "says to tap");
    });

    it("walks with the on-screen joystick (a real touch drag)", async () => {
      const { page, context } = w;
      const pad = page.locator('[data-testid="joystick"]');
      assert.equal(await pad.isVisible(), true, "the joystick is on by default on a touch phone");
      await page.evaluate(() => window.__mpp!.goToBuilding("3273"));
      const before = await page.evaluate(() => window.__mpp!.cameraPosition());
      const box = (await pad.boundingBox())!;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      const cdp = await context.newCDPSession(page);
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: cx, y: cy }] });
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x: cx, y: cy - box.height * 0.45 }] });
      await page.evaluate(() => window.__mpp!.frames(8));
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      await page.evaluate(() => window.__mpp!.frames(3));
      const after = await page.evaluate(() => window.__mpp!.cameraPosition());
      const moved = flat(before, after);
      assert.ok(moved > 0.3, `the joystick walked the visitor ${moved.toFixed(2)} m`);
      // Pushed up: along the view (toward the door goBuilding faced), not sideways or back.
      const f = await page.evaluate(() => window.__mpp!.viewDirection());
      const ahead = ((after[0] - before[0]) * f[0] + (after[2] - before[2]) * f[2]) / moved;
      assert.ok(ahead > 0.8, `walked forward (cosine to the view ${ahead.toFixed(2)})`);
      const rest = await page.evaluate(() => window.__mpp!.cameraPosition());
      await page.evaluate(() => window.__mpp!.frames(4));
      const still = await page.evaluate(() => window.__mpp!.cameraPosition());
      assert.ok(flat(rest, still) < 0.2, "released: the visitor stops");
    });

    it("makes every button at least 44 px high (48 px targets for a finger)", async () => {
      const heights = await w.page.evaluate(() => [...document.querySelectorAll<HTMLElement>("#ui button")]
        .filter((b) => b.offsetParent !== null)
        .map((b) => ({ id: b.dataset.testid ?? b.textContent ?? "", h: b.getBoundingClientRect().height })));
      assert.ok(heights.length >= 4, `buttons measured: ${heights.length}`);
      for (const b of heights) assert.ok(b.h >= 44, `${b.id}: ${b.h.toFixed(0)} px >= 44`);
    });

    it("shows a kiosk as a sheet of at most half the screen and holds the 3D panel back: neither hides the other", async () => {
      const { page } = w;
      await page.goto(`${h.origin}/?automation=1&service=3273-imigrasi-paspor-biasa`);
      await hookReady(page);
      await page.waitForFunction(() => window.__mpp!.kiosk()?.status === "ready", null, { timeout: 30_000 });
      const sheet = (await page.locator(".mpp-mirror").boundingBox())!;
      assert.ok(sheet, "the kiosk's sheet is shown");
      assert.ok(sheet.y + sheet.height <= 844 + 1 && sheet.y >= 0, "the sheet is on screen");
      assert.ok(sheet.height <= 844 * 0.55, `the sheet takes at most about half the height (${sheet.height.toFixed(0)} px)`);
      assert.equal(await page.evaluate(() => window.__mpp!.panelDrawn()), false, "the 3D panel is not drawn behind the sheet");
      // Not yet: the counter itself above the sheet (measured 2026-12-07: its kiosk at y 467, the
      // sheet's top at 396): on a phone the view should tilt so the counter shows above the sheet.
      const pad = await page.locator('[data-testid="joystick"]').boundingBox();
      // What a finger where they meet touches (comparing z-index values read 'auto' as NaN).
      const top = pad ? Math.max(pad.y, sheet.y) : 0;
      const bottom = pad ? Math.min(pad.y + pad.height, sheet.y + sheet.height) : 0;
      const hiddenUnder = pad && bottom > top ? await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest(".mpp-mirror"), [pad.x + pad.width / 2, (top + bottom) / 2]) : true;
      assert.ok(hiddenUnder, "where the pad and the sheet meet, the sheet is on top");
    });
  });
});

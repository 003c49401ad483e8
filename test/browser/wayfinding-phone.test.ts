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
      // The 3D panel is read on a desktop: the visitor stands where it fits whole beside the page's
      // copy (viewer/kiosk-layout.ts), not pressed against the counter.
      assert.ok(d >= 1.5, `${d.toFixed(2)} m from the kiosk: not pressed against the counter`);
      const rect = (await page.evaluate(() => window.__mpp!.panelScreenRect()))!;
      const copy = (await page.getByTestId("mirror-panel").boundingBox())!;
      assert.ok(rect.left >= -1 && rect.right <= copy.x + 1 && rect.top >= 0 && rect.bottom <= 801, `the 3D panel lies whole beside the copy (${rect.left.toFixed(0)}..${rect.right.toFixed(0)} x ${rect.top.toFixed(0)}..${rect.bottom.toFixed(0)})`);
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
      // Frame by frame until the visitor has walked half a metre: the door is 4 m ahead, and a
      // fixed count of frames, each longer under load, could carry the visitor into it.
      for (let i = 0; i < 30; i++) {
        await page.evaluate(() => window.__mpp!.frames(1));
        if (flat(before, await page.evaluate(() => window.__mpp!.cameraPosition())) > 0.5) break;
      }
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
      await page.evaluate(() => window.__mpp!.frames(3));
      const after = await page.evaluate(() => window.__mpp!.cameraPosition());
      const moved = flat(before, after);
      assert.equal((await page.evaluate(() => window.__mpp!.place())).kind, "plaza", "still on the plaza, short of the door");
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

    it("a search jump to a service: the sheet takes the lower half, the counter shows whole above it, the 3D panel held back", async () => {
      const { page } = w;
      // As a visitor does it, from the plaza where the joystick left them: Direktori, type, tap the first hit.
      await page.getByTestId("directory-toggle").tap();
      await page.getByTestId("search-input").fill("paspor");
      const hit = page.getByTestId("search-result").first();
      await hit.waitFor({ timeout: 60_000 });
      await hit.tap();
      await page.waitForFunction(() => window.__mpp!.kiosk()?.status === "ready" && window.__mpp!.kiosk()?.screen.kind === "service", null, { timeout: 60_000 });
      await page.getByTestId("mirror-fee").waitFor({ timeout: 30_000 });
      await page.evaluate(() => window.__mpp!.frames(4));
      const sheet = (await page.locator(".mpp-mirror").boundingBox())!;
      assert.ok(sheet, "the kiosk's sheet is shown");
      assert.ok(sheet.y + sheet.height <= 844 + 1 && sheet.y >= 0, "the sheet is on screen");
      assert.ok(sheet.height <= 844 * 0.55, `the sheet takes at most about half the height (${sheet.height.toFixed(0)} px)`);
      assert.equal(await page.evaluate(() => window.__mpp!.panelDrawn()), false, "the 3D panel is not drawn: the sheet carries the kiosk");
      const layout = (await page.evaluate(() => window.__mpp!.kioskLayout()))!;
      assert.equal(layout.kind, "above", "the 3D view is the part above the sheet");
      assert.ok(Math.abs(layout.view.bottom - sheet.y) < 2, `the 3D view ends at the sheet (${layout.view.bottom.toFixed(0)} vs ${sheet.y.toFixed(0)} px)`);
      // The counter: where its (held) panel stands, 12 cm in front of its label.
      const counter = (await page.evaluate(() => window.__mpp!.panelScreenRect()))!;
      const toolbar = (await page.getByTestId("toolbar").boundingBox())!;
      assert.ok(counter.top >= toolbar.y + toolbar.height - 1 && counter.bottom <= sheet.y + 1,
        `the counter (${counter.top.toFixed(0)}..${counter.bottom.toFixed(0)} px) lies between the toolbar (${(toolbar.y + toolbar.height).toFixed(0)}) and the sheet (${sheet.y.toFixed(0)})`);
      assert.ok(counter.left >= -1 && counter.right <= 391, `and across the screen's width (${counter.left.toFixed(0)}..${counter.right.toFixed(0)} px)`);
      const mid = [(counter.left + counter.right) / 2, (counter.top + counter.bottom) / 2];
      const onTop = await page.evaluate(([x, y]) => { const e = document.elementFromPoint(x!, y!); return e ? `${e.tagName.toLowerCase()}#${e.id}` : null; }, mid);
      assert.equal(onTop, "canvas#scene", "nothing of the page lies over the counter");
      await page.screenshot({ path: "/tmp/phone-search-jump.png" }).catch(() => undefined);
      // The sheet's own controls are finger-sized too (Tutup, Kembali, share, checklist...).
      const small = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>(".mpp-mirror button, .mpp-mirror a.mpp-button")]
        .filter((b) => b.getClientRects().length > 0 && !b.closest(".mpp-visually-hidden"))
        .map((b) => ({ id: b.dataset.testid ?? (b.textContent ?? "").trim().slice(0, 20), h: b.getBoundingClientRect().height }))
        .filter((b) => b.h < 44));
      assert.deepEqual(small, [], "buttons in the sheet under 44 px high");
      // Where the pad and the sheet meet, the sheet is on top (what a finger there touches).
      const pad = await page.locator('[data-testid="joystick"]').boundingBox();
      const top = pad ? Math.max(pad.y, sheet.y) : 0;
      const bottom = pad ? Math.min(pad.y + pad.height, sheet.y + sheet.height) : 0;
      const hiddenUnder = pad && bottom > top ? await page.evaluate(([x, y]) => !!document.elementFromPoint(x!, y!)?.closest(".mpp-mirror"), [pad.x + pad.width / 2, (top + bottom) / 2]) : true;
      assert.ok(hiddenUnder, "where the pad and the sheet meet, the sheet is on top");
    });
  });
});

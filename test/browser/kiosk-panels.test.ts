// The kiosk's 3D panel and its DOM copy as a visitor meets them (issue 20, point 2; the phone's
// half of the rule is in wayfinding-phone.test.ts), checked by geometry through the test hook,
// never by timing: every "Pilih instansi" row is as tall as its wrapped lines; after a click on a
// counter the 3D panel lies whole in the part of the screen the page's copy leaves, under the
// toolbar, with nothing over its Tutup button; the copy is opaque and its lists carry one marker.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { gotoReady, openPage, startHarness, type Harness, type Watched } from "./support/harness";

const SERVICE = "3273-imigrasi-paspor-biasa";
type Box = { left: number; right: number; top: number; bottom: number };
const fmt = (b: Box) => `${b.left.toFixed(0)}..${b.right.toFixed(0)} x ${b.top.toFixed(0)}..${b.bottom.toFixed(0)}`;

/** Where the open kiosk shows: the 3D panel's box, the copy's, the toolbar's, and what lies on top at the panel's Tutup. */
const placement = (page: Page) => page.evaluate(() => {
  const hook = window.__mpp!;
  const box = (e: Element | null) => {
    const r = e!.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
  };
  const close = hook.panelControlCenter("action-close");
  const at = close ? hook.screenPoint(close) : null;
  const top = at ? document.elementFromPoint(at[0], at[1]) : null;
  const hints = [...document.querySelectorAll<HTMLElement>(".mpp-hud > *, .mpp-toasts > *, .mpp-feedback-bar")].filter((e) => e.getClientRects().length > 0).map(box);
  return {
    panel: hook.panelScreenRect(), drawn: hook.panelDrawn(), layout: hook.kioskLayout(),
    copy: box(document.querySelector('[data-testid="mirror-panel"]')), toolbar: box(document.querySelector('[data-testid="toolbar"]')),
    close: at, onClose: top ? `${top.tagName.toLowerCase()}#${top.id}` : null, hints,
  };
});

/** Clicks a counter the way a visitor does: its label, seen from aside so it is off the view's middle. */
async function clickCounterFromAside(page: Page, side: number): Promise<void> {
  await page.evaluate(() => window.__mpp!.enterBuilding("3273"));
  const k = await page.evaluate(() => window.__mpp!.kiosks().find((x) => x.agency === "imigrasi")!);
  const right: [number, number, number] = [k.normal[2], 0, -k.normal[0]];
  const eye: [number, number, number] = [k.center[0] + k.normal[0] * 3.2 + right[0] * side, 1.6, k.center[2] + k.normal[2] * 3.2 + right[2] * side];
  const ahead: [number, number, number] = [eye[0] - k.normal[0], 1.5, eye[2] - k.normal[2]];
  await page.evaluate(({ e, t }) => window.__mpp!.viewFrom(e, t), { e: eye, t: ahead });
  await page.evaluate(() => window.__mpp!.frames(3));
  const s = await page.evaluate((c) => window.__mpp!.screenPoint(c), k.center);
  assert.ok(s, "the counter's label is in view before the click");
  await page.mouse.click(s[0], s[1]);
  await page.waitForFunction(() => window.__mpp!.kiosk()?.status === "ready" && window.__mpp!.panelScreenRect() !== null, null, { timeout: 60_000 });
  await page.evaluate(() => window.__mpp!.frames(4));
}

function assertBeside(p: Awaited<ReturnType<typeof placement>>, width: number, height: number): void {
  assert.equal(p.layout?.kind, "beside", "the copy is docked at the right");
  assert.equal(p.drawn, true, "the 3D panel is drawn beside the copy");
  const panel = p.panel!;
  assert.ok(panel.left >= -1, `the 3D panel is not off the left edge (${fmt(panel)})`);
  assert.ok(panel.right <= p.copy.left + 1, `the 3D panel (${fmt(panel)}) ends before the copy begins (${p.copy.left.toFixed(0)} px)`);
  assert.ok(panel.top >= p.toolbar.bottom - 1, `the 3D panel starts under the toolbar (${panel.top.toFixed(0)} >= ${p.toolbar.bottom.toFixed(0)} px)`);
  assert.ok(panel.bottom <= height + 1 && panel.right - panel.left > width * 0.2, `whole and of a readable size (${fmt(panel)})`);
  assert.equal(p.onClose, "canvas#scene", `nothing lies over the 3D panel's Tutup at ${p.close?.map(Math.round).join(",")}`);
  for (const hint of p.hints) {
    const apart = hint.right <= panel.left || hint.left >= panel.right || hint.bottom <= panel.top || hint.top >= panel.bottom;
    assert.ok(apart, `a hint (${fmt(hint)}) lies over the 3D panel (${fmt(panel)})`);
  }
}

describe("kiosk panels: rows and placement (browser)", function () {
  this.timeout(400_000);
  let h: Harness;

  before(async () => { h = await startHarness(); });
  after(async () => { await h?.close(); });

  for (const [width, height] of [[1280, 800], [1366, 768]] as const) {
    describe(`desktop ${width}x${height}`, () => {
      let w: Watched;
      before(async () => {
        w = await openPage(h, { viewport: { width, height } });
        w.page.setDefaultNavigationTimeout(120_000);
      });
      after(async () => { await w?.context.close(); });
      afterEach(() => w.assertClean());

      if (width === 1280) {
        it("Pilih instansi (/?region=3214): every 3D row is tall enough for its lines", async () => {
          const { page } = w;
          await gotoReady(w, h.origin, "/?automation=1&region=3214");
          await page.waitForFunction(() => window.__mpp!.kiosk()?.screen.kind === "agencies" && window.__mpp!.panelRows().length > 0, null, { timeout: 90_000 });
          await page.evaluate(() => window.__mpp!.frames(3));
          const rows = await page.evaluate(() => window.__mpp!.panelRows());
          assert.ok(rows.length >= 3, `agency rows on the panel (${rows.length})`);
          assert.ok(rows.some((r) => r.lines >= 3), `some row wraps to three lines or more (${rows.map((r) => r.lines)})`);
          const squeezed = rows.filter((r) => r.textHeight > r.height + 0.5);
          assert.deepEqual(squeezed, [], "rows whose lines need more height than the row has");
        });
      }

      it("a counter clicked at the left of the view: its 3D panel lies whole beside the copy, under the toolbar, its Tutup uncovered", async () => {
        const { page } = w;
        await gotoReady(w, h.origin);
        await clickCounterFromAside(page, 2.2);
        const p = await placement(page);
        assertBeside(p, width, height);
        await page.screenshot({ path: `/tmp/kiosk-panels-${width}-left.png` }).catch(() => undefined);
      });

      it("a counter clicked at the right of the view (where the copy then lies): the same", async () => {
        const { page } = w;
        await page.keyboard.press("Escape");
        await page.waitForFunction(() => window.__mpp!.kiosk() === null, null, { timeout: 30_000 });
        await clickCounterFromAside(page, -2.2);
        assertBeside(await placement(page), width, height);
      });

      it("a deep link to a service: the same, and the copy is opaque with one marker per list line", async () => {
        const { page } = w;
        await gotoReady(w, h.origin, `/?automation=1&region=3273&service=${SERVICE}`);
        await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
        await page.waitForFunction(() => window.__mpp!.panelScreenRect() !== null && window.__mpp!.panelControlCenter("action-close") !== null, null, { timeout: 60_000 });
        await page.evaluate(() => window.__mpp!.frames(4));
        assertBeside(await placement(page), width, height);
        const bg = await page.getByTestId("mirror-panel").evaluate((e) => getComputedStyle(e).backgroundColor);
        assert.match(bg, /^rgb\(/, `the copy's background is opaque (${bg}), so no 3D text shows through`);
        // A numbered list (<ol>) whose lines also begin with a number or a bullet shows two markers.
        const doubled = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>("#ui li")]
          .filter((li) => li.getClientRects().length > 0 && getComputedStyle(li).listStyleType !== "none" && /^\s*(\d+[.)]|[•\-–*])\s/u.test(li.textContent ?? ""))
          .map((li) => (li.textContent ?? "").slice(0, 40)));
        assert.deepEqual(doubled, [], "list lines with a marker of their own besides the list's");
        const steps = await page.locator('[data-section="steps"] li').count();
        assert.ok(steps >= 2, `the steps are listed (${steps})`);
      });
    });
  }

  describe("lobby screen, portrait 1080x1920", () => {
    let w: Watched;
    before(async () => {
      w = await openPage(h, { viewport: { width: 1080, height: 1920 }, hasTouch: true });
      w.page.setDefaultNavigationTimeout(120_000);
    });
    after(async () => { await w?.context.close(); });
    afterEach(() => w.assertClean());

    it("a service opens as a sheet along the bottom, the 3D panel whole above it: neither hides the other", async () => {
      const { page } = w;
      await gotoReady(w, h.origin, "/?mode=kiosk&region=3273&idle=300&automation=1");
      await page.getByTestId("attract").tap();
      await page.waitForFunction(() => window.__mpp!.lobbyState() === "active", null, { timeout: 60_000 });
      await page.evaluate((id) => window.__mpp!.openService(id), SERVICE);
      await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => window.__mpp!.panelControlCenter("action-close") !== null, null, { timeout: 60_000 });
      await page.evaluate(() => window.__mpp!.frames(4));
      const p = await placement(page);
      assert.equal(p.layout?.kind, "above", "the copy is a sheet along the bottom");
      assert.ok(p.copy.top > 1920 * 0.4 && p.copy.bottom <= 1920, `the sheet is the lower half (${fmt(p.copy)})`);
      const panel = p.panel!;
      assert.equal(p.drawn, true, "the 3D panel is drawn: the part above the sheet holds it");
      assert.ok(panel.bottom <= p.copy.top + 1, `the 3D panel (${fmt(panel)}) ends above the sheet (${p.copy.top.toFixed(0)} px)`);
      assert.ok(panel.top >= p.toolbar.bottom - 1 && panel.left >= -1 && panel.right <= 1081, `and lies whole under the toolbar (${fmt(panel)})`);
      assert.equal(p.onClose, "canvas#scene", "nothing lies over the 3D panel's Tutup");
      await page.screenshot({ path: "/tmp/kiosk-panels-lobby.png" }).catch(() => undefined);
    });
  });
});

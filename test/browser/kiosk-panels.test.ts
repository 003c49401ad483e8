// The kiosk's 3D panel and its DOM copy as a desktop visitor meets them (issue 20, point 2),
// checked by geometry through the test hook, never by timing: every "Pilih instansi" row is as
// tall as its wrapped lines, and the 3D panel is not hidden under the page's copy of it.
import assert from "node:assert/strict";
import { gotoReady, openPage, startHarness, type Harness, type Watched } from "./support/harness";

const SERVICE = "3273-imigrasi-paspor-biasa";

describe("kiosk panels: rows and placement (browser)", function () {
  this.timeout(300_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h, { viewport: { width: 1280, height: 800 } });
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

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

  it("on a desktop the 3D panel and the page's copy of it do not overlap", async () => {
    const { page } = w;
    await gotoReady(w, h.origin, `/?automation=1&region=3273&service=${SERVICE}`);
    await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => window.__mpp!.panelScreenRect() !== null, null, { timeout: 60_000 });
    await page.evaluate(() => window.__mpp!.frames(3));
    const panel = (await page.evaluate(() => window.__mpp!.panelScreenRect()))!;
    const mirror = (await page.getByTestId("mirror-panel").boundingBox())!;
    const overlap = Math.max(0, Math.min(panel.right, mirror.x + mirror.width) - Math.max(panel.left, mirror.x));
    assert.ok(panel.right > panel.left + 50, `the 3D panel is on screen (${JSON.stringify(panel)})`);
    assert.ok(overlap < 2, `the 3D panel (${panel.left.toFixed(0)}..${panel.right.toFixed(0)} px) is clear of the page's copy (from ${mirror.x.toFixed(0)} px): overlap ${overlap.toFixed(0)} px`);
  });
});

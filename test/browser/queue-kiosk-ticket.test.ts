// The lobby screen's ticket machine in chromium with touch (?mode=kiosk&region=3273&paper=80): a
// walk-in number taken from the server and printed through window.print() with the 80 mm print
// layout (a screenshot of the print media: the ticket alone, 72 mm wide), and when the server does
// not answer, a clear "no number was taken" with no number on screen.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { PNG } from "pngjs";
import { gotoReady, openPage, type Watched } from "./support/harness";
import { startQueueHarness, type QueueHarness } from "./support/queue-harness";

type Win = { __mpp: { lobbyState(): string | null }; __printed?: number };

/** Bounding box of the pixels darker than near-white. */
function inkBox(png: PNG): { left: number; right: number; top: number; bottom: number; dark: number } {
  let left = png.width, right = -1, top = png.height, bottom = -1, dark = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const i = (y * png.width + x) * 4;
      if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 600) {
        dark++;
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return { left, right, top, bottom, dark };
}

describe("lobby ticket machine (browser, touch)", function () {
  this.timeout(300_000);
  let h: QueueHarness;
  let w: Watched;
  before(async () => {
    h = await startQueueHarness();
    w = await openPage(h, { hasTouch: true, viewport: { width: 1280, height: 800 } });
    // The receipt printer: counted instead of a print dialog.
    await w.context.addInitScript(() => { window.print = () => { (window as unknown as Win).__printed = ((window as unknown as Win).__printed ?? 0) + 1; }; });
    await gotoReady(w, h.origin, "/?mode=kiosk&region=3273&paper=80&automation=1");
    await w.page.waitForFunction(() => (window as unknown as Win).__mpp.lobbyState() !== null, null, { timeout: 30_000 });
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("takes a walk-in number from the server at a touch, even from the attract loop, and prints it", async () => {
    const { page } = w;
    assert.equal(await page.evaluate(() => (window as unknown as Win).__mpp.lobbyState()), "attract", "at rest");
    const take = page.getByTestId("queue-take");
    const box = (await take.boundingBox())!;
    assert.ok(box.width >= 64 && box.height >= 64, `a large target (${box.width}x${box.height})`);
    await take.tap();
    await page.locator('[data-testid=queue-agency][data-agency="3273-imigrasi"]').tap();
    const number = await page.getByTestId("queue-ticket-number").textContent();
    assert.deepEqual(h.numbers("3273-imigrasi"), [number], "the number on screen is the one the server stored");
    await page.waitForFunction(() => ((window as unknown as Win).__printed ?? 0) === 1, null, { timeout: 5000 });
    const text = await page.getByTestId("queue-ticket-print").textContent();
    assert.match(text ?? "", /MPP Kota Bandung/, "the MPP's name");
    assert.match(text ?? "", /Loket L1, L2/, "the counters");
    assert.match(text ?? "", /Tidak ada antrean sebelum Anda/, "nobody ahead");
  });

  it("prints the ticket alone, 72 mm wide on 80 mm paper (screenshot of the print media)", async () => {
    const { page } = w;
    await page.emulateMedia({ media: "print" });
    try {
      const shot = await page.screenshot();
      mkdirSync("test-results", { recursive: true });
      writeFileSync("test-results/queue-ticket-80mm.png", shot);
      const png = PNG.sync.read(shot);
      const ink = inkBox(png);
      const mm = 96 / 25.4;
      assert.ok(ink.dark > 500, "there is text on the ticket");
      assert.ok(ink.left >= 4 * mm - 2, `the printer's margin is kept (ink from ${ink.left} px)`);
      assert.ok(ink.right <= 76 * mm + 2, `nothing beyond the 72 mm printable width (ink to ${ink.right} px = ${(ink.right / mm).toFixed(1)} mm)`);
      const ticketBox = (await page.getByTestId("queue-ticket-print").boundingBox())!;
      assert.ok(Math.abs(ticketBox.width - 72 * mm) < 2, `the ticket is 72 mm wide (${(ticketBox.width / mm).toFixed(1)} mm)`);
      const canvasShown = await page.evaluate(() => getComputedStyle(document.getElementById("scene")!).visibility);
      assert.equal(canvasShown, "hidden", "the 3D view is not printed");
      const numberPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("[data-testid=queue-ticket-number]")!).fontSize));
      assert.ok(numberPx >= 20 * mm, `the number is large on paper (${(numberPx / mm).toFixed(1)} mm)`);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
    // Done, or the panel already closed itself for the next visitor (25 s on a slow machine).
    if (await page.getByTestId("queue-panel").isVisible()) await page.getByTestId("queue-done").tap().catch(() => undefined);
    await page.getByTestId("queue-panel").waitFor({ state: "hidden" });
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("qt-ticket")), false, "no ticket left for the next visitor");
  });

  it("says that no number was taken when the server does not answer, and shows none", async () => {
    const { page } = w;
    await page.route("**/api/v1/queue/tickets", (route) => route.abort("connectionrefused"));
    try {
      await page.getByTestId("queue-take").tap();
      await page.locator('[data-testid=queue-agency][data-agency="3273-imigrasi"]').tap();
      const error = page.getByTestId("queue-error");
      await error.waitFor();
      assert.match(await error.textContent() ?? "", /BELUM diambil/, "says no number was taken");
      assert.equal(await page.getByTestId("queue-ticket-number").count(), 0, "no number on screen");
      assert.equal(await page.evaluate(() => (window as unknown as Win).__printed), 1, "nothing printed");
      assert.equal(h.numbers("3273-imigrasi").length, 1, "and the server gave none");
    } finally {
      await page.unroute("**/api/v1/queue/tickets");
    }
    await page.getByTestId("queue-retry").tap();
    await page.getByTestId("queue-ticket-number").waitFor({ timeout: 10_000 });
    assert.match(await page.getByTestId("queue-ticket-number").textContent() ?? "", /^L-002$/, "a retry once the server answers gives the next number");
  });
});

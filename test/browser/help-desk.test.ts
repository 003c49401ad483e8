// The help desk of an MPP on a desktop (issue 15 point 6): the desk itself (role help-desk in the
// interior's glTF extras; its geometry merged with the hall's, so an invisible proxy carries the
// role) opens the consultation and complaint screens at a click, and with a finger's tap. The
// proxy is never drawn: the hall's draw calls stay what they were (budgets.test.ts holds them).
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { BUDGETS } from "../../bench/budgets";
import { frameStats, gotoReady, openPage, startHarness, type Harness, type Watched } from "./support/harness";

/** Looks at the desk's centre from `distance` m in front of it, at eye height: the desk fills the view's centre. */
async function faceDesk(page: Page, distance: number): Promise<void> {
  await page.evaluate((d) => {
    const desk = window.__mpp!.helpDesk()!;
    const [x, , z] = desk.desk;
    const [nx, , nz] = desk.normal;
    window.__mpp!.viewFrom([x + nx * d, 1.6, z + nz * d], desk.desk);
  }, distance);
  await frameStats(page);
}

const kioskKind = (page: Page) => page.evaluate(() => window.__mpp!.kiosk()?.screen.kind ?? null);

describe("the help desk on a desktop (browser)", function () {
  this.timeout(400_000);
  let h: Harness;
  let w: Watched;
  before(async () => {
    h = await startHarness();
    w = await openPage(h, { viewport: { width: 1280, height: 720 }, hasTouch: true });
    w.page.setDefaultTimeout(60_000);
    w.page.setDefaultNavigationTimeout(120_000);
    await gotoReady(w, h.origin, "/?automation=1");
    assert.equal(await w.page.evaluate(() => window.__mpp!.enterBuilding("3273")), true);
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("opens the help desk's screen when the desk is clicked, and its screens ask and complain", async () => {
    const { page } = w;
    const desk = await page.evaluate(() => window.__mpp!.helpDesk());
    assert.ok(desk, "the hall has a help desk from its glTF extras");
    assert.ok(desk.desk[1] > 0.3 && desk.desk[1] < 1.2, `the desk's pick target stands on the floor (centre y ${desk.desk[1].toFixed(2)})`);
    await faceDesk(page, 3);
    assert.equal(await kioskKind(page), null, "nothing open before the click");
    const view = await frameStats(page);
    assert.ok(view.drawCalls <= BUDGETS.drawCallsPerView, `facing the desk: ${view.drawCalls} draw calls <= ${BUDGETS.drawCallsPerView}`);
    await page.mouse.click(640, 360);
    await page.waitForFunction(() => window.__mpp!.kiosk()?.screen.kind === "help-desk" && window.__mpp!.kiosk()?.status === "ready", null, { timeout: 30_000 });
    assert.deepEqual(await page.evaluate(() => window.__mpp!.kiosk()!.items), ["konsultasi", "pengaduan", "survey"], "ask, complain, rate");
    await page.getByTestId("mirror-title").waitFor();
    assert.equal(await page.getByTestId("mirror-title").textContent(), "Meja Bantuan", "mirrored in the DOM");
    // The consultation screen, then back and the complaint screen (the DOM mirror of the same screens).
    await page.locator('[data-testid=mirror-item][data-item-id="konsultasi"]').click();
    await page.waitForFunction(() => window.__mpp!.kiosk()?.screen.kind === "ticket" && (window.__mpp!.kiosk()!.screen as { ticketKind?: string }).ticketKind === "konsultasi", null, { timeout: 30_000 });
    await page.evaluate(() => window.__mpp!.closeKiosk());
  });

  it("opens it with a tap too, and the complaint screen from there", async () => {
    const { page } = w;
    await faceDesk(page, 2.5);
    await page.touchscreen.tap(640, 360);
    await page.waitForFunction(() => window.__mpp!.kiosk()?.screen.kind === "help-desk" && window.__mpp!.kiosk()?.status === "ready", null, { timeout: 30_000 });
    await page.locator('[data-testid=mirror-item][data-item-id="pengaduan"]').click();
    await page.waitForFunction(() => window.__mpp!.kiosk()?.screen.kind === "ticket" && (window.__mpp!.kiosk()!.screen as { ticketKind?: string }).ticketKind === "pengaduan", null, { timeout: 30_000 });
    await page.evaluate(() => window.__mpp!.closeKiosk());
  });
});

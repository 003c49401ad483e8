// History and errors as a desktop visitor meets them (issue 20 point 4): Back after searches stays
// in the app and returns step by step, "Kembali" takes the service out of the URL, and a link to an
// unknown service shows the plaza with a notice, not a blocking error dialog.
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, type Harness, type Watched } from "./support/harness";

describe("history and errors (browser, desktop)", function () {
  this.timeout(400_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h, { viewport: { width: 1280, height: 800 } });
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  const service = () => new URL(w.page.url()).searchParams.get("service");

  it("opens a link to an unknown service on the plaza with a notice, not an error dialog", async () => {
    const { page } = w;
    await gotoReady(w, h.origin, "/?automation=1&region=3273&service=3273-imigrasi-tidak-ada");
    await page.getByTestId("hud-notice").waitFor({ state: "visible", timeout: 30_000 });
    assert.match(await page.getByTestId("hud-notice").textContent() ?? "", /tidak ditemukan/, "the notice says the service was not found");
    assert.equal(await page.getByTestId("error-screen").isVisible(), false, "no blocking error dialog");
    assert.equal((await page.evaluate(() => window.__mpp!.place())).kind, "plaza", "the visitor is on the plaza");
    assert.equal(service(), null, "the URL no longer names the missing service");
    // Its close button and its timeout are covered by test/app/ui/hud.test.ts.
  });

  it("keeps every search jump in history: Back returns to the previous one, never out of the app", async () => {
    const { page } = w;
    for (const [q, prefix] of [["paspor", "3273-"], ["sim", "3204-"]] as const) {
      await page.keyboard.press("/");
      await page.getByTestId("search-input").fill(q);
      await page.getByTestId("search-region").selectOption(prefix.slice(0, 4));
      const first = page.locator(`[data-testid=search-result][data-service-id^="${prefix}"]`).first();
      await first.waitFor({ timeout: 30_000 });
      await first.click();
      await page.waitForFunction((p) => new URL(location.href).searchParams.get("service")?.startsWith(p), prefix, { timeout: 60_000 });
    }
    const second = service();
    assert.ok(second?.startsWith("3204-"), `the second search's service is shown (${second})`);
    await page.goBack();
    await page.waitForFunction(() => new URL(location.href).searchParams.get("service")?.startsWith("3273-"), null, { timeout: 60_000 });
    assert.equal(new URL(page.url()).origin, h.origin, "Back stayed in the app");
    await page.waitForFunction(() => { const p = window.__mpp!.place(); return p.kind === "building" && p.region === "3273"; }, null, { timeout: 60_000 });
  });

  it("takes the service out of the URL after 'Kembali'", async () => {
    const { page } = w;
    await page.keyboard.press("/");
    await page.getByTestId("search-input").fill("paspor");
    await page.getByTestId("search-region").selectOption("3273");
    await page.locator("[data-testid=search-result][data-service-id^='3273-']").first().click();
    await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
    assert.ok(service(), "a service is named while it is shown");
    await page.getByTestId("mirror-action-back").click();
    await page.getByTestId("mirror-item").first().waitFor({ timeout: 30_000 });
    await page.waitForFunction(() => new URL(location.href).searchParams.get("service") === null, null, { timeout: 10_000 });
    assert.equal(new URL(page.url()).searchParams.get("region"), "3273", "the URL names the building");
  });
});

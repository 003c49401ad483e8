// Search as a visitor meets it (issue 20 point 3), at the Kota Bandung lobby screen: the lobby's
// own services first, a region filter and "show more" reaching every region, typo tolerance, a
// too-long query explained, and a lobby that keeps its own home after a visitor walked elsewhere
// and the page reloaded.
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, type Harness, type Watched } from "./support/harness";

const KIOSK = "/?mode=kiosk&region=3273&idle=600&automation=1";

describe("search (browser, lobby screen at Kota Bandung)", function () {
  this.timeout(300_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h, { hasTouch: true, viewport: { width: 1080, height: 1920 }, deviceScaleFactor: 0.5 });
    await gotoReady(w, h.origin, KIOSK);
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  const results = () => w.page.getByTestId("search-result").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.serviceId ?? ""));
  async function openDirectory() {
    if (!(await w.page.getByTestId("directory-panel").isVisible())) await w.page.getByTestId("directory-toggle").tap();
    await w.page.getByTestId("search-input").waitFor({ state: "visible", timeout: 20_000 });
  }
  /** Waits until the status line (after the last keystroke's search) matches. */
  async function statusMatches(re: RegExp) {
    await w.page.waitForFunction((src) => new RegExp(src).test(document.querySelector("[data-testid=directory-status]")?.textContent ?? ""), re.source, { timeout: 20_000 })
      .catch(async () => { throw new Error(`status ${JSON.stringify(await w.page.getByTestId("directory-status").textContent())} does not match ${re}`); });
  }
  /** Types into the search box (the on-screen keyboard's own typing is covered by offline.test.ts). */
  async function type(text: string) {
    await w.page.getByTestId("search-input").fill(text);
  }

  it("lists Kota Bandung's services first at its lobby, and says so", async () => {
    const { page } = w;
    await page.getByTestId("attract").tap();
    await page.waitForFunction(() => window.__mpp!.place().kind === "building", null, { timeout: 60_000 });
    await openDirectory();
    await type("paspor");
    await statusMatches(/Kota Bandung ditampilkan lebih dulu/);
    const ids = await results();
    assert.ok(ids[0]!.startsWith("3273-"), `the first hit is Kota Bandung's (${ids[0]})`);
    const firstOther = ids.findIndex((id) => !id.startsWith("3273-"));
    assert.ok(ids.slice(0, firstOther).length >= 3, "all of Kota Bandung's passport services come before other regions");
    assert.match(await page.locator(".mpp-directory__group h3").first().textContent() ?? "", /^Kota Bandung \(\d+\)$/, "the first group is Kota Bandung with its count");
    await page.getByTestId("search-result").first().tap();
    await page.getByTestId("mirror-fee").waitFor({ timeout: 30_000 });
    const place = await page.evaluate(() => window.__mpp!.place());
    assert.deepEqual(place, { kind: "building", region: "3273" }, "tapping the first hit stays in Kota Bandung");
  });

  it("reaches every region with a match: 'show more' and the region filter (Kota Depok's passport)", async () => {
    const { page } = w;
    await openDirectory();
    await type("paspor");
    await statusMatches(/^\d+ hasil · Kota Bandung/);
    await page.getByTestId("search-more").waitFor({ timeout: 20_000 });
    assert.equal((await results()).length, 50, "a first page of 50");
    assert.match(await page.getByTestId("search-more").textContent() ?? "", /50 dari \d+/, "the button says how many are shown of how many");
    await page.getByTestId("search-more").tap();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=search-result]").length > 50, null, { timeout: 20_000 });
    const all = await results();
    assert.equal(await page.getByTestId("search-more").count(), 0, "no more button once everything is listed");
    for (const code of ["3274", "3275", "3276", "3278"]) assert.ok(all.some((id) => id.startsWith(`${code}-`)), `${code} is reached`);
    const option = await page.locator("[data-testid=search-region] option[value='3276']").textContent();
    assert.match(option ?? "", /^Kota Depok \(\d+\)$/, "the filter lists Kota Depok with its number of hits");
    await page.getByTestId("search-region").selectOption("3276");
    await statusMatches(/hasil di Kota Depok/);
    const depok = await results();
    assert.ok(depok.length > 0 && depok.every((id) => id.startsWith("3276-")), "only Kota Depok's services");
    await page.getByTestId("search-region").selectOption("");
  });

  it("forgives a typo: 'pasport' still finds the passport", async () => {
    const { page } = w;
    await openDirectory();
    await type("pasport");
    await page.waitForFunction(() => document.querySelector<HTMLElement>("[data-testid=search-result]")?.dataset.serviceId?.startsWith("3273-imigrasi-"), null, { timeout: 20_000 });
    assert.ok((await results())[0]!.includes("paspor"), "a passport service first");
  });

  it("says a 300-character query is too long instead of 'Pencarian gagal'", async () => {
    const { page } = w;
    await openDirectory();
    // The on-screen keyboard writes the value by script, past the box's maxlength; so can a paste.
    await page.getByTestId("search-input").evaluate((el) => {
      const input = el as HTMLInputElement;
      input.value = "paspor ".repeat(43);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await statusMatches(/terlalu panjang/);
    assert.equal(await page.getByTestId("search-retry").count(), 0, "no 'Coba lagi'");
    assert.doesNotMatch(await page.getByTestId("directory-status").textContent() ?? "", /gagal/, "not 'failed'");
  });

  it("keeps the lobby's own home region after a visitor walked into Kabupaten Bogor and the page reloaded", async () => {
    const { page } = w;
    await page.evaluate(() => window.__mpp!.enterBuilding("3201"));
    await page.waitForFunction(() => new URL(location.href).searchParams.get("region") === "3201", null, { timeout: 30_000 });
    await page.reload();
    await page.waitForFunction(() => window.__mpp !== undefined, null, { timeout: 120_000 });
    await page.evaluate(() => window.__mpp!.ready);
    await page.waitForFunction(() => window.__mpp!.lobbyState() === "attract", null, { timeout: 30_000 });
    assert.equal(new URL(page.url()).searchParams.get("home"), "3273", "the resting URL names the home region");
    await page.getByTestId("attract").tap();
    await page.waitForFunction(() => window.__mpp!.place().kind === "building", null, { timeout: 60_000 });
    assert.deepEqual(await page.evaluate(() => window.__mpp!.place()), { kind: "building", region: "3273" }, "the first touch opens Kota Bandung, not Bogor");
  });
});

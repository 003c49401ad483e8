// Issue 20 points 7, 9, 10, 11 as a visitor meets them in chromium: a service in English with its
// texts translated, Basa Sunda marked as a draft, "take it home" under the service, easy mode
// from the toolbar, and the text version (/layanan) styled, with a favicon and nothing foreign.
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, type Harness, type Watched } from "./support/harness";

describe("words, take-home, easy mode and /layanan (browser)", function () {
  this.timeout(300_000);
  let h: Harness;
  let w: Watched;
  const service = "3273-imigrasi-paspor-biasa";

  before(async () => {
    h = await startHarness();
    w = await openPage(h);
    await gotoReady(w, h.origin, `/?automation=1&lang=en&region=3273&service=${service}`);
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("shows the service's steps, requirements and agency in English, none marked untranslated", async () => {
    const { page } = w;
    await page.waitForFunction(() => document.querySelector('[data-section="steps"] li')?.textContent?.startsWith("Register in the M-Paspor app"), null, { timeout: 60_000 });
    const req = await page.locator('[data-section="requirements"] li').first().textContent();
    assert.equal(req, "Valid electronic ID card (KTP-el) or a certificate of moving abroad", "requirements in English");
    // Only the sources carry a note (cited by their original Indonesian titles): no field is untranslated.
    assert.equal(await page.locator('[data-section]:not([data-section="source"]) [data-testid="mirror-section-note"]').count(), 0, "nothing marked untranslated");
    assert.match((await page.locator(".mpp-mirror__subtitle").textContent()) ?? "", /^Immigration office/, "agency name in English");
  });

  it("offers the link, WhatsApp, the checklist and the MPP's address under the service", async () => {
    const { page } = w;
    const link = await page.getByTestId("take-home-link").inputValue();
    assert.equal(link, `${h.origin}/layanan/3273/${service}?lang=en`, "the text version's link");
    assert.match((await page.getByTestId("take-home-whatsapp").getAttribute("href")) ?? "", /^https:\/\/wa\.me\/\?text=/, "WhatsApp");
    await page.waitForFunction(() => document.querySelector('[data-testid="visit-address"]')?.textContent === "Jalan Cianjur, Kota Bandung", null, { timeout: 30_000 });
    const download = page.waitForEvent("download", { timeout: 30_000 });
    await page.getByTestId("take-home-download").click();
    assert.equal((await download).suggestedFilename(), `checklist-${service}.txt`, "the checklist downloads");
  });

  it("switches to Basa Sunda: the interface in Sundanese and the draft marked", async () => {
    const { page } = w;
    await page.getByTestId("lang-su").click();
    await page.waitForFunction(() => document.documentElement.lang === "su");
    // The Sundanese table is a lazy chunk: the toolbar renders again when it arrives.
    await page.waitForFunction(() => document.querySelector("[data-testid=text-version]")?.textContent === "Vérsi téks", null, { timeout: 30_000 });
    assert.equal(await page.getByTestId("text-version").textContent(), "Vérsi téks", "toolbar in Sundanese");
    await page.waitForFunction(() => document.querySelector('[data-section="translation"]') !== null, null, { timeout: 30_000 });
    assert.match(await page.getByTestId("mirror-title").textContent() ?? "", /lumaku 5 taun/, "the service name in Sundanese");
    await page.waitForFunction(() => document.querySelector('[data-section="requirements"] li')?.textContent === "KTP-el nu masih lumaku atanapi serat katerangan pindah ka luar nagri", null, { timeout: 30_000 });
    assert.equal(await page.locator('[data-section="requirements"] ul, [data-section="requirements"] ol').getAttribute("lang"), null, "requirements in Sundanese, not marked as Indonesian");
    // The queue's and the help desk's own dictionaries come in the same lazy chunk.
    await page.waitForFunction(() => document.querySelector("[data-testid=mirror-action-queue]")?.textContent === "Candak antrian", null, { timeout: 30_000 });
    assert.equal(await page.getByTestId("mirror-action-ask").textContent(), "Tumaros", "the help desk's words in Sundanese too");
  });

  it("turns easy mode on from the toolbar and keeps it for the session", async () => {
    const { page } = w;
    await page.getByTestId("easy-toggle").click();
    await page.waitForFunction(() => document.documentElement.classList.contains("mpp-easy"));
    assert.equal(await page.getByTestId("easy-toggle").getAttribute("aria-pressed"), "true");
    assert.equal(await page.locator('[data-section="legalBasis"]').isVisible(), false, "fewer things on the screen");
    await page.reload();
    await page.waitForFunction(() => window.__mpp !== undefined);
    await page.evaluate(() => window.__mpp!.ready);
    assert.ok(await page.evaluate(() => document.documentElement.classList.contains("mpp-easy")), "still on after a reload");
  });

  it("serves /layanan styled, with its favicon, from this origin only", async () => {
    const p = await w.context.newPage();
    const failed: string[] = [];
    p.on("response", (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await p.goto(`${h.origin}/layanan/3273?lang=en`);
    const font = await p.evaluate(() => getComputedStyle(document.body).fontFamily);
    assert.match(font, /system-ui/, "the stylesheet applies (no default serif)");
    assert.ok(!/serif/.test(font.replace("sans-serif", "")), "not a serif font");
    const icon = await p.request.get(`${h.origin}/favicon.ico`);
    assert.equal(icon.status(), 200, "the default favicon path answers");
    assert.deepEqual(failed, [], "no 404 while loading the page (its icon included)");
    await p.close();
  });
});

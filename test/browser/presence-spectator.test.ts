// The guide's tools and the audience's big screen in the browser (issue 16, points 3 and 4): a
// guide, a visitor and a spectator screen (mode=spectator&follow=guide, 1920x1080, English). The
// screen is an invisible observer with no controls; it orbits without a guide and chases the guide
// once there, follows the guide into a building, and shows the kiosk the guide opened for everyone
// (3D panel in view, big text on screen: screenshot checked). The visitor sees the shared kiosk in
// their own view and the guide's actions as notices; names stay text; a kiosk shared and left behind
// when the guide walks out closes for the visitor who stayed; the guide removes the visitor.
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import { startHarness, openPage, hookReady, type Harness, type Watched } from "./support/harness";
import { until } from "./support/until";

const PIN = "guide-9090";
const SERVICE = "3273-imigrasi-paspor-biasa";

/** Dark pixels (text) and bright ones (the card) in a region of a screenshot. */
function ink(png: PNG, box: { x: number; y: number; width: number; height: number }): { dark: number; bright: number; total: number } {
  let dark = 0, bright = 0, total = 0;
  for (let y = Math.max(0, Math.floor(box.y)); y < Math.min(png.height, box.y + box.height); y++) {
    for (let x = Math.max(0, Math.floor(box.x)); x < Math.min(png.width, box.x + box.width); x++) {
      const i = (y * png.width + x) * 4;
      const sum = png.data[i]! + png.data[i + 1]! + png.data[i + 2]!;
      total++;
      if (sum < 250) dark++;
      else if (sum > 690) bright++;
    }
  }
  return { dark, bright, total };
}

/** How many distinct coarse colours a region has: a drawn 3D view has many, a blank one a few. */
function colours(png: PNG, box: { x: number; y: number; width: number; height: number }): number {
  const seen = new Set<number>();
  for (let y = box.y; y < box.y + box.height; y += 3) {
    for (let x = box.x; x < box.x + box.width; x += 3) {
      const i = (y * png.width + x) * 4;
      seen.add(((png.data[i]! >> 4) << 8) | ((png.data[i + 1]! >> 4) << 4) | (png.data[i + 2]! >> 4));
    }
  }
  return seen.size;
}

const snap = (p: Page) => p.evaluate(() => window.__mpp!.spectator()!);
const presence = (p: Page) => p.evaluate(() => window.__mpp!.presence());

describe("presence (browser): guide tools and the spectator screen", function () {
  this.timeout(600_000);
  let h: Harness;
  let g: Watched;
  let v: Watched;
  let s: Watched;
  let gid = "";
  let vid = "";

  before(async () => {
    h = await startHarness({ presence: { tickMs: 50, guidePin: PIN } });
    g = await openPage(h);
    v = await openPage(h);
    s = await openPage(h, { viewport: { width: 1920, height: 1080 } });
    // One at a time: pages already drawing (swiftshader) slow the next load on 2 cores.
    await g.page.goto(h.origin + "/?automation=1", { timeout: 180_000 });
    await hookReady(g.page, 180_000);
    await v.page.goto(h.origin + "/?automation=1", { timeout: 180_000 });
    await hookReady(v.page, 180_000);
    await s.page.goto(h.origin + "/?automation=1&mode=spectator&follow=guide&lang=en", { timeout: 180_000 });
    await hookReady(s.page, 180_000);
    await g.page.evaluate(() => window.__mpp!.presenceJoin(null));
    await v.page.evaluate(() => window.__mpp!.presenceJoin("<b>Ani</b>"));
    const sp = await until(s.page, "the screen sees both", () => presence(s.page), (x) => x.connected && x.peers.length === 2, 120_000);
    gid = (await presence(g.page)).you!.id;
    vid = (await presence(v.page)).you!.id;
    assert.deepEqual(new Set(sp.peers.map((p) => p.id)), new Set([gid, vid]), "the screen lists the guide-to-be and the visitor");
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => {
    for (const w of [g, v, s]) w.assertClean();
  });

  it("is an invisible observer with no controls, orbiting while no guide is there", async () => {
    const gp = await until(g.page, "g sees v", () => presence(g.page), (x) => x.peers.length === 1);
    assert.deepEqual(gp.peers.map((p) => p.id), [vid], "the guide-to-be sees only the visitor: the screen is not a visitor");
    assert.equal((await presence(v.page)).peers.length, 1, "the visitor sees only one other");
    const visibleButtons = await s.page.locator("button:visible, input:visible, a:visible").count();
    assert.equal(visibleButtons, 0, "no controls on the screen");
    const a = await snap(s.page);
    assert.equal(a.shot, "orbit", "no guide: the camera orbits");
    await s.page.evaluate(() => window.__mpp!.frames(30));
    const b = await snap(s.page);
    assert.ok(Math.hypot(b.camera[0] - a.camera[0], b.camera[2] - a.camera[2]) > 0.01, "the orbit moves");
    // A 1080p frame of software WebGL on a loaded 2-core machine: give the screenshot time.
    const shot = PNG.sync.read(await s.page.screenshot({ timeout: 240_000 }));
    assert.ok(colours(shot, { x: 0, y: 200, width: 1920, height: 800 }) > 40, "the 3D view is drawn, not blank");
  });

  it("chases the guide from behind, and follows the guide into a building", async () => {
    await g.page.evaluate((pin) => window.__mpp!.tourClaim(pin), PIN);
    await until(g.page, "g is a guide", () => g.page.evaluate(() => window.__mpp!.tour()), (t) => t.guide);
    const chase = await until(s.page, "the screen chases the guide", () => snap(s.page), (x) => x.shot === "chase" && x.guide === gid);
    const gEye = await g.page.evaluate(() => window.__mpp!.cameraPosition());
    const settled = await until(s.page, "the camera settles behind the guide", () => snap(s.page), (x) => {
      const d = Math.hypot(x.camera[0] - gEye[0], x.camera[2] - gEye[2]);
      return d > 2 && d < 5 && x.camera[1] > gEye[1];
    });
    assert.ok(settled.camera[1] - gEye[1] < 3, `the camera is above the guide's head, not in the sky (${JSON.stringify(settled.camera)}, ${JSON.stringify(chase.camera)})`);
    await g.page.evaluate(() => window.__mpp!.enterBuilding("3273"));
    await until(s.page, "the screen enters with the guide", () => s.page.evaluate(() => window.__mpp!.place()), (p) => p.kind === "building" && p.region === "3273");
    await until(s.page, "the screen watches the building's room", () => presence(s.page), (x) => x.room === "3273" && x.peers.some((p) => p.id === gid));
    await v.page.evaluate(() => window.__mpp!.enterBuilding("3273"));
    await until(s.page, "the visitor comes in too", () => presence(s.page), (x) => x.peers.length === 2);
    assert.equal((await s.page.getByTestId("spectator-place").textContent())?.includes("Bandung"), true, "the screen names the place");
  });

  it("the guide opens the current kiosk for everyone: the visitor and the screen show it", async () => {
    assert.equal(await g.page.evaluate((id) => window.__mpp!.openService(id), SERVICE), true, "the guide opens a service");
    const title = (await g.page.evaluate(() => window.__mpp!.kiosk()))!.title;
    await g.page.getByTestId("presence-toggle").click();
    await g.page.getByTestId("guide-share-kiosk").click();
    const vk = await until(v.page, "the visitor's own kiosk opens", () => v.page.evaluate(() => window.__mpp!.kiosk()), (k) => k !== null && k.status === "ready");
    assert.deepEqual(vk!.screen, { kind: "service", serviceId: SERVICE }, "the same service, rendered by the visitor's app");
    await until(v.page, "the visitor is told", () => v.page.getByTestId("tour-notice").isVisible(), (x) => x);
    assert.match(await v.page.getByTestId("tour-notice-text").textContent() ?? "", /Pemandu membuka kios/, "notice in the visitor's language");
    const sk = await until(s.page, "the screen shows the kiosk in view", () => snap(s.page), (x) => x.kioskOpen && x.kioskInView, 120_000);
    assert.deepEqual(sk.kiosk, { region: "3273", agency: "imigrasi", service: SERVICE }, "the shared kiosk's ids");
    // Rendered by the screen itself, in its own language (English here, Indonesian on the guide's).
    const own = await until(s.page, "the screen's kiosk is ready", () => s.page.evaluate(() => window.__mpp!.kiosk()), (k) => k !== null && k.status === "ready");
    assert.deepEqual(own!.screen, { kind: "service", serviceId: SERVICE }, "the screen's kiosk shows the shared service");
    assert.notEqual(own!.title, title, `in the screen's language, not the guide's (${own!.title} / ${title})`);
    await until(s.page, "the caption has the service's name", () => s.page.getByTestId("spectator-kiosk-title").textContent(), (t) => t === own!.title);
    // Readable from 3 m on a 1080p screen: body text of at least 40 px, the title larger.
    const sizes = await s.page.evaluate(() => ({
      title: parseFloat(getComputedStyle(document.querySelector("[data-testid=spectator-kiosk-title]")!).fontSize),
      line: parseFloat(getComputedStyle(document.querySelector(".mpp-spectator__lines li")!).fontSize),
      guide: parseFloat(getComputedStyle(document.querySelector("[data-testid=spectator-guide]")!).fontSize),
    }));
    assert.ok(sizes.line >= 40, `kiosk lines ${sizes.line} px`);
    assert.ok(sizes.title >= 55, `kiosk title ${sizes.title} px`);
    assert.ok(sizes.guide >= 48, `the guide's line ${sizes.guide} px`);
    assert.match(await s.page.getByTestId("spectator-guide").textContent() ?? "", /^Guide: /, "the screen speaks its own language");
    await s.page.evaluate(() => window.__mpp!.frames(5));
    const png = await s.page.screenshot({ timeout: 240_000 });
    mkdirSync("test-results", { recursive: true });
    writeFileSync("test-results/spectator-1080p.png", png);
    const shot = PNG.sync.read(png);
    const card = (await s.page.getByTestId("spectator-kiosk").boundingBox())!;
    const c = ink(shot, card);
    assert.ok(c.bright / c.total > 0.5, "the kiosk card is drawn (light background)");
    assert.ok(c.dark > 2000, `the kiosk card carries text (${c.dark} dark pixels)`);
    assert.ok(colours(shot, { x: 0, y: 200, width: Math.floor(card.x) - 3, height: 800 }) > 40, "the 3D view beside the card is drawn");
  });

  it("closes the kiosk, locks the room, switches names off, and shows names as text", async () => {
    const row = g.page.locator(`[data-testid=guide-visitors] li[data-peer="${vid}"] .mpp-guide__name`);
    await until(g.page, "the guide lists the visitor", () => row.count(), (n) => n === 1);
    assert.equal(await row.textContent(), "<b>Ani</b>", "the chosen name is shown as typed");
    assert.equal(await row.locator("b").count(), 0, "and never parsed as HTML");
    await g.page.getByTestId("guide-close-kiosk").click();
    await until(v.page, "the visitor's shared kiosk closes", () => v.page.evaluate(() => window.__mpp!.kiosk()), (k) => k === null);
    await until(s.page, "the screen's too", () => snap(s.page), (x) => !x.kioskOpen && x.kiosk === null);
    assert.equal(await s.page.getByTestId("spectator-kiosk").isVisible(), false, "the caption goes");
    await g.page.getByTestId("guide-lock").click();
    await until(v.page, "the visitor reads that the room is locked", () => v.page.getByTestId("tour-notice-text").textContent(), (t) => /Ruang dikunci/.test(t ?? ""));
    await g.page.getByTestId("guide-names").click();
    const vs = await until(v.page, "the visitor's own name falls back", () => presence(v.page), (x) => x.you?.name === "Pengunjung 2" || /^Pengunjung \d+$/.test(x.you?.name ?? ""));
    assert.match(vs.you!.name, /^Pengunjung \d+$/, "names off: everyone is Pengunjung N");
    assert.match(await v.page.getByTestId("tour-notice-text").textContent() ?? "", /nama pilihan/, "and is told why");
  });

  it("walks out with a kiosk shared: it closes for the visitor who stayed inside and on the screen", async () => {
    assert.equal(await g.page.evaluate((id) => window.__mpp!.openService(id), SERVICE), true, "the guide opens the service again");
    await g.page.getByTestId("guide-share-kiosk").click();
    await until(v.page, "the visitor has the shared kiosk", () => v.page.evaluate(() => window.__mpp!.guideTools()), (t) => t.shared !== null);
    await until(s.page, "so has the screen", () => snap(s.page), (x) => x.kiosk !== null);
    await g.page.evaluate(() => window.__mpp!.leaveBuilding());
    const vt = await until(v.page, "the visitor who stayed inside loses it", () => v.page.evaluate(() => window.__mpp!.guideTools()), (t) => t.shared === null);
    assert.equal(vt.shared, null, "no kiosk of a tour that moved on");
    assert.equal(await v.page.evaluate(() => window.__mpp!.kiosk()), null, "its panel is closed");
    assert.equal((await v.page.evaluate(() => window.__mpp!.place())).kind, "building", "while the visitor stays inside");
    await until(s.page, "the screen goes out with the guide, without the kiosk", () => Promise.all([s.page.evaluate(() => window.__mpp!.place()), snap(s.page)]), ([p, x]) => p.kind === "plaza" && x.kiosk === null && !x.kioskOpen);
    // Back in with the visitor, for the next test (the room is locked: a guide still enters).
    await g.page.evaluate(() => window.__mpp!.enterBuilding("3273"));
    await until(s.page, "the screen comes back in with the guide", () => presence(s.page), (x) => x.room === "3273" && x.peers.length === 2);
  });

  it("removes the visitor: they are told, the screen sees them go", async () => {
    await g.page.locator(`[data-testid=guide-remove][data-peer="${vid}"]`).click();
    await until(v.page, "the visitor is told", () => v.page.getByTestId("tour-notice-text").textContent(), (t) => /mengeluarkan Anda/.test(t ?? ""));
    assert.equal((await presence(v.page)).status, "stopped", "the visitor's presence stopped");
    await until(s.page, "the screen no longer shows the visitor", () => presence(s.page), (x) => x.peers.length === 1 && x.peers[0]!.id === gid);
  });
});

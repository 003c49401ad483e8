// WebXR mode with Meta's iwer emulating a Quest 3 in headless chromium (PRODUCT.md user 2).
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, frameStats, type Harness, type Watched } from "./support/harness";
import { installIwer, xrFrames, poseController, thumbstick, button, aimAtControl, aimAtPoint, openMenuByPointing, inputMode } from "./support/iwer";
import { BUDGETS } from "../../bench/budgets";
import type { Page } from "playwright-core";

const pos = (page: Page) => page.evaluate(() => window.__mpp!.cameraPosition());
const yaw = (page: Page) => page.evaluate(() => window.__mpp!.cameraYaw());
const flat = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[2]! - b[2]!);

/** Pushes a thumbstick for some frames, then releases it (how a visitor flicks it). */
async function flick(page: Page, hand: "left" | "right", x: number, y: number, frames = 8) {
  await thumbstick(page, hand, x, y);
  await xrFrames(page, frames);
  await thumbstick(page, hand, 0, 0);
  await xrFrames(page, 6);
}

describe("WebXR mode with iwer (browser)", function () {
  this.timeout(240_000);
  let h: Harness;
  let w: Watched;

  before(async () => {
    h = await startHarness();
    w = await openPage(h);
    await installIwer(w.page);
    // A quarter of the Quest 3's resolution: SwiftShader draws two eyes on two CPU cores.
    await gotoReady(w, h.origin, "/?automation=1&xrscale=0.25");
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => w.assertClean());

  it("shows Enter VR where immersive-vr is supported", async () => {
    await w.page.getByTestId("xr-button").waitFor({ state: "visible", timeout: 15_000 });
  });

  let observersBefore: number[] = [];
  const observerCounts = (page: Page) =>
    page.evaluate(() => {
      const c = window.__mpp!.sceneCounts();
      return [c.beforeRenderObservers, c.afterRenderObservers, c.pointerObservers, c.beforeCameraRenderObservers];
    });

  it("enters VR where the visitor stood", async () => {
    const { page } = w;
    observersBefore = await observerCounts(page);
    const before = await pos(page);
    await page.getByTestId("xr-button").click();
    await page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 60_000 });
    await xrFrames(page, 5);
    const inXr = await pos(page);
    assert.ok(flat(before, inXr) < 0.5, `XR starts at the desktop position (${before} vs ${inXr})`);
    const requested = await page.evaluate(() => window.__mpp!.cameraClass());
    assert.equal(requested, "WebXRCamera", "the XR camera is active");
  });

  it("shows both controllers' own models, loaded from our origin", async () => {
    const { page } = w;
    const asked: string[] = [];
    page.on("request", (r) => asked.push(new URL(r.url()).pathname));
    await page.waitForFunction(() => window.__mpp!.xr.controllers().filter((c) => c.model).length === 2, null, { timeout: 30_000 });
    const controllers = await page.evaluate(() => window.__mpp!.xr.controllers());
    assert.equal(controllers.length, 2, "two controllers");
    for (const c of controllers) {
      assert.equal(c.profile, "meta-quest-touch-plus", `${c.hand}: the Quest 3 controller profile was found in our repository`);
      assert.ok(c.model?.underGrip, `${c.hand}: its model follows the grip`);
      assert.ok((c.model?.meshes ?? 0) > 0, `${c.hand}: the model has meshes`);
      assert.equal(c.model?.pickable, false, `${c.hand}: the model does not catch pointer rays or teleport arcs`);
      assert.deepEqual(c.model?.materials, ["StandardMaterial"], `${c.hand}: drawn with the cheaper StandardMaterial, not the glTF's PBR`);
    }
    // Both models were asked of this server (or already cached from it), never of another origin.
    const entries = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    for (const hand of ["left", "right"]) {
      const path = `/assets/xr-input/profiles/meta-quest-touch-plus/${hand}.glb`;
      assert.ok(entries.includes(path) || asked.includes(path), `${path} came from our origin`);
    }
    assert.deepEqual(w.foreign, [], "no request to another origin for profiles or models");
  });

  it("draws a resting controller as one mesh, and its parts while a finger moves one", async () => {
    const { page } = w;
    const drawn = () => page.evaluate(() => Object.fromEntries(window.__mpp!.xr.controllers().map((c) => [c.hand, c.model?.drawn ?? -1])));
    await page.waitForFunction(() => window.__mpp!.xr.controllers().every((c) => c.model?.drawn === 1), null, { timeout: 30_000 })
      .catch(async () => assert.fail(`at rest each controller draws one mesh (drawn: ${JSON.stringify(await drawn())})`));
    // The squeeze moves the grip button: the right controller's parts are drawn, the left stays one mesh.
    await button(page, "right", "squeeze", 1);
    await page.waitForFunction(() => (window.__mpp!.xr.controllers().find((c) => c.hand === "right")?.model?.drawn ?? 0) > 1, null, { timeout: 30_000 })
      .catch(async () => assert.fail(`a pressed squeeze draws the right controller's parts (drawn: ${JSON.stringify(await drawn())})`));
    const pressed = await drawn();
    assert.equal(pressed.left, 1, "the left controller, untouched, stays one mesh");
    const parts = await page.evaluate(() => window.__mpp!.xr.controllers().find((c) => c.hand === "right")!.model!.meshes - 1);
    assert.equal(pressed.right, parts, `all ${parts} parts of the right controller are drawn while its squeeze is held`);
    await button(page, "right", "squeeze", 0);
    await page.waitForFunction(() => window.__mpp!.xr.controllers().every((c) => c.model?.drawn === 1), null, { timeout: 30_000 })
      .catch(async () => assert.fail(`released, the right controller is one mesh again (drawn: ${JSON.stringify(await drawn())})`));
  });

  it("stays within the VR budgets at the hub", async () => {
    const s = await frameStats(w.page);
    const perView = s.drawCalls / Math.max(1, s.views);
    assert.ok(perView <= BUDGETS.drawCallsPerView, `draw calls per view ${perView} <= ${BUDGETS.drawCallsPerView}`);
    // The frame's count covers both eyes; the budget is per eye (bench/budgets.ts).
    const trianglesPerView = s.activeTriangles / Math.max(1, s.views);
    assert.ok(trianglesPerView <= BUDGETS.trianglesVr, `triangles per view ${trianglesPerView} <= ${BUDGETS.trianglesVr}`);
  });

  it("opens the VR menu by pointing at the hub's directory kiosk", async () => {
    const { page } = w;
    await openMenuByPointing(page, "right");
    const domDirectoryOpen = await page.getByTestId("directory-panel").isVisible().catch(() => false);
    assert.equal(domDirectoryOpen, false, "the page's directory, invisible in a headset, stays closed");
    await page.evaluate(() => window.__mpp!.xr.hideMenu());
    await xrFrames(page, 3);
  });

  it("points over floors (the trigger does nothing there), and rests on the kiosk it points at", async () => {
    const { page } = w;
    const rightRay = async () => (await page.evaluate(() => window.__mpp!.xr.pointedAt())).find((c) => c.hand === "right")!.mesh;
    const [p, f] = await page.evaluate(() => [window.__mpp!.xr.pose().position, window.__mpp!.viewDirection()]);
    const fl = Math.hypot(f[0], f[2]);
    // The ground a metre ahead, well short of the hub's map table.
    await aimAtPoint(page, "right", [p[0] + f[0] / fl, 0, p[2] + f[2] / fl]);
    await xrFrames(page, 4);
    assert.equal(await rightRay(), null, "the ray aimed at the ground rests on nothing");
    const kiosk = (await page.evaluate(() => window.__mpp!.kiosks().find((k) => k.id === "directory")))!;
    await aimAtPoint(page, "right", kiosk.center);
    await xrFrames(page, 4);
    assert.notEqual(await rightRay(), null, "aimed at the directory kiosk, the ray rests on it");
  });

  it("teleports with the right thumbstick onto the floor it aims at, and stays there", async () => {
    const { page } = w;
    const before = await pos(page);
    await poseController(page, "right", [0.2, 1.3, -0.3], -30);
    await xrFrames(page, 4);
    await flick(page, "right", 0, -1);
    const after = await pos(page);
    const moved = flat(before, after);
    assert.ok(moved > 1, `the camera moved (${moved.toFixed(2)} m)`);
    await xrFrames(page, 30);
    const later = await pos(page);
    assert.ok(flat(after, later) < 0.05, "and it stays moved (iwer shim in place)");
  });

  it("teleports with the left thumbstick too", async () => {
    const { page } = w;
    // From the spawn point, like the right one: where the right teleport landed, the floor ahead may end.
    await page.evaluate(() => window.__mpp!.goToSpawn());
    await xrFrames(page, 4);
    const before = await pos(page);
    await poseController(page, "left", [-0.2, 1.3, -0.3], -30);
    await xrFrames(page, 4);
    await flick(page, "left", 0, -1);
    assert.ok(flat(before, await pos(page)) > 1, "the left controller teleports as well");
  });

  it("cancels the teleport when the thumbstick is pulled back while aiming", async () => {
    const { page } = w;
    const before = await pos(page);
    await poseController(page, "right", [0.2, 1.3, -0.3], -30);
    await thumbstick(page, "right", 0, -1);
    await xrFrames(page, 6);
    await thumbstick(page, "right", 0, 1);
    await xrFrames(page, 4);
    await thumbstick(page, "right", 0, 0);
    await xrFrames(page, 6);
    assert.ok(flat(before, await pos(page)) < 0.05, "pulling back cancelled the jump");
  });

  it("does not teleport onto a wall or roof it aims at", async () => {
    const { page } = w;
    // Stand 6 m in front of a building's door, facing it, and aim level at the facade.
    await page.evaluate(() => window.__mpp!.goToBuilding("3273"));
    await xrFrames(page, 4);
    const before = await pos(page);
    await poseController(page, "right", [0.2, 1.6, -0.3], 12);
    await xrFrames(page, 4);
    await flick(page, "right", 0, -1);
    const after = await pos(page);
    assert.ok(flat(before, after) < 0.05, `aiming at the wall did not move the visitor (${flat(before, after).toFixed(2)} m)`);
  });

  it("snap-turns 45 degrees with a sideways flick", async () => {
    const { page } = w;
    const before = await yaw(page);
    await flick(page, "right", 1, 0);
    const after = await yaw(page);
    let d = Math.abs(after - before);
    if (d > Math.PI) d = 2 * Math.PI - d;
    assert.ok(Math.abs(d - Math.PI / 4) < 0.05, `turned ${(d * 180 / Math.PI).toFixed(1)} degrees`);
  });

  it("teleporting onto a building's doorway enters it, and its interior loads", async () => {
    const { page } = w;
    // 4 m in front of the door, facing it: aim at the porch floor by the doorway and jump.
    await page.evaluate(() => window.__mpp!.goToBuilding("3204"));
    await xrFrames(page, 4);
    await poseController(page, "right", [0.0, 1.3, -0.2], -19);
    await xrFrames(page, 4);
    await flick(page, "right", 0, -1);
    await page.waitForFunction(() => window.__mpp!.place().kind === "building", null, { timeout: 30_000 });
    const place = await page.evaluate(() => window.__mpp!.place());
    assert.deepEqual(place, { kind: "building", region: "3204" }, "inside the building whose doorway was the target");
    await xrFrames(page, 4);
    const s = await frameStats(page);
    assert.ok(s.drawCalls / Math.max(1, s.views) <= BUDGETS.drawCallsPerView, `draw calls per view inside ${s.drawCalls / s.views}`);
    assert.ok(s.activeTriangles <= BUDGETS.trianglesVr, `triangles inside ${s.activeTriangles} <= ${BUDGETS.trianglesVr}`);
  });

  it("opens a service with controller pointer and trigger on a kiosk", async () => {
    const { page } = w;
    // Stand 1.4 m in front of the first counter kiosk, facing it.
    const first = await page.evaluate(() => window.__mpp!.kiosks()[0]!);
    await page.evaluate((id) => window.__mpp!.standInFront(id, 1.4), first.id);
    await poseController(page, "right", [0.0, 1.5, -0.2], 0);
    await xrFrames(page, 10);
    await button(page, "right", "trigger", 1);
    await xrFrames(page, 4);
    await button(page, "right", "trigger", 0);
    await xrFrames(page, 10);
    await page.waitForFunction(() => window.__mpp!.kiosk() !== null, null, { timeout: 10_000 });
    await page.getByTestId("mirror-title").waitFor({ timeout: 10_000 });
    const title = await page.getByTestId("mirror-title").textContent();
    assert.equal(title, first.name, "the kiosk of the counter pointed at opened, mirrored in the DOM");
  });

  it("selects a service, scrolls it with the thumbstick and goes back, all by pointing", async () => {
    const { page } = w;
    const pull = async () => {
      await xrFrames(page, 6);
      await button(page, "right", "trigger", 1);
      await xrFrames(page, 4);
      await button(page, "right", "trigger", 0);
      await xrFrames(page, 6);
    };
    const firstItem = await page.evaluate(() => window.__mpp!.kiosk()!.items[0]!);
    await aimAtControl(page, "right", "kiosk-panel", `item-${firstItem}`);
    await pull();
    await page.waitForFunction(() => {
      const k = window.__mpp!.kiosk();
      return k?.screen.kind === "service" && k.status === "ready";
    }, null, { timeout: 15_000 });
    await xrFrames(page, 6);
    const bar = () => page.evaluate(() => window.__mpp!.panelScroll() ?? -1);
    const top = await bar();
    await aimAtControl(page, "right", "kiosk-panel", "body");
    await xrFrames(page, 4);
    const before = await pos(page);
    await thumbstick(page, "right", 0, 1);
    await xrFrames(page, 20);
    await thumbstick(page, "right", 0, 0);
    await xrFrames(page, 4);
    assert.ok((await bar()) > top, "pulling the stick back while pointing at the panel scrolled the text down");
    assert.ok(flat(before, await pos(page)) < 0.05, "and did not teleport");
    await aimAtControl(page, "right", "kiosk-panel", "action-back");
    await pull();
    await page.waitForFunction(() => window.__mpp!.kiosk()?.screen.kind === "services", null, { timeout: 15_000 });
  });

  it("opens the VR menu with the Y button and jumps to a region from its directory", async () => {
    const { page } = w;
    await button(page, "left", "y-button", 1);
    await xrFrames(page, 3);
    await button(page, "left", "y-button", 0);
    await xrFrames(page, 3);
    assert.equal(await page.evaluate(() => window.__mpp!.xr.menuVisible()), true, "the menu is shown");
    // Aim the right controller from the head at the centre of the first region's button.
    await aimAtControl(page, "right", "xr-menu", "xr-region-3201");
    await xrFrames(page, 6);
    await button(page, "right", "trigger", 1);
    await xrFrames(page, 4);
    await button(page, "right", "trigger", 0);
    await page.waitForFunction(() => {
      const p = window.__mpp!.place();
      return p.kind === "building" && p.region === "3201";
    }, null, { timeout: 30_000 });
    assert.equal(await page.evaluate(() => window.__mpp!.xr.menuVisible()), false, "the menu closed after the choice");
  });

  it("offers smooth turning as a comfort option", async () => {
    const { page } = w;
    await page.evaluate(() => window.__mpp!.xr.setTurnMode("smooth"));
    const before = await yaw(page);
    await thumbstick(page, "right", 1, 0);
    await xrFrames(page, 10);
    const mid = await yaw(page);
    await xrFrames(page, 10);
    const end = await yaw(page);
    await thumbstick(page, "right", 0, 0);
    await xrFrames(page, 3);
    const d1 = Math.abs(mid - before);
    const d2 = Math.abs(end - mid);
    assert.ok(d1 > 0.01 && d2 > 0.01, `the view keeps turning while the stick is held (${d1.toFixed(3)}, ${d2.toFixed(3)} rad)`);
    const settled = await yaw(page);
    await xrFrames(page, 6);
    assert.ok(Math.abs((await yaw(page)) - settled) < 1e-6, "and stops when it is released");
    await page.evaluate(() => window.__mpp!.xr.setTurnMode("snap"));
  });

  it("opens a kiosk with a tracked hand's pinch", async () => {
    const { page } = w;
    await page.evaluate(() => window.__mpp!.closeKiosk());
    await inputMode(page, "hand");
    await xrFrames(page, 10);
    // Each hand is drawn with our skinned hand model, its bones driven by the tracked joints.
    const hands = await page.evaluate(() => window.__mpp!.xr.hands());
    for (const hand of hands) {
      assert.ok(hand.tracked, `${hand.side}: the session reports the tracked hand`);
      assert.ok(hand.model?.visible, `${hand.side}: the hand model is shown`);
      assert.equal(hand.model?.linkedBones, 25, `${hand.side}: a bone follows each of the 25 tracked joints`);
      assert.equal(hand.jointsShown, 0, `${hand.side}: the joint spheres are hidden behind the model`);
    }
    const asked = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    assert.ok(asked.includes("/assets/xr-input/hands/right.glb"), "the hand model came from our origin");
    // Stand in front of the second counter kiosk and point the right hand at its label.
    const second = await page.evaluate(() => window.__mpp!.kiosks()[1]!);
    await page.evaluate((id) => window.__mpp!.standInFront(id, 1.4), second.id);
    await page.evaluate(() => {
      const hand = window.__xrDevice!.hands.right;
      hand.position.set(0.0, 1.5, -0.25);
      hand.quaternion.set(0, 0, 0, 1);
    });
    await xrFrames(page, 10);
    await page.evaluate(() => window.__xrDevice!.hands.right.updatePinchValue(1));
    await xrFrames(page, 6);
    await page.evaluate(() => window.__xrDevice!.hands.right.updatePinchValue(0));
    await xrFrames(page, 10);
    await page.waitForFunction(() => window.__mpp!.kiosk() !== null, null, { timeout: 10_000 });
    assert.equal(await page.getByTestId("mirror-title").textContent(), second.name, "the kiosk pointed at by the hand opened");
    await inputMode(page, "controller");
    await xrFrames(page, 6);
  });

  it("leaves VR back to the desktop view at the same place, with no leaked observers", async () => {
    const { page } = w;
    const inXr = await pos(page);
    await page.evaluate(() => window.__mpp!.xr.exit());
    await page.waitForFunction(() => window.__mpp!.xr.state() === "idle", null, { timeout: 30_000 });
    const cls = await page.evaluate(() => window.__mpp!.cameraClass());
    assert.equal(cls, "FreeCamera", "the desktop camera is active again");
    const desk = await pos(page);
    assert.ok(flat(inXr, desk) < 0.3, `desktop view continues where the headset was (${inXr} vs ${desk})`);
    assert.deepEqual(await observerCounts(page), observersBefore, "scene observers are back to their count before VR");
  });

  it("returns to the desktop when the system ends the session, and can enter again", async () => {
    const { page } = w;
    await page.evaluate(() => window.__mpp!.enterXR());
    await page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 60_000 });
    await xrFrames(page, 3);
    // What the headset's system menu does: end the XRSession from outside the app.
    await page.evaluate(() => window.__mpp!.xr.endSession());
    await page.waitForFunction(() => window.__mpp!.xr.state() === "idle", null, { timeout: 30_000 });
    const cls = await page.evaluate(() => window.__mpp!.cameraClass());
    assert.equal(cls, "FreeCamera", "the desktop camera took over");
    assert.deepEqual(await observerCounts(page), observersBefore, "no observers left behind by the second session");
    await page.getByTestId("xr-button").waitFor({ state: "visible" });
  });
});

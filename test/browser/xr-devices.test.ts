// Headsets other than the Quest 3 the main XR test emulates: a Quest 2, whose controller profile
// we ship, and a Quest 1, whose profile we do not. The Quest 1 must still work by pointer, with no
// model and without Babylon fetching its built-in controller model from its CDN. Then a Quest 3
// whose controller and hand model files are missing or corrupt.
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, type Harness, type Watched } from "./support/harness";
import { installIwer, xrFrames, openMenuByPointing, inputMode } from "./support/iwer";

interface Case {
  device: string;
  /** The profile Babylon should settle on for both controllers. */
  profile: string;
  /** Whether a model is shown for it. */
  model: boolean;
}

const CASES: Case[] = [
  { device: "metaQuest2", profile: "oculus-touch-v3", model: true },
  { device: "oculusQuest1", profile: "oculus-touch", model: false },
];

const controllers = (w: Watched) =>
  w.page.evaluate(() => {
    const list = window.__mpp!.xr.controllers();
    return { profiles: list.map((c) => c.profile), shown: list.filter((c) => c.model).length };
  });

describe("WebXR on other headsets, and with missing models (browser, iwer)", function () {
  this.timeout(240_000);
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (const c of CASES) {
    it(`${c.device}: ${c.model ? `shows the ${c.profile} controllers` : "works by pointer, with no controller model"}, nothing from another origin`, async () => {
      const w = await openPage(h);
      try {
        await installIwer(w.page, c.device);
        await gotoReady(w, h.origin, "/?automation=1&xrscale=0.25");
        await w.page.getByTestId("xr-button").click();
        await w.page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 60_000 });
        await w.page.waitForFunction(() => {
          const list = window.__mpp!.xr.controllers();
          return list.length === 2 && list.every((x) => x.profile !== null);
        }, null, { timeout: 30_000 });
        if (c.model) {
          await w.page.waitForFunction(() => window.__mpp!.xr.controllers().filter((x) => x.model).length === 2, null, { timeout: 30_000 });
        } else {
          await xrFrames(w.page, 30); // time for a model to appear, if one wrongly would
        }
        const seen = await controllers(w);
        assert.deepEqual(seen.profiles, [c.profile, c.profile], `both controllers use ${c.profile}`);
        assert.equal(seen.shown, c.model ? 2 : 0, c.model ? "a model per controller" : "no model");
        // The controller still works: point at the hub's directory kiosk and pull the trigger.
        await openMenuByPointing(w.page, "right");
        assert.deepEqual(w.foreign, [], "no request to another origin");
        w.assertClean();
      } finally {
        await w.context.close();
      }
    });
  }

  it("keeps working: the controller without its model points and selects, hands fall back to joints", async () => {
    const w = await openPage(h);
    const warnings: string[] = [];
    w.page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
    try {
      // The left controller's model is missing; the right hand's model is corrupt.
      await w.context.route("**/assets/xr-input/profiles/meta-quest-touch-plus/left.glb", (r) => r.fulfill({ status: 404, body: "" }));
      await w.context.route("**/assets/xr-input/hands/right.glb", (r) => r.fulfill({ status: 200, contentType: "model/gltf-binary", body: Buffer.from("glTF not really") }));
      await installIwer(w.page);
      await gotoReady(w, h.origin, "/?automation=1&xrscale=0.25");
      await w.page.getByTestId("xr-button").click();
      await w.page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 60_000 });
      await w.page.waitForFunction(() => window.__mpp!.xr.controllers().filter((x) => x.model).length === 1, null, { timeout: 30_000 });
      await xrFrames(w.page, 30);
      const shown = await w.page.evaluate(() => window.__mpp!.xr.controllers().filter((c) => c.model).map((c) => c.hand));
      assert.deepEqual(shown, ["right"], "only the right controller has its model");
      assert.ok(warnings.some((t) => t.includes("no model for the meta-quest-touch-plus controller")), "the missing model is reported on the console");
      // The left controller, without a model, still opens the VR menu from the hub's directory kiosk:
      // its pull takes the one pointer ray from the right hand, its release taps the kiosk.
      const pointing = () => w.page.evaluate(() => window.__mpp!.xr.controllers().filter((c) => c.pointing).map((c) => c.hand));
      assert.deepEqual(await pointing(), ["right"], "the ray starts on the right hand");
      await openMenuByPointing(w.page, "left");
      assert.deepEqual(await pointing(), ["left"], "the left controller's pull took the ray");
      // Hands: one model is broken, so both are drawn as Babylon's joint spheres (no CDN fallback).
      await inputMode(w.page, "hand");
      await xrFrames(w.page, 20);
      const hands = await w.page.evaluate(() => window.__mpp!.xr.hands());
      for (const hand of hands) {
        assert.ok(hand.tracked, `${hand.side}: the hand is tracked`);
        assert.equal(hand.model, null, `${hand.side}: no hand model`);
        assert.equal(hand.jointsShown, 25, `${hand.side}: its 25 joints are drawn instead`);
      }
      assert.ok(warnings.some((t) => t.includes("hand models unavailable")), "the broken hand model is reported on the console");
      assert.deepEqual(w.foreign, [], "no fallback to another origin");
      w.assertClean();
    } finally {
      await w.context.close();
    }
  });
});

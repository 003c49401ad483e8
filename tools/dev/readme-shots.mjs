// Development aid: takes the README's screenshots (docs/*.png) from a running server, in headless
// chromium, each in a fresh page at 1280x720: the plaza's first view, one building from its
// forecourt, an MPP hall with its counters, and the VR view (Meta's iwer emulating a Quest 3).
// Usage (with `npm run serve` on :8080, or BASE=http://localhost:PORT): node tools/dev/readme-shots.mjs [outDir] [names...]
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const BASE = process.env.BASE ?? "http://localhost:8080";
const outDir = process.argv[2] ?? "docs";
const only = process.argv.slice(3);

const IWER = `${readFileSync("node_modules/iwer/build/iwer.min.js", "utf8")}
;(() => {
  const device = new IWER.XRDevice(IWER.metaQuest3);
  device.installRuntime({ forceInstall: true });
  const proto = IWER.XRReferenceSpace.prototype;
  const original = proto.getOffsetReferenceSpace;
  proto.getOffsetReferenceSpace = function (t) { return original.call(this, t && t.matrix ? t.matrix : t); };
  window.__xrDevice = device;
})();`;

/** Puts the desktop camera at `eye`, looking at `target` (no floor following while it stands there). */
const look = (eye, target) => {
  const exp = window.__mpp.experience;
  exp.walker.setSurfaces([]);
  const cam = exp.walker.camera;
  const V = cam.position.constructor;
  cam.position.set(...eye);
  cam.setTarget(new V(...target));
};

const SHOTS = {
  // What a visitor sees first: the hub, the map table, the legend, buildings beyond.
  plaza: { path: "/?automation=1", prepare: null },
  // One whole building with its roof and sign, from across its forecourt.
  building: {
    path: "/?automation=1",
    prepare: async (page) =>
      page.evaluate(`(() => {
        const REGION = ${JSON.stringify(process.env.REGION ?? "3205")};
        const exp = window.__mpp.experience;
        const b = exp.plaza.buildings.find((x) => x.region === REGION);
        b.entrance.computeWorldMatrix(true);
        const door = b.entrance.getAbsolutePosition();
        const f = b.entrance.getDirection(new door.constructor(0, 0, 1));
        const eye = [door.x + f.x * 25 + f.z * 8, door.y + 3.4, door.z + f.z * 25 - f.x * 8];
        (${look})(eye, [door.x, door.y + 5, door.z]);
      })()`),
  },
  // An MPP hall: counters with their agency signs and officers, the queue board, chairs.
  hall: {
    path: "/?automation=1",
    prepare: async (page) => {
      await page.evaluate(() => window.__mpp.experience.enterBuilding("3273"));
      await page.evaluate(`(() => {
        const o = window.__mpp.experience.interior.root.getAbsolutePosition();
        (${look})([o.x - 1.5, o.y + 2.3, o.z + 5.5], [o.x + 0.5, o.y + 1.6, o.z - 8]);
      })()`);
    },
  },
  // In the headset (emulated): the hub with both controllers.
  vr: {
    path: "/?automation=1",
    iwer: true,
    prepare: async (page) => {
      await page.evaluate(() => window.__mpp.enterXR());
      await page.waitForFunction(() => window.__mpp.xr?.()?.state === "in-xr", null, { timeout: 120_000 });
      await page.waitForFunction(() => window.__mpp.xr().run.models.shown.size === 2, null, { timeout: 120_000 });
      // Both hands held in front, pointing ahead, as a visitor about to teleport.
      await page.evaluate(() => {
        const d = window.__xrDevice;
        const q = window.IWER.eulerToQuat({ pitch: -15, yaw: 0, roll: 0 });
        for (const [hand, x] of [["left", -0.2], ["right", 0.2]]) {
          d.controllers[hand].position.set(x, 1.42, -0.38);
          d.controllers[hand].quaternion.set(q.x, q.y, q.z, q.w);
        }
      });
    },
  },
};

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP localhost 127.0.0.1"],
});
try {
  for (const [name, shot] of Object.entries(SHOTS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on("pageerror", (e) => console.log(`${name}: pageerror:`, e.message));
    if (shot.iwer) await page.addInitScript({ content: IWER });
    await page.goto(BASE + shot.path);
    await page.waitForFunction(() => window.__mpp, null, { timeout: 180_000 });
    await page.evaluate(() => window.__mpp.ready);
    if (shot.prepare) await shot.prepare(page);
    // A few drawn frames after the last change (the XR session drives its own loop).
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const scene = window.__mpp.experience.scene;
          let left = 4;
          const o = scene.onAfterRenderObservable.add(() => {
            if (--left > 0) return;
            scene.onAfterRenderObservable.remove(o);
            resolve();
          });
        }),
    );
    // The help line fades on its own; hide it so it does not cover the view.
    await page.addStyleTag({ content: "[data-testid=hud-help]{display:none !important}" });
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(name, JSON.stringify(await page.evaluate(() => window.__mpp.stats())), "->", file);
    await page.close();
  }
} finally {
  await browser.close();
}

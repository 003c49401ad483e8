// Development aid: takes the README's screenshots from the real app in headless chromium, each in a
// fresh page at 1280x720, through the test hook (window.__mpp, ?automation=1): the plaza's first
// view, one building from its forecourt, an MPP hall with its counters, and the VR view (Meta's iwer
// emulating a Quest 3). Each is written as WebP (encoded by chromium itself, no other tool needed):
// a tenth of the PNG's bytes, so the repository stays small.
// Usage (with `npm run serve` on :8080, or BASE=http://localhost:PORT):
//   node tools/dev/readme-shots.mjs [outDir=docs] [names...]      names: plaza building hall vr
// REGION=3205 chooses the building shown outside; QUALITY=0.8 the WebP quality; PNG=1 writes PNG.
import { chromium } from "playwright-core";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const BASE = process.env.BASE ?? "http://localhost:8080";
const outDir = process.argv[2] ?? "docs";
const only = process.argv.slice(3);
const REGION = process.env.REGION ?? "3205";
const QUALITY = Number(process.env.QUALITY ?? 0.8);
const scene = JSON.parse(readFileSync("scenes/plaza.json", "utf8"));

const IWER = `${readFileSync("node_modules/iwer/build/iwer.min.js", "utf8")}
;(() => {
  const device = new IWER.XRDevice(IWER.metaQuest3);
  device.installRuntime({ forceInstall: true });
  // iwer 2.5.0 treats getOffsetReferenceSpace's XRRigidTransform as a matrix (XR-TESTING.md).
  const proto = IWER.XRReferenceSpace.prototype;
  const original = proto.getOffsetReferenceSpace;
  proto.getOffsetReferenceSpace = function (t) { return original.call(this, t && t.matrix ? t.matrix : t); };
  window.__xrDevice = device;
})();`;

/** A building seen from across its forecourt, a little to the side: roof, facade and sign. */
function buildingView(region) {
  const b = scene.buildings.find((x) => x.region === region);
  if (!b) throw new Error(`readme-shots: no building ${region} in scenes/plaza.json`);
  const [px, , pz] = b.position;
  const [ax, , az] = b.approach;
  const len = Math.hypot(ax - px, az - pz);
  const f = [(ax - px) / len, (az - pz) / len]; // from the building out through its door
  const door = [px + f[0] * (b.footprint[1] / 2), pz + f[1] * (b.footprint[1] / 2)];
  const eye = [door[0] + f[0] * 25 + f[1] * 8, 3.4, door[1] + f[1] * 25 - f[0] * 8];
  return { eye, target: [door[0], 5, door[1]] };
}

const SHOTS = {
  // What a visitor sees first: the hub, the map table, the legend, buildings beyond.
  plaza: { prepare: null },
  // One whole building with its roof and sign, from across its forecourt.
  building: {
    prepare: async (page) => {
      const { eye, target } = buildingView(REGION);
      await page.evaluate(([e, t]) => window.__mpp.viewFrom(e, t), [eye, target]);
    },
  },
  // An MPP hall: counters with their agency signs and officers, the queue board, chairs.
  hall: {
    prepare: async (page) => {
      if (!(await page.evaluate(() => window.__mpp.enterBuilding("3273")))) throw new Error("readme-shots: the hall did not load");
      const [x, y, z] = scene.interior.origin;
      await page.evaluate(([e, t]) => window.__mpp.viewFrom(e, t), [[x - 1.5, y + 2.3, z + 5.5], [x + 0.5, y + 1.6, z - 8]]);
    },
  },
  // In the headset (emulated): the hub with both controllers held ahead, as before a teleport.
  vr: {
    iwer: true,
    prepare: async (page) => {
      await page.evaluate(() => window.__mpp.enterXR());
      await page.waitForFunction(() => window.__mpp.xr.state() === "in-xr", null, { timeout: 120_000 });
      await page.waitForFunction(() => window.__mpp.xr.controllers().filter((c) => c.model).length === 2, null, { timeout: 120_000 });
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

/** PNG bytes to WebP, encoded by the page's own chromium. */
async function toWebp(page, png) {
  const b64 = await page.evaluate(async ([data, quality]) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext("2d").drawImage(bitmap, 0, 0);
    const blob = await canvas.convertToBlob({ type: "image/webp", quality });
    if (blob.type !== "image/webp") throw new Error(`readme-shots: this chromium encodes ${blob.type}, not WebP`);
    const buf = new Uint8Array(await blob.arrayBuffer());
    let s = "";
    for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
    return btoa(s);
  }, [png.toString("base64"), QUALITY]);
  return Buffer.from(b64, "base64");
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const [name, shot] of Object.entries(SHOTS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on("pageerror", (e) => console.log(`${name}: pageerror:`, e.message));
    page.on("request", (r) => {
      if (!r.url().startsWith(BASE) && !r.url().startsWith("data:") && !r.url().startsWith("blob:")) console.log(`${name}: request to another origin: ${r.url()}`);
    });
    if (shot.iwer) await page.addInitScript({ content: IWER });
    await page.goto(`${BASE}/?automation=1`);
    await page.waitForFunction(() => window.__mpp, null, { timeout: 180_000 });
    await page.evaluate(() => window.__mpp.ready);
    if (shot.prepare) await shot.prepare(page);
    // The help line fades on its own; hidden so it does not cover the view.
    await page.addStyleTag({ content: "[data-testid=hud-help]{display:none !important}" });
    // A few drawn frames after the last change (in VR the session drives the loop).
    await page.evaluate(() => window.__mpp.frames(4));
    const png = await page.screenshot();
    const webp = process.env.PNG !== "1";
    const file = join(outDir, `${name}.${webp ? "webp" : "png"}`);
    writeFileSync(file, webp ? await toWebp(page, png) : png);
    console.log(name, JSON.stringify(await page.evaluate(() => window.__mpp.stats())), "->", file);
    await page.close();
  }
} finally {
  await browser.close();
}

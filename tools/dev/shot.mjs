// Development aid: open the app in headless chromium, wait for the test hook, screenshot.
// Usage (with `npm run serve` on :8080, or BASE=http://localhost:PORT): node tools/dev/shot.mjs [url-path] [out.png] [js-to-run-after-ready]
// The README screenshots in docs/ were taken with it.
import { chromium } from "playwright-core";
const path = process.argv[2] ?? "/?automation=1";
const out = process.argv[3] ?? "/tmp/shot.png";
const after = process.argv[4];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
page.on("console", (m) => console.log("console:", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
page.on("request", (r) => { if (!r.url().startsWith("http://localhost")) console.log("FOREIGN:", r.url()); });
const t0 = Date.now();
await page.goto((process.env.BASE ?? "http://localhost:8080") + path);
await page.waitForFunction(() => window.__mpp, null, { timeout: 120000 });
await page.evaluate(() => window.__mpp.ready);
console.log("ready after", Date.now() - t0, "ms");
if (after) console.log("after:", JSON.stringify(await page.evaluate(after)));
await page.waitForTimeout(500);
console.log("stats", JSON.stringify(await page.evaluate(() => window.__mpp.stats())));
console.log("camera", JSON.stringify(await page.evaluate(() => window.__mpp.cameraPosition())));
await page.screenshot({ path: out });
await browser.close();

// Development aid: walk into a building with W and print where the visitor ends up.
import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
await page.goto("http://localhost:8080/?automation=1&sw=0");
await page.waitForFunction(() => window.__mpp); await page.evaluate(() => window.__mpp.ready);
const code = process.argv[2] ?? "3204";
await page.evaluate((c) => window.__mpp.experience.goToBuilding(c), code);
await page.locator("#scene").focus();
for (let i = 0; i < 8; i++) {
  await page.keyboard.down("w"); await page.waitForTimeout(700); await page.keyboard.up("w");
  console.log(JSON.stringify(await page.evaluate(() => { const e = window.__mpp.experience; const b = e.plaza.buildings.find(x => x.region === e.plaza.buildings[0].region); return { pos: window.__mpp.cameraPosition().map(v => +v.toFixed(2)), place: e.place.kind }; })));
}
console.log("entrance", JSON.stringify(await page.evaluate((c) => { const e = window.__mpp.experience; const b = e.plaza.buildings.find(x => x.region === c); const p = b.entrance.getAbsolutePosition(); return [p.x, p.y, p.z].map(v => +v.toFixed(2)); }, code)));
await page.screenshot({ path: "/tmp/walk.png" });
await browser.close();

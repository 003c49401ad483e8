// What 20 visitors' avatars cost in the views that matter (issue 16, points 2 and 7): draw calls and
// triangles at the hub on the desktop and in VR (iwer Quest 3, both eyes), without and with 20
// simulated visitors standing 3-9 m in front of the camera. Budgets: 80 draw calls and 100k
// triangles in the VR hub with 20 avatars (issue 16), <= 1 draw call and < 500 triangles per avatar.
// Writes bench/avatars-report.json. Run after `npm run build`:
//   node --import tsx bench/avatars.ts
import { writeFileSync } from "node:fs";
import os from "node:os";
import type { Page } from "playwright-core";
import WebSocket from "ws";
import { enterVr, launchBrowser, loadApp, measureView, startServers } from "./browser";

const AVATARS = 20;
const FRAMES = Number(process.env.BENCH_FRAMES ?? 20);

async function bot(origin: string, p: [number, number, number]): Promise<WebSocket> {
  const ws = new WebSocket(origin.replace("http", "ws") + "/api/v1/presence", { headers: { origin } });
  await new Promise((resolve, reject) => { ws.once("open", resolve); ws.once("error", reject); });
  ws.send(JSON.stringify({ t: "join", room: "plaza" }));
  await new Promise<void>((resolve) => ws.on("message", (d) => { if (JSON.parse(String(d)).t === "welcome") resolve(); }));
  ws.send(JSON.stringify({ t: "pose", h: [p[0], 1.6, p[2], 0, 0, 0, 1] }));
  return ws;
}

/** 20 places in a 5 x 4 grid, 3 to 9 m ahead of the camera along its heading. */
async function gridAhead(page: Page): Promise<[number, number, number][]> {
  const [x, , z] = await page.evaluate(() => window.__mpp!.cameraPosition());
  const yaw = await page.evaluate(() => window.__mpp!.cameraYaw());
  const f = [Math.sin(yaw), Math.cos(yaw)];
  const r = [f[1]!, -f[0]!];
  const out: [number, number, number][] = [];
  for (let i = 0; i < AVATARS; i++) {
    const ahead = 3 + Math.floor(i / 5) * 2;
    const side = -3 + (i % 5) * 1.5;
    out.push([x + f[0]! * ahead + r[0]! * side, 1.6, z + f[1]! * ahead + r[1]! * side]);
  }
  return out;
}

async function measureWithAvatars(page: Page, origin: string): Promise<{ without: Awaited<ReturnType<typeof measureView>>; with: Awaited<ReturnType<typeof measureView>>; drawn: number }> {
  await page.evaluate(() => window.__mpp!.presenceJoin(null));
  await page.waitForFunction(() => window.__mpp!.presence().connected, null, { timeout: 60_000 });
  const without = await measureView(page, "app", FRAMES);
  const bots: WebSocket[] = [];
  try {
    for (const p of await gridAhead(page)) bots.push(await bot(origin, p));
    await page.waitForFunction((n) => {
      const s = window.__mpp!.presence();
      return s.peers.length === n && s.peers.every((p) => p.position !== null) && s.avatars === n;
    }, AVATARS, { timeout: 60_000 });
    const withAvatars = await measureView(page, "app", FRAMES);
    return { without, with: withAvatars, drawn: (await page.evaluate(() => window.__mpp!.presence().avatars)) };
  } finally {
    for (const ws of bots) ws.close(1000);
    await page.evaluate(() => window.__mpp!.presenceLeave());
  }
}

// 40 bots and 2 pages connect within a minute from one address: no rate limit in a bench.
process.env.RATE_LIMIT ??= "off";
// No baseline page here: the counts are compared with the same view without avatars.
const servers = await startServers("dist", "dist");
const browser = await launchBrowser();
const load = os.loadavg()[0];
const rows: Record<string, unknown> = {};
try {
  const d = await loadApp(browser, servers.appOrigin);
  rows.desktop = await measureWithAvatars(d.page, servers.appOrigin);
  await d.context.close();
  const v = await loadApp(browser, servers.appOrigin, { xr: true });
  await enterVr(v.page);
  rows.vr = await measureWithAvatars(v.page, servers.appOrigin);
  await v.context.close();
} finally {
  await browser.close();
  await servers.close();
}
const summary = Object.fromEntries(Object.entries(rows).map(([k, r]) => {
  const x = r as Awaited<ReturnType<typeof measureWithAvatars>>;
  return [k, {
    drawCalls: [x.without.drawCalls, x.with.drawCalls], triangles: [x.without.activeTriangles, x.with.activeTriangles],
    views: x.with.views, avatarsDrawn: x.drawn,
    /** Draw calls all 20 avatars add to one view (thin instances: a constant, not one per avatar). */
    addedDrawCallsPerView: (x.with.drawCalls - x.without.drawCalls) / Math.max(1, x.with.views),
    /** Triangles per avatar per view (VR draws both eyes). */
    trianglesPerAvatarView: (x.with.activeTriangles - x.without.activeTriangles) / AVATARS / Math.max(1, x.with.views),
  }];
}));
const report = { measuredAt: new Date().toISOString(), loadAverage: [load, os.loadavg()[0]], avatars: AVATARS, summary, raw: rows };
writeFileSync("bench/avatars-report.json", JSON.stringify(report, null, 2) + "\n");
console.log(JSON.stringify(summary, null, 2));

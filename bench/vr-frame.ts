// Where the CPU time of a VR frame at the hub goes (issue 18 point 4): the app in VR (iwer Quest 3,
// both controllers held ahead, as bench/run.ts) against the empty Babylon scene, flat and in the same
// kind of VR session (bench/baseline ?xr), alternating in one run, RUNS times each; per run the mean of FRAMES frames of
// - render: scene.render() (the figure bench/run.ts reports), and
// - frame: the whole frame callback: in VR the XR session's (XR camera, controllers, pointer rays,
//   teleport, then the render loop), on the baseline page the engine's render loop.
// PROFILE=1 also records a CPU profile of the VR page (PROFILE_FRAMES XR frames, 200) and prints the functions
// with the most time per frame (self and inclusive; PROFILE_OUT=f.cpuprofile keeps it whole); build unminified for names:
//   node --import tsx bench/vr-frame.ts --build-unminified [--reuse]   (builds bench/out/app-profile, then measures it)
// Otherwise it measures dist/ (npm run build first). Writes bench/vr-frame-report.json (measured dist/ only).
import { writeFileSync, existsSync, cpSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { pathToFileURL } from "node:url";
import webpack, { type Configuration } from "webpack";
import { buildBaselineIfStale } from "./build-baseline";
import { startServers, launchBrowser, loadApp, loadBaseline, enterVr, frameCpu, type FrameTimes } from "./browser";
import { poseController } from "../test/browser/support/iwer";
import { summarize, ratio, type Summary } from "./stats";

const RUNS = Number(process.env.RUNS ?? 3);
const FRAMES = Number(process.env.FRAMES ?? 60);
const PROFILE = process.env.PROFILE === "1";
const PROFILE_FRAMES = Number(process.env.PROFILE_FRAMES ?? 200);
const unminified = process.argv.includes("--build-unminified");

async function buildUnminified(out: string): Promise<void> {
  const mod = (await import(pathToFileURL(resolve("webpack.config.js")).href)) as {
    default: (env: Record<string, string>, argv: Record<string, string>) => Configuration;
  };
  const config = mod.default({ outDir: out }, { mode: "production" });
  config.mode = "production";
  config.optimization = { ...config.optimization, minimize: false };
  // Workbox finds its manifest placeholder twice in an unminified service worker; none is needed here.
  config.plugins = (config.plugins ?? []).filter((p) => p?.constructor.name !== "InjectManifest");
  const stats = await new Promise<webpack.Stats>((ok, fail) => webpack(config, (err, s) => (err || !s ? fail(err) : ok(s))));
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }

async function profile(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  const frames = PROFILE_FRAMES;
  await cdp.send("Profiler.start");
  await page.evaluate((n) => window.__mpp!.frames(n), frames);
  const { profile: p } = (await cdp.send("Profiler.stop")) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  await cdp.detach();
  // PROFILE_OUT=file.cpuprofile keeps the whole profile (Chrome DevTools opens it) for the call tree.
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(p));
  const parent = new Map<number, number>();
  const byId = new Map<number, ProfileNode>();
  for (const nd of p.nodes) {
    byId.set(nd.id, nd);
    for (const c of nd.children ?? []) parent.set(c, nd.id);
  }
  const key = (nd: ProfileNode) => `${nd.callFrame.functionName || "(anon)"} ${nd.callFrame.url.split("/").pop()}:${nd.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? p.timeDeltas[i] ?? 0) / 1000;
    const nd = byId.get(p.samples[i]!)!;
    total += dt;
    self.set(key(nd), (self.get(key(nd)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = nd.id; id !== undefined; id = parent.get(id)) {
      const k = key(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      incl.set(k, (incl.get(k) ?? 0) + dt);
    }
  }
  const per = (ms: number) => (ms / Math.max(1, frames)).toFixed(3);
  console.log(`profile: ${frames} XR frames, ${total.toFixed(0)} ms sampled (${per(total)} ms per frame, idle included)`);
  const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  console.log("-- self ms per frame");
  for (const [k, v] of top(self, 45)) console.log(`${per(v).padStart(8)}  ${k}`);
  console.log("-- inclusive ms per frame");
  for (const [k, v] of top(incl, 90)) console.log(`${per(v).padStart(8)}  ${k}`);
}

let appDir = resolve("bench/out/app");
if (unminified) {
  appDir = resolve("bench/out/app-profile");
  if (process.argv.includes("--reuse") && existsSync(`${appDir}/index.html`)) {
    console.error("measuring the unminified app already in bench/out/app-profile (--reuse)");
  } else {
    console.error("building an unminified app into bench/out/app-profile");
    await buildUnminified(appDir);
  }
} else {
  if (!existsSync("dist/index.html")) throw new Error("vr-frame: dist/ is missing; run npm run build");
  rmSync(appDir, { recursive: true, force: true });
  cpSync("dist", appDir, { recursive: true });
}
const { dir: baselineDir } = await buildBaselineIfStale();
const servers = await startServers(appDir, baselineDir);
const browser = await launchBrowser();
const load0 = loadavg()[0]!;
const app: FrameTimes[] = [];
const base: FrameTimes[] = [];
const baseXr: FrameTimes[] = [];
const counts: unknown[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const b = await loadBaseline(browser, servers.baselineOrigin);
    try {
      await b.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      base.push(await frameCpu(b.page, "baseline", FRAMES));
    } finally {
      await b.context.close();
    }
    const bx = await loadBaseline(browser, servers.baselineOrigin, { xr: true });
    try {
      await bx.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
      baseXr.push(await frameCpu(bx.page, "baseline", FRAMES));
    } finally {
      await bx.context.close();
    }
    const v = await loadApp(browser, servers.appOrigin, { xr: true });
    try {
      await enterVr(v.page);
      await poseController(v.page, "left", [-0.2, 1.42, -0.38], -15);
      await poseController(v.page, "right", [0.2, 1.42, -0.38], -15);
      await v.page.evaluate(() => window.__mpp!.frames(10));
      counts.push(await v.page.evaluate(() => ({ ...window.__mpp!.stats(), ...window.__mpp!.sceneCounts() })));
      app.push(await frameCpu(v.page, "app", FRAMES));
      if (PROFILE && i === RUNS - 1) await profile(v.page);
    } finally {
      await v.context.close();
    }
    console.error(`run ${i + 1}/${RUNS}: VR render ${app.at(-1)!.renderMs.toFixed(2)} ms, frame ${app.at(-1)!.frameMs.toFixed(2)} ms; baseline render ${base.at(-1)!.renderMs.toFixed(2)} ms, frame ${base.at(-1)!.frameMs.toFixed(2)} ms; in VR render ${baseXr.at(-1)!.renderMs.toFixed(2)} ms, frame ${baseXr.at(-1)!.frameMs.toFixed(2)} ms`);
  }
} finally {
  await browser.close();
  await servers.close();
}
const s = (xs: FrameTimes[], k: keyof FrameTimes): Summary => summarize(xs.map((x) => x[k]));
const report = {
  date: new Date().toISOString(),
  build: unminified ? "unminified (bench/out/app-profile)" : "dist/",
  loadAverage: `${load0.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}`,
  runs: RUNS,
  frames: FRAMES,
  vr: { renderMs: s(app, "renderMs"), frameMs: s(app, "frameMs") },
  baseline: { renderMs: s(base, "renderMs"), frameMs: s(base, "frameMs") },
  /** The empty scene in the same kind of VR session (iwer, both eyes, no input features). */
  baselineXr: { renderMs: s(baseXr, "renderMs"), frameMs: s(baseXr, "frameMs") },
  ratio: {
    render: ratio(s(app, "renderMs").median, s(base, "renderMs").median),
    frame: ratio(s(app, "frameMs").median, s(base, "frameMs").median),
    renderToXr: ratio(s(app, "renderMs").median, s(baseXr, "renderMs").median),
    frameToXr: ratio(s(app, "frameMs").median, s(baseXr, "frameMs").median),
  },
  counts: counts.at(-1),
};
console.log(JSON.stringify(report, null, 2));
if (!unminified) writeFileSync("bench/vr-frame-report.json", `${JSON.stringify(report, null, 2)}\n`);

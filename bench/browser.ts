// The browser half of the bench: the built app and the baseline page (an empty Babylon scene) in
// headless chromium, each served by the app's own server, measured in fresh contexts (cold cache).
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import { build } from "../src/server/app";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/browser/support/harness";
import type { FrameStats } from "../src/app/test-hook";
import { MARKS_INIT_SCRIPT, readMarksInPage, type PageMarks, type ScriptEntry } from "./page-marks";
import { IWER_INIT } from "../test/browser/support/iwer";
import { heapTotals, type HeapTotals } from "./heap-snapshot";

export interface ViewStats extends FrameStats {
  /** Estimated GPU memory of scene.textures: width*height*4 bytes, *4/3 with mipmaps, *6 for cubes. */
  textureBytes: number;
  /** Milliseconds of scene.render() for each of the measured frames. */
  renderMs: number[];
}

export interface LoadRun {
  firstFrameMs: number;
  readyMs: number;
  scripts: ScriptEntry[];
  foreignRequests: string[];
}

export interface Servers {
  app: FastifyInstance;
  baseline: FastifyInstance;
  appOrigin: string;
  baselineOrigin: string;
  close(): Promise<void>;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  // localhost, mapped to 127.0.0.1 in chromium: WebXR needs a secure context.
  return `http://localhost:${port}`;
}

/**
 * Serves the app from a copy of dist/ (appDir) so that a build running meanwhile (someone's
 * `npm test`) cannot swap the files under the bench, and the baseline page from baselineDir.
 */
export async function startServers(appDir: string, baselineDir: string): Promise<Servers> {
  if (!existsSync(`${appDir}/index.html`)) throw new Error(`bench: ${appDir}/index.html is missing`);
  // No rate limits: the memory run visits a building every second or so, past the API's 300 requests
  // a minute per client, and a refused visit is not a visit (bench/api.ts measures the API itself).
  const app = await build({ dbPath: ":memory:", logger: false, distDir: appDir, rateLimit: false });
  const baseline = await build({ dbPath: ":memory:", logger: false, distDir: baselineDir, rateLimit: false });
  const appOrigin = await listen(app);
  const baselineOrigin = await listen(baseline);
  return {
    app,
    baseline,
    appOrigin,
    baselineOrigin,
    async close() {
      await app.close();
      await baseline.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`bench: ${CHROMIUM} is missing; apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1"],
  });
}

interface OpenedPage {
  context: BrowserContext;
  page: Page;
  foreign: string[];
  errors: string[];
}

async function openContext(browser: Browser, origin: string, initScripts: string[]): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  // tsx (esbuild keepNames) wraps named functions in __name(), also inside page.evaluate callbacks.
  await context.addInitScript({ content: "globalThis.__name = globalThis.__name || ((f) => f);" });
  for (const content of initScripts) await context.addInitScript({ content });
  return { context, page, foreign, errors };
}

async function waitMarks(p: OpenedPage, timeout: number): Promise<PageMarks> {
  try {
    await p.page.waitForFunction(() => {
      const b = (window as unknown as { __bench?: PageMarks }).__bench;
      return b?.ready !== undefined && b.firstFrame !== undefined;
    }, null, { timeout, polling: 50 });
  } catch (e) {
    throw new Error(`page did not become ready in ${timeout} ms${p.errors.length ? `; page errors: ${p.errors.join(" | ")}` : ""}: ${(e as Error).message.split("\n")[0]}`);
  }
  return p.page.evaluate(readMarksInPage);
}

/** Opens the app (with the test hook) in a fresh context and waits until it is ready. */
export async function loadApp(browser: Browser, origin: string, options: { xr?: boolean } = {}): Promise<OpenedPage & { marks: PageMarks }> {
  const p = await openContext(browser, origin, options.xr ? [IWER_INIT, MARKS_INIT_SCRIPT] : [MARKS_INIT_SCRIPT]);
  await p.page.goto(`${origin}/?automation=1`, { timeout: 180_000 });
  const marks = await waitMarks(p, 180_000);
  return { ...p, marks };
}

/** Opens the baseline page; with `xr` in an immersive-vr session (iwer), waiting until it runs. */
export async function loadBaseline(browser: Browser, origin: string, options: { xr?: boolean } = {}): Promise<OpenedPage & { marks: PageMarks }> {
  const p = await openContext(browser, origin, options.xr ? [IWER_INIT, MARKS_INIT_SCRIPT] : [MARKS_INIT_SCRIPT]);
  await p.page.goto(`${origin}/${options.xr ? "?xr" : ""}`, { timeout: 60_000 });
  const marks = await waitMarks(p, 60_000);
  if (options.xr) {
    await p.page.waitForFunction(() => (window as unknown as { __baselineXr?: string }).__baselineXr !== "starting", null, { timeout: 60_000 });
    const state = await p.page.evaluate(() => (window as unknown as { __baselineXr?: string }).__baselineXr);
    if (state !== "in-xr") throw new Error(`baseline in VR: ${state}`);
  }
  return { ...p, marks };
}

export function loadRunOf(p: OpenedPage & { marks: PageMarks }): LoadRun {
  return {
    firstFrameMs: p.marks.firstFrame!,
    readyMs: p.marks.ready!,
    scripts: p.marks.scripts ?? [],
    foreignRequests: [...p.foreign],
  };
}

/**
 * Stats of the current view after a few frames, and the time of scene.render() over `frames`
 * natural frames: scene.render is wrapped for that long, so the figure is the CPU time the page
 * spends in Babylon's render per frame (in VR too, where the XR session drives the loop).
 * `target` is "app" (window.__mpp) or "baseline" (window.__baseline).
 */
export async function measureView(page: Page, target: "app" | "baseline", frames: number): Promise<ViewStats> {
  if (target === "app") {
    // The app's test hook measures the same things the baseline branch does by hand.
    return page.evaluate(async (n) => {
      const hook = window.__mpp!;
      await hook.frames(3);
      const s = hook.stats();
      const textureBytes = Math.round(hook.textureBytes());
      return { ...s, textureBytes, renderMs: await hook.renderTimes(n) };
    }, frames);
  }
  return page.evaluate(
    async ({ frames }) => {
      const w = window as any;
      const scene = w.__baseline.scene;
      const stats = () => w.__baseline.stats();
      // Frames of the scene itself (rAF does not tick in XR, where the session drives the loop).
      const sceneFrames = (n: number) =>
        new Promise<void>((resolve) => {
          let left = n;
          const o = scene.onAfterRenderObservable.add(() => {
            if (--left <= 0) {
              scene.onAfterRenderObservable.remove(o);
              resolve();
            }
          });
        });
      await sceneFrames(3);
      const s = stats();
      let textureBytes = 0;
      for (const t of scene.textures) {
        const size = typeof t.getSize === "function" ? t.getSize() : { width: 0, height: 0 };
        const faces = t.isCube ? 6 : 1;
        const mips = t.noMipmap ? 1 : 4 / 3;
        textureBytes += (size.width || 0) * (size.height || 0) * 4 * faces * mips;
      }
      const own = Object.prototype.hasOwnProperty.call(scene, "render");
      const original = scene.render;
      const renderMs: number[] = [];
      await new Promise<void>((resolve) => {
        scene.render = function (...args: unknown[]) {
          const t0 = performance.now();
          const r = original.apply(this, args);
          renderMs.push(performance.now() - t0);
          if (renderMs.length >= frames) {
            if (own) scene.render = original;
            else delete scene.render;
            resolve();
          }
          return r;
        };
      });
      return { ...s, textureBytes: Math.round(textureBytes), renderMs };
    },
    { frames },
  );
}

/** Enters one MPP (the interior model) and waits for its frames. */
export async function enterBuilding(page: Page, code: string): Promise<void> {
  const ok = await page.evaluate((c) => window.__mpp!.enterBuilding(c), code);
  if (!ok) throw new Error(`enterBuilding(${code}) returned nothing`);
}

export async function leaveBuilding(page: Page): Promise<void> {
  await page.evaluate(() => window.__mpp!.leaveBuilding());
}

/** Enters immersive VR through the test hook (iwer must be installed) and waits until both controller models show. */
export async function enterVr(page: Page): Promise<void> {
  await page.evaluate(() => window.__mpp!.enterXR());
  await page.waitForFunction(() => window.__mpp!.xr.state() === "in-xr", null, { timeout: 60_000 });
  const camera = await page.evaluate(() => window.__mpp!.cameraClass());
  if (camera !== "WebXRCamera") throw new Error(`after enterXR the active camera is ${camera}, not WebXRCamera`);
  // Measure what a visitor sees: the view with both controllers drawn, not the moment before.
  await page.waitForFunction(() => window.__mpp!.xr.controllers().filter((c) => c.model).length === 2, null, { timeout: 60_000 })
    .catch(() => { throw new Error("in VR the two controller models did not appear within 60 s"); });
}

export interface BabylonCounts {
  meshes: number;
  materials: number;
  textures: number;
  transformNodes: number;
  geometries: number;
  beforeRenderObservers: number;
  afterRenderObservers: number;
  pointerObservers: number;
}

export interface MemorySample {
  /** Visits so far, the warm-up's included. */
  visits: number;
  heapUsedBytes: number;
  /** The heap snapshot's sums: code, JS objects, V8 data, the page's native objects (bench/heap-snapshot.ts). */
  snapshot: HeapTotals;
  counts: BabylonCounts;
}

export interface MemoryResult {
  cycles: number;
  /** Visits before the measured cycles: rounds of one visit to each building. */
  warmupVisits: number;
  /** After the first round of visits (every building once): V8 has compiled little yet. */
  afterFirstRound: MemorySample;
  /** After the warm-up: where the measured growth starts. */
  afterFirst: MemorySample;
  afterAll: MemorySample;
  /** Every sample in visit order: after the first round, after the warm-up, every `every` cycles after it, and at the end. */
  curve: MemorySample[];
  failedEnters: number;
  seconds: number;
}

async function sampleMemory(page: Page, visits: number): Promise<MemorySample> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
    const snapshot = await heapTotals(cdp);
    const counts = await page.evaluate(() => {
      const c = window.__mpp!.sceneCounts();
      return {
        meshes: c.meshes,
        materials: c.materials,
        textures: c.textures,
        transformNodes: c.transformNodes,
        geometries: c.geometries,
        beforeRenderObservers: c.beforeRenderObservers,
        afterRenderObservers: c.afterRenderObservers,
        pointerObservers: c.pointerObservers,
      };
    });
    return { visits, heapUsedBytes: heap.usedSize, snapshot, counts };
  } finally {
    await cdp.detach();
  }
}

/** Enter/leave cycles of buildings (codes in turn), sampled after a warm-up of `warmupRounds` visits
 *  to each building and every `every` cycles after it: the curve says whether a part grows with every
 *  visit or settles. The warm-up is several rounds because V8 compiles most of the visit's code
 *  (baseline, then optimized) over the first hundred or so visits (bench/heap-curve.ts, 2026-12-08:
 *  compiled code +0.84 MB from visit 27 to 127, then within 7.5-7.9 MB to 527; other runs still
 *  rose after 200, so README "Memory over a day" gives both). The first round's sample is kept, so
 *  the growth from a cold start is reported beside the measured one. */
export async function memoryCycles(page: Page, cycles: number, log: (s: string) => void, every = 50, warmupRounds = 1): Promise<MemoryResult> {
  const t0 = Date.now();
  const cycle = (from: number, count: number) =>
    page.evaluate(
      async ({ from, count }) => {
        const hook = window.__mpp!;
        const codes = hook.buildings().map((b) => b.region);
        let failed = 0;
        for (let i = from; i < from + count; i++) {
          if (!(await hook.enterBuilding(codes[i % codes.length]!))) failed++;
          await hook.frames(1); // the interior is drawn once: what rendering allocates is in the cycle too
          hook.leaveBuilding();
        }
        return failed;
      },
      { from, count },
    );
  const buildings = await page.evaluate(() => window.__mpp!.buildings().length);
  let failedEnters = await cycle(0, buildings);
  const curve = [await sampleMemory(page, buildings)];
  const warmupVisits = buildings * Math.max(1, warmupRounds);
  if (warmupVisits > buildings) {
    failedEnters += await cycle(buildings, warmupVisits - buildings);
    log(`  memory: warm-up of ${warmupVisits} visits done`);
    curve.push(await sampleMemory(page, warmupVisits));
  }
  const afterFirst = curve[curve.length - 1]!;
  const chunk = 25;
  for (let done = 0; done < cycles; ) {
    const n = Math.min(chunk, cycles - done, every - (done % every));
    failedEnters += await cycle(warmupVisits + done, n);
    done += n;
    log(`  memory: ${done}/${cycles} cycles after the warm-up`);
    if (done % every === 0 || done === cycles) curve.push(await sampleMemory(page, warmupVisits + done));
  }
  return {
    cycles, warmupVisits, afterFirstRound: curve[0]!, afterFirst, afterAll: curve[curve.length - 1]!, curve, failedEnters,
    seconds: (Date.now() - t0) / 1000,
  };
}

export interface FrameTimes { renderMs: number; frameMs: number }

/**
 * Mean CPU ms of scene.render() and of the whole frame callback over n frames. In XR the frame
 * callback is the session manager's renderFunction (read each frame by the engine when it queues
 * the next); on a page without XR it is the engine's render loop.
 */
export async function frameCpu(page: Page, target: "app" | "baseline", n: number): Promise<FrameTimes> {
  const mean = (a: number[]) => a.reduce((s, x) => s + x, 0) / a.length;
  // Both pages time frames with src/app/automation/frame-times.ts.
  const t = target === "app"
    ? await page.evaluate((n) => window.__mpp!.frameTimes(n), n)
    : await page.evaluate((n) => (window as unknown as { __baseline: { frameTimes(n: number): Promise<{ render: number[]; frame: number[] }> } }).__baseline.frameTimes(n), n);
  return { renderMs: mean(t.render), frameMs: mean(t.frame) };
}

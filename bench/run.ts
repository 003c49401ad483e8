// `npm run bench` (after `npm run build`): measures the app against its baselines in one run and
// writes bench/report.json and bench/report.md. Not part of `npm test`: times are reported, never
// asserted (the counts have budgets in bench/budgets.ts, checked by test/budgets and test/browser).
// Knobs (environment): BENCH_RUNS (5), BENCH_VR_RUNS (3), BENCH_FRAMES (30), BENCH_API_ROUNDS (3),
// BENCH_API_SECONDS (5), BENCH_VR_FRAMES (60), BENCH_CYCLES (200); BENCH_API=keep keeps the last report's API figures.
import { readFileSync, writeFileSync, existsSync, cpSync, rmSync } from "node:fs";
import { cpus, loadavg, platform, release } from "node:os";
import { resolve } from "node:path";
import { buildBaselineIfStale } from "./build-baseline";
import { addSizes, fileSizes, scriptsOfIndex, folderBytes } from "./sizes";
import { summarize, ratio } from "./stats";
import {
  startServers, launchBrowser, loadApp, loadBaseline, loadRunOf, measureView, enterBuilding, enterVr, memoryCycles, frameCpu,
  type LoadRun, type ViewStats, type FrameTimes,
} from "./browser";
import { API_DEFAULTS, measureApi } from "./api";
import { poseController } from "../test/browser/support/iwer";
import { renderMarkdown, type Report, type ViewSummary } from "./report";
import { BUDGETS } from "./budgets";

const int = (name: string, fallback: number): number => {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return n;
};

const SETTINGS = {
  loadRuns: int("BENCH_RUNS", 5),
  vrRuns: int("BENCH_VR_RUNS", 3),
  framesPerView: int("BENCH_FRAMES", 30),
  /** Frames whose CPU time is averaged per VR run (and per baseline page), as bench/vr-frame.ts. */
  vrFrames: int("BENCH_VR_FRAMES", 60),
  apiRounds: int("BENCH_API_ROUNDS", API_DEFAULTS.apiRounds),
  apiSeconds: int("BENCH_API_SECONDS", API_DEFAULTS.apiSeconds),
  apiConnections: API_DEFAULTS.apiConnections,
  memoryCycles: int("BENCH_CYCLES", 200),
  /** Rounds of one visit to each building before the measured cycles (bench/browser.ts memoryCycles). */
  memoryWarmupRounds: int("BENCH_WARMUP_ROUNDS", 6),
  interiorRegion: "3273",
};

const started = Date.now();
const loadAtStart = loadavg()[0]!;
const log = (s: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}\n`);
const failures: string[] = [];

const growth = (afterFirst: number, afterAll: number) => ({ afterFirst, afterAll, growth: afterAll - afterFirst });

function viewSummary(runs: ViewStats[]): ViewSummary {
  const f = (k: keyof Omit<ViewStats, "renderMs">) => summarize(runs.map((r) => r[k]));
  return {
    drawCalls: f("drawCalls"),
    activeMeshes: f("activeMeshes"),
    activeTriangles: f("activeTriangles"),
    materials: f("materials"),
    textures: f("textures"),
    textureBytes: f("textureBytes"),
    views: f("views"),
    // Per run, the mean frame (performance.now() is coarsened to 0.1 ms in the page, so a median
    // of single frames would be quantized); then the median of the runs, with their min and max.
    renderMs: summarize(runs.map((r) => r.renderMs.reduce((a, b) => a + b, 0) / r.renderMs.length)),
  };
}

async function main(): Promise<void> {
  if (!existsSync("dist/index.html")) throw new Error("bench: dist/ is missing; run `npm run build && npm run bench`");
  const umdPath = resolve("node_modules/babylonjs/babylon.js");
  if (!existsSync(umdPath)) throw new Error("bench: node_modules/babylonjs/babylon.js is missing; run `npm install`");
  const babylonVersion = (JSON.parse(readFileSync("node_modules/babylonjs/package.json", "utf8")) as { version: string }).version;

  log("baseline page (empty Babylon scene, the app's webpack config): building if stale");
  const { dir: baselineDir, built } = await buildBaselineIfStale();
  log(built ? "baseline built into bench/out/baseline" : "baseline up to date in bench/out/baseline");

  // A snapshot of dist/: every size and every page load of this run come from the same build.
  const appDir = resolve("bench/out/app");
  rmSync(appDir, { recursive: true, force: true });
  cpSync("dist", appDir, { recursive: true });
  for (const s of scriptsOfIndex(readFileSync(resolve(appDir, "index.html"), "utf8"))) {
    if (!existsSync(resolve(appDir, s))) throw new Error(`bench: dist/ was being rebuilt (index.html names ${s}, not there); run again`);
  }

  // -- Browser: startup, first-load JS, views -------------------------------------------------
  const servers = await startServers(appDir, baselineDir);
  const browser = await launchBrowser();
  const chromiumVersion = browser.version();
  const appLoads: LoadRun[] = [];
  const baseLoads: LoadRun[] = [];
  const plazaViews: ViewStats[] = [];
  const interiorViews: ViewStats[] = [];
  const baseViews: ViewStats[] = [];
  const vrViews: ViewStats[] = [];
  // CPU per frame (issue 18 point 4): the XR session's whole frame in VR, the render loop's on the baseline.
  const vrFrames: FrameTimes[] = [];
  const baseFrames: FrameTimes[] = [];
  const baseXrFrames: FrameTimes[] = [];
  let vrError: string | null = null;
  let memory: Report["memory"];
  try {
    for (let i = 0; i < SETTINGS.loadRuns; i++) {
      // Baseline and app alternate, each in a fresh context, so drift affects both alike.
      const b = await loadBaseline(browser, servers.baselineOrigin);
      try {
        baseLoads.push(loadRunOf(b));
        baseViews.push(await measureView(b.page, "baseline", SETTINGS.framesPerView));
        if (i < SETTINGS.vrRuns) baseFrames.push(await frameCpu(b.page, "baseline", SETTINGS.vrFrames));
      } finally {
        await b.context.close();
      }
      const a = await loadApp(browser, servers.appOrigin);
      try {
        appLoads.push(loadRunOf(a));
        plazaViews.push(await measureView(a.page, "app", SETTINGS.framesPerView));
        await enterBuilding(a.page, SETTINGS.interiorRegion);
        interiorViews.push(await measureView(a.page, "app", SETTINGS.framesPerView));
        if (a.errors.length) failures.push(`app run ${i + 1}: page errors: ${a.errors.join(" | ")}`);
      } finally {
        await a.context.close();
      }
      log(`load run ${i + 1}/${SETTINGS.loadRuns}: app ready ${appLoads.at(-1)!.readyMs.toFixed(0)} ms, baseline ready ${baseLoads.at(-1)!.readyMs.toFixed(0)} ms`);
    }

    for (let i = 0; i < SETTINGS.vrRuns && !vrError; i++) {
      let v: Awaited<ReturnType<typeof loadApp>> | null = null;
      try {
        v = await loadApp(browser, servers.appOrigin, { xr: true });
        await enterVr(v.page);
        // Both controllers held ahead, in view, as in test/browser/budgets.test.ts (the hub's worst case).
        await poseController(v.page, "left", [-0.2, 1.42, -0.38], -15);
        await poseController(v.page, "right", [0.2, 1.42, -0.38], -15);
        // Settled as in bench/vr-frame.ts: the controllers' first frames compile their shaders.
        await v.page.evaluate(() => window.__mpp!.frames(10));
        vrViews.push(await measureView(v.page, "app", SETTINGS.framesPerView));
        vrFrames.push(await frameCpu(v.page, "app", SETTINGS.vrFrames));
        log(`VR run ${i + 1}/${SETTINGS.vrRuns}: ${vrViews.at(-1)!.drawCalls} draw calls over ${vrViews.at(-1)!.views} views, frame ${vrFrames.at(-1)!.frameMs.toFixed(2)} ms`);
        // The empty scene in the same kind of VR session: what any Babylon VR frame costs here.
        const bx = await loadBaseline(browser, servers.baselineOrigin, { xr: true });
        try {
          await bx.page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
          baseXrFrames.push(await frameCpu(bx.page, "baseline", SETTINGS.vrFrames));
        } finally {
          await bx.context.close();
        }
      } catch (e) {
        vrError = `VR run ${i + 1}: ${(e as Error).message.split("\n")[0]}${v?.errors.length ? `; page errors: ${v.errors.join(" | ")}` : ""}`;
        log(`VR not measured: ${vrError}`);
      } finally {
        await v?.context.close();
      }
    }

    log(`memory: ${SETTINGS.memoryCycles} enter/leave cycles after ${SETTINGS.memoryWarmupRounds} rounds of visits`);
    const m = await loadApp(browser, servers.appOrigin);
    try {
      const r = await memoryCycles(m.page, SETTINGS.memoryCycles, log, 50, SETTINGS.memoryWarmupRounds);
      if (r.failedEnters > 0) failures.push(`memory: ${r.failedEnters} of ${r.cycles} visits did not enter (the growth is not that of ${r.cycles} visits)`);
      const counts = Object.keys(r.afterFirst.counts) as (keyof typeof r.afterFirst.counts)[];
      memory = {
        cycles: r.cycles,
        seconds: r.seconds,
        failedEnters: r.failedEnters,
        warmupVisits: r.warmupVisits,
        fromFirstRound: growth(r.afterFirstRound.heapUsedBytes, r.afterAll.heapUsedBytes),
        heapUsedBytes: { afterFirst: r.afterFirst.heapUsedBytes, afterAll: r.afterAll.heapUsedBytes, growth: r.afterAll.heapUsedBytes - r.afterFirst.heapUsedBytes },
        // From heap snapshots (bench/heap-snapshot.ts): who keeps what grew.
        ...Object.fromEntries((["codeBytes", "jsBytes", "v8DataBytes", "nativeBytes"] as const).map((k) => [k, growth(r.afterFirst.snapshot[k], r.afterAll.snapshot[k])])),
        curve: r.curve.map((p) => ({
          visits: p.visits,
          heapUsedBytes: p.heapUsedBytes,
          codeBytes: p.snapshot.codeBytes,
          jsBytes: p.snapshot.jsBytes,
          v8DataBytes: p.snapshot.v8DataBytes,
          nativeBytes: p.snapshot.nativeBytes,
        })),
        counts: Object.fromEntries(
          counts.map((k) => [k, { afterFirst: r.afterFirst.counts[k], afterAll: r.afterAll.counts[k], growth: r.afterAll.counts[k] - r.afterFirst.counts[k] }]),
        ),
      };
    } catch (e) {
      memory = { error: (e as Error).message.split("\n")[0]! };
      failures.push(`memory: ${memory.error}`);
    } finally {
      await m.context.close();
    }
  } finally {
    await browser.close();
    await servers.close();
  }

  // -- First-load JavaScript: what the browser fetched before ready, sized from dist/ -----------
  const scriptPaths = [...new Set(appLoads.flatMap((r) => r.scripts.map((s) => s.path)))].sort();
  const perRunSets = appLoads.map((r) => r.scripts.map((s) => s.path).sort().join(","));
  if (new Set(perRunSets).size > 1) failures.push("first-load JS: the set of scripts fetched before ready differed between runs (sizes use the union)");
  // Scripts under /assets/ (the meshopt decoder) are served from the repository's assets/, not dist/.
  const scriptFile = (p: string) => (p.startsWith("/assets/") ? resolve(p.slice(1)) : resolve(appDir, p.slice(1)));
  const scripts = scriptPaths.map((p) => ({ path: p, ...fileSizes(scriptFile(p)) }));
  const total = addSizes(scripts);
  const indexScripts = scriptsOfIndex(readFileSync(resolve(appDir, "index.html"), "utf8"));
  const entryPath = indexScripts.find((s) => /(^|\/)main\.[^/]*\.js$/.test(s)) ?? indexScripts[0];
  if (!entryPath) throw new Error("bench: dist/index.html names no script");
  const entry = { path: `/${entryPath}`, ...fileSizes(resolve(appDir, entryPath)) };
  const umd = fileSizes(umdPath);
  const onWire = appLoads.map((r) => r.scripts.reduce((s, x) => s + x.encoded, 0));

  // -- API, on SQLite and on PostgreSQL ------------------------------------------------------------
  // BENCH_API=keep re-measures only the world and keeps bench/report.json's API figures (and says so).
  const last = process.env.BENCH_API === "keep" && existsSync("bench/report.json")
    ? (JSON.parse(readFileSync("bench/report.json", "utf8")) as Report)
    : undefined;
  if (last) log("API: figures kept from bench/report.json (BENCH_API=keep)");
  const apiReport = last ? last.api : await measureApi(SETTINGS, log, failures);
  const apiWhen = last ? { apiDate: last.apiDate ?? last.date, apiLoadAverage: last.apiLoadAverage ?? String(last.machine.loadAverage) } : {};

  const startup = {
    app: { firstFrameMs: summarize(appLoads.map((r) => r.firstFrameMs)), readyMs: summarize(appLoads.map((r) => r.readyMs)) },
    baseline: { firstFrameMs: summarize(baseLoads.map((r) => r.firstFrameMs)), readyMs: summarize(baseLoads.map((r) => r.readyMs)) },
  };
  const views = {
    baseline: viewSummary(baseViews),
    plaza: viewSummary(plazaViews),
    interior: viewSummary(interiorViews),
    vr: vrViews.length > 0 && !vrError ? viewSummary(vrViews) : { notMeasured: vrError ?? "no VR run" },
  };
  const frameSummary = (xs: FrameTimes[]) => ({ renderMs: summarize(xs.map((x) => x.renderMs)), frameMs: summarize(xs.map((x) => x.frameMs)) });
  const vrFrame: Report["vrFrame"] = vrFrames.length > 0 && !vrError && baseFrames.length > 0
    ? (() => {
      const vr = frameSummary(vrFrames);
      const baseline = frameSummary(baseFrames);
      const baselineXr = baseXrFrames.length > 0 ? frameSummary(baseXrFrames) : undefined;
      return {
        vr,
        baseline,
        ...(baselineXr ? { baselineXr } : {}),
        ratio: {
          render: ratio(vr.renderMs.median, baseline.renderMs.median),
          frame: ratio(vr.frameMs.median, baseline.frameMs.median),
          ...(baselineXr ? { frameToXr: ratio(vr.frameMs.median, baselineXr.frameMs.median) } : {}),
        },
      };
    })()
    : { notMeasured: vrError ?? "no VR run" };
  const foreign = [...new Set(appLoads.flatMap((r) => r.foreignRequests))];
  if (foreign.length) failures.push(`requests to other origins: ${foreign.join(" | ")}`);
  const gltf = folderBytes("assets/models", [".glb", ".gltf", ".bin"]);

  const report: Report = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? "unknown",
      platform: `${platform()} ${release()}`,
      node: process.version,
      chromium: chromiumVersion,
      babylonjsBaseline: babylonVersion,
      gpu: "none (SwiftShader, software WebGL)",
      // Other work on the machine skews times: the 1-minute load average at start and end says how much.
      loadAverage: `${loadAtStart.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}`,
    },
    settings: SETTINGS,
    seconds: 0,
    firstLoadJs: {
      scripts,
      total,
      entry,
      onWireBytes: summarize(onWire),
      baseline: { name: `babylonjs ${babylonVersion} babylon.js (UMD core, minified)`, ...umd },
      ratio: { gzip: ratio(total.gzip, umd.gzip)!, minified: ratio(total.minified, umd.minified)!, entryGzip: ratio(entry.gzip, umd.gzip)! },
      budgetGzip: BUDGETS.firstLoadJsGzip,
    },
    startup: {
      ...startup,
      ratio: {
        firstFrame: ratio(startup.app.firstFrameMs.median, startup.baseline.firstFrameMs.median),
        ready: ratio(startup.app.readyMs.median, startup.baseline.readyMs.median),
      },
    },
    views,
    vrFrame,
    api: apiReport,
    ...apiWhen,
    memory: memory!,
    gltf: { ...gltf, budget: BUDGETS.gltfBytes },
    foreignRequests: foreign.length,
    failures,
  };
  report.seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync("bench/report.json", `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync("bench/report.md", renderMarkdown(report));
  log(`wrote bench/report.json and bench/report.md in ${report.seconds} s${failures.length ? `; ${failures.length} problem(s): ${failures.join(" | ")}` : ""}`);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});

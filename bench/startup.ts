// `node --import tsx bench/startup.ts` (after `npm run build`): the startup section of the bench
// alone, quicker than `npm run bench` when working on issue 18 point 1. The app and the baseline
// page (an empty Babylon scene, the app's webpack config) load alternately in fresh contexts, as in
// run.ts; printed: medians of first frame and ready with their ratio to the baseline, the load
// average, and where the app's time before its first frame went (resource timings, the main
// thread's busy time by script). Writes nothing; `npm run bench` writes the report.
// Knobs: BENCH_RUNS (5); BENCH_PROFILE=1 also takes a CPU profile of one more app load and lists
// the functions with the most self time before the first frame; BENCH_COMPARE=dir also loads
// another build of the app (e.g. main's, built with `npx webpack --mode production --env
// outDir=dir` in a checkout of it) in each run, so before and after are measured side by side.
// BENCH_PROFILE=1 also prints the CPU time of Chromium's processes (bench/process-cpu.ts) while the
// browser sits idle and during one app and one baseline load until their first frames: on a 2-core
// machine with SwiftShader the GPU process's own worker threads take most of it.
import { cpSync, readFileSync, rmSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildBaselineIfStale } from "./build-baseline";
import { startServers, launchBrowser, loadApp, loadBaseline, loadRunOf } from "./browser";
import { build } from "../src/server/app";
import { summarize, ratio } from "./stats";
import { scriptsOfIndex } from "./sizes";
import { chromiumCpu, cpuBetween } from "./process-cpu";
import { MARKS_INIT_SCRIPT } from "./page-marks";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ms = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;

/** Resource timings of the page until its first frame: what arrived when. */
async function timeline(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const first = performance.getEntriesByName("mpp:first-frame")[0]?.startTime ?? Infinity;
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const rows = (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
      .filter((e) => e.startTime < first)
      .map((e) => `${new URL(e.name).pathname.padEnd(44)} ${e.initiatorType.padEnd(8)} ${Math.round(e.startTime).toString().padStart(6)} -> ${Math.round(e.responseEnd).toString().padStart(6)} ms`);
    if (nav) rows.push(`${"DOMContentLoaded".padEnd(53)} ${Math.round(nav.domContentLoadedEventEnd).toString().padStart(16)} ms`, `${"load".padEnd(53)} ${Math.round(nav.loadEventEnd).toString().padStart(16)} ms`);
    rows.push(`${"mpp:first-frame".padEnd(53)} ${Math.round(first).toString().padStart(16)} ms`);
    return rows;
  });
}

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] }

/** Self time per function and per script until `untilUs` (microseconds since the profile began). */
function selfTimes(p: Profile, untilUs: number): { byFunction: [string, number][]; byScript: [string, number][] } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const fn = new Map<string, number>();
  const script = new Map<string, number>();
  let t = 0;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i]!;
    if (t > untilUs) break;
    const n = byId.get(p.samples[i]!)!;
    const url = n.callFrame.url ? new URL(n.callFrame.url).pathname : "(native)";
    // With the column: a minified chunk is one line, and its functions' names say little.
    const name = `${n.callFrame.functionName || "(anonymous)"} ${url}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    fn.set(name, (fn.get(name) ?? 0) + dt);
    script.set(url, (script.get(url) ?? 0) + dt);
  }
  const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  return { byFunction: top(fn, 25), byScript: top(script, 12) };
}

const cpuRow = (rows: [string, number][]) => rows.filter(([, v]) => v >= 10).map(([k, v]) => `${k} ${ms(v)}`).join(", ");

/** CPU time of Chromium's processes: the browser idle for a second, then one app and one baseline load until the first frame. */
async function printProcessCpu(browser: Browser, appOrigin: string, baselineOrigin: string): Promise<void> {
  const idleBefore = chromiumCpu({ threads: true });
  await new Promise((r) => setTimeout(r, 1000));
  const idle = cpuBetween(idleBefore, chromiumCpu({ threads: true }), (s) => `${s.kind} ${s.name}`);
  if (idle.length === 0) return; // no /proc here
  process.stdout.write(`\nCPU time of Chromium's threads, the browser idle for 1 s: ${cpuRow(idle.slice(0, 5))}\n`);
  for (const [label, url] of [["app", `${appOrigin}/?automation=1`], ["baseline", `${baselineOrigin}/`]] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript({ content: "globalThis.__name = globalThis.__name || ((f) => f);" });
    await context.addInitScript({ content: MARKS_INIT_SCRIPT });
    const page = await context.newPage();
    const before = chromiumCpu({ threads: true });
    await page.goto(url);
    // The app's mark (the hook that sets __bench.firstFrame loads only after that frame), else the baseline's.
    const firstOf = () => performance.getEntriesByName("mpp:first-frame")[0]?.startTime ?? (window as unknown as { __bench?: { firstFrame?: number } }).__bench?.firstFrame;
    await page.waitForFunction(firstOf, null, { timeout: 180_000, polling: 10 });
    const after = chromiumCpu({ threads: true });
    const spent = cpuBetween(before, after);
    const gpuThreads = cpuBetween(before, after, (t) => `${t.kind} ${t.name}`).filter(([k]) => k.startsWith("gpu-process ")).slice(0, 4);
    const first = (await page.evaluate(firstOf))!;
    await context.close();
    process.stdout.write(`CPU time by process, ${label} load until its first frame (${ms(first)}): ${cpuRow(spent)}; GPU process's busiest threads: ${cpuRow(gpuThreads)}\n`);
  }
}

async function main(): Promise<void> {
  const { dir: baselineDir } = await buildBaselineIfStale();
  const appDir = resolve("bench/out/app");
  rmSync(appDir, { recursive: true, force: true });
  cpSync("dist", appDir, { recursive: true });
  const entry = scriptsOfIndex(readFileSync(resolve(appDir, "index.html"), "utf8"));
  const servers = await startServers(appDir, baselineDir);
  const compareDir = process.env.BENCH_COMPARE;
  const other = compareDir ? await build({ dbPath: ":memory:", logger: false, distDir: resolve(compareDir) }) : null;
  if (other) await other.listen({ port: 0, host: "127.0.0.1" });
  const otherOrigin = other ? `http://localhost:${(other.server.address() as { port: number }).port}` : "";
  const browser = await launchBrowser();
  const loadBefore = loadavg()[0]!;
  const app: { firstFrameMs: number; readyMs: number }[] = [];
  const base: { firstFrameMs: number; readyMs: number }[] = [];
  const compared: { firstFrameMs: number; readyMs: number }[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const b = await loadBaseline(browser, servers.baselineOrigin);
      base.push(loadRunOf(b));
      await b.context.close();
      if (other) {
        const c = await loadApp(browser, otherOrigin);
        compared.push(loadRunOf(c));
        await c.context.close();
        process.stdout.write(`run ${i + 1}/${RUNS}: ${compareDir} first frame ${ms(compared.at(-1)!.firstFrameMs)}, ready ${ms(compared.at(-1)!.readyMs)}\n`);
      }
      const a = await loadApp(browser, servers.appOrigin);
      app.push(loadRunOf(a));
      if (i === RUNS - 1) process.stdout.write(`timeline of the last app load (entry ${entry.join(", ")}):\n  ${(await timeline(a.page)).join("\n  ")}\n`);
      await a.context.close();
      process.stdout.write(`run ${i + 1}/${RUNS}: app first frame ${ms(app.at(-1)!.firstFrameMs)}, ready ${ms(app.at(-1)!.readyMs)}; baseline ${ms(base.at(-1)!.firstFrameMs)} (load ${loadavg()[0]!.toFixed(1)})\n`);
    }
    if (process.env.BENCH_PROFILE === "1") {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      // Same origin first, so the navigation to the app stays in this renderer (and this session).
      await page.goto(`${servers.appOrigin}/favicon.svg`);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
      await cdp.send("Profiler.start");
      await page.goto(`${servers.appOrigin}/?automation=1`);
      await page.waitForFunction(() => performance.getEntriesByName("mpp:first-frame").length === 1, null, { timeout: 180_000 });
      const first = await page.evaluate(() => performance.getEntriesByName("mpp:first-frame")[0]!.startTime);
      const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: Profile };
      // The profile starts at Profiler.start, a moment before navigation: count up to the mark.
      const s = selfTimes(profile, (first + 200) * 1000);
      process.stdout.write(`\nmain-thread self time before the first frame (${ms(first)}), by script:\n${s.byScript.map(([k, v]) => `  ${ms(v).padStart(9)}  ${k}`).join("\n")}\n`);
      process.stdout.write(`by function:\n${s.byFunction.map(([k, v]) => `  ${ms(v).padStart(9)}  ${k}`).join("\n")}\n`);
      await context.close();
      await printProcessCpu(browser, servers.appOrigin, servers.baselineOrigin);
    }
  } finally {
    await browser.close();
    await servers.close();
    await other?.close();
  }
  const f = summarize(app.map((r) => r.firstFrameMs));
  const bf = summarize(base.map((r) => r.firstFrameMs));
  const r = summarize(app.map((x) => x.readyMs));
  process.stdout.write(`\nfirst frame: app ${ms(f.median)} (${ms(f.min)}-${ms(f.max)}), baseline ${ms(bf.median)} (${ms(bf.min)}-${ms(bf.max)}), ratio ${ratio(f.median, bf.median)?.toFixed(2)}x\n`);
  if (compared.length) {
    const cf = summarize(compared.map((x) => x.firstFrameMs));
    const cr = summarize(compared.map((x) => x.readyMs));
    process.stdout.write(`${compareDir}: first frame ${ms(cf.median)} (${ms(cf.min)}-${ms(cf.max)}), ratio ${ratio(cf.median, bf.median)?.toFixed(2)}x; ready ${ms(cr.median)}, ratio ${ratio(cr.median, bf.median)?.toFixed(2)}x\n`);
  }
  process.stdout.write(`ready: app ${ms(r.median)}, ratio ${ratio(r.median, bf.median)?.toFixed(2)}x; ${RUNS} runs; load average ${loadBefore.toFixed(1)} -> ${loadavg()[0]!.toFixed(1)}\n`);
}

main().catch((e) => {
  process.stderr.write(`bench/startup failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});

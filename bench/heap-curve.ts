// `node --import tsx bench/heap-curve.ts` (after `npm run build`): the memory curve over many
// building visits, to tell growth that goes on from growth that settles. At each stop (after GC):
// JS heap used, the heap snapshot split by who keeps it (bench/heap-snapshot.ts), V8's compiled code
// objects by tier (baseline, optimized), the page's DOM counters and performance timeline entries
// by type, and the kinds of object that grew most since the last stop.
// Knobs: HEAP_STOPS (27,100,200,300: visits so far, the first is one visit per building);
// HEAP_JS_FLAGS, V8 flags for the page (--interrupt-budget=6758: V8 tiers functions up ten times
// sooner, so a run shows where the compiled code of ten times more visits goes); HEAP_KEEP=dir keeps
// each snapshot there.
import { writeFileSync } from "node:fs";
import { chromium, type CDPSession } from "playwright-core";
import { build } from "../src/server/app";
import { launchBrowser, loadApp } from "./browser";
import { codeTiersOf, snapshotText, totalsOf, type HeapSnapshotJson } from "./heap-snapshot";
import { CHROMIUM, CHROMIUM_ARGS } from "../test/browser/support/harness";

type Kinds = Map<string, { n: number; size: number }>;
type Snapshot = HeapSnapshotJson & Required<Pick<HeapSnapshotJson, "edges">>;

function kindsOf(s: Snapshot): Kinds {
  const f = s.snapshot.meta.node_fields, w = f.length;
  const types = s.snapshot.meta.node_types[0] as string[];
  const typeAt = f.indexOf("type"), nameAt = f.indexOf("name"), sizeAt = f.indexOf("self_size");
  const out: Kinds = new Map();
  for (let i = 0; i < s.nodes.length; i += w) {
    const t = types[s.nodes[i + typeAt]!]!;
    const name = t.includes("string") ? "<string>" : String(s.strings[s.nodes[i + nameAt]!]).slice(0, 70);
    const k = `${t}:${name}`;
    const e = out.get(k) ?? { n: 0, size: 0 };
    e.n++;
    e.size += s.nodes[i + sizeAt]!;
    out.set(k, e);
  }
  return out;
}

async function snapshot(cdp: CDPSession, keep: string | undefined, visits: number): Promise<Snapshot> {
  const text = await snapshotText(cdp);
  if (keep) writeFileSync(`${keep}/visits-${visits}.heapsnapshot`, text);
  return JSON.parse(text) as Snapshot;
}

async function main(): Promise<void> {
  const stops = (process.env.HEAP_STOPS ?? "27,100,200,300").split(",").map(Number);
  if (stops.some((n, i) => !Number.isInteger(n) || n < 1 || (i > 0 && n <= stops[i - 1]!))) throw new Error("HEAP_STOPS: increasing visit counts, e.g. 27,100,200");
  const app = await build({ dbPath: ":memory:", logger: false, distDir: process.env.MPP_DIST_DIR ?? "dist", rateLimit: false }); // visits faster than a visitor: no 429s
  await app.listen({ port: 0, host: "127.0.0.1" });
  const origin = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const flags = process.env.HEAP_JS_FLAGS;
  const browser = flags
    ? await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1", `--js-flags=${flags}`] })
    : await launchBrowser();
  try {
    const { page } = await loadApp(browser, origin);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("HeapProfiler.enable");
    const cycle = (from: number, count: number) => page.evaluate(async ({ from, count }) => {
      const hook = window.__mpp!;
      const codes = hook.buildings().map((b) => b.region);
      let failed = 0;
      for (let i = from; i < from + count; i++) {
        if (!(await hook.enterBuilding(codes[i % codes.length]!))) failed++;
        await hook.frames(1);
        hook.leaveBuilding();
      }
      return failed;
    }, { from, count });
    const t0 = Date.now();
    let done = 0;
    let last: Kinds | null = null;
    for (const stop of stops) {
      const failed = await cycle(done, stop - done);
      done = stop;
      await cdp.send("HeapProfiler.collectGarbage");
      await cdp.send("HeapProfiler.collectGarbage");
      const used = ((await cdp.send("Runtime.getHeapUsage")) as { usedSize: number }).usedSize;
      const dom = await cdp.send("Memory.getDOMCounters" as never).catch((e: Error) => e.message);
      const timeline = await page.evaluate(() => {
        const by: Record<string, number> = {};
        for (const e of performance.getEntries()) by[e.entryType] = (by[e.entryType] ?? 0) + 1;
        return by;
      });
      const s = await snapshot(cdp, process.env.HEAP_KEEP, stop);
      const t = totalsOf(s);
      console.log(`== ${stop} visits (${failed} failed, ${Math.round((Date.now() - t0) / 1000)} s): JS heap used ${used}; snapshot: JS objects ${t.jsBytes}, compiled code ${t.codeBytes}, V8 data ${t.v8DataBytes}, page's native objects ${t.nativeBytes}`);
      console.log(`   code objects by tier ${JSON.stringify(codeTiersOf(s))}; DOM ${JSON.stringify(dom)}; timeline ${JSON.stringify(timeline)}`);
      const kinds = kindsOf(s);
      if (last) {
        const diffs: Array<[string, number, number]> = [];
        for (const [k, v] of kinds) { const o = last.get(k) ?? { n: 0, size: 0 }; if (v.size !== o.size || v.n !== o.n) diffs.push([k, v.n - o.n, v.size - o.size]); }
        for (const [k, o] of last) if (!kinds.has(k)) diffs.push([k, -o.n, -o.size]);
        diffs.sort((x, y) => Math.abs(y[2]) - Math.abs(x[2]));
        console.log(diffs.slice(0, 20).map((d) => `   ${d[2]}\t${d[1]}\t${d[0]}`).join("\n"));
      }
      last = kinds;
    }
  } finally {
    await browser.close();
    await app.close();
  }
}
main().catch((e) => { console.error(e); process.exit(1); });

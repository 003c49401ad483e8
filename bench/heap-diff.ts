// `npm run bench:heap` (after `npm run build`): what stays in the page's JS heap over building
// visits. Takes heap snapshots after a warm-up (one visit per building) and after more visits,
// prints the heap used at each step, the growth by kind of object, and for each object that grew
// its chain of retainers, and each snapshot split by who keeps it (bench/heap-snapshot.ts). It found
// Babylon's per-mesh lookup maps (scene options, issue 18), and that what grows after them is V8's
// compiled code (README, "Memory over a day").
// Knob: HEAP_VISITS (108) visits after the warm-up. bench/heap-curve.ts samples many stops.
import { build } from "../src/server/app";
import { launchBrowser, loadApp } from "./browser";
import { totalsOf, type HeapSnapshotJson } from "./heap-snapshot";
import type { Page, CDPSession } from "playwright-core";

let lastIds = new Map<number, number>();
async function snap(cdp: CDPSession): Promise<Map<string, { n: number; size: number }>> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  let chunks: string[] = [];
  const on = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", on);
  await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false } as never);
  cdp.off("HeapProfiler.addHeapSnapshotChunk", on);
  const s = JSON.parse(chunks.join(""));
  chunks = [];
  const t = totalsOf(s as HeapSnapshotJson);
  console.log(`snapshot: JS objects ${t.jsBytes}, compiled code ${t.codeBytes}, V8 data ${t.v8DataBytes}, page's native objects ${t.nativeBytes}`);
  const f = s.snapshot.meta.node_fields as string[];
  const types = s.snapshot.meta.node_types[0] as string[];
  const w = f.length, ti = f.indexOf("type"), ni = f.indexOf("name"), si = f.indexOf("self_size");
  const out = new Map<string, { n: number; size: number }>();
  const nodes = s.nodes as number[];
  const ii = f.indexOf("id"), eci = f.indexOf("edge_count");
  const ef = s.snapshot.meta.edge_fields as string[]; const ew = ef.length; const eto = ef.indexOf("to_node"), etype = ef.indexOf("type"), ename = ef.indexOf("name_or_index");
  const etypes = s.snapshot.meta.edge_types[0] as string[];
  const edges = s.edges as number[];
  const firstEdge: number[] = [];
  { let e = 0; for (let i = 0; i < nodes.length; i += w) { firstEdge[i / w] = e; e += nodes[i + eci]! * ew; } }
  const ids = new Map<number, number>();
  for (let i = 0; i < nodes.length; i += w) {
    const id = nodes[i + ii]!; ids.set(id, nodes[i + si]!);
  }
  const grown: number[] = [];
  for (let i = 0; i < nodes.length; i += w) {
    const id = nodes[i + ii]!;
    const t = types[nodes[i + ti]!]!;
    const old = lastIds.get(id);
    if ((t === "array" || t === "object") && old !== undefined && nodes[i + si]! - old > 8000) grown.push(i);
    if ((t === "array" || t === "object") && old === undefined && nodes[i + si]! > 30000) grown.push(i);
  }
  if (grown.length) {
    // Retainers (reverse edges, weak ones left out) to say what keeps each grown object.
    const rev = new Map<number, Array<[number, string]>>();
    for (let i = 0; i < nodes.length; i += w) {
      const fe = firstEdge[i / w]!; const n = nodes[i + eci]!;
      for (let k = 0; k < n; k++) {
        const e = fe + k * ew; const to = edges[e + eto]!; const et = etypes[edges[e + etype]!]!;
        if (et === "weak") continue;
        const nm = et === "element" || et === "hidden" ? `[${edges[e + ename]}]` : String(s.strings[edges[e + ename]!]);
        let arr = rev.get(to); if (!arr) rev.set(to, arr = []); arr.push([i, nm]);
      }
    }
    const label = (i: number) => `${types[nodes[i + ti]!]}:${String(s.strings[nodes[i + ni]!]).slice(0, 40)}#${nodes[i + ii]}(${nodes[i + si]})`;
    for (const g of grown.slice(0, 12)) {
      let line = label(g) + ` was ${lastIds.get(nodes[g + ii]!) ?? "new"}`;
      let cur = g;
      for (let d = 0; d < 7; d++) { const r = rev.get(cur)?.[0]; if (!r) break; line += ` <-${r[1]}- ` + label(r[0]); cur = r[0]; }
      console.log("GROWN", line);
    }
  }
  lastIds = ids;
  for (let i = 0; i < nodes.length; i += w) {
    const t = types[nodes[i + ti]!]!;
    let name = s.strings[nodes[i + ni]!] as string;
    if (t === "string" || t === "concatenated string" || t === "sliced string") name = "<string>";
    if (t === "code") name = "<code>";
    const k = `${t}:${name.slice(0, 80)}`;
    const e = out.get(k) ?? { n: 0, size: 0 };
    e.n++; e.size += nodes[i + si]!;
    out.set(k, e);
  }
  return out;
}

async function main() {
  const app = await build({ dbPath: ":memory:", logger: false, distDir: process.env.MPP_DIST_DIR ?? "dist", rateLimit: false }); // visits faster than a visitor: no 429s
  await app.listen({ port: 0, host: "127.0.0.1" });
  const origin = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const browser = await launchBrowser();
  const p = await loadApp(browser, origin);
  const page: Page = p.page;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  const cycle = (from: number, count: number) => page.evaluate(async ({ from, count }) => {
    const hook = window.__mpp!;
    const codes = hook.buildings().map((b) => b.region);
    for (let i = from; i < from + count; i++) { await hook.enterBuilding(codes[i % codes.length]!); await hook.frames(1); hook.leaveBuilding(); }
  }, { from, count });
  const heap = async () => { await cdp.send("HeapProfiler.collectGarbage"); await cdp.send("HeapProfiler.collectGarbage"); return ((await cdp.send("Runtime.getHeapUsage")) as { usedSize: number }).usedSize; };
  let done = 0;
  await cycle(0, 1); done = 1;
  console.log("after 1", await heap());
  const a0 = await snap(cdp);
  await cycle(done, 26); done = 27;
  console.log("after 27", await heap());
  const a = await snap(cdp);
  {
    const diffs: Array<[string, number, number]> = [];
    for (const [k, v] of a) { const o = a0.get(k) ?? { n: 0, size: 0 }; if (v.size - o.size !== 0 || v.n !== o.n) diffs.push([k, v.n - o.n, v.size - o.size]); }
    diffs.sort((x, y) => y[2] - x[2]);
    console.log("FIRST ROUND\n" + diffs.slice(0, 40).map((d) => `${d[2]}\t${d[1]}\t${d[0]}`).join("\n"));
  }
  const visits = Number(process.env.HEAP_VISITS ?? 108);
  for (const stop of [done + Math.floor(visits / 2), done + visits]) {
    await cycle(done, stop - done);
    done = stop;
    console.log(`after ${done}`, await heap());
  }
  const b = await snap(cdp);
  console.log("GROWTH AFTER THE WARM-UP (bytes, count, kind)");
  const diffs: Array<[string, number, number]> = [];
  for (const [k, v] of b) { const o = a.get(k) ?? { n: 0, size: 0 }; if (v.size - o.size !== 0 || v.n !== o.n) diffs.push([k, v.n - o.n, v.size - o.size]); }
  diffs.sort((x, y) => y[2] - x[2]);
    console.log(diffs.slice(0, 30).map((d) => `${d[2]}\t${d[1]}\t${d[0]}`).join("\n"));
  await browser.close(); await app.close();
}
main().catch((e) => { console.error(e); process.exit(1); });

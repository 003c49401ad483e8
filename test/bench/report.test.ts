import assert from "node:assert/strict";
import { renderMarkdown, renderSummary, fig, fmtRatio, formatBytes, type Report, type ViewSummary } from "../../bench/report";

const s = (median: number, min = median, max = median) => ({ median, min, max, runs: 5 });
const view = (draw: number, render: number): ViewSummary => ({
  drawCalls: s(draw), activeMeshes: s(draw), activeTriangles: s(draw * 100), materials: s(3), textures: s(2),
  textureBytes: s(4 * 1024 * 1024), views: s(1), renderMs: s(render, render / 2, render * 2),
});

function fixture(): Report {
  return {
    date: "2026-01-02T03:04:05.000Z",
    machine: { cpus: 2, cpuModel: "test cpu", platform: "linux", node: "v20", chromium: "1.0", babylonjsBaseline: "9.28.0", gpu: "none" },
    settings: { loadRuns: 5, vrRuns: 5, framesPerView: 30, apiRounds: 3, apiSeconds: 5, apiConnections: 10, memoryCycles: 200, interiorRegion: "3273" },
    seconds: 300,
    firstLoadJs: {
      scripts: [{ path: "/js/main.1.js", minified: 2048, gzip: 1024 }],
      total: { minified: 2048, gzip: 1024 },
      entry: { path: "/js/main.1.js", minified: 2048, gzip: 1024 },
      onWireBytes: s(900),
      baseline: { name: "babylon.js", minified: 8192, gzip: 4096 },
      ratio: { gzip: 0.25, minified: 0.25, entryGzip: 0.25 },
      budgetGzip: 500 * 1024,
    },
    startup: {
      app: { firstFrameMs: s(3000, 2800, 3500), readyMs: s(3000) },
      baseline: { firstFrameMs: s(1000), readyMs: s(1000) },
      ratio: { firstFrame: 3, ready: 3 },
    },
    views: { baseline: view(0, 0.2), plaza: view(12, 1), interior: view(7, 1.4), vr: { notMeasured: "no XR device" } },
    api: { error: "API: refused" },
    memory: {
      cycles: 200, seconds: 100, failedEnters: 0,
      heapUsedBytes: { afterFirst: 10, afterAll: 20, growth: 10 },
      counts: { meshes: { afterFirst: 62, afterAll: 63, growth: 1 } },
    },
    gltf: { files: 29, bytes: 1000, budget: 3 * 1024 * 1024 },
    foreignRequests: 0,
    failures: ["VR run 1: no XR device"],
  };
}

describe("bench/report", () => {
  it("formats a figure as median (min-max), or one value when the runs agree", () => {
    assert.equal(fig(s(3, 1, 5)), "3 (1-5)", "range shown");
    assert.equal(fig(s(3)), "3", "no range when all runs agree");
  });
  it("formats ratios and bytes", () => {
    assert.equal(fmtRatio(2.5), "2.50x", "two decimals below 10");
    assert.equal(fmtRatio(29.4), "29x", "whole numbers from 10");
    assert.equal(fmtRatio(null), "n/a", "no baseline");
    assert.equal(formatBytes(1536), "1.5 KB", "kilobytes");
    assert.equal(formatBytes(3 * 1024 * 1024), "3.00 MB", "megabytes");
  });
  it("writes each group as a table with the ratio to its baseline", () => {
    const md = renderSummary(fixture());
    assert.match(md, /\| all 1 scripts before ready \| 2\.0 KB \| 1\.0 KB \| 0\.25x \| 500\.0 KB ok \|/, "first-load row with ratio and budget");
    assert.match(md, /\| first frame \| 3,000 ms \(2,800 ms-3,500 ms\) \| 1,000 ms \| 3\.00x \|/, "startup row");
    assert.match(md, /\| plaza, default view \| 12 \|/, "plaza row");
    assert.match(md, /\| 1\.00 ms \(0\.50 ms-2\.00 ms\) \| 5\.00x \|/, "render time with its ratio to the empty scene");
    assert.match(md, /VR at the hub \(iwer Quest 3\) \| not measured: no XR device/, "VR failure is written, not hidden");
    assert.match(md, /not measured: API: refused/, "API failure is written");
    assert.match(md, /\| meshes \| 62 \| 63 \| \+1 \|/, "memory growth is signed");
    assert.doesNotMatch(md, /heap snapshot/, "an older report without snapshot sums has no such rows");
    assert.match(md, /JS heap used grew 10 B: target <= 512\.0 KB met\./, "the verdict against issue 18's target");
    const older = fixture();
    if ("error" in older.memory) throw new Error("fixture");
    older.memory.objectBytes = { afterFirst: 12 * 1024 * 1024, afterAll: 12 * 1024 * 1024 + 65 * 1024, growth: 65 * 1024 };
    older.memory.codeBytes = { afterFirst: 2 * 1024 * 1024, afterAll: 2 * 1024 * 1024 + 863 * 1024, growth: 863 * 1024 };
    const olderMd = renderSummary(older);
    assert.match(olderMd, /\| heap snapshot, all but compiled code \(JS and the page's native objects\) \| 12\.00 MB \| 12\.06 MB \| 65\.0 KB \|/, "an older report's rest of the snapshot");
    assert.match(olderMd, /\| heap snapshot: V8's compiled code and its metadata \| 2\.00 MB \| 2\.84 MB \| 863\.0 KB \|/, "the compiled code apart");
  });
  it("writes the memory run split by who keeps what grew, its curve, and the verdict against the target", () => {
    const r = fixture();
    if ("error" in r.memory) throw new Error("fixture");
    const MB = 1024 * 1024;
    r.memory.heapUsedBytes = { afterFirst: 14 * MB, afterAll: 14 * MB + 700 * 1024, growth: 700 * 1024 };
    r.memory.codeBytes = { afterFirst: 6 * MB, afterAll: 6 * MB + 650 * 1024, growth: 650 * 1024 };
    r.memory.jsBytes = { afterFirst: 7 * MB, afterAll: 7 * MB + 10 * 1024, growth: 10 * 1024 };
    r.memory.v8DataBytes = { afterFirst: 9 * MB, afterAll: 9 * MB, growth: 0 };
    r.memory.nativeBytes = { afterFirst: 3 * MB, afterAll: 3 * MB + 300 * 1024, growth: 300 * 1024 };
    r.memory.curve = [
      { visits: 27, heapUsedBytes: 14 * MB, codeBytes: 6 * MB, jsBytes: 7 * MB, v8DataBytes: 9 * MB, nativeBytes: 3 * MB },
      { visits: 227, heapUsedBytes: 14 * MB + 700 * 1024, codeBytes: 6 * MB + 650 * 1024, jsBytes: 7 * MB + 10 * 1024, v8DataBytes: 9 * MB, nativeBytes: 3 * MB + 300 * 1024 },
    ];
    const md = renderSummary(r);
    assert.match(md, /JS heap used grew 700\.0 KB: target <= 512\.0 KB not met; in the heap snapshots V8's compiled code grew 650\.0 KB and the JS objects 10\.0 KB\./, "a miss is written as such, with its split");
    assert.match(md, /\| JS heap used \(Runtime\.getHeapUsage: JS objects and compiled code\) \| 14\.00 MB \| 14\.68 MB \| 700\.0 KB \|/, "heap used row");
    assert.match(md, /\| heap snapshot: JS objects \(what the app and Babylon keep\) \| 7\.00 MB \| 7\.01 MB \| 10\.0 KB \|/, "JS objects row");
    assert.match(md, /\| heap snapshot: V8 data \(ArrayBuffer contents, script sources\) \| 9\.00 MB \| 9\.00 MB \| 0 B \|/, "V8 data row");
    assert.match(md, /\| heap snapshot: the page's native objects \(DOM, DevTools' network buffer, timeline entries\) \| 3\.00 MB \| 3\.29 MB \| 300\.0 KB \|/, "native row");
    assert.doesNotMatch(md, /all but compiled code/, "no older row beside the split");
    assert.match(md, /\| 27 \| 14\.00 MB \| 7\.00 MB \| 6\.00 MB \| 9\.00 MB \| 3\.00 MB \|/, "the curve's first sample");
    assert.match(md, /\| 227 \| 14\.68 MB \| 7\.01 MB \| 6\.63 MB \| 9\.00 MB \| 3\.29 MB \|/, "the curve's last sample");
    assert.doesNotMatch(md, /0 failed entries; measured/, "no separate date when the memory run is the report's own");
    r.memoryDate = "2026-01-03T04:05:06.000Z";
    r.memoryLoadAverage = "2.0 -> 3.0";
    assert.match(renderSummary(r), /0 failed entries; measured 2026-01-03 04:05 UTC at load average 2\.0 -> 3\.0\)/, "a memory run merged from another run says when it was measured");
  });
  it("names the warm-up's visits, and gives the growth from the first round beside the measured one", () => {
    const r = fixture();
    if ("error" in r.memory) throw new Error("fixture");
    const MB = 1024 * 1024;
    r.memory.warmupVisits = 162;
    r.memory.heapUsedBytes = { afterFirst: 15 * MB, afterAll: 15 * MB + 100 * 1024, growth: 100 * 1024 };
    r.memory.fromFirstRound = { afterFirst: 14 * MB, afterAll: 15 * MB + 100 * 1024, growth: MB + 100 * 1024 };
    const md = renderSummary(r);
    assert.match(md, /after a warm-up of 162 visits \(rounds of one visit to each building\)/, "the warm-up's length");
    assert.match(md, /JS heap used grew 100\.0 KB after a warm-up of 162 visits: target <= 512\.0 KB met/, "the measured growth against the target");
    assert.match(md, /From the first round of visits \(each building once, V8 still compiling the visit's code\) to the end it grew 1\.10 MB\./, "the cold start's growth is not hidden");
  });
  it("writes the API's per-round ratios with their range and says how they are computed", () => {
    const r = fixture();
    const route = (path: string, rps: number, roundRatios?: ReturnType<typeof s>) => ({
      path, requestsPerSecond: s(rps), p50Ms: s(1), p99Ms: s(2),
      ratio: { requestsPerSecond: roundRatios?.median ?? 1, p50: 1, p99: 1.1 },
      ...(roundRatios ? { roundRatios } : {}),
    });
    r.api = { engines: { sqlite: { routes: { bare: route("/bench/bare", 12_000), search: route("/api/v1/search?q=paspor", 9_000, s(0.74, 0.61, 0.83)) } }, postgres: { error: "API on postgres: refused" } } };
    const md = renderSummary(r);
    assert.match(md, /\| sqlite \| `\/api\/v1\/search\?q=paspor` \| 9,000 \| 0\.74x \(0\.61x-0\.83x\) \|/, "median per-round ratio with its min-max");
    assert.match(md, /\| sqlite \| `\/bench\/bare` \| 12,000 \| 1\.00x \|/, "the bare route at 1");
    assert.match(md, /mean of the bare route's runs just before and just after it/, "the note says how the ratio is computed");
    assert.match(md, /a browser's `Accept-Encoding`/, "and that requests ask for compressed answers");
    r.settings.apiAcceptEncoding = "identity";
    assert.match(renderSummary(r), /Requests carry `Accept-Encoding: identity`/, "or which coding they asked for instead");
    assert.match(md, /\| postgres \| not measured: API on postgres: refused/, "an engine that failed says why");
    const older = fixture();
    older.api = { routes: { search: route("/api/v1/search?q=paspor", 9_000) } };
    assert.doesNotMatch(renderSummary(older), /just before and just after/, "a report without per-round ratios gets no such note");
  });
  it("writes the VR frame's CPU time with its ratio to the empty scene, or why it was not measured", () => {
    const r = fixture();
    r.vrFrame = {
      vr: { frameMs: s(4, 3.5, 4.5), renderMs: s(3) },
      baseline: { frameMs: s(0.8), renderMs: s(0.4) },
      ratio: { frame: 5, render: 7.5 },
    };
    const md = renderSummary(r);
    assert.match(md, /\*\*VR frame at the hub\*\*/, "its own table");
    assert.match(md, /\| whole frame \| 4\.00 ms \(3\.50 ms-4\.50 ms\) \| 0\.80 ms \| 5\.00x \|/, "whole frame, both figures and the ratio");
    assert.match(md, /\| scene\.render\(\) \| 3\.00 ms \| 0\.40 ms \| 7\.50x \|/, "render only");
    assert.doesNotMatch(md, /empty scene in VR/, "no VR baseline row without its figures");
    r.vrFrame.baselineXr = { frameMs: s(0.5), renderMs: s(0.3) };
    r.vrFrame.ratio.frameToXr = 8;
    assert.match(renderSummary(r), /\| whole frame, against the empty scene in VR \| 4\.00 ms \(3\.50 ms-4\.50 ms\) \| 0\.50 ms \| 8\.00x \|/, "the second baseline's row");
    r.vrFrame = { notMeasured: "no XR device" };
    assert.match(renderSummary(r), /VR frame at the hub[^\n]*\nnot measured: no XR device/, "a failed VR run is said");
    delete r.vrFrame;
    assert.doesNotMatch(renderSummary(r), /VR frame at the hub/, "an older report without it renders as before");
  });
  it("adds the machine, the reproduce command and the problems of the run", () => {
    const md = renderMarkdown(fixture());
    assert.match(md, /2 CPU \(test cpu\)/, "machine facts");
    assert.match(md, /npm run build && npm run bench/, "how to reproduce");
    assert.match(md, /- VR run 1: no XR device/, "problems listed");
  });
});

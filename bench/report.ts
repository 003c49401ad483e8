// The bench's report: its machine-readable shape (bench/report.json) and the compact tables of
// bench/report.md (median (min-max) and the ratio to the baseline measured in the same run).
import type { Summary } from "./stats";
import type { Sizes } from "./sizes";

export interface ViewSummary {
  drawCalls: Summary;
  activeMeshes: Summary;
  activeTriangles: Summary;
  materials: Summary;
  textures: Summary;
  textureBytes: Summary;
  views: Summary;
  renderMs: Summary;
}

export interface ApiRoute {
  path: string;
  requestsPerSecond: Summary;
  p50Ms: Summary;
  p99Ms: Summary;
  /**
   * Medians of the per-round ratios to the bare route (bench/api-rounds.ts: each run against the
   * mean of the bare runs on either side of it); in reports before that, ratios of the medians.
   */
  ratio: { requestsPerSecond: number | null; p50: number | null; p99: number | null };
  /** The per-round requests/s ratios: median, min, max, rounds (absent for the bare route and in older reports). */
  roundRatios?: Summary;
}

export type ApiEngineReport = { routes: Record<string, ApiRoute> } | { error: string };

export interface Growth {
  afterFirst: number;
  afterAll: number;
  growth: number;
}

export interface FrameSummary { renderMs: Summary; frameMs: Summary }

export interface Report {
  date: string;
  machine: Record<string, string | number>;
  settings: Record<string, string | number>;
  seconds: number;
  firstLoadJs: {
    scripts: Array<{ path: string } & Sizes>;
    total: Sizes;
    entry: { path: string } & Sizes;
    /** Bytes the browser received for those scripts, with the server's own compression (br). */
    onWireBytes: Summary;
    baseline: { name: string } & Sizes;
    ratio: { gzip: number; minified: number; entryGzip: number };
    budgetGzip: number;
  };
  startup: {
    app: { firstFrameMs: Summary; readyMs: Summary };
    baseline: { firstFrameMs: Summary; readyMs: Summary };
    ratio: { firstFrame: number | null; ready: number | null };
  };
  views: {
    baseline: ViewSummary;
    plaza: ViewSummary;
    interior: ViewSummary;
    vr: ViewSummary | { notMeasured: string };
  };
  /**
   * CPU time per frame in VR at the hub (the XR session's whole frame: XR camera, controllers,
   * pointer rays, then the render) against the empty scene's render loop; absent in older reports.
   */
  vrFrame?: {
    vr: FrameSummary;
    baseline: FrameSummary;
    /** The empty scene in the same kind of VR session (iwer, both eyes, no input features). */
    baselineXr?: FrameSummary;
    ratio: { render: number | null; frame: number | null; frameToXr?: number | null };
  } | { notMeasured: string };
  /** Per engine; reports before the PostgreSQL engine had { routes } or { error } for SQLite only. */
  api: { engines: Record<string, ApiEngineReport> } | ApiEngineReport;
  /** When the API section was measured, if later than date (bench/api.ts alone). */
  apiDate?: string;
  /** The 1-minute load average at the start and end of that API run. */
  apiLoadAverage?: string;
  /** When the memory section was measured, if in another run than the rest (merged into this report). */
  memoryDate?: string;
  /** The 1-minute load average at the start and end of that run. */
  memoryLoadAverage?: string;
  memory: {
    cycles: number;
    seconds: number;
    failedEnters: number;
    /** Visits before the measured cycles (absent in older reports: one per building). */
    warmupVisits?: number;
    /** JS heap used from the first round of visits (each building once) to the end: the cold start's growth included. */
    fromFirstRound?: Growth;
    /** Runtime.getHeapUsage after GC: JS objects and V8's compiled code together. */
    heapUsedBytes: Growth;
    /** Older reports: from heap snapshots, all but V8's compiled code (JS and the page's native objects). */
    objectBytes?: Growth;
    /** From heap snapshots (bench/heap-snapshot.ts): V8's compiled code and its metadata. */
    codeBytes?: Growth;
    /** The JS heap's objects: what the app and Babylon keep (absent in older reports). */
    jsBytes?: Growth;
    /** V8's own native data: ArrayBuffer contents, script sources, dependent-code lists. */
    v8DataBytes?: Growth;
    /** The page's native objects: DOM, DevTools' network buffer, performance timeline entries. */
    nativeBytes?: Growth;
    /** Samples after the warm-up and every few cycles after it (absent in older reports). */
    curve?: MemoryPoint[];
    counts: Record<string, Growth>;
  } | { error: string };
  gltf: { files: number; bytes: number; budget: number };
  foreignRequests: number;
  failures: string[];
}

export interface MemoryPoint {
  /** Visits so far, the warm-up's included. */
  visits: number;
  heapUsedBytes: number;
  codeBytes: number;
  jsBytes: number;
  v8DataBytes: number;
  nativeBytes: number;
}

/** Issue 18 point 3: over the measured visits the JS heap (after GC) grows by at most this. */
export const HEAP_GROWTH_TARGET_BYTES = 0.5 * 1024 * 1024;

const KB = 1024;

export function formatBytes(n: number): string {
  if (Math.abs(n) >= 1024 * KB) return `${(n / (1024 * KB)).toFixed(2)} MB`;
  if (Math.abs(n) >= KB) return `${(n / KB).toFixed(1)} KB`;
  return `${Math.round(n)} B`;
}

function num(n: number, digits: number): string {
  return n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** "median (min-max)" with the given formatter; the range is left out when all runs agree. */
export function fig(s: Summary, f: (n: number) => string = (n) => num(n, 0)): string {
  return s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}-${f(s.max)})`;
}

export function fmtRatio(r: number | null | undefined): string {
  return r === null || r === undefined ? "n/a" : `${r >= 10 ? num(r, 0) : num(r, 2)}x`;
}

const ms = (n: number) => `${num(n, n < 10 ? 2 : 0)} ms`;

function table(head: string[], rows: string[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

/** The memory run against issue 18's target, with the part of the growth that is compiled code. */
export function heapVerdict(m: { heapUsedBytes: Growth; codeBytes?: Growth; jsBytes?: Growth; warmupVisits?: number; fromFirstRound?: Growth }): string {
  const g = m.heapUsedBytes.growth;
  const met = g <= HEAP_GROWTH_TARGET_BYTES ? "met" : "not met";
  const parts = m.codeBytes && m.jsBytes
    ? `; in the heap snapshots V8's compiled code grew ${formatBytes(m.codeBytes.growth)} and the JS objects ${formatBytes(m.jsBytes.growth)}`
    : "";
  const cold = m.fromFirstRound && m.warmupVisits
    ? ` From the first round of visits (each building once, V8 still compiling the visit's code) to the end it grew ${formatBytes(m.fromFirstRound.growth)}.`
    : "";
  return `JS heap used grew ${formatBytes(g)}${m.warmupVisits ? ` after a warm-up of ${m.warmupVisits} visits` : ""}: target <= ${formatBytes(HEAP_GROWTH_TARGET_BYTES)} ${met}${parts}.${cold}`;
}

/** The summary tables, also copied into README.md's "Benchmarks" section. */
export function renderSummary(r: Report): string {
  const out: string[] = [];
  const j = r.firstLoadJs;
  out.push("**First-load JavaScript** (fetched before ready; gzip -9 of the built files)");
  out.push(
    table(
      ["what", "minified", "gzip", "ratio to baseline (gzip)", "budget (gzip)"],
      [
        [`all ${j.scripts.length} scripts before ready`, formatBytes(j.total.minified), formatBytes(j.total.gzip), fmtRatio(j.ratio.gzip), `${formatBytes(j.budgetGzip)}${j.total.gzip <= j.budgetGzip ? " ok" : " OVER"}`],
        [`entry chunk ${j.entry.path}`, formatBytes(j.entry.minified), formatBytes(j.entry.gzip), fmtRatio(j.ratio.entryGzip), ""],
        [`baseline: ${j.baseline.name}`, formatBytes(j.baseline.minified), formatBytes(j.baseline.gzip), "1x", ""],
      ],
    ),
  );
  const s = r.startup;
  out.push("", "**Startup** in headless chromium (ms from navigation to the scene's first rendered frame and to the test hook's `ready`; the app draws its first frame once the plaza's ground and hub are in, then a frame as each building arrives, and is `ready` when every model and the first data are loaded; baseline: empty Babylon scene, same webpack config)");
  out.push(
    table(
      ["", "app", "baseline", "ratio"],
      [
        ["first frame", fig(s.app.firstFrameMs, ms), fig(s.baseline.firstFrameMs, ms), fmtRatio(s.ratio.firstFrame)],
        ["ready", fig(s.app.readyMs, ms), fig(s.baseline.readyMs, ms), fmtRatio(s.ratio.ready)],
      ],
    ),
  );
  out.push("", `**Views** (draw calls are for all views of a frame; render = CPU time of scene.render() per frame, mean of ${r.settings.framesPerView} frames per run; texture memory estimated from sizes, w*h*4, *4/3 with mipmaps)`);
  const base = r.views.baseline;
  const viewRow = (name: string, v: ViewSummary | { notMeasured: string }): string[] => {
    if ("notMeasured" in v) return [name, `not measured: ${v.notMeasured}`, "", "", "", "", "", "", ""];
    return [
      name,
      fig(v.drawCalls),
      fig(v.activeMeshes),
      fig(v.activeTriangles),
      fig(v.materials),
      fig(v.textures),
      fig(v.textureBytes, formatBytes),
      fig(v.renderMs, ms),
      fmtRatio(v.renderMs.median / base.renderMs.median),
    ];
  };
  out.push(
    table(
      ["view", "draw calls", "active meshes", "triangles", "materials", "textures", "texture memory", "render", "render ratio"],
      [
        viewRow("baseline (empty scene)", base),
        viewRow("plaza, default view", r.views.plaza),
        viewRow(`inside MPP ${r.settings.interiorRegion}`, r.views.interior),
        viewRow("VR at the hub (iwer Quest 3)", r.views.vr),
      ],
    ),
  );
  if (r.vrFrame) {
    out.push("", `**VR frame at the hub** (CPU ms per frame, mean of ${r.settings.vrFrames ?? 60} frames per run: in VR the XR session's whole frame, both eyes; baseline: the empty scene's render loop; target <= 6x)`);
    const f = r.vrFrame;
    out.push(
      "notMeasured" in f
        ? `not measured: ${f.notMeasured}`
        : table(
          ["", "VR at the hub", "baseline", "ratio"],
          [
            ["whole frame", fig(f.vr.frameMs, ms), fig(f.baseline.frameMs, ms), fmtRatio(f.ratio.frame)],
            ["scene.render()", fig(f.vr.renderMs, ms), fig(f.baseline.renderMs, ms), fmtRatio(f.ratio.render)],
            ...(f.baselineXr
              ? [["whole frame, against the empty scene in VR", fig(f.vr.frameMs, ms), fig(f.baselineXr.frameMs, ms), fmtRatio(f.ratio.frameToXr)]]
              : []),
          ],
        ),
    );
  }
  out.push("", `**API** (autocannon, ${r.settings.apiConnections} connections, ${r.settings.apiSeconds} s x ${r.settings.apiRounds} rounds; baseline: a bare route of the same server${r.apiDate ? `; measured ${r.apiDate.slice(0, 10)}${r.apiLoadAverage ? ` at load average ${r.apiLoadAverage}` : ""}` : ""})`);
  const engines: Record<string, ApiEngineReport> = "engines" in r.api ? r.api.engines : { sqlite: r.api };
  const rows: string[][] = [];
  for (const [engine, e] of Object.entries(engines)) {
    if ("error" in e) rows.push([engine, `not measured: ${e.error}`, "", "", "", "", ""]);
    else {
      for (const a of Object.values(e.routes)) {
        const rps = a.roundRatios ? `${fmtRatio(a.roundRatios.median)} (${fmtRatio(a.roundRatios.min)}-${fmtRatio(a.roundRatios.max)})` : fmtRatio(a.ratio.requestsPerSecond);
        rows.push([engine, `\`${a.path}\``, fig(a.requestsPerSecond), rps, fig(a.p50Ms, ms), fig(a.p99Ms, ms), fmtRatio(a.ratio.p99)]);
      }
    }
  }
  out.push(table(["engine", "route", "requests/s", "ratio", "p50", "p99", "p99 ratio"], rows));
  if (apiPerRound(r)) out.push("", apiRatioNote(r.settings.apiAcceptEncoding));
  if ("error" in r.memory) out.push("", `**Memory**: not measured: ${r.memory.error}`);
  else {
    const m = r.memory;
    const when = r.memoryDate ? `; measured ${r.memoryDate.slice(0, 16).replace("T", " ")} UTC${r.memoryLoadAverage ? ` at load average ${r.memoryLoadAverage}` : ""}` : "";
    const warmup = m.warmupVisits ? `${m.warmupVisits} visits (rounds of one visit to each building)` : "one visit to each building";
    out.push("", `**Memory** over ${m.cycles} enter/leave cycles of buildings after a warm-up of ${warmup} (after GC; ${m.failedEnters} failed entries${when}). ${heapVerdict(m)}`);
    const row = (what: string, g: Growth) => [what, formatBytes(g.afterFirst), formatBytes(g.afterAll), formatBytes(g.growth)];
    out.push(
      table(
        ["what", "after the warm-up", `after ${m.cycles} more`, "growth"],
        [
          row("JS heap used (Runtime.getHeapUsage: JS objects and compiled code)", m.heapUsedBytes),
          ...(m.jsBytes ? [row("heap snapshot: JS objects (what the app and Babylon keep)", m.jsBytes)] : []),
          ...(m.codeBytes ? [row("heap snapshot: V8's compiled code and its metadata", m.codeBytes)] : []),
          ...(m.v8DataBytes ? [row("heap snapshot: V8 data (ArrayBuffer contents, script sources)", m.v8DataBytes)] : []),
          ...(m.nativeBytes ? [row("heap snapshot: the page's native objects (DOM, DevTools' network buffer, timeline entries)", m.nativeBytes)] : []),
          ...(m.objectBytes && !m.jsBytes ? [row("heap snapshot, all but compiled code (JS and the page's native objects)", m.objectBytes)] : []),
          ...Object.entries(m.counts).map(([k, g]) => [k, String(g.afterFirst), String(g.afterAll), (g.growth > 0 ? "+" : "") + g.growth]),
        ],
      ),
    );
    if (m.curve && m.curve.length > 1) {
      out.push("", "**Memory curve** (after GC, at each sample; visits include the warm-up)");
      out.push(
        table(
          ["visits", "JS heap used", "JS objects", "compiled code", "V8 data", "page's native objects"],
          m.curve.map((p) => [String(p.visits), formatBytes(p.heapUsedBytes), formatBytes(p.jsBytes), formatBytes(p.codeBytes), formatBytes(p.v8DataBytes), formatBytes(p.nativeBytes)]),
        ),
      );
    }
  }
  return out.join("\n");
}

/** How the API ratios are computed, under the API table when they are per-round ratios. */
export function apiRatioNote(acceptEncoding: string | number | undefined): string {
  const coding = acceptEncoding === undefined || acceptEncoding === "gzip, deflate, br, zstd"
    ? "a browser's `Accept-Encoding` (the answers go out as br)"
    : `\`Accept-Encoding: ${acceptEncoding}\``;
  return "Ratio: per round, the route's requests/s over the mean of the bare route's runs just before and just after it (the runs go bare, regions, bare, service, bare, search, bare, ...), so the machine's drift over minutes cancels; the table gives the median of those per-round ratios, min-max in brackets. "
    + `Requests carry ${coding}. The p99 ratio is the median of the per-round p99 ratios the same way.`;
}

function apiPerRound(r: Report): boolean {
  const engines: Record<string, ApiEngineReport> = "engines" in r.api ? r.api.engines : { sqlite: r.api };
  return Object.values(engines).some((e) => "routes" in e && Object.values(e.routes).some((a) => a.roundRatios !== undefined));
}

export function renderMarkdown(r: Report): string {
  const m = r.machine;
  return [
    "# Benchmark report",
    "",
    `${r.date.slice(0, 10)} · ${m.cpus} CPU (${m.cpuModel}) · ${m.gpu} · Node ${m.node} · Chromium ${m.chromium} · ${m.platform} · ${r.seconds} s${m.loadAverage ? ` · load average ${m.loadAverage}` : ""}`,
    `Medians of ${r.settings.loadRuns} page loads (VR: ${r.settings.vrRuns}), min-max in brackets; ratios are to the baseline measured in the same run. Reproduce: \`npm run build && npm run bench\`.`,
    "",
    renderSummary(r),
    "",
    `glTF models in assets/models: ${r.gltf.files} files, ${formatBytes(r.gltf.bytes)} (budget ${formatBytes(r.gltf.budget)}). Requests to other origins: ${r.foreignRequests}.`,
    "",
    "**Scripts fetched before ready**",
    table(["script", "minified", "gzip"], r.firstLoadJs.scripts.map((s) => [`\`${s.path}\``, formatBytes(s.minified), formatBytes(s.gzip)])),
    "",
    r.failures.length ? `**Problems in this run**\n${r.failures.map((f) => `- ${f}`).join("\n")}` : "No problems in this run.",
    "",
  ].join("\n");
}

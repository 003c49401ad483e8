// Browser-test harness: the real server (built app in dist/, in-memory database) on a free port,
// Debian's chromium through playwright-core, and a page that fails the test on any page error or
// any request to another origin (the app must work in a lobby without internet).
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { existsSync } from "node:fs";
import { build } from "../../../src/server/app";
import type { FrameStats } from "../../../src/app/test-hook";
import type { PresenceOptions } from "../../../src/server/presence/options";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-gpu-sandbox",
];

export interface Harness {
  app: FastifyInstance;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(options: { dbPath?: string; launchArgs?: string[]; presence?: Partial<PresenceOptions> } = {}): Promise<Harness> {
  if (!existsSync("dist/index.html")) throw new Error("harness: dist/ is missing; run `npm run build` (npm test does it)");
  if (!existsSync(CHROMIUM)) throw new Error(`harness: ${CHROMIUM} is missing; apt-get install -y chromium`);
  const app = await build({ dbPath: options.dbPath ?? ":memory:", logger: false, ...(options.presence ? { presence: options.presence } : {}) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const port = (app.server.address() as { port: number }).port;
  // "localhost", not 127.0.0.1: WebXR needs a secure context, and only localhost counts as one.
  const origin = `http://localhost:${port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1", ...(options.launchArgs ?? [])],
  });
  return {
    app,
    origin,
    browser,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  foreign: string[];
  consoleErrors: string[];
  /** Fails with every page error and foreign request seen so far. */
  assertClean(): void;
}

/**
 * The render scale browser tests open the app at (?renderscale=): SwiftShader spends a frame's time
 * filling pixels, so half the pixels each way makes frames several times cheaper and frees the CPU
 * for the rest of the suite. Layout, picking and the hook's CSS-pixel figures do not change.
 * TEST_RENDER_SCALE=1 runs at full resolution.
 */
export const TEST_RENDER_SCALE = process.env.TEST_RENDER_SCALE ?? "0.5";

/** `url` with ?renderscale= added when it opens the app with the test hook and names none. */
export function withTestRenderScale(url: string): string {
  if (TEST_RENDER_SCALE === "1" || !/[?&]automation=1(&|#|$)/.test(url) || /[?&]renderscale=/.test(url)) return url;
  const hash = url.indexOf("#");
  const [base, tail] = hash < 0 ? [url, ""] : [url.slice(0, hash), url.slice(hash)];
  return `${base}&renderscale=${TEST_RENDER_SCALE}${tail}`;
}

/** Makes every page.goto of the page go through withTestRenderScale. */
const lowered = new WeakSet<Page>();
function lowerRenderScale(page: Page): void {
  if (lowered.has(page)) return;
  lowered.add(page);
  const goto = page.goto.bind(page);
  page.goto = (url, options) => goto(withTestRenderScale(url), options);
}

export async function openPage(h: Harness, options: Parameters<Browser["newContext"]>[0] = {}): Promise<Watched> {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 720 }, ...options });
  context.on("page", lowerRenderScale);
  const page = await context.newPage();
  lowerRenderScale(page);
  const pageErrors: string[] = [];
  const foreign: string[] = [];
  const consoleErrors: string[] = [];
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  // tsx (esbuild keepNames) wraps named functions in __name(), also inside page.evaluate callbacks.
  await context.addInitScript({ content: "globalThis.__name = globalThis.__name || ((f) => f);" });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(h.origin) || url.startsWith("data:") || url.startsWith("blob:")) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  return {
    context,
    page,
    pageErrors,
    foreign,
    consoleErrors,
    assertClean() {
      if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join(" | ")}`);
      if (foreign.length) throw new Error(`requests to other origins: ${foreign.join(" | ")}`);
    },
  };
}

/** Opens a path of the app with the test hook and waits until it is ready. */
export async function gotoReady(w: Watched, origin: string, path = "/?automation=1", timeout = 120_000): Promise<void> {
  await w.page.goto(origin + path);
  await hookReady(w.page, timeout);
}

/**
 * Waits until the page's test hook is installed and ready (after a goto or a Retry), and what
 * loads after ready (shared presence) has started.
 */
export async function hookReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => window.__mpp !== undefined, null, { timeout });
  await page.evaluate(() => window.__mpp!.ready);
  await page.evaluate(() => window.__mpp!.started);
}

export type HookStats = FrameStats;

/** Stats of a frame drawn after the caller's change: waits a few frames first. */
export async function frameStats(page: Page): Promise<HookStats> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
  return page.evaluate(() => window.__mpp!.stats());
}

/** Share of sampled pixels that differ from the first one: 0 for a blank frame. */
export async function canvasVariety(page: Page): Promise<number> {
  const png = await page.locator("#scene").screenshot();
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const first = [d[0], d[1], d[2]];
    let differ = 0;
    let n = 0;
    for (let i = 0; i < d.length; i += 4 * 97) {
      n++;
      if (Math.abs(d[i]! - first[0]!) + Math.abs(d[i + 1]! - first[1]!) + Math.abs(d[i + 2]! - first[2]!) > 30) differ++;
    }
    return differ / n;
  }, png.toString("base64"));
}

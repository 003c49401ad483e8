// A kiosk that loaded once keeps working with no network and no API (PRODUCT.md user 3): the
// service worker serves the app, the models and the last API answers, the page says how old
// they are, and it recovers by itself when the network and the API come back.
// The server is really stopped (and a new one started on the same port), on top of
// context.setOffline: the worker's own requests are then refused whatever the emulation does.
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import type { FastifyInstance } from "fastify";
import { build } from "../../src/server/app";
import { CHROMIUM, CHROMIUM_ARGS, openPage, gotoReady, hookReady, type Harness, type Watched } from "./support/harness";

const PATH = "/?mode=kiosk&region=3273&idle=600&automation=1&sw=1";


async function startServer(port: number, log: string[]): Promise<FastifyInstance> {
  const app = await build({ dbPath: ":memory:", logger: false, ...(process.env.MPP_DIST_DIR ? { distDir: process.env.MPP_DIST_DIR } : {}) });
  // What the server was asked, page and service worker alike: every request reaching it is ours.
  app.addHook("onRequest", async (req) => { log.push(`${req.headers.host ?? ""} ${req.url}`); });
  await app.listen({ port, host: "127.0.0.1" });
  return app;
}

describe("offline operation (browser, service worker)", function () {
  this.timeout(400_000);
  const log: string[] = [];
  let server: FastifyInstance;
  let port = 0;
  let h: Harness;
  let w: Watched;
  let target = "";
  /** Requests the service worker itself made, as Playwright reports them (its network is inspected). */
  const workerRequests: string[] = [];

  before(async () => {
    server = await startServer(0, log);
    port = (server.server.address() as { port: number }).port;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, "--host-resolver-rules=MAP localhost 127.0.0.1"] });
    h = { app: server, origin: `http://localhost:${port}`, browser, async close() { await browser.close(); await server.close(); } };
    w = await openPage(h, { hasTouch: true, isMobile: false, viewport: { width: 1280, height: 800 } });
    w.context.on("request", (r) => { if (r.serviceWorker()) workerRequests.push(r.url()); });
  });
  after(async () => { await h?.close(); });
  afterEach(() => w.assertClean());

  it("serves the service worker at the root with no-cache and the CSP", async () => {
    const res = await fetch(`${h.origin}/sw.js`);
    assert.equal(res.status, 200, "sw.js is served");
    assert.match(res.headers.get("content-type") ?? "", /javascript/, "as JavaScript");
    assert.equal(res.headers.get("cache-control"), "no-cache", "revalidated on every update check");
    assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'self'/, "the CSP covers the worker's own fetches");
    const body = await res.text();
    const xr = ["/assets/xr-input/profiles/profilesList.json", "/assets/xr-input/profiles/meta-quest-touch-plus/profile.json", "/assets/xr-input/profiles/meta-quest-touch-plus/left.glb"];
    for (const url of ["/index.html", "/assets/models/interior.glb", "/assets/models/building-3273.glb", "/scenes/plaza.json", ...xr]) {
      assert.ok(body.includes(`'${url}'`) || body.includes(`"${url}"`), `${url} is in the precache list`);
    }
    // Workbox is bundled, not loaded from a CDN; its one link is inside a warning message.
    const origins = new Set([...body.matchAll(/https?:\/\/[a-z0-9.-]+/gi)].map((m) => m[0]));
    assert.deepEqual([...origins].filter((o) => o !== "https://bit.ly"), [], "no other origin named in the worker");
  });

  it("loads once online: the worker installs, takes control and precaches", async () => {
    const { page } = w;
    await gotoReady(w, h.origin, PATH);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120_000 });
    await page.waitForFunction(async () => (await caches.keys()).some((k) => k.includes("precache")), null, { timeout: 60_000 });
    // Visit as a citizen would, through the worker: the lobby's MPP, a search, a service.
    await page.getByTestId("attract").tap();
    await page.waitForFunction(() => window.__mpp!.place().kind === "building", null, { timeout: 60_000 });
    await page.getByTestId("directory-toggle").tap();
    for (const ch of "paspor") await page.getByTestId(`osk-key-${ch}`).tap();
    await page.getByTestId("search-result").first().waitFor({ timeout: 20_000 });
    const ids = await page.getByTestId("search-result").evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.serviceId ?? ""));
    target = ids.find((id) => id.startsWith("3273-")) ?? ids[0]!;
    await page.locator(`[data-testid=search-result][data-service-id="${target}"]`).tap();
    await page.getByTestId("mirror-fee").waitFor({ timeout: 30_000 });
    assert.equal(await page.getByTestId("data-age").isVisible(), false, "live data: no 'as of' notice");
    assert.ok(log.some((l) => l.includes("/js/")) && log.some((l) => l.includes("/assets/models/")), "the worker fetched chunks and models");
  });

  it("reloads with no network and no API: plaza, directory and the last services still show, with the date", async () => {
    const { page, context } = w;
    await context.setOffline(true);
    await server.close();
    const nav = await page.reload();
    assert.ok(nav?.fromServiceWorker(), "the page came from the service worker");
    assert.match((await nav?.allHeaders())?.["content-security-policy"] ?? "", /default-src 'self'/, "the offline page keeps its CSP");
    await hookReady(page);
    await page.getByTestId("data-age").waitFor({ state: "visible", timeout: 20_000 });
    assert.match(await page.getByTestId("data-age").textContent() ?? "", /Informasi per .*\d/, "'Informasi per <date time>' is shown");
    await page.waitForFunction(() => window.__mpp!.lobbyState() !== null, null, { timeout: 30_000 });
    await page.getByTestId("attract").tap();
    await page.waitForFunction(() => {
      const p = window.__mpp!.place();
      return p.kind === "building" && p.region === "3273";
    }, null, { timeout: 60_000 });
    await page.getByTestId("directory-toggle").tap();
    await page.getByTestId("region-row").first().waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId("region-row").count(), 27, "the directory lists the 27 regions from the copy");
    for (const ch of "paspor") await page.getByTestId(`osk-key-${ch}`).tap();
    await page.locator(`[data-testid=search-result][data-service-id="${target}"]`).waitFor({ timeout: 20_000 });
    await page.locator(`[data-testid=search-result][data-service-id="${target}"]`).tap();
    await page.getByTestId("mirror-fee").waitFor({ timeout: 30_000 });
    assert.match(await page.getByTestId("mirror-fee").textContent() ?? "", /Rp|Gratis/, "the service's fee shows offline");
    assert.match(await page.locator(".mpp-notice--stale").first().textContent() ?? "", /Informasi per/, "the kiosk says how old its information is");
  });

  it("recovers by itself when the network and the API return", async () => {
    const { page, context } = w;
    server = await startServer(port, log);
    h.app = server;
    await context.setOffline(false);
    await page.getByTestId("data-age").waitFor({ state: "hidden", timeout: 60_000 });
    assert.equal(await page.locator(".mpp-notice--stale").count(), 0, "the kiosk's notice is gone too");
  });

  it("asked nothing of another origin", () => {
    assert.ok(workerRequests.length > 0, `the worker's own requests were watched (${workerRequests.length})`);
    assert.deepEqual(workerRequests.filter((u) => !u.startsWith(h.origin)), [], "the worker asked nothing of another origin");
    assert.deepEqual(w.foreign, [], "no request (page or worker) left this origin");
    assert.ok(log.every((l) => l.startsWith(`localhost:${port} `)), "every request the server saw was for this origin");
  });
});

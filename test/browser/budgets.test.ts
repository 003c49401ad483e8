// Budgets measured in the browser (desktop.test.ts and xr.test.ts hold the per-view draw calls and
// triangles): all JavaScript the page fetched before "ready" (the entry chunk and the chunks it
// loads on demand), sized from dist/ at gzip -9, within the first-load budget.
import assert from "node:assert/strict";
import { startHarness, openPage, gotoReady, type Harness, type Watched } from "./support/harness";
import { BUDGETS } from "../../bench/budgets";
import { MARKS_INIT_SCRIPT, readMarksInPage } from "../../bench/page-marks";
import { addSizes, sizesOf, scriptsOfIndex } from "../../bench/sizes";

describe("first-load budgets (browser)", function () {
  this.timeout(240_000);
  let h: Harness;
  let w: Watched;
  const bodies = new Map<string, Promise<Buffer>>();

  before(async () => {
    h = await startHarness();
    w = await openPage(h);
    await w.context.addInitScript({ content: MARKS_INIT_SCRIPT });
    // Sized from what the server sent (not from dist/, which a concurrent build may replace).
    w.page.on("response", (r) => {
      const url = new URL(r.url());
      if (url.origin === h.origin && url.pathname.endsWith(".js")) bodies.set(url.pathname, r.body());
    });
    await gotoReady(w, h.origin);
    await w.page.waitForFunction(() => (window as { __bench?: { scripts?: unknown } }).__bench?.scripts !== undefined, null, { timeout: 30_000 });
  });
  after(async () => {
    await h?.close();
  });
  afterEach(() => w.assertClean());

  it(`keeps all JavaScript fetched before ready within ${BUDGETS.firstLoadJsGzip / 1024} KB gzip`, async () => {
    const marks = await w.page.evaluate(readMarksInPage);
    const paths = [...new Set((marks.scripts ?? []).map((s) => s.path))];
    const html = await (await w.page.request.get(`${h.origin}/`)).text();
    const entry = scriptsOfIndex(html).map((s) => `/${s}`);
    for (const e of entry) assert.ok(paths.includes(e), `the page fetched the entry script ${e} (seen: ${paths.join(", ")})`);
    const sizes = [];
    for (const p of paths) {
      const body = bodies.get(p);
      assert.ok(body, `the response body of ${p} was captured`);
      sizes.push({ p, ...sizesOf(await body) });
    }
    const total = addSizes(sizes);
    const detail = sizes.map((x) => `${x.p} ${x.gzip} B`).join(", ");
    assert.ok(total.gzip <= BUDGETS.firstLoadJsGzip, `${paths.length} scripts before ready: ${total.gzip} B gzip <= ${BUDGETS.firstLoadJsGzip} (${detail})`);
  });

  it("fetches nothing from another origin while loading", () => {
    assert.equal(w.foreign.length, BUDGETS.requestsToOtherOrigins, `requests to other origins: ${w.foreign.join(" | ") || "none"}`);
  });
});

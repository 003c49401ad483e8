// The test hook's `ready` means the world is complete and drawn (PRODUCT.md, "Test hook"): the
// first frame comes earlier with only the ground and hub (the `mpp:first-frame` mark, checked by
// startup.test.ts), the buildings stream in after it nearest first, and `ready` resolves with the
// frame that draws every one of them. That frame already draws everything a later, settled frame
// draws, also once what loads after ready (presence, `started`) is in: before, `ready` could come
// with only the sky and the signs drawn, the world's shaders still compiling, and presence then
// added two draw calls of an empty avatar mesh. Repeated over fresh page loads, since compile and
// streaming timing differ from load to load; the hall is checked the same way on entering a building.
import assert from "node:assert/strict";
import { startHarness, openPage, frameStats, type Harness, type HookStats } from "./support/harness";

const LOADS = 3;
/**
 * The plaza's hub view draws sky, ground, paving, the hub's and the ring's batches (buildings and
 * props), and the signs with legend and directory kiosk: 6 draw calls.
 */
const MIN_DRAW_CALLS = 6;
const MIN_TRIANGLES = 10_000;
/** The 27 kabupaten/kota of scenes/plaza.json. */
const BUILDINGS = 27;

describe("ready means the world is complete and drawn (browser)", function () {
  this.timeout(600_000);
  let h: Harness;

  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h?.close();
  });

  for (let load = 1; load <= LOADS; load++) {
    it(`load ${load}/${LOADS}: the frame that resolves ready draws the whole plaza, every building in`, async () => {
      const w = await openPage(h);
      try {
        await w.page.goto(`${h.origin}/?automation=1`);
        await w.page.waitForFunction(() => window.__mpp, null, { timeout: 180_000 });
        // Read in the promise's own continuation: the stats of the frame that resolved it.
        const { atReady, buildings } = await w.page.evaluate(() => window.__mpp!.ready.then(() => ({ atReady: window.__mpp!.stats(), buildings: window.__mpp!.buildings() })));
        assert.equal(buildings.length, BUILDINGS, `every building streamed in by ready (${buildings.length} of ${BUILDINGS})`);
        assert.deepEqual(buildings.filter((b) => b.placeholder).map((b) => b.region), [], "each as its model, none a placeholder");
        // Settled: once what loads after ready (presence) has started, and a few frames later.
        await w.page.evaluate(() => window.__mpp!.started);
        const settled = await frameStats(w.page);
        assert.ok(atReady.drawCalls >= MIN_DRAW_CALLS, `draw calls at ready: ${atReady.drawCalls} >= ${MIN_DRAW_CALLS}`);
        assert.ok(atReady.activeTriangles >= MIN_TRIANGLES, `triangles at ready: ${atReady.activeTriangles} >= ${MIN_TRIANGLES}`);
        assert.equal(atReady.drawCalls, settled.drawCalls, "the ready frame draws as much as a later one");
        assert.equal(atReady.activeTriangles, settled.activeTriangles, "and as many triangles");
        if (load === LOADS) {
          // Entering a building resolves once the hall can be drawn: its first frame is complete too.
          const first: HookStats = await w.page.evaluate(async () => {
            const hook = window.__mpp!;
            await hook.enterBuilding("3273");
            await hook.frames(1);
            return hook.stats();
          });
          const later = await frameStats(w.page);
          assert.ok(first.drawCalls >= 6, `the hall's first frame draws it (${first.drawCalls} draw calls)`);
          assert.equal(first.drawCalls, later.drawCalls, "the hall's first frame draws as much as a later one");
          assert.equal(first.activeTriangles, later.activeTriangles, "and as many triangles");
        }
        w.assertClean();
      } finally {
        await w.context.close();
      }
    });
  }
});

// The search cache is bounded by bytes, not entries (issue 19 item 5): 600 distinct broad searches
// added 170 MB to the heap when the cache held up to 500 ranked lists of any size.
import assert from "node:assert/strict";
import { build } from "../../src/server/app";

/** 200 keep the test short; the old cache grew the heap 254 MB over 600 of them here, 187 MB over 300. */
const SEARCHES = 200;
/** Heap growth allowed; the cache itself is bounded at 16 MB. */
const MAX_HEAP_GROWTH_MB = 40;

function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

describe("search cache", function () {
  this.timeout(120_000);

  it(`keeps the heap within ${MAX_HEAP_GROWTH_MB} MB over ${SEARCHES} distinct broad searches`, async function () {
    if (!(globalThis as { gc?: () => void }).gc) this.skip(); // tools/test-run.mjs passes --expose-gc
    const app = await build({ dbPath: ":memory:", rateLimit: false });
    try {
      await app.inject("/api/v1/search?q=a");
      const before = heapMb();
      // The same broad words, spelled out to a different phrase each time: each is a new cache key
      // whose ranked list holds most of the catalog.
      let total = 0;
      for (let i = 0; i < SEARCHES; i++) {
        const letter = "aiuekmpst"[i % 9]!;
        const q = [letter, ...Array.from({ length: 1 + Math.floor(i / 9) % 45 }, () => letter)].join(" ") + (i >= 405 ? " " + letter.toUpperCase() : "");
        const res = await app.inject(`/api/v1/search?limit=1&q=${encodeURIComponent(q.slice(0, 100))}`);
        assert.equal(res.statusCode, 200, `search ${i}: ${res.body.slice(0, 200)}`);
        total += res.json().total;
      }
      assert.ok(total / SEARCHES > 500, `the searches were broad (${Math.round(total / SEARCHES)} hits each on average)`);
      const growth = heapMb() - before;
      assert.ok(growth <= MAX_HEAP_GROWTH_MB, `heap grew ${Math.round(growth)} MB (bound ${MAX_HEAP_GROWTH_MB})`);
    } finally {
      await app.close();
    }
  });
});

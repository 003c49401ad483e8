// Budget: the JavaScript index.html loads itself (the entry chunk and any other <script>) stays
// within the first-load budget, gzip -9. Chunks the page fetches on demand before "ready" are
// counted in the browser (test/browser/budgets.test.ts). Needs dist/: `npm test` builds it first.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { BUDGETS } from "../../bench/budgets";
import { addSizes, fileSizes, scriptsOfIndex } from "../../bench/sizes";

describe("first-load JavaScript budget (dist/)", () => {
  it(`keeps the scripts index.html loads within ${BUDGETS.firstLoadJsGzip / 1024} KB gzip`, function () {
    if (!existsSync("dist/index.html")) this.skip(); // unit-only run without a build
    const scripts = scriptsOfIndex(readFileSync("dist/index.html", "utf8"));
    assert.ok(scripts.length >= 1, "index.html loads at least one script (the entry chunk)");
    const sizes = scripts.map((s) => {
      const path = resolve("dist", s);
      assert.ok(existsSync(path), `index.html names ${s}, which is in dist/`);
      return { s, ...fileSizes(path) };
    });
    const total = addSizes(sizes);
    const detail = sizes.map((x) => `${x.s}: ${x.gzip} B`).join(", ");
    assert.ok(total.gzip <= BUDGETS.firstLoadJsGzip, `scripts of index.html: ${total.gzip} B gzip <= ${BUDGETS.firstLoadJsGzip} (${detail})`);
  });

  it("keeps Basa Sunda (interface, queue, feedback and catalog texts) out of the scripts index.html loads", function () {
    if (!existsSync("dist/index.html")) this.skip();
    const text = scriptsOfIndex(readFileSync("dist/index.html", "utf8")).map((s) => readFileSync(resolve("dist", s), "utf8")).join("\n");
    // One text from each Sundanese table: strings-su.ts, queue/strings-su.ts, feedback/strings-su.ts, su.json.
    for (const su of ["Mangga pilih instansi", "Candak nomer antrian", "Tumaros / Ngadu", "Candak paspor gentosna."]) {
      assert.ok(!text.includes(su), `"${su}" is not in the first-load scripts (the words-su chunk carries it)`);
    }
  });
});

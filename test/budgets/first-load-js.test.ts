// Budget: the JavaScript index.html loads itself (the entry chunk and any other <script>) stays
// within the first-load budget, gzip -9, and the entry chunk within its own, tighter one: what the
// first frame does not need is a chunk of its own (issue 18), each found by a text only its code
// holds. Chunks the page fetches on demand before "ready" are counted in the browser
// (test/browser/budgets.test.ts). Needs dist/: `npm test` builds it first.
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { BUDGETS } from "../../bench/budgets";
import { addSizes, fileSizes, scriptsOfIndex } from "../../bench/sizes";

/** Parts the first frame does not need, each with a text only its own code holds. */
const LAZY_PARTS: [string, string][] = [
  ["shared presence (avatars, tour, voice, guide tools, their panels)", "start-presence: no API to look the service up"],
  ["the test hook", "test hook: presence is off on this page (lobby kiosk)"],
  ["the WebXR runtime", "xr-runtime: WebXR could not start on this device"],
  ["the kiosk panel's Babylon GUI", "AdvancedDynamicTextureMaterial for "],
];

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
    // One text from each Sundanese table: strings-su.ts, queue/strings-su.ts, feedback/strings-su.ts, su.json,
    // and the SKM's words (domain/feedback/skm-su.ts, which the server imports too).
    for (const su of ["Mangga pilih instansi", "Candak nomer antrian", "Tumaros / Ngadu", "Candak paspor gentosna.", "Paripolah Palaksana"]) {
      assert.ok(!text.includes(su), `"${su}" is not in the first-load scripts (the words-su chunk carries it)`);
    }
  });

  it(`keeps the entry chunk within ${BUDGETS.entryChunkGzip / 1024} KB gzip, with what the first frame does not need in chunks of its own`, function () {
    if (!existsSync("dist/index.html")) this.skip();
    const entry = scriptsOfIndex(readFileSync("dist/index.html", "utf8")).find((s) => /(^|\/)main\.[^/]*\.js$/.test(s));
    assert.ok(entry, "index.html loads the entry chunk js/main.*.js");
    const size = fileSizes(resolve("dist", entry));
    assert.ok(size.gzip <= BUDGETS.entryChunkGzip, `entry chunk ${entry}: ${size.gzip} B gzip <= ${BUDGETS.entryChunkGzip}`);
    const entryText = readFileSync(resolve("dist", entry), "utf8");
    const chunks = readdirSync("dist/js").filter((f) => f.endsWith(".js")).map((f) => readFileSync(resolve("dist/js", f), "utf8"));
    for (const [part, marker] of LAZY_PARTS) {
      assert.ok(chunks.some((c) => c.includes(marker)), `${part} is in the build (its text ${JSON.stringify(marker)} is in a chunk)`);
      assert.ok(!entryText.includes(marker), `${part} is not in the entry chunk`);
    }
  });
});


import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sizesOf, addSizes, scriptsOfIndex, folderBytes } from "../../bench/sizes";

describe("bench/sizes", () => {
  it("measures the bytes and a smaller gzip for repetitive text", () => {
    const s = sizesOf(new TextEncoder().encode("a".repeat(10_000)));
    assert.equal(s.minified, 10_000, "minified is the byte length");
    assert.ok(s.gzip > 0 && s.gzip < 200, `gzip of a repeated letter is tiny (${s.gzip})`);
  });
  it("adds sizes", () => {
    assert.deepEqual(addSizes([{ minified: 1, gzip: 2 }, { minified: 3, gzip: 4 }]), { minified: 4, gzip: 6 }, "field by field");
  });
  it("lists the scripts of a minified index.html, relative to its folder", () => {
    const html = `<script type=module src=/js/main.1.js></script><script src="js/a.js"></script><script>inline()</script>`;
    assert.deepEqual(scriptsOfIndex(html), ["js/main.1.js", "js/a.js"], "src attributes, quoted or not; inline scripts skipped");
  });
  it("refuses a script from another origin", () => {
    assert.throws(() => scriptsOfIndex(`<script src="https://cdn.example/x.js"></script>`), /another origin/, "a CDN script is an error");
  });
  it("sums the files of a folder tree by extension", () => {
    const dir = mkdtempSync(join(tmpdir(), "sizes-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "a.glb"), "12345");
    writeFileSync(join(dir, "sub", "b.glb"), "123");
    writeFileSync(join(dir, "c.txt"), "1234567");
    assert.deepEqual(folderBytes(dir, [".glb"]), { files: 2, bytes: 8 }, "two .glb files, the .txt left out");
  });
});

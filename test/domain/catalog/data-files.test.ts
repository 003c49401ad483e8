import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATALOG_DIR, readCatalogDir, readJsonFiles } from "../../../src/domain/catalog/data-files";
import { CatalogError } from "../../../src/domain/catalog/load";

describe("domain/catalog/data-files", () => {
  it("loads every file of data/catalog/ without a problem", () => {
    const files = readJsonFiles(CATALOG_DIR);
    assert.ok(files.length >= 20, `found ${files.length} catalog files`);
    const catalog = readCatalogDir();
    assert.equal(catalog.length, files.length, "one agency per file");
    assert.ok(files.every((f) => f.file.startsWith("data/catalog/")), "files are named from the repository root");
  });

  it("keeps every file in its canonical form (2-space JSON, one newline), so exports and edits diff cleanly", () => {
    for (const { file, text } of readJsonFiles(CATALOG_DIR)) {
      assert.equal(text, `${JSON.stringify(JSON.parse(text), null, 2)}\n`, `${file} is canonical JSON`);
    }
  });

  it("reports the problems of every bad file of a directory together, each with its file", () => {
    const dir = mkdtempSync(join(tmpdir(), "catalog-"));
    try {
      const good = readFileSync(join(CATALOG_DIR, "imigrasi.json"), "utf8");
      writeFileSync(join(dir, "imigrasi.json"), good);
      const broken = JSON.parse(good);
      broken.agency.slug = "samsat";
      broken.services[0].fee.amount = "gratis";
      writeFileSync(join(dir, "samsat.json"), JSON.stringify(broken));
      writeFileSync(join(dir, "pdam.json"), "{");
      writeFileSync(join(dir, "notes.txt"), "not a catalog file, ignored");
      assert.throws(() => readCatalogDir(dir), (e: unknown) => {
        assert.ok(e instanceof CatalogError, "a CatalogError");
        assert.ok(e.problems.some((p) => p.includes("pdam.json: not valid JSON")), "names the unreadable file");
        assert.ok(e.problems.some((p) => /samsat\.json: services\[0\] \(\S+\)\.fee\.amount/.test(p)), "names file, record, field");
        assert.ok(!e.problems.some((p) => p.includes("imigrasi.json")), "the good file has no problem");
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

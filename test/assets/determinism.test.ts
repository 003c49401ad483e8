import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildAll } from "../../tools/assets/pipeline";
import { buildOnce, committed, CSV_PATH } from "./build-once";

describe("asset build determinism", () => {
  it("builds the same bytes twice", async () => {
    const a = await buildOnce();
    const b = await buildAll(readFileSync(CSV_PATH, "utf8"));
    assert.deepEqual([...b.files.keys()], [...a.files.keys()], "same file list");
    for (const [path, bytes] of a.files) assert.ok(Buffer.from(bytes).equals(Buffer.from(b.files.get(path)!)), `${path}: identical bytes`);
  });

  it("matches the committed assets (run `npm run build:assets` and commit if this fails)", async () => {
    const { files } = await buildOnce();
    assert.equal(files.size, 30, "27 buildings, plaza, interior, plaza.json");
    for (const [path, bytes] of files) {
      let disk: Uint8Array;
      try {
        disk = committed(path);
      } catch {
        assert.fail(`${path} is missing: run npm run build:assets`);
      }
      assert.ok(Buffer.from(bytes).equals(Buffer.from(disk)), `${path} is stale: run npm run build:assets`);
    }
  });
});

// The meshopt decoder the app loads is the pinned package's own, shipped with its licence.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DECODER_DIR, meshoptDecoderFiles } from "../../tools/assets/decoder";
import { MESHOPT_DECODER_PATH } from "../../src/app/world/model-loader";
import { REPO } from "./build-once";

describe("meshopt decoder (assets/decoders)", () => {
  it("ships meshoptimizer's decoder unchanged, with its licence, where the app asks for it", () => {
    const files = meshoptDecoderFiles(join(REPO, "node_modules", "meshoptimizer"));
    assert.deepEqual([...files.keys()].sort(), [`${DECODER_DIR}/LICENSE.md`, `${DECODER_DIR}/meshopt_decoder.js`], "script and licence");
    for (const [path, bytes] of files) {
      assert.ok(Buffer.from(readFileSync(join(REPO, path))).equals(Buffer.from(bytes)), `${path} is current: run npm run build:assets`);
    }
    assert.equal(`assets/${MESHOPT_DECODER_PATH}`, `${DECODER_DIR}/meshopt_decoder.js`, "the app's decoder URL names the shipped file");
  });

  it("says which file is missing when the package is absent", () => {
    assert.throws(() => meshoptDecoderFiles("/nonexistent"), /meshopt_decoder\.cjs is missing/);
  });
});

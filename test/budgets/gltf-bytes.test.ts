// Budget: every glTF model shipped in assets/models together (what a visitor may download).
import assert from "node:assert/strict";
import { BUDGETS } from "../../bench/budgets";
import { folderBytes } from "../../bench/sizes";

describe("glTF bytes budget (assets/models)", () => {
  it(`keeps all shipped models within ${BUDGETS.gltfBytes / 1024 / 1024} MB`, () => {
    const { files, bytes } = folderBytes("assets/models", [".glb", ".gltf", ".bin"]);
    assert.ok(files >= 29, `the plaza, the interior and 27 buildings are there (${files} model files)`);
    assert.ok(bytes <= BUDGETS.gltfBytes, `assets/models: ${bytes} bytes <= ${BUDGETS.gltfBytes}`);
  });
});

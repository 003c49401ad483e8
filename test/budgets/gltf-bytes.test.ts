// Budgets: every glTF model of the world in assets/models together (what a visitor may download),
// and the VR controller and hand models with their profiles (assets/xr-input).
import assert from "node:assert/strict";
import { BUDGETS } from "../../bench/budgets";
import { folderBytes } from "../../bench/sizes";

describe("glTF bytes budget (assets/models)", () => {
  it(`keeps the controller and hand models within ${BUDGETS.controllerBytes / 1024 / 1024} MB`, () => {
    const { files, bytes } = folderBytes("assets/xr-input", [".glb", ".gltf", ".bin", ".json"]);
    assert.ok(files >= 8, `six controllers, two hands and their profiles are there (${files} files)`);
    assert.ok(bytes <= BUDGETS.controllerBytes, `assets/xr-input: ${bytes} bytes <= ${BUDGETS.controllerBytes}`);
  });

  it(`keeps the world's models within ${BUDGETS.gltfBytes / 1024 / 1024} MB`, () => {
    const { files, bytes } = folderBytes("assets/models", [".glb", ".gltf", ".bin"]);
    assert.ok(files >= 29, `the plaza, the interior and 27 buildings are there (${files} model files)`);
    assert.ok(bytes <= BUDGETS.gltfBytes, `assets/models: ${bytes} bytes <= ${BUDGETS.gltfBytes}`);
  });
});

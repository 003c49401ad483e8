import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import { Scene } from "@babylonjs/core/scene";
import { CreateBox } from "@babylonjs/core/Meshes/Builders/boxBuilder";
import { VertexBuffer } from "@babylonjs/core/Buffers/buffer";
import { floatNormalsForPicking, hasFloatNormals } from "../../../src/app/xr/pick-normals";
import type { Mesh } from "@babylonjs/core/Meshes/mesh";

/** Normals packed as a quantized glTF file gives them: signed bytes, normalized, 4-byte stride. */
function packNormals(mesh: Mesh): Float32Array {
  const floats = mesh.getVerticesData(VertexBuffer.NormalKind)!;
  const n = floats.length / 3;
  const bytes = new Int8Array(n * 4);
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) bytes[i * 4 + k] = Math.round(floats[i * 3 + k]! * 127);
  const buffer = new VertexBuffer(mesh.getEngine(), bytes, VertexBuffer.NormalKind, {
    updatable: false, stride: 4, size: 3, type: VertexBuffer.BYTE, normalized: true,
  });
  mesh.setVerticesBuffer(buffer);
  return Float32Array.from(floats);
}

describe("xr/pick-normals", () => {
  let engine: NullEngine;
  let scene: Scene;
  beforeEach(() => {
    engine = new NullEngine();
    scene = new Scene(engine);
  });
  afterEach(() => {
    scene.dispose();
    engine.dispose();
  });

  it("stores a pickable mesh's packed normals as floats, same directions", () => {
    const table = CreateBox("map-table", { size: 1 }, scene);
    const floats = packNormals(table);
    assert.equal(hasFloatNormals(table), false, "packed 8-bit normals (as our quantized glTF files)");
    table.isPickable = true;
    assert.equal(floatNormalsForPicking(scene.meshes), 1, "one mesh changed");
    assert.equal(hasFloatNormals(table), true, "now tightly packed floats: a pick reads them without a copy");
    const now = table.getVerticesData(VertexBuffer.NormalKind)!;
    assert.equal(now.length, floats.length, "every normal kept");
    for (let i = 0; i < now.length; i++) assert.ok(Math.abs(now[i]! - floats[i]!) < 0.01, `normal component ${i}: ${now[i]} ~ ${floats[i]}`);
    assert.equal(floatNormalsForPicking(scene.meshes), 0, "already floats: nothing to do the second time");
  });

  it("leaves meshes no pointer can hit as they are", () => {
    const wall = CreateBox("decor", { size: 1 }, scene);
    packNormals(wall);
    wall.isPickable = false;
    assert.equal(floatNormalsForPicking([wall]), 0, "not pickable: untouched");
    assert.equal(hasFloatNormals(wall), false, "still packed (no memory spent on it)");
  });
});

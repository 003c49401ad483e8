import assert from "node:assert/strict";
import validator from "gltf-validator";
import { buildOnce } from "./build-once";
import { BUDGETS } from "../../bench/budgets";
import { glbJson, modelStats } from "./model-stats";
import { gltfIO } from "../../tools/assets/compress";

const isPow2 = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

describe("asset budgets", () => {
  it("every model passes the Khronos validator with no errors and no warnings, compressed and decoded", async () => {
    const { files } = await buildOnce();
    const io = await gltfIO();
    for (const [path, bytes] of files) {
      if (!path.endsWith(".glb")) continue;
      // As shipped: the validator cannot read meshopt data, and says so (infos, not warnings).
      const shipped = (await validator.validateBytes(bytes)).issues;
      const shippedWorst = shipped.messages.filter((m) => m.severity <= 1).map((m) => `${m.code} ${m.pointer ?? ""}`);
      assert.equal(shipped.numErrors + shipped.numWarnings, 0, `${path}: validator errors or warnings ${shippedWorst.join("; ")}`);
      // Decoded (still quantized): everything the validator checks, geometry included.
      const doc = await io.readBinary(bytes);
      for (const ext of doc.getRoot().listExtensionsUsed()) if (ext.extensionName === "EXT_meshopt_compression") ext.dispose();
      const decoded = await io.writeBinary(doc);
      const { numErrors, numWarnings, messages } = (await validator.validateBytes(decoded)).issues;
      // The validator does not know EXT_mesh_gpu_instancing (trees, lamps, officers): it says so, and
      // sees the per-instance accessors as unused. Exactly those are allowed.
      const json = glbJson(decoded) as { extensionsUsed?: string[]; nodes?: Array<{ extensions?: { EXT_mesh_gpu_instancing?: { attributes: Record<string, number> } } }> };
      const instanceAccessors = new Set((json.nodes ?? []).flatMap((n) => Object.values(n.extensions?.EXT_mesh_gpu_instancing?.attributes ?? {})).map((i) => `/accessors/${i}`));
      const instancingExt = `/extensionsUsed/${(json.extensionsUsed ?? []).indexOf("EXT_mesh_gpu_instancing")}`;
      const known = (m: { code: string; pointer?: string }) =>
        (m.code === "UNUSED_OBJECT" && /TEXCOORD_0$/.test(m.pointer ?? "")) ||
        (m.code === "UNUSED_OBJECT" && instanceAccessors.has(m.pointer ?? "")) ||
        (m.code === "UNSUPPORTED_EXTENSION" && m.pointer === instancingExt);
      const worst = messages.filter((m) => m.severity <= 1).map((m) => `${m.code} ${m.pointer ?? ""}`);
      assert.equal(numErrors, 0, `${path} decoded: validator errors ${worst.join("; ")}`);
      assert.equal(numWarnings, 0, `${path} decoded: validator warnings ${worst.join("; ")}`);
      // The only info allowed: signage/legend UVs that an untextured material does not use yet
      // (the app puts its text texture there).
      const infos = messages.filter((m) => m.severity >= 2 && !known(m));
      assert.deepEqual(infos.map((m) => `${m.code} ${m.pointer}`), [], `${path} decoded: no unexpected infos or hints`);
    }
  });

  it("keeps the world's models together within 1.5 MB", async () => {
    const { files } = await buildOnce();
    const total = [...files].filter(([p]) => p.endsWith(".glb")).reduce((s, [, b]) => s + b.byteLength, 0);
    assert.ok(total <= BUDGETS.gltfBytes, `all models: ${total} bytes <= ${BUDGETS.gltfBytes}`);
  });

  it("compresses every model with meshopt and quantizes it (both extensions required)", async () => {
    const { files } = await buildOnce();
    for (const [path, bytes] of files) {
      if (!path.endsWith(".glb")) continue;
      const json = glbJson(bytes);
      assert.ok(json.extensionsRequired?.includes("EXT_meshopt_compression"), `${path}: EXT_meshopt_compression is required`);
      assert.ok(json.extensionsRequired?.includes("KHR_mesh_quantization"), `${path}: KHR_mesh_quantization is required`);
      const compressed = (json.bufferViews ?? []).filter((v) => v.extensions?.EXT_meshopt_compression).length;
      assert.ok(compressed > 0, `${path}: ${compressed} compressed buffer views`);
    }
  });

  it("keeps each building within 3,000 triangles, 4 materials and 3 primitives", async () => {
    const { files } = await buildOnce();
    for (const [path, bytes] of files) {
      if (!path.includes("building-")) continue;
      const s = await modelStats(bytes);
      assert.ok(s.triangles <= 3000, `${path}: ${s.triangles} triangles`);
      assert.ok(s.materials <= 4, `${path}: ${s.materials} materials`);
      assert.ok(s.primitives <= 3, `${path}: ${s.primitives} primitives (draw calls)`);
    }
  });

  it("keeps the plaza with all 27 buildings within 60,000 triangles and 25 distinct materials", async () => {
    const { files } = await buildOnce();
    let triangles = 0;
    let primitives = 0;
    const keys = new Set<string>();
    let buildings = 0;
    for (const [path, bytes] of files) {
      if (!path.includes("building-") && !path.endsWith("plaza.glb")) continue;
      const s = await modelStats(bytes);
      triangles += s.triangles;
      primitives += s.primitives;
      s.materialKeys.forEach((k) => keys.add(k));
      if (path.includes("building-")) buildings++;
    }
    assert.equal(buildings, 27, "27 building models");
    assert.ok(triangles <= 60000, `plaza view: ${triangles} triangles`);
    assert.ok(keys.size <= 25, `plaza view: ${keys.size} distinct materials`);
    // 3 per building (floor, body, signage); the plaza's ground, paving, base, legend and one per kind of prop.
    assert.ok(primitives <= 27 * 3 + 10, `plaza view: ${primitives} primitives`);
  });

  it("uses no textures, or only power-of-two ones up to 1024 px", async () => {
    const { files } = await buildOnce();
    for (const [path, bytes] of files) {
      if (!path.endsWith(".glb")) continue;
      for (const t of (await modelStats(bytes)).textures) {
        assert.ok(t.width <= 1024 && t.height <= 1024 && isPow2(t.width) && isPow2(t.height), `${path}: texture ${t.width}x${t.height}`);
      }
    }
  });

  it("instances repeated interior parts: one mesh for all counters, chairs, kiosk stands and lamps", async () => {
    const { files } = await buildOnce();
    const s = await modelStats(files.get("assets/models/interior.glb")!);
    assert.equal(s.meshUseCount.get("counter"), 16, "16 nodes share the counter mesh");
    assert.equal(s.meshUseCount.get("kiosk-stand"), 16, "16 nodes share the kiosk stand mesh");
    assert.ok((s.meshUseCount.get("chair") ?? 0) >= 12, "the chairs share one mesh");
    assert.ok((s.meshUseCount.get("lamp") ?? 0) >= 4, "the lamps share one mesh");
    // The agency sign quads are one mesh each (each shows its own text); the app draws them with
    // the kiosk labels from one atlas as one merged mesh.
    const signs = [...s.meshUseCount.keys()].filter((n) => /^counter-(front-)?sign-/.test(n)).length;
    assert.equal(signs, 32, "two sign quads per counter: its number board and its front");
    assert.ok(s.primitives - signs <= 25, `interior: ${s.primitives - signs} primitives besides the signs`);
  });
});

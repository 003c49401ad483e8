// The VR controller repository served from our origin (tools/assets/xr-input.ts).
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, mkdtempSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { tmpdir } from "node:os";
import validator from "gltf-validator";
import { gltfIO } from "../../tools/assets/compress";
import { PNG } from "pngjs";
import { buildXrInput, normalizePng, XR_INPUT_DIR, XR_PROFILES } from "../../tools/assets/xr-input";
import { BUDGETS } from "../../bench/budgets";
import { REPO } from "./build-once";
import { glbJson, modelStats } from "./model-stats";

const PACKAGE = join(REPO, "node_modules", "@webxr-input-profiles", "assets");
const isPow2 = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? filesBelow(join(dir, n)) : [join(dir, n)]));
}

function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const p = new PNG({ width, height });
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) p.data.set(pixel(x, y), (y * width + x) * 4);
  return new Uint8Array(PNG.sync.write(p));
}

describe("assets/xr-input: VR controller profiles from our own origin", function () {
  this.timeout(60_000);
  let built: Map<string, Uint8Array>;
  before(async () => {
    built = await buildXrInput(PACKAGE);
  });

  it("matches the committed files exactly (run `npm run build:assets` and commit if this fails)", () => {
    const dir = join(REPO, XR_INPUT_DIR);
    // x.glb.br / x.glb.gz are npm run build's precompressed copies (tools/precompress.ts, not committed).
    const onDisk = filesBelow(dir).map((p) => relative(dir, p).split(sep).join("/")).filter((p) => !/\.(br|gz)$/.test(p)).sort();
    assert.deepEqual(onDisk, [...built.keys()], "the same files, nothing extra");
    for (const [path, bytes] of built) {
      assert.ok(Buffer.from(bytes).equals(readFileSync(join(dir, path))), `${path} is stale`);
    }
  });

  it("lists exactly the shipped profiles, each with its profile and both hands' models", () => {
    const list = JSON.parse(new TextDecoder().decode(built.get("profiles/profilesList.json")!)) as Record<string, { path: string }>;
    assert.deepEqual(Object.keys(list).sort(), [...XR_PROFILES].sort(), "the list names the shipped profiles only");
    for (const id of XR_PROFILES) {
      const profile = JSON.parse(new TextDecoder().decode(built.get(`profiles/${list[id]!.path}`)!));
      assert.equal(profile.profileId, id, `${id}: its profile.json`);
      for (const hand of ["left", "right"]) {
        const asset = profile.layouts[hand]?.assetPath;
        assert.ok(asset && built.has(`profiles/${id}/${asset}`), `${id}: the ${hand} model is shipped`);
      }
    }
    assert.ok(built.has("LICENSE.md"), "the package's licence travels with the models");
  });

  it("ships a skinned hand per side, its bones named after the 25 WebXR hand joints", async () => {
    const JOINTS = ["wrist", "thumb-metacarpal", "thumb-phalanx-proximal", "thumb-phalanx-distal", "thumb-tip",
      ...["index-finger", "middle-finger", "ring-finger", "pinky-finger"].flatMap((f) =>
        ["metacarpal", "phalanx-proximal", "phalanx-intermediate", "phalanx-distal", "tip"].map((p) => `${f}-${p}`))];
    assert.equal(JOINTS.length, 25, "the WebXR Hand Input joint list");
    for (const side of ["left", "right"]) {
      const bytes = built.get(`hands/${side}.glb`);
      assert.ok(bytes, `hands/${side}.glb is shipped`);
      const doc = await (await gltfIO()).readBinary(bytes!);
      const skins = doc.getRoot().listSkins();
      assert.equal(skins.length, 1, `${side}: one skin`);
      assert.deepEqual(skins[0]!.listJoints().map((j) => j.getName()).sort(), [...JOINTS].sort(), `${side}: one bone per joint, by name`);
    }
  });

  it("passes the Khronos validator with no errors and no warnings, within the budgets", async () => {
    let bytes = 0;
    for (const [path, data] of built) {
      bytes += data.byteLength;
      if (!path.endsWith(".glb")) continue;
      const { numErrors, numWarnings, messages } = (await validator.validateBytes(data)).issues;
      const worst = messages.filter((m) => m.severity <= 1).map((m) => `${m.code} ${m.pointer ?? ""}`);
      assert.equal(numErrors + numWarnings, 0, `${path}: ${worst.join("; ")}`);
      assert.ok(glbJson(data).extensionsRequired?.includes("EXT_meshopt_compression"), `${path}: meshopt-compressed`);
      const s = await modelStats(data);
      assert.ok(s.triangles <= BUDGETS.controllerTriangles, `${path}: ${s.triangles} triangles <= ${BUDGETS.controllerTriangles}`);
      for (const t of s.textures) {
        assert.ok(t.width <= BUDGETS.texturePx && t.height <= BUDGETS.texturePx, `${path}: texture ${t.width}x${t.height} within ${BUDGETS.texturePx} px`);
        assert.ok(isPow2(t.width) && isPow2(t.height), `${path}: texture ${t.width}x${t.height} is a power of two`);
      }
    }
    assert.ok(bytes <= BUDGETS.controllerBytes, `controller repository ${bytes} bytes <= ${BUDGETS.controllerBytes}`);
  });

  it("halves a texture by averaging 2x2 blocks until it fits", () => {
    // A 4x2 image: left half black, right half white; rows alike.
    const input = png(4, 2, (x) => (x < 2 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    const out = PNG.sync.read(Buffer.from(normalizePng(input, 2)));
    assert.deepEqual([out.width, out.height], [2, 1], "halved once");
    assert.deepEqual([...out.data], [0, 0, 0, 255, 255, 255, 255, 255], "each pixel is its block's average");
    const mixed = PNG.sync.read(Buffer.from(normalizePng(png(2, 2, (x, y) => ((x + y) % 2 ? [200, 100, 0, 255] : [0, 0, 0, 255])), 1)));
    assert.deepEqual([...mixed.data], [100, 50, 0, 255], "a checkerboard averages to its mean colour");
    assert.throws(() => normalizePng(png(3, 2, () => [0, 0, 0, 255]), 2), /cannot halve a 3x2/, "an odd side is refused, not blurred");
  });

  it("names the profile when the package lacks it", async () => {
    const empty = mkdtempSync(join(tmpdir(), "xr-input-"));
    try {
      await assert.rejects(buildXrInput(empty), new RegExp(`profile "${XR_PROFILES[0]}" is missing`));
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

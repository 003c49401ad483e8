// Controller and hand models for VR, served from the app's own origin: a booth may have no
// internet, and Babylon would otherwise fetch profiles and models from immersive-web.github.io and
// assets.babylonjs.com. The source is the pinned npm package @webxr-input-profiles/assets (MIT);
// only the controllers of Quest-class headsets are shipped. PNG textures are re-encoded plainly,
// and those larger than MAX_TEXTURE_PX are halved until they fit (the Touch Plus texture is
// 2048 px: 21 MB of GPU memory per hand on a headset with 8 GB in all).
// Deterministic: same package version, same bytes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { NodeIO } from "@gltf-transform/core";
import { compress, gltfIO } from "./compress";
import { PNG } from "pngjs";

export const NAME = "xr-input";
/** Quest 3/3S, Quest Pro and Quest 2, in the order their browsers name them. */
export const XR_PROFILES = ["meta-quest-touch-plus", "meta-quest-touch-pro", "oculus-touch-v3"] as const;
/**
 * Controllers fill a few hundred pixels of a headset's view at most, so 512 px is as sharp as they
 * get, at a quarter of the GPU memory of 1024 (1.4 MB per hand with mipmaps, instead of 5.6 MB).
 * The Quest Pro and Quest 2 textures are 512 px already.
 */
export const MAX_TEXTURE_PX = 512;
/**
 * Tracked hands: the package's skinned generic hand, whose bones carry the WebXR joint names.
 * Kept out of profilesList.json (under hands/), so Babylon never mistakes it for a controller.
 */
export const HAND_PROFILE = "generic-hand";
/** Where the files go in the repository; the app's repository URL is the folder above "profiles". */
export const XR_INPUT_DIR = "assets/xr-input";

interface Profile {
  profileId: string;
  layouts: Record<string, { assetPath?: string }>;
}

/**
 * Re-encodes a PNG as plain 8-bit RGBA, halving it (2x2 box filter) until both sides are within max.
 * Re-encoding also drops colour-space chunks (gAMA, iCCP) that the glTF validator warns about.
 */
export function normalizePng(bytes: Uint8Array, max: number): Uint8Array {
  let png: PNG = PNG.sync.read(Buffer.from(bytes));
  while (png.width > max || png.height > max) {
    if (png.width % 2 !== 0 || png.height % 2 !== 0) throw new Error(`${NAME}: cannot halve a ${png.width}x${png.height} texture`);
    const w = png.width / 2, h = png.height / 2;
    const out = new PNG({ width: w, height: h });
    const src = png.data, dst = out.data;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const a = ((2 * y) * png.width + 2 * x) * 4;
        const b = a + png.width * 4;
        const o = (y * w + x) * 4;
        for (let c = 0; c < 4; c++) dst[o + c] = (src[a + c]! + src[a + 4 + c]! + src[b + c]! + src[b + 4 + c]! + 2) >> 2;
      }
    }
    png = out;
  }
  // An opaque image loses nothing without its alpha channel, and a quarter of its bytes.
  let opaque = true;
  for (let i = 3; i < png.data.length && opaque; i += 4) opaque = png.data[i] === 255;
  return new Uint8Array(PNG.sync.write(png, { colorType: opaque ? 2 : 6, deflateLevel: 9 }));
}

async function normalizeModel(io: NodeIO, glb: Uint8Array, where: string): Promise<Uint8Array> {
  const doc = await io.readBinary(glb);
  // A skinned mesh ignores its parents' transforms (glTF 2.0, 3.7.3.3): the validator warns when it
  // has any, so skinned nodes move to the scene's root, which draws them the same.
  for (const node of doc.getRoot().listNodes()) {
    if (!node.getSkin()) continue;
    const parent = node.getParentNode();
    if (!parent) continue;
    parent.removeChild(node);
    for (const scene of doc.getRoot().listScenes()) scene.addChild(node);
  }
  for (const tex of doc.getRoot().listTextures()) {
    const image = tex.getImage();
    if (!image) continue;
    if (tex.getMimeType() !== "image/png") {
      const size = tex.getSize();
      if (size && (size[0] > MAX_TEXTURE_PX || size[1] > MAX_TEXTURE_PX)) {
        throw new Error(`${NAME}: ${where}: a ${size[0]}x${size[1]} ${tex.getMimeType()} texture is over ${MAX_TEXTURE_PX} px and only PNG can be resized here`);
      }
      continue;
    }
    tex.setImage(normalizePng(image, MAX_TEXTURE_PX));
  }
  // Controllers move named nodes between named poses: quantization goes on child nodes.
  await compress(doc, { isolateMeshNodes: true });
  return io.writeBinary(doc);
}

/**
 * Builds the served repository: profiles/profilesList.json naming the shipped profiles only, per
 * profile its profile.json and the models its layouts name, and hands/{left,right}.glb.
 * Path (under the repository) -> bytes.
 */
export async function buildXrInput(packageDir: string): Promise<Map<string, Uint8Array>> {
  const profilesDir = join(packageDir, "dist", "profiles");
  const io = await gltfIO();
  const files = new Map<string, Uint8Array>();
  const list: Record<string, { path: string }> = {};
  for (const id of XR_PROFILES) {
    let profile: Profile;
    let raw: Buffer;
    try {
      raw = readFileSync(join(profilesDir, id, "profile.json"));
      profile = JSON.parse(raw.toString("utf8")) as Profile;
    } catch (e) {
      throw new Error(`${NAME}: profile "${id}" is missing or unreadable in ${profilesDir}: ${(e as Error).message}`);
    }
    if (profile.profileId !== id) throw new Error(`${NAME}: ${id}/profile.json names "${profile.profileId}"`);
    files.set(`profiles/${id}/profile.json`, new Uint8Array(raw));
    const assets = [...new Set(Object.values(profile.layouts).map((l) => l.assetPath).filter((p): p is string => !!p))].sort();
    if (assets.length === 0) throw new Error(`${NAME}: ${id} names no model`);
    for (const asset of assets) {
      if (!/^[a-z0-9-]+\.glb$/.test(asset)) throw new Error(`${NAME}: ${id} names an unexpected model "${asset}"`);
      const glb = new Uint8Array(readFileSync(join(profilesDir, id, asset)));
      files.set(`profiles/${id}/${asset}`, await normalizeModel(io, glb, `${id}/${asset}`));
    }
    list[id] = { path: `${id}/profile.json` };
  }
  for (const hand of ["left", "right"]) {
    let glb: Uint8Array;
    try {
      glb = new Uint8Array(readFileSync(join(profilesDir, HAND_PROFILE, `${hand}.glb`)));
    } catch (e) {
      throw new Error(`${NAME}: the ${hand} hand model of "${HAND_PROFILE}" is missing in ${profilesDir}: ${(e as Error).message}`);
    }
    files.set(`hands/${hand}.glb`, await normalizeModel(io, glb, `${HAND_PROFILE}/${hand}.glb`));
  }
  files.set("profiles/profilesList.json", new TextEncoder().encode(`${JSON.stringify(list, null, 2)}\n`));
  files.set("LICENSE.md", new Uint8Array(readFileSync(join(packageDir, "LICENSE.md"))));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

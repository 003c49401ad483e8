// Entry point of `npm run build:assets`: builds every model and scenes/plaza.json from the code
// in tools/assets and the region table in src/domain/catalog, and writes them into the repository,
// with the VR controller profiles (tools/assets/xr-input.ts).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll } from "./pipeline";
import { meshoptDecoderFiles } from "./decoder";
import { textureFiles } from "./textures";
import { REGIONS_CSV } from "./regions-csv";
import { buildXrInput, XR_INPUT_DIR } from "./xr-input";

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, "..", "..");
const outDir = process.argv[2] ? resolve(process.argv[2]) : repo;

const csv = readFileSync(join(repo, REGIONS_CSV), "utf8");
const result = await buildAll(csv);
let total = 0;
for (const [path, bytes] of result.files) {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  if (path.endsWith(".glb")) total += bytes.byteLength;
}
// Controller models for VR, from the pinned @webxr-input-profiles/assets package.
const xrInput = await buildXrInput(join(repo, "node_modules", "@webxr-input-profiles", "assets"));
for (const [path, bytes] of xrInput) {
  const target = join(outDir, XR_INPUT_DIR, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
// The shared textures the models name in their materials' extras.atlas (tools/assets/textures.ts).
for (const [path, bytes] of textureFiles()) {
  const target = join(outDir, "assets", path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
// Babylon's meshopt decoder, served from our origin (src/app/world/model-loader.ts).
for (const [path, bytes] of meshoptDecoderFiles(join(repo, "node_modules", "meshoptimizer"))) {
  const target = join(outDir, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
console.log(`build:assets: wrote ${xrInput.size} files of VR controller profiles to ${join(outDir, XR_INPUT_DIR)}`);
console.log(`build:assets: wrote ${result.files.size} files to ${outDir} (${(total / 1024).toFixed(1)} KiB of glTF)`);

// Entry point of `npm run build:assets`: builds every model and scenes/plaza.json from the code
// in tools/assets and the region table in src/domain/catalog, and writes them into the repository.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll } from "./pipeline";
import { REGIONS_CSV } from "./regions-csv";

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
console.log(`build:assets: wrote ${result.files.size} files to ${outDir} (${(total / 1024).toFixed(1)} KiB of glTF)`);

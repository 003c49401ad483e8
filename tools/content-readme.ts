// Writes the content figures (src/domain/catalog/stats.ts) into README.md between
// <!-- content:start --> and <!-- content:end -->. Run after changing data/catalog or data/mpp:
//   node --import tsx tools/content-readme.ts
// test/domain/catalog/stats.test.ts fails when the README's figures are stale.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defaultMpps } from "../src/domain/catalog/data-files";
import { buildSeed } from "../src/domain/catalog/seed";
import { contentFigures, contentParagraph } from "../src/domain/catalog/stats";
import { parseRegionsCsv } from "../src/domain/regions";

export const README = fileURLToPath(new URL("../README.md", import.meta.url));
const CSV = fileURLToPath(new URL("../src/domain/catalog/kabkota-jabar.csv", import.meta.url));
const START = "<!-- content:start -->";
const END = "<!-- content:end -->";

/** The README text with the figures block replaced by the current one. */
export function withContentFigures(readme: string): string {
  const regions = parseRegionsCsv(readFileSync(CSV, "utf8"));
  const block = contentParagraph(contentFigures(buildSeed(regions), defaultMpps(regions)));
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a < 0 || b < a) throw new Error(`content-readme: README.md has no ${START} ... ${END} block`);
  return `${readme.slice(0, a + START.length)}\n${block}\n${readme.slice(b)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const before = readFileSync(README, "utf8");
  const after = withContentFigures(before);
  writeFileSync(README, after);
  console.log(before === after ? "README.md content figures were current" : "README.md content figures updated");
}

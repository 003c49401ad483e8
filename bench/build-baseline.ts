// Builds bench/baseline/ with the app's own webpack config function (same loaders, minifier,
// split chunks, hashing), only with another entry, template and output folder: bench/out/baseline.
// The production build in dist/ is not touched.
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack, { type Configuration } from "webpack";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const BASELINE_OUT = resolve("bench/out/baseline");

/** Newest modification time among the inputs of the baseline build. */
function newestInput(): number {
  const files = [
    "webpack.config.js",
    "package-lock.json",
    "src/app/engine/create-engine.ts", // the baseline uses the app's engine creation
    ...readdirSync("bench/baseline").map((f) => join("bench/baseline", f)),
  ];
  return Math.max(...files.map((f) => statSync(f).mtimeMs));
}

/** Builds the baseline page unless bench/out/baseline is newer than all its inputs. */
export async function buildBaselineIfStale(): Promise<{ dir: string; built: boolean }> {
  const index = join(BASELINE_OUT, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs > newestInput()) return { dir: BASELINE_OUT, built: false };
  return { dir: await buildBaseline(), built: true };
}

export async function buildBaseline(): Promise<string> {
  const mod = (await import(pathToFileURL(resolve("webpack.config.js")).href)) as {
    default: (env: Record<string, string>, argv: Record<string, string>) => Configuration;
  };
  const config = mod.default({ outDir: BASELINE_OUT }, { mode: "production" });
  config.mode = "production";
  config.entry = { main: resolve("bench/baseline/index.ts") };
  config.plugins = [
    ...(config.plugins ?? []).filter((p) => !(p instanceof HtmlWebpackPlugin)),
    new HtmlWebpackPlugin({ template: resolve("bench/baseline/index.html"), inject: "body", scriptLoading: "module" }),
  ];
  const stats = await new Promise<webpack.Stats>((ok, fail) => {
    webpack(config, (err, s) => (err || !s ? fail(err ?? new Error("build-baseline: webpack gave no stats")) : ok(s)));
  });
  if (stats.hasErrors()) throw new Error(`build-baseline: webpack errors:\n${stats.toString({ all: false, errors: true })}`);
  return BASELINE_OUT;
}

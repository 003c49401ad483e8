// Builds bench/baseline/ with the app's own webpack config function (same loaders, minifier,
// split chunks, hashing), only with another entry, template and output folder: bench/out/baseline.
// The production build in dist/ is not touched.
import HtmlWebpackPlugin from "html-webpack-plugin";
import webpack, { type Configuration } from "webpack";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const BASELINE_OUT = resolve("bench/out/baseline");

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

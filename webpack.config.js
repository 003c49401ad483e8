// Builds the app into dist/: hashed JS (cached for a year by the server), index.html without hash.
import HtmlWebpackPlugin from "html-webpack-plugin";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));

export default (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  return {
    entry: { main: resolve(root, "src/app/index.ts") },
    output: {
      path: resolve(root, env.outDir ?? "dist"),
      publicPath: "/",
      filename: production ? "js/[name].[contenthash:10].js" : "js/[name].js",
      chunkFilename: production ? "js/[name].[contenthash:10].js" : "js/[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        { test: /\.ts$/, loader: "ts-loader", exclude: /node_modules/, options: { transpileOnly: true } },
        { test: /\.css$/, type: "asset/source" },
      ],
    },
    devtool: production ? false : "eval-cheap-module-source-map",
    performance: { hints: false },
    optimization: { splitChunks: { chunks: "async" } },
    plugins: [
      new HtmlWebpackPlugin({
        template: resolve(root, "src/app/index.html"),
        inject: "body",
        scriptLoading: "module",
      }),
    ],
  };
};

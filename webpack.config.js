// Builds the app into dist/: hashed JS (cached for a year by the server), index.html without hash,
// and the service worker dist/sw.js (src/app/offline/sw.ts) with its precache list.
import HtmlWebpackPlugin from "html-webpack-plugin";
import { InjectManifest } from "workbox-webpack-plugin";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));

/** Files the server serves from the repo (not dist/) that the app needs offline. */
const OFFLINE_FOLDERS = [
  { dir: "assets", url: "/assets/", ext: /\.(glb|gltf|bin|ktx2|png|jpe?g|webp|woff2?|json|env|js)$/i },
  { dir: "scenes", url: "/scenes/", ext: /\.json$/i },
];

function filesBelow(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith(".")) return [];
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesBelow(p) : [p];
  });
}

/** Precache entries with a content hash as revision: a changed model is fetched again, an unchanged one is not. */
function offlineEntries() {
  return OFFLINE_FOLDERS.flatMap(({ dir, url, ext }) => filesBelow(resolve(root, dir))
    .filter((p) => ext.test(p))
    .sort()
    .map((p) => ({
      url: url + relative(resolve(root, dir), p).split(sep).join("/"),
      revision: createHash("sha1").update(readFileSync(p)).digest("hex").slice(0, 16),
    })));
}

export default (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  return {
    // "admin": the officers' workspace (dist/admin.html), its own chunk: never loaded by the 3D app.
    // "desk": the officers' questions-and-complaints page (/admin/tiket), likewise its own.
    // "loket": the officers' counter page (/admin/loket), a small page of its own without the 3D app.
    entry: { main: resolve(root, "src/app/index.ts"), admin: resolve(root, "src/admin/index.ts"), desk: resolve(root, "src/desk/index.ts"), loket: resolve(root, "src/app/counter/counter-page.ts") },
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
        chunks: ["main"],
      }),
      new HtmlWebpackPlugin({
        template: resolve(root, "src/admin/admin.html"),
        filename: "admin.html",
        inject: "body",
        scriptLoading: "module",
        chunks: ["admin"],
      }),
      new HtmlWebpackPlugin({
        filename: "desk.html",
        template: resolve(root, "src/desk/desk.html"),
        inject: "body",
        scriptLoading: "module",
        chunks: ["desk"],
      }),
      new HtmlWebpackPlugin({
        template: resolve(root, "src/app/counter/loket.html"),
        filename: "loket.html",
        inject: "body",
        scriptLoading: "module",
        chunks: ["loket"],
      }),
      new InjectManifest({
        swSrc: resolve(root, "src/app/offline/sw.ts"),
        swDest: "sw.js",
        additionalManifestEntries: offlineEntries(),
        // Hashed chunk names are their own revision: no cache-busting query needed.
        dontCacheBustURLsMatching: /\.[0-9a-f]{10}\.js$/,
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        exclude: [/\.map$/, /LICENSE/i, /^admin\.html$/, /^desk\.html$/, /^loket\.html$/],
        // Kiosks and visitors never need the officers' pages (workspace, desk, counter) offline.
        excludeChunks: ["admin", "desk", "loket"],
      }),
    ],
  };
};

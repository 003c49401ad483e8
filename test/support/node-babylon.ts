// Babylon in Node under tsx, made to behave as in the browser. Imported by every NullEngine test.

// Under mocha, tsx compiles test files and their static imports to CommonJS, while Babylon's own
// dynamic `import()` of a shader loads a second, ES-module copy of Babylon. Materials therefore
// register their shaders in the other copy's ShaderStore, and the NullEngine falls back to fetching
// them with XMLHttpRequest, which Node lacks: one logged error per effect, at moments that depend on
// timing. Importing the shaders statically fills the ShaderStore the tests actually use.
// (The browser bundle has one copy of Babylon and is not affected.)
import "@babylonjs/core/Shaders/default.vertex";
import "@babylonjs/core/Shaders/default.fragment";

// The same split leaves the ES-module copy's PerformanceConfigurator tracking every Matrix it
// creates, forever (only an engine's constructor stops that, and the engine is in the other copy):
// a leak in long tests that the browser, with one copy, does not have.
void import("@babylonjs/core/Engines/performanceConfigurator.js").then(({ PerformanceConfigurator }) =>
  PerformanceConfigurator.SetMatrixPrecision(false));

// Babylon loads the meshopt decoder of compressed models with a <script> tag in a page, or with
// importScripts() in a worker. Node has neither: this importScripts runs the decoder the app
// ships (assets/decoders, the URL the app configures) and refuses any other script, so a test
// fails if Babylon is ever pointed at its CDN. Node has no Worker either: the decoder decodes on
// the calling thread instead (useWorkers becomes a no-op).
import { readFileSync as readScript } from "node:fs";
import { resolve as resolvePath } from "node:path";
import { runInThisContext } from "node:vm";

const SCRIPT_ROUTES: Record<string, string> = { "/assets/decoders/": resolvePath(import.meta.dirname, "..", "..", "assets", "decoders") };
(globalThis as { importScripts?: (url: string) => void }).importScripts = (url: string) => {
  const path = new URL(url, "http://localhost/").pathname;
  const prefix = Object.keys(SCRIPT_ROUTES).find((p) => path.startsWith(p));
  if (!prefix || url.includes("//") && !url.startsWith("http://localhost/")) throw new Error(`node-babylon: refusing to load script ${url}`);
  runInThisContext(readScript(resolvePath(SCRIPT_ROUTES[prefix]!, path.slice(prefix.length)), "utf8"), { filename: url });
  const g = globalThis as { MeshoptDecoder?: { useWorkers(n: number): void } };
  if (g.MeshoptDecoder) g.MeshoptDecoder.useWorkers = () => {};
};

// NullEngine's updateDynamicTexture does nothing, so a DynamicTexture (signs, legend, queue board)
// never counts as ready, and the world, which waits for its meshes to be drawable
// (src/app/world/when-ready.ts), would wait for its timeout. The WebGL engine marks the texture
// ready once its canvas is uploaded: do the same.
import { NullEngine as NullEngineForTextures } from "@babylonjs/core/Engines/nullEngine";
(NullEngineForTextures.prototype as unknown as { updateDynamicTexture(t: { isReady: boolean } | null): void }).updateDynamicTexture = (t) => {
  if (t) t.isReady = true;
};

// The kiosk panel's GUI comes through import() (its own chunk in the app), so under tsx it is the
// ES-module copy's GUI drawing on this copy's engine: the engine needs this copy's dynamic-texture
// extension, which the app's entry chunk registers in the browser (signs, legend).
import "@babylonjs/core/Engines/Extensions/engine.dynamicTexture";

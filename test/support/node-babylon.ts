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

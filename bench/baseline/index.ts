// The benchmark's baseline page: the least a Babylon app can be (engine, scene, camera, light,
// render loop), built by the app's own webpack config, so the app's startup and frame times can be
// read as a ratio to it. It records the same marks the bench reads from the app (window.__bench).
import { createEngine } from "../../src/app/engine/create-engine";
import { timeFrames } from "../../src/app/automation/frame-times";
import { Scene } from "@babylonjs/core/scene";
import { UniversalCamera } from "@babylonjs/core/Cameras/universalCamera";
import { HemisphericLight } from "@babylonjs/core/Lights/hemisphericLight";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { SceneInstrumentation } from "@babylonjs/core/Instrumentation/sceneInstrumentation";

interface BenchMarks {
  firstFrame?: number;
  ready?: number;
}

const win = window as unknown as { __bench?: BenchMarks; __baseline?: unknown };
const marks: BenchMarks = (win.__bench ??= {});

const canvas = document.getElementById("scene") as HTMLCanvasElement;
// The app's own engine creation, so only the content differs.
const engine = createEngine(canvas);
const scene = new Scene(engine);
scene.useRightHandedSystem = true;
const camera = new UniversalCamera("camera", new Vector3(0, 1.6, 5), scene);
camera.setTarget(Vector3.Zero());
camera.attachControl(canvas, true);
new HemisphericLight("light", new Vector3(0, 1, 0), scene);

// Stats in the test hook's shape (src/app/test-hook.ts), for the per-view table's baseline row.
const instrumentation = new SceneInstrumentation(scene);
const stats = { drawCalls: 0, activeMeshes: 0, activeTriangles: 0, materials: 0, textures: 0, views: 1 };
scene.onAfterRenderObservable.add(() => {
  stats.drawCalls = instrumentation.drawCallsCounter.current;
  stats.activeMeshes = scene.getActiveMeshes().length;
  stats.activeTriangles = Math.round(scene.getActiveIndices() / 3);
  stats.materials = scene.materials.length;
  stats.textures = scene.textures.length;
});

scene.onAfterRenderObservable.addOnce(() => {
  marks.firstFrame = performance.now();
  marks.ready = marks.firstFrame; // nothing else to wait for: the first frame is the whole page
});
engine.runRenderLoop(() => scene.render());
window.addEventListener("resize", () => engine.resize());
// frameTimes: timed as the app's test hook times its frames (bench/browser.ts frameCpu).
win.__baseline = { engine, scene, stats: () => ({ ...stats }), frameTimes: (n: number) => timeFrames(engine, scene, n) };

// ?xr: the same empty scene in an immersive-vr session (iwer in the bench) with the app's canvas
// options, both eyes drawn by Babylon's XR camera and nothing else: what any Babylon VR frame costs,
// the second baseline of the VR frame (bench/vr-frame.ts, bench/run.ts). window.__baselineXr says
// "in-xr" or why not. A lazy chunk, so the flat baseline above is unchanged.
if (new URLSearchParams(location.search).has("xr")) {
  const state = win as unknown as { __baselineXr?: string };
  state.__baselineXr = "starting";
  import("@babylonjs/core/XR/webXRExperienceHelper")
    .then(async ({ WebXRExperienceHelper }) => {
      const helper = await WebXRExperienceHelper.CreateAsync(scene);
      const target = helper.sessionManager.getWebXRRenderTarget({ canvasOptions: { framebufferScaleFactor: 1, antialias: true, alpha: false } });
      await helper.enterXRAsync("immersive-vr", "local-floor", target);
      state.__baselineXr = "in-xr";
    })
    .catch((e: unknown) => {
      state.__baselineXr = `failed: ${(e as Error).message}`;
    });
}

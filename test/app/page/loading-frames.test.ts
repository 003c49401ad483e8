// page/loading-frames: the frames drawn while the world loads. A fake scene and render loop: the
// first frame is drawn at the loop's next turn and marked once with what it held, later frames only
// when something arrived, none after stop(); a tab in the background does not hold loading back.
import assert from "node:assert/strict";
import { Observable } from "@babylonjs/core/Misc/observable";
import type { Scene } from "@babylonjs/core/scene";
import { createLoadingFrames, FIRST_FRAME_MARK, type FirstFrameDetail } from "../../../src/app/page/loading-frames";

function fakeScene() {
  const scene = {
    renders: 0,
    meshes: [{}, {}, {}],
    onAfterRenderObservable: new Observable<Scene>(),
    getActiveMeshes: () => ({ length: 2 }),
    render() {
      scene.renders++;
      scene.onAfterRenderObservable.notifyObservers(scene as unknown as Scene);
    },
  };
  return scene;
}

function fakePage(hidden = false) {
  let loop: (() => void) | null = null;
  const marks: { name: string; detail: unknown }[] = [];
  return {
    marks,
    tick: () => loop?.(),
    get looping() { return loop !== null; },
    deps: {
      engine: {
        runRenderLoop: (fn: () => void) => { loop = fn; },
        stopRenderLoop: (fn?: () => void) => { if (!fn || fn === loop) loop = null; },
      },
      performance: {
        mark: (name: string, o?: { detail?: unknown }) => { marks.push({ name, detail: o?.detail }); return undefined as unknown as PerformanceMark; },
        getEntriesByName: (name: string) => marks.filter((m) => m.name === name) as unknown as PerformanceEntryList,
      },
      hidden: () => hidden,
    },
  };
}

describe("page/loading-frames", () => {
  it("draws the first frame at the loop's next turn, marks it once with what it held, and resolves then", async () => {
    const page = fakePage();
    const frames = createLoadingFrames(page.deps);
    const scene = fakeScene();
    let drawn = false;
    const p = frames.drawable(scene as unknown as Scene).then(() => { drawn = true; });
    await Promise.resolve();
    assert.equal(drawn, false, "not resolved before a frame was drawn");
    assert.equal(scene.renders, 0, "nothing drawn before the loop turns");
    page.tick();
    await p;
    assert.equal(scene.renders, 1, "one frame drawn");
    assert.deepEqual(page.marks, [{ name: FIRST_FRAME_MARK, detail: { meshes: 3, activeMeshes: 2 } satisfies FirstFrameDetail }], "marked once, with the meshes it held and drew");
  });

  it("draws later frames only when something arrived, and none after stop()", () => {
    const page = fakePage();
    const frames = createLoadingFrames(page.deps);
    const scene = fakeScene();
    void frames.drawable(scene as unknown as Scene);
    page.tick();
    page.tick();
    assert.equal(scene.renders, 1, "no frame without an arrival");
    frames.arrived();
    page.tick();
    page.tick();
    assert.equal(scene.renders, 2, "one frame per arrival");
    assert.equal(page.marks.length, 1, "the mark stays the first frame's");
    frames.stop();
    assert.equal(page.looping, false, "the loading loop is off the engine");
    frames.arrived();
    page.tick();
    assert.equal(scene.renders, 2, "nothing drawn after stop()");
  });

  it("does not hold the buildings back in a tab in the background (no frames are drawn there)", async () => {
    const page = fakePage(true);
    const frames = createLoadingFrames(page.deps);
    const scene = fakeScene();
    await frames.drawable(scene as unknown as Scene); // resolves without a turn of the loop
    assert.equal(scene.renders, 0, "resolved before any frame");
    page.tick();
    assert.equal(scene.renders, 1, "the frame is still drawn when the loop turns");
  });
});

import assert from "node:assert/strict";
import { Observable } from "@babylonjs/core/Misc/observable";
import { AFTER_FRAME_STEPS, FRAME_STEPS, createFrameLoop, type FrameStepName } from "../../../src/app/frame/frame-loop";

/** A scene as far as the loop sees it: two observables and an engine's frame time. */
function fakeScene(deltaMs = 16) {
  const scene = {
    onBeforeRenderObservable: new Observable<void>(),
    onAfterRenderObservable: new Observable<void>(),
    deltaMs,
    getEngine: () => ({ getDeltaTime: () => scene.deltaMs }),
    render() {
      scene.onBeforeRenderObservable.notifyObservers();
      scene.onAfterRenderObservable.notifyObservers();
    },
  };
  return scene;
}

describe("frame/frame-loop", () => {
  it("runs the steps in the listed order, whatever order they were set in", () => {
    const scene = fakeScene();
    const loop = createFrameLoop(scene);
    const ran: string[] = [];
    for (const name of [...FRAME_STEPS].reverse()) loop.set(name, () => ran.push(name));
    loop.setAfter("stats", () => ran.push("stats"));
    scene.render();
    assert.deepEqual(ran, [...FRAME_STEPS, ...AFTER_FRAME_STEPS], "before-render steps in FRAME_STEPS order, then the after-render ones");
    assert.deepEqual(loop.active(), [...FRAME_STEPS, ...AFTER_FRAME_STEPS], "all of them are active");
  });

  it("adds one observer per phase to the scene, and removes both on dispose", () => {
    const scene = fakeScene();
    const loop = createFrameLoop(scene);
    loop.set("glide", () => {});
    loop.set("doorways", () => {});
    assert.equal(scene.onBeforeRenderObservable.observers.length, 1, "one before-render observer for every step");
    assert.equal(scene.onAfterRenderObservable.observers.length, 1, "one after-render observer");
    loop.dispose();
    assert.equal(scene.onBeforeRenderObservable.hasObservers() || scene.onAfterRenderObservable.hasObservers(), false, "none left");
  });

  it("passes the frame time in seconds, at most a tenth of a second", () => {
    const scene = fakeScene(16);
    const loop = createFrameLoop(scene);
    const seen: number[] = [];
    loop.set("glide", (dt) => seen.push(dt));
    scene.render();
    scene.deltaMs = 5000; // a tab that was in the background
    scene.render();
    assert.deepEqual(seen, [0.016, 0.1], "16 ms, then clamped to 0.1 s");
  });

  it("removes a step with the function set returned, and refuses a name twice or an unknown name", () => {
    const scene = fakeScene();
    const loop = createFrameLoop(scene);
    let n = 0;
    const off = loop.set("ground", () => n++);
    assert.throws(() => loop.set("ground", () => {}), /already set/, "one step per name");
    assert.throws(() => loop.set("presence" as FrameStepName, () => {}), /no step named "presence"/, "names come from FRAME_STEPS");
    scene.render();
    off();
    off(); // twice is harmless
    scene.render();
    assert.equal(n, 1, "ran once, then no more");
    assert.deepEqual(loop.active(), [], "nothing active");
    loop.set("ground", () => {}); // the slot is free again
    assert.deepEqual(loop.active(), ["ground"], "set again");
  });
});

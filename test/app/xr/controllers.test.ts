import assert from "node:assert/strict";
import { onEachMotionController } from "../../../src/app/xr/controllers";
import { fakeController, fakeInput } from "./fake-xr";

describe("xr/controllers", () => {
  it("attaches to present and later controllers, once their motion controller is known", () => {
    const input = fakeInput();
    const present = fakeController("left");
    input.add(present);
    const attached: string[] = [];
    const off = onEachMotionController(input.input, (source) => void attached.push(source.uniqueId));
    const later = fakeController("right", { ready: false });
    input.add(later);
    assert.deepEqual(attached, ["left"], "the right controller's profile is still loading");
    later.init();
    assert.deepEqual(attached, ["left", "right"], "attached once it loaded");
    later.init();
    assert.deepEqual(attached, ["left", "right"], "and only once");
    off();
  });

  it("runs each attachment's removal when its controller goes, and all of them on removal", () => {
    const input = fakeInput();
    const a = fakeController("left");
    const b = fakeController("right");
    input.add(a);
    input.add(b);
    const detached: string[] = [];
    const off = onEachMotionController(input.input, (source) => () => detached.push(source.uniqueId));
    input.remove(a);
    assert.deepEqual(detached, ["left"], "the controller put down");
    off();
    assert.deepEqual(detached, ["left", "right"], "the rest on removal");
    assert.equal(input.raw.onControllerAddedObservable.hasObservers(), false, "no controller-added observer left");
    assert.equal(input.raw.onControllerRemovedObservable.hasObservers(), false, "no controller-removed observer left");
  });

  it("leaves no wait behind on a controller whose profile never loaded", () => {
    const input = fakeInput();
    const loading = fakeController("left", { ready: false });
    input.add(loading);
    let attached = 0;
    const off = onEachMotionController(input.input, () => void attached++);
    assert.equal(loading.raw.onMotionControllerInitObservable.hasObservers(), true, "waiting for the profile");
    off();
    assert.equal(loading.raw.onMotionControllerInitObservable.hasObservers(), false, "the wait is removed");
    loading.init();
    assert.equal(attached, 0, "nothing attached after removal");
  });
});

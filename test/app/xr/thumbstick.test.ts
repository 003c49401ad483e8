import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { Mesh } from "@babylonjs/core/Meshes/mesh";
import { createThumbsticks } from "../../../src/app/xr/thumbstick";
import { fakeController, fakeXr } from "./fake-xr";

function setup() {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  const panel = new Mesh("panel", scene);
  const fake = fakeXr();
  const right = fakeController("right");
  fake.input.add(right);
  const sticks = createThumbsticks(fake.xr, { isPanel: (m) => m === panel });
  const close = () => {
    sticks.dispose();
    scene.dispose();
    engine.dispose();
  };
  const frame = (x: number, y: number) => {
    right.axes.x = x;
    right.axes.y = y;
    sticks.tick();
    return sticks.sticks[0]!.use;
  };
  return { fake, right, sticks, panel, frame, close };
}

describe("xr/thumbstick", () => {
  it("calls a stick pushed forward an aim, sideways a turn, centred nothing", () => {
    const { sticks, frame, close } = setup();
    assert.equal(sticks.sticks.length, 1, "one stick per controller with a thumbstick");
    assert.equal(frame(0, 0), "idle", "centred");
    assert.equal(frame(0.9, 0), "turn", "sideways");
    assert.equal(frame(0.1, 0), "idle", "inside the dead zone");
    assert.equal(frame(0, -1), "aim", "forward");
    assert.equal(frame(0.9, -0.2), "aim", "an aim stays an aim until the stick is released");
    assert.equal(frame(0, 0), "idle", "released");
    close();
  });

  it("cancels the teleport when the stick is pulled back while aiming", () => {
    const { fake, frame, close } = setup();
    frame(0, -1);
    assert.equal(fake.raw.teleportation.skipNextTeleportation, false, "aiming alone does not cancel");
    frame(0, 1);
    assert.equal(fake.raw.teleportation.skipNextTeleportation, true, "pulling back cancels the jump");
    close();
  });

  it("scrolls while its controller points at the panel, and switches teleport off meanwhile", () => {
    const { fake, panel, frame, close } = setup();
    fake.under.set("right", panel);
    assert.equal(frame(0, 1), "scroll", "pointing at the panel, the stick scrolls");
    assert.equal(fake.raw.teleportation.teleportationEnabled, false, "no teleport while scrolling");
    assert.equal(fake.raw.teleportation.skipNextTeleportation, false, "pulling back there is not a cancel");
    fake.under.delete("right");
    assert.equal(frame(0, 0), "idle", "pointing away");
    assert.equal(fake.raw.teleportation.teleportationEnabled, true, "teleport is back");
    close();
  });

  it("forgets a controller that goes, and leaves nothing registered on dispose", () => {
    const { fake, right, sticks, close } = setup();
    fake.input.remove(right);
    assert.equal(sticks.sticks.length, 0, "its stick is gone");
    close();
    assert.equal(fake.input.raw.onControllerAddedObservable.hasObservers(), false, "no controller observer left");
  });
});

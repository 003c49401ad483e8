import assert from "node:assert/strict";
import { NullEngine } from "@babylonjs/core/Engines/nullEngine";
import "../../support/node-babylon";
import { Scene } from "@babylonjs/core/scene";
import { FreeCamera } from "@babylonjs/core/Cameras/freeCamera";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createFrameLoop } from "../../../src/app/frame/frame-loop";
import { clearOrbit, createAttractLoop, orbitPosition, DEFAULT_ORBIT, type Obstacle } from "../../../src/app/lobby/attract-loop";

const orbit = { center: [10, 0, -5] as const, radius: 30, height: 12, periodS: 120 };

describe("lobby/attract-loop", () => {
  it("orbits the hub at a constant distance and height", () => {
    for (const t of [0, 17, 45, 90, 119]) {
      const [x, y, z] = orbitPosition(orbit, t);
      assert.ok(Math.abs(Math.hypot(x - 10, z + 5) - 30) < 1e-9, `t=${t}: 30 m from the hub`);
      assert.equal(y, 12, `t=${t}: 12 m up`);
    }
    const a = orbitPosition(orbit, 0);
    const b = orbitPosition(orbit, 30);
    assert.ok(Math.hypot(a[0] - b[0], a[2] - b[2]) > 30, "a quarter period moves a quarter turn");
    assert.deepEqual(orbitPosition(orbit, 120).map((v) => Math.round(v * 1e6) / 1e6), a.map((v) => Math.round(v * 1e6) / 1e6), "one period returns to the start");
    assert.ok(DEFAULT_ORBIT.radius >= 20 && DEFAULT_ORBIT.radius <= 40, "default orbit within 20..40 m");
    assert.throws(() => orbitPosition({ ...orbit, periodS: 0 }, 1), /must be positive/, "bad period rejected");
  });

  it("clears its path of obstacles: a tighter circle first, else above them", () => {
    const hub = { center: [0, 0, 0] as const, radius: 32, height: 12, periodS: 120 };
    // A 12 m wide building 33 m east of the hub, 16 m tall: the default circle runs through it.
    const building: Obstacle = { minX: 27, maxX: 39, minZ: -6, maxZ: 6, top: 16 };
    const inside = (o: typeof hub, p: number[]) => p[0]! >= building.minX && p[0]! <= building.maxX && p[2]! >= building.minZ && p[2]! <= building.maxZ && p[1]! <= building.top;
    assert.ok(Array.from({ length: 120 }, (_, t) => orbitPosition(hub, t)).some((p) => inside(hub, p)), "the unchanged orbit passes through the building");
    const tight = clearOrbit(hub, [building]);
    assert.ok(tight.radius <= 27 - 3 && tight.radius >= 16, `a tighter circle, 3 m clear of the building (${tight.radius} m)`);
    assert.equal(tight.height, 12, "at the same height");
    // A ring of buildings leaves no free circle between 16 and 32 m: it rises above them.
    const ring: Obstacle[] = Array.from({ length: 12 }, (_, i) => {
      const a = (i / 12) * 2 * Math.PI, x = 22 * Math.cos(a), z = 22 * Math.sin(a);
      return { minX: x - 7, maxX: x + 7, minZ: z - 7, maxZ: z + 7, top: 20 };
    });
    const over = clearOrbit(hub, ring);
    assert.equal(over.radius, 32, "the radius is kept");
    assert.ok(over.height >= 20 + 3, `the eye rises 3 m above the roofs (${over.height} m)`);
    // Low things (benches, lamps under the eye) change nothing.
    assert.deepEqual(clearOrbit(hub, [{ ...building, top: 4 }]), hub, "nothing in the way: the wanted orbit");
  });

  it("takes over the scene's camera while running and gives it back", () => {
    const engine = new NullEngine();
    const scene = new Scene(engine);
    const walker = new FreeCamera("walker", new Vector3(0, 1.6, 0), scene);
    scene.activeCamera = walker;
    let now = 0;
    const frame = createFrameLoop(scene);
    const loop = createAttractLoop(scene, frame, orbit, () => now);
    loop.start();
    assert.equal(scene.activeCamera, loop.camera, "the orbit camera is active");
    assert.deepEqual(frame.active(), ["attract"], "it runs as the frame loop's attract step");
    const p0 = loop.camera.position.clone();
    now = 10_000;
    scene.render();
    assert.ok(Vector3.Distance(p0, loop.camera.position) > 1, "the camera moved along the orbit");
    loop.stop();
    assert.equal(scene.activeCamera, walker, "the walker's camera is back");
    assert.equal(loop.running, false, "stopped");
    assert.deepEqual(frame.active(), [], "its frame step is gone");
    loop.dispose();
    frame.dispose();
    scene.dispose();
    engine.dispose();
  });
});

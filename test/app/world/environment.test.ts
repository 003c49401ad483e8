// The app's sun stands where the asset build baked it, and the sky runs from haze to blue.
import assert from "node:assert/strict";
import { SUN_DIRECTION as BAKED } from "../../../tools/assets/bake";
import { SKY, SUN_DIRECTION, skyColorAt } from "../../../src/app/world/environment";

describe("world/environment", () => {
  it("points the sun along the direction the models' light was baked with", () => {
    const l = Math.hypot(...SUN_DIRECTION);
    const app = SUN_DIRECTION.map((v) => v / l);
    BAKED.forEach((v, i) => assert.ok(Math.abs(v - app[i]!) < 1e-6, `axis ${i}: baked ${v}, app ${app[i]}`));
    assert.ok(app[1]! > 0.5, "the sun stands high (tropical noon light)");
  });

  it("shades the sky from the horizon haze (where the fog ends) to the zenith blue", () => {
    assert.deepEqual(skyColorAt(0), [...SKY.horizon], "horizon colour at height 0");
    assert.deepEqual(skyColorAt(1).map((v) => Math.round(v * 1000)), SKY.zenith.map((v) => Math.round(v * 1000)), "zenith colour at the top");
    assert.ok(skyColorAt(0.5)[2] > skyColorAt(0.5)[0], "blue dominates half-way up");
    assert.ok(SKY.fogEnd < SKY.radius, "the fog ends inside the dome, so the map's edge melts into the sky");
  });
});

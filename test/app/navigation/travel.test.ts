// Quick travel (issue 20 point 5): the map table's point stands for the nearest building, and a
// trip is a fade around the jump to its door.
import assert from "node:assert/strict";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { createTravel } from "../../../src/app/navigation/travel";

function fakePlaces() {
  const at = (x: number, z: number) => ({ getAbsolutePosition: () => new Vector3(x, 0, z) });
  const went: string[] = [];
  return {
    went,
    places: {
      buildings: [
        { region: "3214", root: at(100, -40) },
        { region: "3273", root: at(-30, 60) },
      ] as never,
      goToDoor: (code: string) => { went.push(code); return true; },
    },
  };
}

describe("navigation/travel", () => {
  it("finds the building nearest a plaza point, and none far from every building", () => {
    const { places } = fakePlaces();
    const t = createTravel({ places });
    assert.equal(t.nearestBuilding(95, -35), "3214", "next to Purwakarta");
    assert.equal(t.nearestBuilding(-20, 50), "3273", "next to Kota Bandung");
    assert.equal(t.nearestBuilding(400, 400), null, "out at sea: no building");
  });

  it("jumps to the door inside the fade, and refuses an unknown region", async () => {
    const { places, went } = fakePlaces();
    const order: string[] = [];
    const t = createTravel({
      places,
      fade: async (act) => { order.push("out"); await act(); order.push("in"); },
    });
    assert.equal(await t.toBuilding("3214"), true, "travelled");
    assert.deepEqual(went, ["3214"], "stood at Purwakarta's door");
    assert.deepEqual(order, ["out", "in"], "the jump happened between fading out and in");
    assert.equal(await t.toBuilding("9999"), false, "unknown region refused");
    assert.deepEqual(went, ["3214"], "no jump for it");
  });
});

// Where a visitor sent to the guide stands (presence/follow-spot.ts): behind the guide when one can
// stand there, else on a ring 0.8-1.2 m round the guide that has floor and no doorway, never inside
// the guide. The room is the built interior's (tools/assets/interior-layout.ts) and the doorway rule
// the app's own entrance watch, so the case checked is the one a follower meets.
import assert from "node:assert/strict";
import fc from "fast-check";
import type { TransformNode } from "@babylonjs/core/Meshes/transformNode";
import { interiorLayout } from "../../../tools/assets/interior-layout";
import { createEntranceWatch } from "../../../src/app/navigation/entrance-watch";
import { APART_M, followSpot, ringSpots, type Flat, type Foot, type Ground } from "../../../src/app/presence/follow-spot";
import { behindSpot, ringSpot } from "../../../src/app/presence/tour";

const EYE = 1.6;
const layout = interiorLayout();
const hw = layout.options.width / 2;
const hd = layout.options.depth / 2;
const dw = layout.door.halfWidth;
const exit = { x: layout.exit.position[0], y: 0, z: layout.exit.position[2] };
const spawn = { x: layout.spawn.position[0], y: 0, z: layout.spawn.position[2] };

/** The interior's floor: the hall, and the short passage out through the door (0.5 m). */
const inHall = (x: number, z: number) => Math.abs(x) <= hw && z >= -hd && z <= hd;
const floor = (x: number, z: number) => (inHall(x, z) || (Math.abs(x) <= dw && z > hd && z <= hd + 0.5) ? 0 : null);

/** The doorway rule the app uses: the entrance watch's `at(eye)`, with the exit as its doorway. */
function doorwayRule(doors: Foot[]): (foot: Foot) => boolean {
  const watch = createEntranceWatch(() => ({ x: 0, y: 0, z: 0 }));
  watch.setDoorways(doors.map((d, i) => ({ id: `d${i}`, node: { getAbsolutePosition: () => d } as unknown as TransformNode })));
  return (f) => watch.at({ x: f.x, y: f.y + EYE, z: f.z }) !== null;
}
const inExit = doorwayRule([exit]);
const room: Ground = { floor, doorway: inExit };

const flat = (a: Flat, b: Flat) => Math.hypot(a.x - b.x, a.z - b.z);
const forwardOf = (yaw: number): Flat => ({ x: -Math.sin(yaw), z: -Math.cos(yaw) }); // as tour.ts reads yaw
const behind = (yaw: number): Flat => ({ x: Math.sin(yaw), z: Math.cos(yaw) });
const standable = (s: Foot, g: Ground) => g.floor(s.x, s.z) === s.y && !g.doorway(s);

describe("presence/follow-spot", () => {
  // The spawn stands 1.6 m inside the exit, facing into the hall (-z): yaw 0.
  const facingIn = 0;

  it("the case met: behind a guide who just entered lies the exit's doorway (or no floor)", () => {
    for (let n = 1; n <= 3; n++) {
      const b = behindSpot(n, spawn, facingIn);
      assert.ok(floor(b.x, b.z) === null || inExit({ x: b.x, y: 0, z: b.z }), `visitor ${n}'s spot behind (${b.x.toFixed(2)}, ${b.z.toFixed(2)}) cannot be stood on`);
    }
  });

  it("puts a follower of a guide just inside the entrance on the floor, out of the doorway, beside or behind the guide", () => {
    const spots: Foot[] = [];
    for (let n = 1; n <= 3; n++) {
      const s = followSpot(n, spawn, behindSpot(n, spawn, facingIn), behind(facingIn), room);
      spots.push(s);
      assert.ok(standable(s, room), `visitor ${n} stands on the floor, in no doorway (${s.x.toFixed(2)}, ${s.z.toFixed(2)})`);
      assert.ok(s.z < hd, `visitor ${n} stands inside the hall, not in the passage out`);
      const r = flat(s, spawn);
      assert.ok(r >= 0.8 - 1e-9 && r <= 1.2 + 1e-9, `visitor ${n} on the ring 0.8-1.2 m round the guide (${r.toFixed(2)} m)`);
      const f = forwardOf(facingIn);
      const along = (s.x - spawn.x) * f.x + (s.z - spawn.z) * f.z;
      assert.ok(along <= 1e-9, `visitor ${n} stands beside or behind the guide, not in front (${along.toFixed(2)} m ahead)`);
    }
    for (let i = 0; i < spots.length; i++) {
      for (let j = i + 1; j < spots.length; j++) {
        assert.ok(flat(spots[i]!, spots[j]!) >= APART_M - 1e-9, `visitors ${i + 1} and ${j + 1} stand ${APART_M} m apart or more`);
      }
    }
  });

  it("keeps the spot behind when one can stand there, with the floor's height", () => {
    const stepped: Ground = { floor: (x, z) => (inHall(x, z) ? 0.15 : null), doorway: inExit };
    const guide = { x: 0, y: 0.15, z: 0 };
    const want = behindSpot(2, guide, facingIn);
    assert.deepEqual(followSpot(2, guide, want, behind(facingIn), stepped), { x: want.x, y: 0.15, z: want.z }, "the wanted spot, on the floor under it");
  });

  it("with a wall behind the guide, stands on the ring inside the hall", () => {
    const guide = { x: 3, y: 0, z: -hd + 1 }; // 1 m from the back wall, facing out of the hall (+z): yaw pi
    const yaw = Math.PI;
    const want = behindSpot(1, guide, yaw);
    assert.equal(floor(want.x, want.z), null, "the spot 1.8 m behind is beyond the back wall (the case checked)");
    const s = followSpot(1, guide, want, behind(yaw), room);
    assert.ok(standable(s, room) && flat(s, guide) >= 0.8 - 1e-9, `on the hall's floor, 0.8 m or more from the guide (${s.x.toFixed(2)}, ${s.z.toFixed(2)})`);
  });

  it("outside, behind a guide who just came out, stands behind on the ring, not back in the doorway", () => {
    // leave() puts the visitor 3 m out from the door, facing away: 1.8 m behind is 1.2 m from it.
    const door = { x: 10, y: 0, z: 20 };
    const plaza: Ground = { floor: () => 0, doorway: doorwayRule([door]) };
    const guide = { x: 10, y: 0, z: 23 };
    const yaw = Math.PI; // facing +z, away from the door
    assert.ok(plaza.doorway({ ...behindSpot(1, guide, yaw), y: 0 }), "the spot behind lies in the door's doorway (the case checked)");
    const s = followSpot(1, guide, behindSpot(1, guide, yaw), behind(yaw), plaza);
    assert.ok(standable(s, plaza), "out of the doorway");
    assert.ok(Math.abs(s.x - 10) < 1e-9 && Math.abs(s.z - 21.8) < 1e-9, `straight behind the guide at 1.2 m, the first choice (${s.x.toFixed(2)}, ${s.z.toFixed(2)})`);
  });

  it("a gather just inside the entrance puts no visitor in the doorway", () => {
    for (let n = 1; n <= 12; n++) {
      const s = followSpot(n, spawn, ringSpot(n, spawn), forwardOf(facingIn), room);
      assert.ok(standable(s, room) && s.z < hd, `visitor ${n} on the hall's floor, in no doorway`);
      assert.ok(flat(s, spawn) > 0.5, `visitor ${n} not inside the guide`);
    }
  });

  it("only where no ring spot has floor and no doorway does the visitor share the guide's spot", () => {
    const guide = { x: 0, y: 0, z: hd + 0.3 }; // in the exit's passage: all round is doorway or wall
    assert.equal(ringSpots(guide, behind(0), room).length, 0, "no spot on the ring will do (the case checked)");
    assert.deepEqual(followSpot(4, guide, behindSpot(4, guide, 0), behind(0), room), guide, "the guide's own spot");
  });

  it("anywhere in the hall out of the doorway, any heading and number: a spot to stand on, never inside the guide", () => {
    fc.assert(fc.property(
      fc.double({ min: -hw + 0.35, max: hw - 0.35, noNaN: true }),
      fc.double({ min: -hd + 0.35, max: hd - 0.35, noNaN: true }),
      fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
      fc.integer({ min: 1, max: 60 }),
      (x, z, yaw, n) => {
        const guide = { x, y: 0, z };
        fc.pre(!inExit(guide));
        const s = followSpot(n, guide, behindSpot(n, guide, yaw), behind(yaw), room);
        return standable(s, room) && flat(s, guide) > 0.5;
      },
    ), { numRuns: 500 });
  });
});

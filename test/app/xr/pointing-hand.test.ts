import assert from "node:assert/strict";
import { rayFollowsPinch, type PointerSwitch, type SelectEvents } from "../../../src/app/xr/pointing-hand";

function fakeSession() {
  const listeners = new Set<(e: XRInputSourceEvent) => void>();
  const session: SelectEvents = {
    addEventListener: (_t, l) => void listeners.add(l),
    removeEventListener: (_t, l) => void listeners.delete(l),
  };
  const selectEnd = (inputSource: XRInputSource) => {
    for (const l of [...listeners]) l({ inputSource } as XRInputSourceEvent);
  };
  return { session, selectEnd, listeners };
}

function fakePointer(attached: string) {
  const switches: string[] = [];
  const pointer: PointerSwitch = {
    get attachedControllerId() {
      return attached;
    },
    setAttachedController(id) {
      switches.push(id);
      attached = id;
      return true;
    },
  };
  return { pointer, switches };
}

const hand = (handedness: XRHandedness) => ({ handedness, gamepad: undefined }) as unknown as XRInputSource;
const controller = (handedness: XRHandedness) => ({ handedness, gamepad: {} }) as unknown as XRInputSource;

describe("xr/pointing-hand", () => {
  it("moves the one ray to a tracked hand whose pinch ends, and stays when that hand pinches again", () => {
    const s = fakeSession();
    const left = hand("left"), right = hand("right");
    const p = fakePointer("R");
    rayFollowsPinch(s.session, { controllers: [{ uniqueId: "L", inputSource: left }, { uniqueId: "R", inputSource: right }] }, p.pointer);
    s.selectEnd(left);
    assert.deepEqual(p.switches, ["L"], "the left pinch took the ray");
    s.selectEnd(left);
    assert.deepEqual(p.switches, ["L"], "a second pinch of the pointing hand switches nothing");
    s.selectEnd(right);
    assert.deepEqual(p.switches, ["L", "R"], "the right pinch takes it back");
  });

  it("leaves controllers to Babylon, which moves the ray at the trigger's pull", () => {
    const s = fakeSession();
    const left = controller("left");
    const p = fakePointer("R");
    rayFollowsPinch(s.session, { controllers: [{ uniqueId: "L", inputSource: left }] }, p.pointer);
    s.selectEnd(left);
    assert.deepEqual(p.switches, [], "a controller's select does not switch here");
  });

  it("ignores an input source Babylon does not know, and stops listening when disposed", () => {
    const s = fakeSession();
    const p = fakePointer("R");
    const stop = rayFollowsPinch(s.session, { controllers: [] }, p.pointer);
    s.selectEnd(hand("left"));
    assert.deepEqual(p.switches, [], "an unknown source switches nothing");
    assert.equal(s.listeners.size, 1, "listening while on");
    stop();
    assert.equal(s.listeners.size, 0, "the listener is removed on dispose");
  });
});

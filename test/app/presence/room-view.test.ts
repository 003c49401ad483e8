// What one presence client knows of its room (presence/room-view.ts), fed the server's messages.
import assert from "node:assert/strict";
import type { ServerMessage } from "../../../src/domain/presence";
import { createRoomView } from "../../../src/app/presence/room-view";
import { peer } from "./fake-client";

const welcome = (now: number): ServerMessage => ({
  t: "welcome", v: 1, room: "plaza", you: peer("me", 1), token: "t".repeat(20), now,
  peers: [peer("a", 2)], state: { locked: false, namesAllowed: true, kiosk: null },
  poses: [["a", [1, 1.6, 2, 0, 0, 0, 1], null, null]],
  limits: { poseMaxHz: 20, chatMaxLength: 500, nameMaxLength: 24 },
});

describe("presence/room-view", () => {
  it("takes you, the peers, their poses, the state and the clock from the welcome", () => {
    const view = createRoomView();
    assert.equal(view.serverNow(0), null, "no clock before the first message");
    assert.equal(view.apply(welcome(10_000), 500), true, "the peers changed");
    assert.equal(view.you?.id, "me", "you");
    assert.deepEqual([...view.peers.keys()], ["a"], "the others, not you");
    assert.equal(view.peers.get("a")!.buffer.size, 1, "the welcome's pose is buffered");
    assert.equal(view.serverNow(600), 10_100, "server time from the welcome's now");
    assert.deepEqual(view.state, { locked: false, namesAllowed: true, kiosk: null }, "the room state");
  });

  it("adds, updates and drops peers, buffers pose batches (not our own) and keeps the state", () => {
    const view = createRoomView();
    view.apply(welcome(0), 0);
    assert.equal(view.apply({ t: "joined", peer: peer("b", 3) }, 0), true, "a join changes the peers");
    assert.equal(view.apply({ t: "peer", peer: peer("me", 1, { name: "Ani", chosen: true }) }, 0), true, "a record change is told");
    assert.equal(view.you?.name, "Ani", "our own record is you, not a peer");
    assert.equal(view.peers.has("me"), false, "never listed among the others");
    assert.equal(view.apply({ t: "poses", at: 50, p: [["b", [0, 1.6, 0, 0, 0, 0, 1], null, null], ["me", [9, 9, 9, 0, 0, 0, 1], null, null]] }, 60), false, "poses change no list");
    assert.equal(view.peers.get("b")!.buffer.size, 1, "b's pose is buffered");
    assert.equal(view.apply({ t: "left", id: "b", reason: "leave" }, 0), true, "a leave changes the peers");
    assert.equal(view.apply({ t: "left", id: "zz", reason: "leave" }, 0), false, "an unknown leave does not");
    view.apply({ t: "state", state: { locked: true, namesAllowed: true, kiosk: null }, by: "g" }, 0);
    assert.equal(view.state?.locked, true, "the state follows");
  });

  it("forgets: the peers when the room is left, you when the socket is lost, all when stopped", () => {
    const view = createRoomView();
    view.apply(welcome(0), 0);
    assert.equal(view.clearPeers(), true, "there were peers");
    assert.equal(view.clearPeers(), false, "and now none");
    view.reset(false);
    assert.equal(view.you, null, "lost socket: you are nobody");
    assert.notEqual(view.state, null, "the state is kept until stopped");
    view.reset(true);
    assert.deepEqual([view.state, view.serverNow(0)], [null, null], "stopped: state and clock forgotten");
  });
});

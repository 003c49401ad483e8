import assert from "node:assert/strict";
import { watchSpeaking, type SpeakingDeps } from "../../../src/app/presence/voice-speaking";

/** A connection with one received audio stream whose stats and last-packet level the test sets. */
function fakePc() {
  const inbound = { type: "inbound-rtp", kind: "audio", mid: "0", totalAudioEnergy: 0, totalSamplesDuration: 0 };
  let packetLevel = 0;
  const pc = {
    getTransceivers: () => [{ mid: "0", receiver: { track: { id: "t0" }, getSynchronizationSources: () => [{ audioLevel: packetLevel, timestamp: 0 }] } }],
    getStats: async () => new Map([["in", inbound]]),
  };
  return {
    pc: pc as unknown as RTCPeerConnection,
    /** Audio of the given RMS level for `seconds`. */
    receive(level: number, seconds: number) {
      inbound.totalAudioEnergy += level * level * seconds;
      inbound.totalSamplesDuration += seconds;
    },
    setPacketLevel(l: number) { packetLevel = l; },
  };
}

function harness(pcOf: Map<string, RTCPeerConnection>) {
  let tick: () => void = () => {};
  let now = 0;
  const lists: string[][] = [];
  const deps: SpeakingDeps = {
    client: { peers: new Map(), you: { id: "me" } } as unknown as SpeakingDeps["client"],
    links: () => [...pcOf].map(([peer, pc]) => ({ peer, pc })),
    self: () => ({ role: "visitor", talking: false }),
    onSpeaking: (ids) => lists.push(ids),
    setInterval: (fn) => ((tick = fn), 1),
    clearInterval: () => {},
    now: () => now,
  };
  const stop = watchSpeaking(deps);
  const poll = async (ms: number) => {
    now += ms;
    tick();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { lists, poll, stop };
}

describe("presence/voice-speaking", () => {
  it("hears a short loud moment between two polls, which the last packet's level misses", async () => {
    const guide = fakePc();
    const h = harness(new Map([["guide", guide.pc]]));
    await h.poll(300); // the first poll only notes the energy so far
    guide.receive(0, 0.25);
    guide.receive(0.3, 0.05); // a 50 ms beep, silence again by the next poll
    guide.setPacketLevel(0);
    await h.poll(300);
    assert.deepEqual(h.lists.at(-1), ["guide"], "the beep's energy since the last poll counts");
    h.stop();
  });

  it("lists nobody over silence, and lets a speaker go after the hold", async () => {
    const guide = fakePc();
    const h = harness(new Map([["guide", guide.pc]]));
    await h.poll(300);
    guide.receive(0.001, 0.3);
    await h.poll(300);
    assert.equal(h.lists.length, 0, "silence lists nobody (no change to tell)");
    guide.setPacketLevel(0.5); // the last packet's level alone also counts
    guide.receive(0.001, 0.3);
    await h.poll(300);
    assert.deepEqual(h.lists.at(-1), ["guide"], "a loud last packet");
    guide.setPacketLevel(0);
    for (let i = 0; i < 8; i++) {
      guide.receive(0, 0.3);
      await h.poll(300);
    }
    assert.deepEqual(h.lists.at(-1), [], "quiet for longer than the hold: no longer speaking");
    h.stop();
  });
});

// Voice for the tour (issue 16, point 6). The guide holds one WebRTC connection to each visitor of
// the room, signalled over the presence socket (`rtc`), with no ICE server at all: host candidates
// connect on a booth's LAN without internet, and nothing is fetched from another origin.
//
// Each connection has two audio transceivers, negotiated once by the guide's offer:
//   0  sendrecv: the guide's microphone to the visitor (while "Bicara" is on); the visitor's
//      microphone to the guide, but only while the guide gives that visitor the word (`floor`);
//      without it the visitor's sender has no track, so nothing leaves the visitor's machine;
//   1  guide -> visitor: the voice of the visitor who has the word, forwarded by the guide's browser
//      (replaceTrack of the track received on that visitor's transceiver 0), so the group hears them.
// Turning a microphone on or off, or moving the word, is replaceTrack: no renegotiation.
// Tried first: a mesh of visitor-to-visitor connections. It grows as n² and visitors could then
// talk without the word; the guide's star keeps the word enforceable in one place.
// The connections themselves are voice-links.ts, "who speaks" is voice-speaking.ts.
// No DOM: the browser's RTCPeerConnection, getUserMedia and audio playback come in as dependencies.
import type { Peer, ServerMessageOf } from "../../domain/presence";
import type { PresenceClient } from "./presence-client";
import { createVoiceLinks, type AudioOut } from "./voice-links";
import { watchSpeaking } from "./voice-speaking";
import { createListeners } from "./listeners";

export type { AudioOut } from "./voice-links";

/** Why voice does not work here, as the panel says it. */
export type VoiceProblem = "unsupported" | "mic_denied" | "mic_missing" | "mic_failed" | "autoplay";

export interface VoiceState {
  /** guide: speaks to the group; visitor: listens (and speaks when given the word); off: not joined. */
  role: "off" | "guide" | "visitor";
  /** The own microphone is live (guide: "Bicara" on; visitor: has the word and a microphone). */
  talking: boolean;
  /** Visitor: the guide gave this visitor the word. */
  floor: boolean;
  /** Connections whose media flows (guide: one per visitor; visitor: one per guide). */
  connected: number;
  /** Peer ids heard speaking now (audio level), for "who speaks". */
  speaking: string[];
  problem: VoiceProblem | null;
}

export interface VoiceLinkStats {
  peer: string;
  state: string;
  bytesReceived: number;
  bytesSent: number;
}

export interface Voice {
  readonly state: VoiceState;
  /** Guide: microphone on or off ("Bicara"). */
  setTalking(on: boolean): Promise<void>;
  /** Guide: give or take a visitor's word. */
  setFloor(id: string, on: boolean): void;
  /** After a blocked autoplay: a click on "Aktifkan suara" plays again. */
  resumeAudio(): void;
  stats(): Promise<VoiceLinkStats[]>;
  onChange(listener: (s: VoiceState) => void): () => void;
  dispose(): void;
}

export interface VoiceDeps {
  client: PresenceClient;
  /** null: the browser has no WebRTC. */
  createPeerConnection: ((config: RTCConfiguration) => RTCPeerConnection) | null;
  getMicrophone(): Promise<MediaStream>;
  playAudio(stream: MediaStream): AudioOut;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

function problemOf(err: unknown): VoiceProblem {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === "NotAllowedError" || name === "SecurityError") return "mic_denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "mic_missing";
  return "mic_failed";
}

export function createVoice(deps: VoiceDeps): Voice {
  const { client } = deps;
  const listeners = createListeners<VoiceState>();
  const state: VoiceState = { role: "off", talking: false, floor: false, connected: 0, speaking: [], problem: deps.createPeerConnection ? null : "unsupported" };
  let mic: MediaStream | null = null;
  let wantTalk = false;
  let relaySource: string | null = null;
  let disposed = false;

  const tell = () => {
    state.connected = rtc.connected();
    listeners.tell(state);
  };
  const rtc = createVoiceLinks({
    client,
    createPeerConnection: (config) => {
      if (!deps.createPeerConnection) throw new Error("voice: no WebRTC in this browser");
      return deps.createPeerConnection(config);
    },
    playAudio: (stream) => deps.playAudio(stream),
    onAutoplayBlocked: () => {
      if (state.problem !== null) return;
      state.problem = "autoplay";
      tell();
    },
    onStateChange: () => tell(),
  });
  const links = rtc.all;
  const micTrack = () => mic?.getAudioTracks()[0] ?? null;
  const isGuide = () => client.you?.role === "guide";

  async function releaseMic(): Promise<void> {
    for (const l of links.values()) await l.pc.getTransceivers()[0]?.sender.replaceTrack(null).catch(() => undefined);
    for (const t of mic?.getTracks() ?? []) t.stop();
    mic = null;
    state.talking = false;
  }

  async function openMic(): Promise<boolean> {
    if (mic) return true;
    try {
      mic = await deps.getMicrophone();
      if (state.problem !== "autoplay") state.problem = null;
      return true;
    } catch (e) {
      state.problem = problemOf(e);
      return false;
    }
  }

  /** Puts the own microphone (or nothing) on transceiver 0 of every connection. */
  async function applyMic(): Promise<void> {
    const speak = state.role === "guide" ? wantTalk : state.role === "visitor" && state.floor;
    if (!speak || state.problem === "unsupported") {
      await releaseMic();
      return tell();
    }
    if (!(await openMic())) {
      state.talking = false;
      return tell();
    }
    const track = micTrack();
    for (const l of links.values()) await l.pc.getTransceivers()[0]?.sender.replaceTrack(track).catch(() => undefined);
    state.talking = track !== null;
    tell();
  }

  // ---- guide ----

  function offerTo(peer: string): void {
    const l = rtc.open(peer);
    const t0 = l.pc.addTransceiver("audio", { direction: "sendrecv" });
    l.pc.addTransceiver("audio", { direction: "sendonly" });
    rtc.run(l, async () => {
      if (state.talking) await t0.sender.replaceTrack(micTrack());
      const offer = await l.pc.createOffer();
      await l.pc.setLocalDescription(offer);
      client.send({ t: "rtc", to: peer, kind: "offer", sdp: offer.sdp ?? "" });
    });
  }

  /** One connection per visitor in the room; the voice of the visitor with the word relayed to the others. */
  function syncGuide(): void {
    const visitors = new Map<string, Peer>();
    for (const { peer } of client.peers.values()) if (peer.role === "visitor") visitors.set(peer.id, peer);
    for (const id of [...links.keys()]) {
      const l = links.get(id)!;
      if (!visitors.has(id) || l.pc.connectionState === "failed" || l.pc.connectionState === "closed") rtc.close(id);
    }
    for (const id of visitors.keys()) if (!links.has(id)) offerTo(id);
    const holders = [...visitors.values()].filter((p) => p.floor).map((p) => p.id);
    relaySource = holders.includes(relaySource ?? "") ? relaySource : holders[holders.length - 1] ?? null;
    const source = relaySource ? links.get(relaySource) : undefined;
    const voiceOf = source?.pc.getTransceivers()[0]?.receiver.track ?? null;
    for (const l of links.values()) {
      const sender = l.pc.getTransceivers()[1]?.sender;
      const want = l.peer === relaySource ? null : voiceOf;
      if (sender && sender.track !== want) void sender.replaceTrack(want).catch(() => undefined);
    }
  }

  // ---- visitor ----

  function answer(m: ServerMessageOf<"rtc">): void {
    rtc.close(m.from); // a new offer (the guide rejoined or rebuilt): start afresh
    const l = rtc.open(m.from);
    rtc.run(l, async () => {
      await l.pc.setRemoteDescription({ type: "offer", sdp: m.sdp ?? "" });
      const t0 = l.pc.getTransceivers()[0];
      if (t0) {
        // Always able to send later without renegotiating; no track until the guide gives the word.
        t0.direction = "sendrecv";
        await t0.sender.replaceTrack(state.talking ? micTrack() : null);
      }
      const a = await l.pc.createAnswer();
      await l.pc.setLocalDescription(a);
      client.send({ t: "rtc", to: m.from, kind: "answer", sdp: a.sdp ?? "" });
    });
  }

  function onRtc(m: ServerMessageOf<"rtc">): void {
    if (!deps.createPeerConnection) return;
    if (m.kind === "offer" && !isGuide()) return answer(m);
    const l = links.get(m.from);
    if (!l) return;
    if (m.kind === "answer") rtc.run(l, () => l.pc.setRemoteDescription({ type: "answer", sdp: m.sdp ?? "" }));
    else if (m.kind === "ice" && m.candidate) rtc.run(l, () => l.pc.addIceCandidate(m.candidate as RTCIceCandidateInit));
  }

  // ---- both ----

  function sync(): void {
    if (disposed) return;
    const role: VoiceState["role"] = client.status !== "joined" || !client.you ? "off" : isGuide() ? "guide" : "visitor";
    if (role !== state.role) {
      rtc.closeAll();
      state.role = role;
      state.floor = false;
      if (role !== "guide") wantTalk = false;
    }
    const floor = role === "visitor" && client.you?.floor === true;
    const floorChanged = floor !== state.floor;
    state.floor = floor;
    if (role === "guide" && deps.createPeerConnection) syncGuide();
    if (role === "visitor") {
      // The guide left: its connection goes with it.
      for (const id of [...links.keys()]) if (client.peers.get(id)?.peer.role !== "guide") rtc.close(id);
    }
    if (floorChanged || role === "off") void applyMic();
    else tell();
  }

  const off = client.on((e) => {
    if (e.kind === "message") {
      const m = e.message;
      if (m.t === "rtc") onRtc(m);
      else if (m.t === "joined" && state.role === "guide" && links.has(m.peer.id)) {
        // A visitor resumed on a new socket (same id, no "left"): its old connection is dead.
        rtc.close(m.peer.id);
        sync();
      }
      return;
    }
    sync();
  });

  const stopSpeaking = watchSpeaking({
    client,
    links: () => links.values(),
    self: () => state,
    onSpeaking: (ids) => {
      state.speaking = ids;
      tell();
    },
    setInterval: (fn, ms) => deps.setInterval(fn, ms),
    clearInterval: (h) => deps.clearInterval(h),
  });

  sync();

  return {
    state,
    async setTalking(on) {
      if (state.role !== "guide") return;
      wantTalk = on;
      await applyMic();
    },
    setFloor(id, on) {
      client.send({ t: "floor", id, on });
    },
    resumeAudio() {
      if (state.problem === "autoplay") state.problem = null;
      for (const l of links.values()) for (const o of l.outs) void o.play();
      tell();
    },
    async stats() {
      const out: VoiceLinkStats[] = [];
      for (const l of links.values()) {
        let bytesReceived = 0;
        let bytesSent = 0;
        const report = await l.pc.getStats();
        report.forEach((s: { type: string; kind?: string; bytesReceived?: number; bytesSent?: number }) => {
          if (s.type === "inbound-rtp" && s.kind === "audio") bytesReceived += s.bytesReceived ?? 0;
          if (s.type === "outbound-rtp" && s.kind === "audio") bytesSent += s.bytesSent ?? 0;
        });
        out.push({ peer: l.peer, state: l.pc.connectionState, bytesReceived, bytesSent });
      }
      return out;
    },
    onChange: listeners.add,
    dispose() {
      disposed = true;
      off();
      stopSpeaking();
      rtc.closeAll();
      for (const t of mic?.getTracks() ?? []) t.stop();
      mic = null;
      listeners.clear();
    },
  };
}

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
// No DOM: the browser's RTCPeerConnection, getUserMedia and audio playback come in as dependencies.
import type { Peer, ServerMessageOf } from "../../domain/presence";
import type { PresenceClient } from "./presence-client";

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

export interface AudioOut {
  /** Plays a remote stream; false when the browser blocked it (autoplay). */
  play(): Promise<boolean>;
  stop(): void;
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

/** No STUN or TURN: nothing from another origin; host candidates work on a LAN. */
const RTC_CONFIG: RTCConfiguration = { iceServers: [] };
/** Audio level (0..1) above which a source counts as speaking. */
const SPEAKING_LEVEL = 0.02;
const SPEAKING_POLL_MS = 300;
/** A speaker stays "speaking" this long after the last loud moment. */
const SPEAKING_HOLD_MS = 2000;

interface Link {
  peer: string;
  pc: RTCPeerConnection;
  /** Operations on one connection run in order (an ICE candidate may arrive before the offer is applied). */
  chain: Promise<void>;
  outs: AudioOut[];
}

function problemOf(err: unknown): VoiceProblem {
  const name = (err as { name?: unknown } | null)?.name;
  if (name === "NotAllowedError" || name === "SecurityError") return "mic_denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "mic_missing";
  return "mic_failed";
}

export function createVoice(deps: VoiceDeps): Voice {
  const { client } = deps;
  const links = new Map<string, Link>();
  const listeners = new Set<(s: VoiceState) => void>();
  const state: VoiceState = { role: "off", talking: false, floor: false, connected: 0, speaking: [], problem: deps.createPeerConnection ? null : "unsupported" };
  let mic: MediaStream | null = null;
  let wantTalk = false;
  let relaySource: string | null = null;
  let disposed = false;

  const tell = () => {
    state.connected = [...links.values()].filter((l) => l.pc.connectionState === "connected").length;
    for (const l of [...listeners]) l(state);
  };
  const micTrack = () => mic?.getAudioTracks()[0] ?? null;
  const isGuide = () => client.you?.role === "guide";

  function closeLink(id: string): void {
    const l = links.get(id);
    if (!l) return;
    links.delete(id);
    for (const o of l.outs) o.stop();
    l.pc.onicecandidate = l.pc.ontrack = l.pc.onconnectionstatechange = null;
    l.pc.close();
  }
  function closeAll(): void {
    for (const id of [...links.keys()]) closeLink(id);
  }
  const run = (l: Link, f: () => Promise<void>) => {
    l.chain = l.chain.then(f).catch(() => {
      // A failed negotiation leaves this one connection down; the guide's next offer (a rejoin) rebuilds it.
    });
  };

  function newLink(peer: string): Link {
    const pc = deps.createPeerConnection!(RTC_CONFIG);
    const l: Link = { peer, pc, chain: Promise.resolve(), outs: [] };
    pc.onicecandidate = (e) => {
      client.send({ t: "rtc", to: peer, kind: "ice", candidate: e.candidate ? e.candidate.toJSON() as never : null });
    };
    pc.ontrack = (e) => {
      const out = deps.playAudio(e.streams[0] ?? new MediaStream([e.track]));
      l.outs.push(out);
      void out.play().then((ok) => {
        if (!ok && state.problem === null) {
          state.problem = "autoplay";
          tell();
        }
      });
    };
    pc.onconnectionstatechange = () => tell();
    links.set(peer, l);
    return l;
  }

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
    const l = newLink(peer);
    const t0 = l.pc.addTransceiver("audio", { direction: "sendrecv" });
    l.pc.addTransceiver("audio", { direction: "sendonly" });
    run(l, async () => {
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
      if (!visitors.has(id) || l.pc.connectionState === "failed" || l.pc.connectionState === "closed") closeLink(id);
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
    closeLink(m.from); // a new offer (the guide rejoined or rebuilt): start afresh
    const l = newLink(m.from);
    run(l, async () => {
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
    if (m.kind === "answer") run(l, () => l.pc.setRemoteDescription({ type: "answer", sdp: m.sdp ?? "" }));
    else if (m.kind === "ice" && m.candidate) run(l, () => l.pc.addIceCandidate(m.candidate as RTCIceCandidateInit));
  }

  // ---- both ----

  function sync(): void {
    if (disposed) return;
    const role: VoiceState["role"] = client.status !== "joined" || !client.you ? "off" : isGuide() ? "guide" : "visitor";
    if (role !== state.role) {
      closeAll();
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
      for (const id of [...links.keys()]) if (client.peers.get(id)?.peer.role !== "guide") closeLink(id);
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
        closeLink(m.peer.id);
        sync();
      }
      return;
    }
    sync();
  });

  /** When each peer was last heard above the level: a voice has pauses, "who speaks" should not flicker. */
  const lastLoud = new Map<string, number>();
  const poll = deps.setInterval(() => {
    const now = performance.now();
    const floorHolder = [...client.peers.values()].find((p) => p.peer.floor && p.peer.role === "visitor")?.peer.id ?? null;
    for (const l of links.values()) {
      l.pc.getTransceivers().forEach((t, i) => {
        let loud = false;
        try {
          loud = t.receiver.getSynchronizationSources().some((s) => (s.audioLevel ?? 0) > SPEAKING_LEVEL && performance.now() - s.timestamp < 1000);
        } catch {
          // older browsers: no levels, no "who speaks"
        }
        if (!loud) return;
        // Visitor: 0 is the guide, 1 the visitor with the word. Guide: 0 is that visitor.
        const who = state.role === "visitor" && i === 1 ? floorHolder : l.peer;
        if (who) lastLoud.set(who, now);
      });
    }
    const speaking = new Set<string>();
    for (const [id, at] of lastLoud) {
      if (now - at < SPEAKING_HOLD_MS && (links.has(id) || client.peers.has(id))) speaking.add(id);
      else lastLoud.delete(id);
    }
    if (state.talking && client.you) speaking.add(client.you.id);
    const list = [...speaking].sort();
    if (list.join() !== state.speaking.join()) {
      state.speaking = list;
      tell();
    }
  }, SPEAKING_POLL_MS);

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
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      disposed = true;
      off();
      deps.clearInterval(poll);
      closeAll();
      for (const t of mic?.getTracks() ?? []) t.stop();
      mic = null;
      listeners.clear();
    },
  };
}

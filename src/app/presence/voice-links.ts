// The tour voice's WebRTC connections, one per peer at the other end: made with no ICE server
// (host candidates work on a booth's LAN; nothing from another origin), ICE candidates sent over the
// presence socket, received audio played, each connection's operations run in order. voice.ts
// decides which connections exist and what they carry.
import type { PresenceClient } from "./presence-client";

export interface AudioOut {
  /** Plays a remote stream; false when the browser blocked it (autoplay). */
  play(): Promise<boolean>;
  stop(): void;
}

export interface Link {
  peer: string;
  pc: RTCPeerConnection;
  /** Operations on one connection run in order (an ICE candidate may arrive before the offer is applied). */
  chain: Promise<void>;
  outs: AudioOut[];
}

/** No STUN or TURN: nothing from another origin; host candidates work on a LAN. */
const RTC_CONFIG: RTCConfiguration = { iceServers: [] };

export interface VoiceLinksDeps {
  client: Pick<PresenceClient, "send">;
  createPeerConnection(config: RTCConfiguration): RTCPeerConnection;
  playAudio(stream: MediaStream): AudioOut;
  /** A received stream could not play (the browser wants a click first). */
  onAutoplayBlocked(): void;
  /** A connection's state changed. */
  onStateChange(): void;
}

export interface VoiceLinks {
  readonly all: ReadonlyMap<string, Link>;
  /** A new connection to `peer` (the caller closes any old one first). */
  open(peer: string): Link;
  close(peer: string): void;
  closeAll(): void;
  /** Runs `f` after the connection's earlier operations; a failure leaves this one connection down. */
  run(l: Link, f: () => Promise<void>): void;
  /** Connections whose media flows. */
  connected(): number;
}

export function createVoiceLinks(deps: VoiceLinksDeps): VoiceLinks {
  const links = new Map<string, Link>();
  const { client } = deps;

  function close(id: string): void {
    const l = links.get(id);
    if (!l) return;
    links.delete(id);
    for (const o of l.outs) o.stop();
    l.pc.onicecandidate = l.pc.ontrack = l.pc.onconnectionstatechange = null;
    l.pc.close();
  }

  return {
    all: links,
    open(peer) {
      const pc = deps.createPeerConnection(RTC_CONFIG);
      const l: Link = { peer, pc, chain: Promise.resolve(), outs: [] };
      pc.onicecandidate = (e) => {
        client.send({ t: "rtc", to: peer, kind: "ice", candidate: e.candidate ? e.candidate.toJSON() as never : null });
      };
      pc.ontrack = (e) => {
        const out = deps.playAudio(e.streams[0] ?? new MediaStream([e.track]));
        l.outs.push(out);
        void out.play().then((ok) => {
          if (!ok) deps.onAutoplayBlocked();
        });
      };
      pc.onconnectionstatechange = () => deps.onStateChange();
      links.set(peer, l);
      return l;
    },
    close,
    closeAll() {
      for (const id of [...links.keys()]) close(id);
    },
    run(l, f) {
      l.chain = l.chain.then(f).catch(() => {
        // A failed negotiation leaves this one connection down; the guide's next offer (a rejoin) rebuilds it.
      });
    },
    connected: () => [...links.values()].filter((l) => l.pc.connectionState === "connected").length,
  };
}

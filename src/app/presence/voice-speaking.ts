// "Who speaks" for the tour's voice: polls the audio level of every received stream and keeps a
// speaker listed for a moment after the last loud sample (a voice has pauses; the list should not
// flicker). Part of voice.ts's job, kept apart: it only reads the connections.
import type { PresenceClient } from "./presence-client";

/** Audio level (0..1) above which a source counts as speaking. */
const SPEAKING_LEVEL = 0.02;
const SPEAKING_POLL_MS = 300;
/** A speaker stays "speaking" this long after the last loud moment. */
const SPEAKING_HOLD_MS = 2000;

/** What of an RTCPeerConnection this reads. */
type LinkPc = Pick<RTCPeerConnection, "getTransceivers" | "getStats">;

export interface SpeakingDeps {
  client: Pick<PresenceClient, "peers" | "you">;
  /** The open connections, by the peer at their other end. */
  links(): Iterable<{ peer: string; pc: LinkPc }>;
  /** This end's role and whether its own microphone is live. */
  self(): { role: "off" | "guide" | "visitor"; talking: boolean };
  /** The sorted list of speakers changed. */
  onSpeaking(ids: string[]): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now?(): number;
}

/**
 * Starts polling; returns the function that stops it. A source is loud when the last packet's level
 * is (getSynchronizationSources) or when its mean level since the last poll is (the inbound
 * stream's totalAudioEnergy over totalSamplesDuration): the second catches a short loud moment
 * between two polls, which the last packet's level alone misses when the machine is busy.
 */
export function watchSpeaking(deps: SpeakingDeps): () => void {
  const clock = deps.now ?? (() => performance.now());
  const lastLoud = new Map<string, number>();
  /** Per connection ("peer|transceiver index"): the energy and duration at the last poll. */
  const energySeen = new Map<string, { energy: number; seconds: number }>();
  let shown = "";
  let busy = false;
  let stopped = false;

  /** Indexes of a connection's transceivers whose mean level since the last poll was loud. */
  async function loudByEnergy(peer: string, pc: LinkPc): Promise<Set<number>> {
    const loud = new Set<number>();
    let report: RTCStatsReport;
    try {
      report = await pc.getStats();
    } catch {
      return loud; // closed meanwhile, or no stats here
    }
    const transceivers = pc.getTransceivers();
    report.forEach((r: { type?: string; kind?: string; mid?: string; trackIdentifier?: string; totalAudioEnergy?: number; totalSamplesDuration?: number }) => {
      if (r.type !== "inbound-rtp" || r.kind !== "audio" || r.totalAudioEnergy === undefined || r.totalSamplesDuration === undefined) return;
      const i = transceivers.findIndex((t) => (r.mid !== undefined ? t.mid === r.mid : t.receiver.track?.id === r.trackIdentifier));
      if (i < 0) return;
      const key = `${peer}|${i}`;
      const before = energySeen.get(key);
      energySeen.set(key, { energy: r.totalAudioEnergy, seconds: r.totalSamplesDuration });
      if (!before || r.totalSamplesDuration <= before.seconds) return;
      const level = Math.sqrt(Math.max(0, r.totalAudioEnergy - before.energy) / (r.totalSamplesDuration - before.seconds));
      if (level > SPEAKING_LEVEL) loud.add(i);
    });
    return loud;
  }

  async function poll(): Promise<void> {
    const linkList = [...deps.links()];
    const energies = await Promise.all(linkList.map((l) => loudByEnergy(l.peer, l.pc)));
    if (stopped) return;
    const now = clock();
    const { role, talking } = deps.self();
    const { client } = deps;
    const floorHolder = [...client.peers.values()].find((p) => p.peer.floor && p.peer.role === "visitor")?.peer.id ?? null;
    const open = new Set<string>();
    linkList.forEach((l, n) => {
      open.add(l.peer);
      l.pc.getTransceivers().forEach((t, i) => {
        let loud = energies[n]!.has(i);
        try {
          loud ||= t.receiver.getSynchronizationSources().some((s) => (s.audioLevel ?? 0) > SPEAKING_LEVEL && clock() - s.timestamp < 1000);
        } catch {
          // older browsers: no levels, no "who speaks"
        }
        if (!loud) return;
        // Visitor: 0 is the guide, 1 the visitor with the word. Guide: 0 is that visitor.
        const who = role === "visitor" && i === 1 ? floorHolder : l.peer;
        if (who) lastLoud.set(who, now);
      });
    });
    for (const key of energySeen.keys()) if (!open.has(key.slice(0, key.lastIndexOf("|")))) energySeen.delete(key);
    const speaking = new Set<string>();
    for (const [id, at] of lastLoud) {
      if (now - at < SPEAKING_HOLD_MS && (open.has(id) || client.peers.has(id))) speaking.add(id);
      else lastLoud.delete(id);
    }
    if (talking && client.you) speaking.add(client.you.id);
    const list = [...speaking].sort();
    if (list.join() !== shown) {
      shown = list.join();
      deps.onSpeaking(list);
    }
  }

  const handle = deps.setInterval(() => {
    if (busy) return; // the last poll still waits for its stats
    busy = true;
    void poll().finally(() => {
      busy = false;
    });
  }, SPEAKING_POLL_MS);
  return () => {
    stopped = true;
    deps.clearInterval(handle);
  };
}

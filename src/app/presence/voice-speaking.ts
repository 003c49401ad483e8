// "Who speaks" for the tour's voice: polls the audio level of every received stream and keeps a
// speaker listed for a moment after the last loud sample (a voice has pauses; the list should not
// flicker). Part of voice.ts's job, kept apart: it only reads the connections.
import type { PresenceClient } from "./presence-client";

/** Audio level (0..1) above which a source counts as speaking. */
const SPEAKING_LEVEL = 0.02;
const SPEAKING_POLL_MS = 300;
/** A speaker stays "speaking" this long after the last loud moment. */
const SPEAKING_HOLD_MS = 2000;

export interface SpeakingDeps {
  client: Pick<PresenceClient, "peers" | "you">;
  /** The open connections, by the peer at their other end. */
  links(): Iterable<{ peer: string; pc: RTCPeerConnection }>;
  /** This end's role and whether its own microphone is live. */
  self(): { role: "off" | "guide" | "visitor"; talking: boolean };
  /** The sorted list of speakers changed. */
  onSpeaking(ids: string[]): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now?(): number;
}

/** Starts polling; returns the function that stops it. */
export function watchSpeaking(deps: SpeakingDeps): () => void {
  const clock = deps.now ?? (() => performance.now());
  const lastLoud = new Map<string, number>();
  let shown = "";
  const poll = deps.setInterval(() => {
    const now = clock();
    const { role, talking } = deps.self();
    const { client } = deps;
    const floorHolder = [...client.peers.values()].find((p) => p.peer.floor && p.peer.role === "visitor")?.peer.id ?? null;
    const open = new Set<string>();
    for (const l of deps.links()) {
      open.add(l.peer);
      l.pc.getTransceivers().forEach((t, i) => {
        let loud = false;
        try {
          loud = t.receiver.getSynchronizationSources().some((s) => (s.audioLevel ?? 0) > SPEAKING_LEVEL && clock() - s.timestamp < 1000);
        } catch {
          // older browsers: no levels, no "who speaks"
        }
        if (!loud) return;
        // Visitor: 0 is the guide, 1 the visitor with the word. Guide: 0 is that visitor.
        const who = role === "visitor" && i === 1 ? floorHolder : l.peer;
        if (who) lastLoud.set(who, now);
      });
    }
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
  }, SPEAKING_POLL_MS);
  return () => deps.clearInterval(poll);
}

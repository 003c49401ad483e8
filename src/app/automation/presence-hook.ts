// The test hook's shared presence (issue 16): who is here, voice, the guided tour, the counter chat,
// the guide's tools and the spectator screen, each read as a plain copy.
import type { PresenceSnapshot } from "../presence/presence";
import type { SpectatorSnapshot } from "../spectator/spectator-mode";
import type { GuideToolsState } from "../presence/guide-tools";
import type { TourState } from "../presence/tour";
import type { CounterChatState } from "../presence/counter-chat";
import type { VoiceLinkStats, VoiceState } from "../presence/voice";
import type { HookContext } from "./hook-context";

export interface PresenceHook {
  /** PRODUCT.md's `{ connected, room, peers: [{ id, name, position }] }`, with status, own record and avatars drawn. */
  presence(): PresenceSnapshot;
  /** Opts in, the same path as the panel's "Gabung" (name null: "Pengunjung N"). */
  presenceJoin(name: string | null): void;
  presenceLeave(): void;
  /** Voice (presence/voice.ts): role, talking, the word, who speaks, microphone problems. */
  voice(): VoiceState;
  /** Per connection: state and audio bytes received and sent (RTCPeerConnection.getStats). */
  voiceStats(): Promise<VoiceLinkStats[]>;
  /** The guide's "Bicara" and the word for a visitor, as the panel's buttons do. */
  voiceTalk(on: boolean): Promise<void>;
  voiceFloor(id: string, on: boolean): void;
  /** The guided tour as this page sees it (guide or visitor, following, countdown, replies). */
  tour(): TourState;
  /** The panel's actions: sign in as guide with a PIN, gather (countdown seconds), follow on/off. */
  tourClaim(pin: string): void;
  tourGather(countdown?: number): void;
  tourFollow(on: boolean): void;
  /** The counter chat as this page sees it: staffing, staffed counters, lines, writers. */
  chat(): CounterChatState;
  /** The guide's tools and the visitor's notice (lock, names, shared kiosk, visitors). */
  guideTools(): GuideToolsState;
  /** The spectator screen (mode=spectator): its shot, the guide followed, the shared kiosk; null elsewhere. */
  spectator(): SpectatorSnapshot | null;
}

export function presenceHook({ deps }: HookContext): PresenceHook {
  const together = () => {
    const p = deps.presence();
    if (!p) throw new Error("test hook: presence is off on this page (lobby kiosk)");
    return p;
  };
  return {
    presence: () => deps.presence()?.presence.snapshot() ?? deps.spectator?.()?.presence.snapshot() ?? { connected: false, status: "off", room: null, you: null, peers: [], avatars: 0 },
    guideTools: () => JSON.parse(JSON.stringify(together().guideTools.state)) as GuideToolsState,
    spectator: () => deps.spectator?.()?.snapshot() ?? null,
    presenceJoin: (name) => together().presence.join(name),
    presenceLeave: () => together().presence.leave(),
    voice: () => JSON.parse(JSON.stringify(together().voice.state)) as VoiceState,
    voiceStats: () => together().voice.stats(),
    voiceTalk: (on) => together().voice.setTalking(on),
    voiceFloor: (id, on) => together().voice.setFloor(id, on),
    tour: () => ({ ...together().tour.state }),
    tourClaim: (pin) => together().tour.claim(pin),
    tourGather: (countdown) => together().tour.gather(countdown),
    tourFollow: (on) => together().tour.setFollowing(on),
    chat: () => JSON.parse(JSON.stringify(together().chat.state)) as CounterChatState,
  };
}

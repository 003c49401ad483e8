// The page's presence: builds the client (a WebSocket to /api/v1/presence on the page's own
// origin), the scene part (presence.ts) and the opt-in panel, and connects them. Nothing connects
// until the visitor presses "Gabung" (or the URL says `presence=1`, for a booth's headsets). A lobby
// kiosk never calls this (app.ts), and without a server the app works as before: the client waits
// and retries with backoff in the background.
import type { Experience } from "../experience";
import type { I18n } from "../i18n/i18n";
import { PRESENCE_PATH, type Peer, type PoseTuple } from "../../domain/presence";
import { createPresenceClient, type SocketLike } from "./presence-client";
import { createPresence, type Presence } from "./presence";
import { createPresencePanel, type PresencePanel } from "../ui/presence-panel";
import { createTour, type Tour } from "./tour";
import { createTourPanel } from "../ui/tour-panel";
import { createCounterChat, type CounterChat } from "./counter-chat";
import { createChatPanel } from "../ui/chat-panel";
import { createVoice, type AudioOut, type Voice } from "./voice";
import { createVoicePanel } from "../ui/voice-panel";
import { Vector3 } from "@babylonjs/core/Maths/math.vector";
import { panelAheadPose } from "../kiosk/kiosk-geometry";
import { createSharedKiosk, type SharedKiosk } from "./shared-kiosk";
import { createGuideTools, type GuideTools } from "./guide-tools";
import { createGuideToolsPanel } from "../ui/guide-tools-panel";
import type { XrMenuAction } from "../xr/xr-menu";
import type { GuideVrMenu } from "./guide-vr-menu";
import { createListeners } from "./listeners";

export interface PagePresence {
  readonly presence: Presence;
  readonly panel: PresencePanel;
  readonly tour: Tour;
  readonly chat: CounterChat;
  readonly voice: Voice;
  /** The kiosk a guide opened for everyone, shown in this visitor's own view. */
  readonly shared: SharedKiosk;
  readonly guideTools: GuideTools;
  /** The guide's buttons for the VR menu (none for visitors, and until their module has loaded). */
  vrActions(): XrMenuAction[];
  /** Those buttons changed (an open VR menu redraws). Returns the remover. */
  onVrActionsChange(listener: () => void): () => void;
  dispose(): void;
}

export interface StartPresenceDeps {
  win: Window;
  uiRoot: HTMLElement;
  experience: Experience;
  i18n: I18n;
  /** Join at once (the URL asked for it). */
  autoJoin: boolean;
  /** The consultation ticket screens, offered at a counter nobody staffs and for a filed transcript. */
  tickets?: { openForm(regionCode: string | null): void; openTicket(code: string): void };
  /** In VR: the own controllers' or hands' poses (sent with the head). */
  hands?: () => { l: PoseTuple | null; r: PoseTuple | null } | null;
  /** A service's agency, for a guide sharing a kiosk opened straight on a service. */
  api?: { service(id: string): Promise<{ agencyId: string }> };
}

export function presenceUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}${PRESENCE_PATH}`;
}

export function startPresence(deps: StartPresenceDeps): PagePresence {
  const { win, i18n, experience: exp } = deps;
  const client = createPresenceClient({
    url: presenceUrl(win.location),
    createSocket: (url) => new (win as Window & typeof globalThis).WebSocket(url) as unknown as SocketLike,
    now: () => win.performance.now(),
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (h) => win.clearTimeout(h as number),
  });
  const label = (p: Peer) => (p.chosen ? p.name : i18n.t("presence.visitor", { n: String(p.n) }));
  const presence = createPresence({
    scene: exp.scene,
    frame: exp.frame,
    places: exp.places,
    viewer: exp.viewer,
    client,
    label,
    onLanguage: (l) => i18n.onChange(l),
    ...(deps.hands ? { hands: deps.hands } : {}),
  });
  const tour = createTour({
    presence,
    frame: exp.frame,
    places: exp.places,
    viewer: exp.viewer,
    floorBelow: exp.walking.floorBelow,
    inDoorway: (f) => exp.doorwayAt({ x: f.x, y: f.y + exp.walking.eyeHeight, z: f.z }) !== null,
    setTimeout: (fn, ms) => win.setTimeout(fn, ms),
    clearTimeout: (h) => win.clearTimeout(h as number),
  });
  const tourPanel = createTourPanel(deps.uiRoot, { i18n, tour });
  const chat = createCounterChat(client);
  const chatPanel = createChatPanel(deps.uiRoot, {
    i18n,
    chat,
    agencies: () => {
      const seen = new Map<string, string>();
      for (const k of exp.places.interior?.kiosks ?? []) seen.set(k.agency.slug, k.agency.name);
      return [...seen].map(([slug, name]) => ({ slug, name }));
    },
    onPlace: (l) => exp.places.onChange(() => l()),
    ...(deps.tickets ? { tickets: deps.tickets } : {}),
    region: () => (exp.places.current.kind === "building" ? exp.places.current.region : null),
  });
  const voice = createVoice(browserVoiceDeps(win, client));
  const voicePanel = createVoicePanel(deps.uiRoot, {
    i18n,
    voice,
    peers: () => [...client.peers.values()].map((r) => r.peer),
    label,
    onPeers: (l) => client.on((e) => { if (e.kind === "peers") l(); }),
  });
  const fwd = new Vector3();
  const shared = createSharedKiosk({
    client,
    kiosks: exp.kiosks,
    poseFor: () => panelAheadPose(exp.viewer.current.eye(), exp.viewer.current.forward(fwd)),
    agencyOfService: async (id) => {
      if (!deps.api) throw new Error("start-presence: no API to look the service up");
      return (await deps.api.service(id)).agencyId;
    },
  });
  const guideTools = createGuideTools({ client, shared });
  const guidePanel = createGuideToolsPanel(deps.uiRoot, {
    i18n, tools: guideTools, label: (p) => label(p),
    kioskOpen: () => exp.kiosks.current !== null,
    onKioskChange: (l) => exp.kiosks.onChange(() => l()),
  });
  const panel = createPresencePanel(deps.uiRoot, {
    i18n,
    onJoin: (name) => presence.join(name),
    onLeave: () => presence.leave(),
    sections: [tourPanel.section, guidePanel.section, voicePanel.section, chatPanel.section],
  });
  let lastCode: number | string | undefined;
  const show = () => panel.setState({
    status: client.status,
    you: client.you ? label(client.you) : null,
    others: client.peers.size,
    code: lastCode,
  });
  const off = client.on((e) => {
    if (e.kind === "status") lastCode = e.code;
    if (e.kind !== "message") show();
  });
  // The guide's VR menu: its own chunk, fetched once this visitor guides (nobody else needs it).
  let vrMenu: GuideVrMenu | null = null;
  let vrLoading = false;
  let disposed = false;
  const vrChanged = createListeners<void>();
  const loadVrMenu = () => {
    if (vrMenu || vrLoading || !tour.state.guide) return;
    vrLoading = true;
    import(/* webpackChunkName: "guide-vr" */ "./guide-vr-menu").then((m) => {
      if (disposed) return;
      vrMenu = m.createGuideVrMenu({ i18n, tour, tools: guideTools, voice, label });
      vrMenu.onChange(() => vrChanged.tell());
      vrChanged.tell();
    }, () => {
      vrLoading = false; // offline for a moment: the next change of the tour tries again
    });
  };
  const offTour = tour.onChange(loadVrMenu);
  // A tab being closed says goodbye at once instead of leaving the others to wait for a timeout.
  const bye = () => presence.leave();
  win.addEventListener("pagehide", bye);
  if (deps.autoJoin) presence.join(null);
  return {
    presence,
    panel,
    tour,
    chat,
    voice,
    shared,
    guideTools,
    vrActions: () => vrMenu?.actions() ?? [],
    onVrActionsChange: vrChanged.add,
    dispose() {
      disposed = true;
      offTour();
      vrMenu?.dispose();
      vrChanged.clear();
      voicePanel.dispose();
      voice.dispose();
      guidePanel.dispose();
      guideTools.dispose();
      shared.dispose();
      chatPanel.dispose();
      chat.dispose();
      off();
      win.removeEventListener("pagehide", bye);
      tourPanel.dispose();
      tour.dispose();
      presence.dispose();
      panel.dispose();
    },
  };
}

/** The browser's WebRTC, microphone (echo cancellation on) and audio elements for the tour's voice. */
function browserVoiceDeps(win: Window, client: Parameters<typeof createVoice>[0]["client"]): Parameters<typeof createVoice>[0] {
  const w = win as Window & typeof globalThis;
  const media = w.navigator.mediaDevices as MediaDevices | undefined;
  return {
    client,
    createPeerConnection: typeof w.RTCPeerConnection === "function" ? (config) => new w.RTCPeerConnection(config) : null,
    getMicrophone: () => media?.getUserMedia
      ? media.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true }, video: false })
      : Promise.reject(Object.assign(new Error("no mediaDevices"), { name: "NotFoundError" })),
    playAudio(stream): AudioOut {
      const audio = w.document.createElement("audio");
      audio.autoplay = true;
      audio.srcObject = stream;
      return {
        play: () => audio.play().then(() => true, () => false),
        stop: () => {
          audio.pause();
          audio.srcObject = null;
        },
      };
    },
    setInterval: (fn, ms) => w.setInterval(fn, ms),
    clearInterval: (h) => w.clearInterval(h as number),
  };
}

// The guide's moderation and sharing tools (issue 16, point 3) and what visitors are told about
// them. The server enforces every command (src/server/presence/commands.ts); this keeps the state
// the panels (desktop and VR menu) render: the room's lock, names and shared kiosk, the visitors the
// guide can act on, and the last notice a visitor should see. No DOM.
import type { KioskRef, Peer } from "../../domain/presence";
import type { GuideStringKey } from "./guide-strings";
import type { PresenceClient } from "./presence-client";
import type { SharedKiosk } from "./shared-kiosk";
import { createListeners } from "./listeners";

export interface GuideVisitor {
  id: string;
  n: number;
  /** The peer as the server shows it (always text). */
  peer: Peer;
}

export interface GuideToolsState {
  /** This visitor is a guide (the tools are shown). */
  guide: boolean;
  locked: boolean;
  namesAllowed: boolean;
  /** The kiosk shared with everyone, or null. */
  shared: KioskRef | null;
  /** Visitors a guide may act on (other guides are not listed: they cannot be removed). */
  visitors: GuideVisitor[];
  /** The last thing a visitor should be told (null: nothing new). */
  notice: GuideStringKey | null;
  /** The guide's last refused command (a code), or null. */
  error: string | null;
}

export interface GuideTools {
  readonly state: GuideToolsState;
  shareKiosk(): Promise<boolean>;
  closeKiosk(): void;
  setNamesAllowed(allowed: boolean): void;
  muteName(id: string): void;
  remove(id: string): void;
  lock(locked: boolean): void;
  dismissNotice(): void;
  onChange(listener: (s: GuideToolsState) => void): () => void;
  dispose(): void;
}

export function createGuideTools(deps: { client: PresenceClient; shared: SharedKiosk }): GuideTools {
  const { client, shared } = deps;
  const listeners = createListeners<GuideToolsState>();
  const state: GuideToolsState = { guide: false, locked: false, namesAllowed: true, shared: null, visitors: [], notice: null, error: null };

  const tell = () => {
    listeners.tell(state);
  };
  const syncPeers = () => {
    state.guide = client.you?.role === "guide";
    state.visitors = [...client.peers.values()]
      .filter(({ peer }) => peer.role !== "guide")
      .map(({ peer }) => ({ id: peer.id, n: peer.n, peer }))
      .sort((a, b) => a.n - b.n);
  };
  let youChosen = false;
  const notify = (key: GuideStringKey) => {
    // The guide did it and knows: only the others are told.
    if (!state.guide) state.notice = key;
  };

  const offs = [
    shared.onEvent((e) => {
      state.shared = shared.ref;
      notify(e.kind === "opened" ? "notice.kioskShared" : "notice.kioskClosed");
      tell();
    }),
    client.on((e) => {
      if (e.kind === "peers") {
        syncPeers();
        // Our own chosen name was reset while names are allowed: the guide muted it.
        const you = client.you;
        if (you && youChosen && !you.chosen && state.namesAllowed && !state.guide) state.notice = "notice.nameMuted";
        youChosen = you?.chosen ?? false;
        return tell();
      }
      if (e.kind === "status") {
        syncPeers();
        if (e.status === "stopped" && e.code === 4403) state.notice = "notice.removed";
        return tell();
      }
      const m = e.message;
      switch (m.t) {
        case "welcome":
          state.locked = m.state.locked;
          state.namesAllowed = m.state.namesAllowed;
          syncPeers();
          youChosen = client.you?.chosen ?? false;
          return tell();
        case "state":
          if (m.state.locked !== state.locked) notify(m.state.locked ? "notice.locked" : "notice.unlocked");
          if (m.state.namesAllowed !== state.namesAllowed) notify(m.state.namesAllowed ? "notice.namesOn" : "notice.namesOff");
          state.locked = m.state.locked;
          state.namesAllowed = m.state.namesAllowed;
          return tell();
        case "granted":
          state.guide = m.role === "guide" || state.guide;
          return tell();
        case "error":
          if (m.ref === "open_kiosk" || m.ref === "close_kiosk" || m.ref === "names" || m.ref === "mute_name" || m.ref === "remove" || m.ref === "lock") {
            state.error = m.code;
            tell();
          }
          return;
        default:
          return;
      }
    }),
  ];

  const command = (f: () => boolean) => {
    state.error = null;
    if (!f()) state.error = "not_joined";
    tell();
  };

  return {
    state,
    async shareKiosk() {
      state.error = null;
      const ok = await shared.share();
      if (!ok) state.error = "no_kiosk";
      tell();
      return ok;
    },
    closeKiosk: () => command(() => client.send({ t: "close_kiosk" })),
    setNamesAllowed: (allowed) => command(() => client.send({ t: "names", allowed })),
    muteName: (id) => command(() => client.send({ t: "mute_name", id })),
    remove: (id) => command(() => client.send({ t: "remove", id })),
    lock: (locked) => command(() => client.send({ t: "lock", locked })),
    dismissNotice() {
      state.notice = null;
      tell();
    },
    onChange: listeners.add,
    dispose() {
      for (const off of offs.splice(0)) off();
      listeners.clear();
    },
  };
}

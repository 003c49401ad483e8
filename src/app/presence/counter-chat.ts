// Text chat at a counter (issue 16, point 5): booth staff (event PIN) staff an agency's counter in
// the building they are in; visitors there write to whoever staffs it, staff answer one visitor.
// Lines are plain strings from the server: the panel sets them as text, never as HTML. No DOM here.
import { checkChatText, type Peer } from "../../domain/presence";
import type { PresenceClient } from "./presence-client";
import { createListeners } from "./listeners";

export interface ChatLine {
  id: string;
  from: string;
  /** The sender's display name as the server sent it (the panel localises anonymous names). */
  name: string;
  text: string;
  at: number;
  mine: boolean;
  /** The counter it went to (visitor to staff), or null (staff to a visitor). */
  agency: string | null;
  to: string | null;
}

export interface CounterChatState {
  /** The agency this visitor staffs in the current room, or null. */
  staffing: string | null;
  /** Agencies staffed by someone else in this room. */
  staffed: string[];
  lines: ChatLine[];
  /** Visitors who wrote to this staff member, newest last (reply targets). */
  writers: { id: string; name: string }[];
  /** Staffed counters whose staff is a signed-in officer (the badge), the others are event staff (PIN). */
  officers: string[];
  /** The last conversation filed as a consultation ticket in this room. */
  transcript: { agency: string; code: string; formattedCode: string } | null;
  error: string | null;
}

export interface CounterChat {
  readonly state: CounterChatState;
  /** Staff an agency's counter in the current room with the staff PIN, or (pin null) with the officer's signed-in account. */
  staff(pin: string | null, agency: string): void;
  /** Visitor: asks the server to file the conversation with that counter as a consultation ticket. */
  fileTranscript(agency: string, lang: "id" | "en"): void;
  release(): void;
  /** Visitor: writes to a counter. Staff: answers a visitor (`to`). False when the text is refused here. */
  write(text: string, target: { agency: string } | { to: string }): boolean;
  onChange(listener: (s: CounterChatState) => void): () => void;
  dispose(): void;
}

/** Lines kept: a conversation at a counter, not an archive (nothing is stored anywhere). */
const MAX_LINES = 100;

export function createCounterChat(client: PresenceClient): CounterChat {
  const listeners = createListeners<CounterChatState>();
  const state: CounterChatState = { staffing: null, staffed: [], lines: [], writers: [], officers: [], transcript: null, error: null };
  const tell = () => {
    listeners.tell(state);
  };
  const recount = () => {
    const staffed = new Set<string>();
    const officers = new Set<string>();
    for (const { peer } of client.peers.values()) {
      if (peer.staff) staffed.add(peer.staff);
      if (peer.staff && peer.officer) officers.add(peer.staff);
    }
    state.staffed = [...staffed].sort();
    state.officers = [...officers].sort();
    state.staffing = client.you?.staff ?? null;
  };

  const off = client.on((e) => {
    if (e.kind === "peers") {
      recount();
      return tell();
    }
    if (e.kind === "status") {
      if (e.status !== "joined") {
        state.lines = [];
        state.writers = [];
      }
      recount();
      return tell();
    }
    const m = e.message;
    if (m.t === "welcome") {
      // A new room: the old counter's conversation does not follow the visitor.
      state.lines = [];
      state.writers = [];
      state.transcript = null;
      recount();
      tell();
    } else if (m.t === "transcript") {
      state.transcript = { agency: m.agency, code: m.code, formattedCode: m.formattedCode };
      state.error = null;
      tell();
    } else if (m.t === "granted" && m.role === "staff") {
      state.staffing = m.agency;
      state.error = null;
      tell();
    } else if (m.t === "peer" && client.you && m.peer.id === client.you.id) {
      state.staffing = m.peer.staff;
      tell();
    } else if (m.t === "chat") {
      const mine = client.you?.id === m.from;
      state.lines.push({ id: m.id, from: m.from, name: m.name, text: m.text, at: m.at, mine, agency: m.agency, to: m.to });
      if (state.lines.length > MAX_LINES) state.lines.splice(0, state.lines.length - MAX_LINES);
      if (!mine && state.staffing && m.agency === state.staffing) {
        state.writers = [...state.writers.filter((w) => w.id !== m.from), { id: m.from, name: m.name }];
      }
      tell();
    } else if (m.t === "error" && (m.ref === "chat" || m.ref === "claim" || m.ref === "transcript")) {
      state.error = m.code;
      tell();
    }
  });

  return {
    state,
    staff(pin, agency) {
      state.error = null;
      client.send(pin === null ? { t: "claim", role: "staff", agency } : { t: "claim", role: "staff", pin, agency });
    },
    fileTranscript(agency, lang) {
      state.error = null;
      client.send({ t: "transcript", agency, lang });
    },
    release() {
      client.send({ t: "release", role: "staff" });
    },
    write(text, target) {
      const checked = checkChatText(text);
      if (!checked.ok) {
        state.error = "invalid_text";
        tell();
        return false;
      }
      state.error = null;
      return client.send({ t: "chat", text: checked.value, ...target });
    },
    onChange: listeners.add,
    dispose() {
      off();
      listeners.clear();
    },
  };
}

export type { Peer };

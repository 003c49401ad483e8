// A node's view of one socket (Conn) and of one room (Room: its visitors on this node, a mirror of
// those on other nodes, and its state).
import type { IncomingHttpHeaders } from "node:http";
import type { WebSocket } from "ws";
import type { PeerPose } from "../../domain/presence/pose";
import { anonymousName } from "../../domain/presence/text";
import type { Peer, RoomState } from "../../domain/presence/messages";
import { DEFAULT_ROOM_STATE, type RemoteMember, type Target } from "./cluster";

/** Past this many unsent bytes a socket gets no pose batches (a slow link drops frames, not memory). */
export const POSE_BACKLOG_BYTES = 256 * 1024;
/** Past this the client is not keeping up at all and is dropped. */
export const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

export class Conn {
  room: string | null = null;
  n = 0;
  peer: Peer | null = null;
  chosenName: string | null = null;
  nameMuted = false;
  guide = false;
  staff: string | null = null;
  floor = false;
  /** The guide or staff role was granted by an officer's account (the badge). */
  officer = false;
  /** An invisible observer (join.watch): in room.watchers, never in locals, no peer record. */
  watch = false;
  token: string | null = null;
  pose: PeerPose | null = null;
  poseDirty = false;
  alive = true;
  closed = false;
  /** Called once when the socket is closed by either side (frees its address slot, leaves its room). */
  onClosed: (() => void) | null = null;
  /** Joins, claims and leaves wait on Redis: they run one after another per socket. */
  chain: Promise<void> = Promise.resolve();

  constructor(public id: string, readonly socket: WebSocket, readonly address: string, readonly headers: IncomingHttpHeaders) {}

  send(text: string, isPose = false): void {
    if (this.closed || this.socket.readyState !== 1) return;
    const backlog = this.socket.bufferedAmount;
    if (backlog > MAX_BACKLOG_BYTES) {
      this.close(4408, "timeout");
      return;
    }
    if (isPose && backlog > POSE_BACKLOG_BYTES) return;
    this.socket.send(text);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
    }
    // A peer that is gone does not answer the close handshake: do not wait ws's 30 s for it.
    setTimeout(() => this.socket.terminate(), 2000).unref();
    this.onClosed?.();
  }

  /** The public record others see. */
  toPeer(state: RoomState): Peer {
    const showChosen = this.chosenName !== null && !this.nameMuted && state.namesAllowed;
    return {
      id: this.id,
      n: this.n,
      name: showChosen ? this.chosenName! : anonymousName(this.n),
      chosen: showChosen,
      role: this.guide ? "guide" : "visitor",
      staff: this.staff,
      floor: this.floor,
      ...(this.officer && (this.guide || this.staff !== null) ? { officer: true as const } : {}),
    };
  }
}

export class Room {
  readonly locals = new Map<string, Conn>();
  readonly remotes = new Map<string, RemoteMember>();
  /** Observers on this node (the big screen): they receive what "all" receives and are nobody. */
  readonly watchers = new Map<string, Conn>();
  state: RoomState = { ...DEFAULT_ROOM_STATE };
  /** Send every local pose next tick, not only the changed ones (someone new arrived on another node). */
  fullSync = false;
  /** Joins under way: the room is not closed under them. */
  joining = 0;
  /** Resolved once the room's state and remote members are loaded. */
  ready: Promise<void> = Promise.resolve();

  constructor(readonly id: string) {}

  peer(id: string): Peer | undefined {
    return this.locals.get(id)?.peer ?? this.remotes.get(id)?.peer;
  }

  peers(): Peer[] {
    const out: Peer[] = [];
    for (const c of this.locals.values()) if (c.peer) out.push(c.peer);
    for (const r of this.remotes.values()) if (!this.locals.has(r.peer.id)) out.push(r.peer);
    return out;
  }

  /** The local sockets a target names. */
  *recipients(to: Target): Iterable<Conn> {
    switch (to.kind) {
      case "all":
        for (const c of this.locals.values()) if (c.id !== to.except) yield c;
        for (const c of this.watchers.values()) yield c;
        return;
      case "peer": {
        const c = this.locals.get(to.id);
        if (c) yield c;
        return;
      }
      case "guides":
        for (const c of this.locals.values()) if (c.guide) yield c;
        return;
      case "staff":
        for (const c of this.locals.values()) if (c.staff === to.agency) yield c;
        return;
    }
  }
}

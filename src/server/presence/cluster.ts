// What nodes share about rooms: membership (counted across nodes, so the size limit holds for the
// whole room), room state, resume tokens, and a channel per room. MemoryCluster is the single node
// (nothing to set up); RedisCluster (redis-cluster.ts) spans nodes.
import type { Peer, RoomState, ServerMessage } from "../../domain/presence/messages";

/** Who on a node receives a message. */
export type Target =
  | { kind: "all"; except?: string }
  | { kind: "peer"; id: string }
  | { kind: "guides" }
  | { kind: "staff"; agency: string };

/** Node-to-node instructions that are not relayed to clients. */
export type InternalMessage =
  /** Do something to a peer that lives on another node (on: floor given; for replace, "same room, no left"). */
  | { t: "_act"; id: string; act: "mute" | "remove" | "floor" | "replace"; on?: boolean }
  /** Send the poses of all your visitors in this room next tick (a node just joined the room). */
  | { t: "_sync" };

export interface Envelope {
  room: string;
  to: Target;
  msg: ServerMessage | InternalMessage;
}

export type JoinResult = { ok: true; n: number } | { ok: false; code: "room_full" | "room_locked" };

export interface ResumeData {
  id: string;
  room: string;
  n: number;
  /** The chosen name (null: anonymous). */
  name: string | null;
  nameMuted: boolean;
  guide: boolean;
}

export interface RemoteMember {
  peer: Peer;
  node: string;
}

export const DEFAULT_ROOM_STATE: RoomState = { locked: false, namesAllowed: true, kiosk: null };

export interface Cluster {
  readonly nodeId: string;
  /** True when other nodes may exist (remote members, liveness). */
  readonly shared: boolean;
  /**
   * Atomically: refuse when the room is locked (unless bypassLock) or full (the peer's own earlier
   * record, when resuming, does not count), else add the peer and number it (n given: keep it).
   */
  join(room: string, peer: Peer, o: { max: number; bypassLock: boolean; n: number | null }): Promise<JoinResult>;
  update(room: string, peer: Peer): Promise<void>;
  leave(room: string, id: string): Promise<void>;
  /** Members of the room on other live nodes. */
  remoteMembers(room: string): Promise<RemoteMember[]>;
  state(room: string): Promise<RoomState>;
  setState(room: string, state: RoomState): Promise<void>;
  /** Sends to the other nodes (never back to this one). */
  publish(envelope: Envelope): void;
  subscribe(room: string): Promise<void>;
  unsubscribe(room: string): Promise<void>;
  onEnvelope(handler: (envelope: Envelope, fromNode: string) => void): void;
  /** Keeps this node's memberships in these rooms alive; returns the rooms where they were lost (restore them). */
  heartbeat(rooms: readonly string[]): Promise<string[]>;
  /** Writes this node's members of a room again (after a heartbeat came too late and they were pruned). */
  restore(room: string, peers: readonly Peer[]): Promise<void>;
  /** Which of these nodes are still alive. */
  aliveNodes(nodes: readonly string[]): Promise<Set<string>>;
  saveToken(token: string, data: ResumeData, ttlMs: number): Promise<void>;
  loadToken(token: string): Promise<ResumeData | null>;
  dropToken(token: string): Promise<void>;
  close(): Promise<void>;
}

/** One node: everything in this process's memory. */
export class MemoryCluster implements Cluster {
  readonly shared = false;
  private readonly rooms = new Map<string, { members: Map<string, Peer>; seq: number; state: RoomState }>();
  private readonly tokens = new Map<string, { data: ResumeData; expires: number }>();

  constructor(readonly nodeId: string, private readonly now: () => number = Date.now) {}

  private room(id: string) {
    let r = this.rooms.get(id);
    if (!r) this.rooms.set(id, (r = { members: new Map(), seq: 0, state: { ...DEFAULT_ROOM_STATE } }));
    return r;
  }

  async join(room: string, peer: Peer, o: { max: number; bypassLock: boolean; n: number | null }): Promise<JoinResult> {
    const r = this.room(room);
    if (!o.bypassLock && r.state.locked) return { ok: false, code: "room_locked" };
    const others = r.members.size - (r.members.has(peer.id) ? 1 : 0);
    if (others >= o.max) return { ok: false, code: "room_full" };
    // A resumed number raises the counter, so a newcomer never gets a number already in use.
    const n = o.n ?? ++r.seq;
    r.seq = Math.max(r.seq, n);
    r.members.set(peer.id, { ...peer, n });
    return { ok: true, n };
  }

  async update(room: string, peer: Peer): Promise<void> {
    const r = this.rooms.get(room);
    if (r?.members.has(peer.id)) r.members.set(peer.id, peer);
  }

  async leave(room: string, id: string): Promise<void> {
    const r = this.rooms.get(room);
    if (!r) return;
    r.members.delete(id);
    // An empty room starts afresh: unlocked, numbers from 1.
    if (r.members.size === 0) this.rooms.delete(room);
  }

  async remoteMembers(): Promise<RemoteMember[]> {
    return [];
  }

  async state(room: string): Promise<RoomState> {
    return { ...(this.rooms.get(room)?.state ?? DEFAULT_ROOM_STATE) };
  }

  async setState(room: string, state: RoomState): Promise<void> {
    this.room(room).state = { ...state };
  }

  publish(): void {}
  async subscribe(): Promise<void> {}
  async unsubscribe(): Promise<void> {}
  onEnvelope(): void {}
  async heartbeat(): Promise<string[]> {
    return [];
  }

  async restore(): Promise<void> {}

  async aliveNodes(nodes: readonly string[]): Promise<Set<string>> {
    return new Set(nodes.filter((n) => n === this.nodeId));
  }

  async saveToken(token: string, data: ResumeData, ttlMs: number): Promise<void> {
    const t = this.now();
    this.tokens.set(token, { data, expires: t + ttlMs });
    if (this.tokens.size > 50_000) for (const [k, v] of this.tokens) if (v.expires <= t) this.tokens.delete(k);
  }

  async loadToken(token: string): Promise<ResumeData | null> {
    const e = this.tokens.get(token);
    if (!e) return null;
    if (e.expires <= this.now()) {
      this.tokens.delete(token);
      return null;
    }
    return e.data;
  }

  async dropToken(token: string): Promise<void> {
    this.tokens.delete(token);
  }

  async close(): Promise<void> {
    this.rooms.clear();
  }
}

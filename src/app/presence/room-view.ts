// The room as one presence client knows it: who "you" are, the other peers (each with an
// interpolation buffer of their poses), the room's state and the server's clock. It applies the
// server's messages; presence-client.ts owns the socket and tells its listeners what changed.
// No DOM, no Babylon.
import {
  InterpolationBuffer,
  ServerClock,
  type Peer,
  type RoomState,
  type ServerMessage,
  type ServerMessageOf,
} from "../../domain/presence";

export interface RemotePeer {
  peer: Peer;
  readonly buffer: InterpolationBuffer;
}

export interface RoomView {
  readonly you: Peer | null;
  readonly peers: Map<string, RemotePeer>;
  readonly state: RoomState | null;
  /** Server time now (client ms in), or null before the first timed message. */
  serverNow(now: number): number | null;
  /** Applies one server message received at client time `now`; true when the list of peers changed. */
  apply(m: ServerMessage, now: number): boolean;
  /** Forgets the peers (left or lost the room); true when there were some. */
  clearPeers(): boolean;
  /** Forgets who we are (the socket is gone); with `all`, also the room state and the clock. */
  reset(all: boolean): void;
}

export function createRoomView(o: { delayMs?: number } = {}): RoomView {
  const clock = new ServerClock();
  const peers = new Map<string, RemotePeer>();
  let you: Peer | null = null;
  let state: RoomState | null = null;

  const upsert = (p: Peer) => {
    if (you && p.id === you.id) {
      you = p;
      return;
    }
    const known = peers.get(p.id);
    if (known) known.peer = p;
    else peers.set(p.id, { peer: p, buffer: new InterpolationBuffer(o.delayMs !== undefined ? { delayMs: o.delayMs } : {}) });
  };
  const pushPoses = (at: number, entries: ServerMessageOf<"poses">["p"]) => {
    for (const e of entries) {
      if (!Array.isArray(e) || (you && e[0] === you.id)) continue;
      peers.get(e[0])?.buffer.push(at, { h: e[1], l: e[2], r: e[3] });
    }
  };

  return {
    get you() {
      return you;
    },
    peers,
    get state() {
      return state;
    },
    serverNow: (now) => clock.now(now),
    apply(m, now) {
      switch (m.t) {
        case "welcome":
          clock.observe(m.now, now);
          you = m.you;
          state = m.state;
          peers.clear();
          for (const p of m.peers) upsert(p);
          pushPoses(m.now, m.poses);
          return true;
        case "joined":
        case "peer":
          upsert(m.peer);
          return true;
        case "left":
          return peers.delete(m.id);
        case "poses":
          clock.observe(m.at, now);
          pushPoses(m.at, m.p);
          return false;
        case "state":
          state = m.state;
          return false;
        default:
          return false;
      }
    },
    clearPeers() {
      if (peers.size === 0) return false;
      peers.clear();
      return true;
    },
    reset(all) {
      you = null;
      if (!all) return;
      state = null;
      clock.reset();
    },
  };
}

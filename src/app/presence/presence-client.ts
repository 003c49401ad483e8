// The app's end of the presence socket (docs/presence.md): connect, join the room of the place the
// visitor is in, reconnect with backoff and rejoin with the resume token, send the own pose (only
// when changed, at most poseMaxHz), and keep the other visitors with an interpolation buffer each.
// No Babylon, no DOM: the socket, the clock and the timers come in as dependencies, so Node tests
// run it against the real server. Nothing opens until start() (presence is opt-in).
import {
  CLOSE,
  ChangeThrottle,
  InterpolationBuffer,
  PRESENCE_LIMITS,
  PRESENCE_PROTOCOL_VERSION,
  ReconnectPolicy,
  ServerClock,
  peerPoseChanged,
  roundPose,
  type ClientMessage,
  type Peer,
  type PeerPose,
  type RoomState,
  type ServerMessage,
  type ServerMessageOf,
} from "../../domain/presence";

/** The few members of a browser WebSocket used here (ws's WebSocket in Node tests has them too). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

const OPEN = 1;

/**
 * off: never started (or stopped by the visitor); connecting; joined; waiting: lost, a reconnect is
 * scheduled; stopped: the server said not to come back (removed, replaced, protocol error);
 * refused: the room is full or locked (the socket stays open, a later move or retry may join).
 */
export type PresenceStatus = "off" | "connecting" | "joined" | "waiting" | "stopped" | "refused";

export interface RemotePeer {
  peer: Peer;
  readonly buffer: InterpolationBuffer;
}

export type PresenceEvent =
  | { kind: "status"; status: PresenceStatus; code?: number | string }
  | { kind: "peers" }
  | { kind: "message"; message: ServerMessage };

export interface PresenceClientDeps {
  /** ws:// or wss:// URL of /api/v1/presence on the page's own origin. */
  url: string;
  createSocket(url: string): SocketLike;
  /** Monotonic milliseconds (performance.now). */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  random?(): number;
  /** Interpolation delay, ms (default 100). */
  delayMs?: number;
  /** An invisible observer (the spectator screen): joins with `watch`, sends no pose, name or command. */
  watch?: boolean;
}

export interface PresenceClient {
  readonly status: PresenceStatus;
  /** The room joined (or being joined), null before start. */
  readonly room: string | null;
  readonly you: Peer | null;
  readonly peers: ReadonlyMap<string, RemotePeer>;
  readonly state: RoomState | null;
  /** Opts in: opens the socket and joins `room` with a chosen name (null: "Pengunjung N"). */
  start(room: string, name: string | null): void;
  /** The visitor changed place: join that room (the others see "moved"). */
  moveTo(room: string): void;
  setName(name: string | null): void;
  /** Offers the own pose every frame; it is sent when it changed, at most poseMaxHz. */
  offerPose(pose: PeerPose): void;
  /** Sends any protocol message now (guide commands, chat, replies); false when not connected. */
  send(message: ClientMessage): boolean;
  /** Server time now for the interpolation buffers, or null before the first message. */
  serverNow(): number | null;
  on(listener: (e: PresenceEvent) => void): () => void;
  /** Leaves (closes with 1000) and stays off until start(). */
  stop(): void;
  dispose(): void;
}

export function createPresenceClient(deps: PresenceClientDeps): PresenceClient {
  const policy = new ReconnectPolicy({}, deps.random ?? Math.random);
  const clock = new ServerClock();
  const throttle = new ChangeThrottle<PeerPose>({ maxHz: PRESENCE_LIMITS.poseMaxHz, changed: peerPoseChanged });
  const peers = new Map<string, RemotePeer>();
  const listeners = new Set<(e: PresenceEvent) => void>();
  let socket: SocketLike | null = null;
  let status: PresenceStatus = "off";
  let room: string | null = null;
  let name: string | null = null;
  let you: Peer | null = null;
  let state: RoomState | null = null;
  let retryTimer: unknown = null;
  let pollTimer: unknown = null;
  let wanted = false;

  const emit = (e: PresenceEvent) => {
    for (const l of [...listeners]) l(e);
  };
  const setStatus = (s: PresenceStatus, code?: number | string) => {
    status = s;
    emit(code === undefined ? { kind: "status", status: s } : { kind: "status", status: s, code });
  };
  const rawSend = (m: ClientMessage): boolean => {
    if (!socket || socket.readyState !== OPEN) return false;
    socket.send(JSON.stringify(m));
    return true;
  };
  const join = () => {
    if (room === null) return;
    const m: ClientMessage = deps.watch
      ? { t: "join", v: PRESENCE_PROTOCOL_VERSION, room, watch: true }
      : { t: "join", v: PRESENCE_PROTOCOL_VERSION, room, name };
    if (policy.token && !deps.watch) m.resume = policy.token;
    rawSend(m);
  };
  const clearPeers = () => {
    if (peers.size === 0) return;
    peers.clear();
    emit({ kind: "peers" });
  };
  const upsert = (p: Peer) => {
    if (you && p.id === you.id) {
      you = p;
      return;
    }
    const known = peers.get(p.id);
    if (known) known.peer = p;
    else peers.set(p.id, { peer: p, buffer: new InterpolationBuffer(deps.delayMs !== undefined ? { delayMs: deps.delayMs } : {}) });
  };
  const pushPoses = (at: number, entries: ServerMessageOf<"poses">["p"]) => {
    for (const e of entries) {
      if (!Array.isArray(e) || (you && e[0] === you.id)) continue;
      peers.get(e[0])?.buffer.push(at, { h: e[1], l: e[2], r: e[3] });
    }
  };

  function handle(m: ServerMessage): void {
    switch (m.t) {
      case "welcome":
        clock.observe(m.now, deps.now());
        policy.onWelcome(m.token, deps.now());
        you = m.you;
        room = m.room;
        state = m.state;
        peers.clear();
        for (const p of m.peers) upsert(p);
        pushPoses(m.now, m.poses);
        throttle.reset(); // the room knows nothing of us yet: the next pose goes out
        setStatus("joined");
        emit({ kind: "peers" });
        break;
      case "joined":
      case "peer":
        upsert(m.peer);
        emit({ kind: "peers" });
        break;
      case "left":
        if (peers.delete(m.id)) emit({ kind: "peers" });
        break;
      case "poses":
        clock.observe(m.at, deps.now());
        pushPoses(m.at, m.p);
        break;
      case "state":
        state = m.state;
        break;
      case "error":
        // A join the server refused leaves the socket open but the visitor outside: say why.
        if (m.ref === "join" && (m.code === "room_full" || m.code === "room_locked" || m.code === "room_unknown" || m.code === "invalid_name" || m.code === "unsupported_version")) {
          clearPeers();
          setStatus("refused", m.code);
        }
        // An expired or unknown resume token: the server answers with a fresh welcome anyway; nothing to do.
        break;
      default:
        break;
    }
    emit({ kind: "message", message: m });
  }

  function connect(): void {
    retryTimer = null;
    if (!wanted) return;
    setStatus("connecting");
    let s: SocketLike;
    try {
      s = deps.createSocket(deps.url);
    } catch {
      return lost(CLOSE.abnormal);
    }
    socket = s;
    s.onopen = () => join();
    s.onmessage = (ev) => {
      if (typeof ev.data !== "string") return;
      let m: ServerMessage;
      try {
        m = JSON.parse(ev.data) as ServerMessage;
      } catch {
        return; // our own server never sends this; a proxy's garbage must not break the page
      }
      if (m === null || typeof m !== "object" || typeof m.t !== "string") return;
      try {
        handle(m);
      } catch {
        // A message of an unexpected shape is dropped; presence goes on.
      }
    };
    s.onerror = () => {};
    s.onclose = (ev) => {
      if (socket !== s) return;
      socket = null;
      lost(ev.code);
    };
  }

  function lost(code: number): void {
    socket = null;
    you = null;
    clearPeers();
    if (!wanted) return setStatus("off");
    const d = policy.onClose(code, deps.now());
    if (d.action === "stop") {
      wanted = false;
      return setStatus("stopped", code);
    }
    setStatus("waiting", code);
    retryTimer = deps.setTimeout(connect, d.delayMs);
  }

  const schedulePoll = () => {
    if (pollTimer !== null) return;
    const due = throttle.dueIn(deps.now());
    if (due === null) return;
    pollTimer = deps.setTimeout(() => {
      pollTimer = null;
      const p = throttle.poll(deps.now());
      if (p) sendPose(p);
      else schedulePoll(); // timers may fire a millisecond early: try again when due
    }, Math.ceil(due) + 1);
  };
  const sendPose = (p: PeerPose) => {
    const m: ClientMessage = { t: "pose", h: roundPose(p.h) };
    if (p.l) m.l = roundPose(p.l);
    if (p.r) m.r = roundPose(p.r);
    rawSend(m);
  };

  function halt(): void {
    wanted = false;
    if (retryTimer !== null) deps.clearTimeout(retryTimer);
    if (pollTimer !== null) deps.clearTimeout(pollTimer);
    retryTimer = pollTimer = null;
    const s = socket;
    socket = null;
    if (s) {
      s.onclose = s.onmessage = s.onopen = null;
      if (s.readyState === OPEN) rawSendTo(s, { t: "leave" });
      try {
        s.close(CLOSE.normal, "leave");
      } catch {
        // already closing
      }
    }
    you = null;
    state = null;
    clearPeers();
    policy.forgetToken();
    clock.reset();
  }
  const rawSendTo = (s: SocketLike, m: ClientMessage) => s.send(JSON.stringify(m));

  return {
    get status() {
      return status;
    },
    get room() {
      return room;
    },
    get you() {
      return you;
    },
    get peers() {
      return peers;
    },
    get state() {
      return state;
    },
    start(r, n) {
      room = r;
      name = n;
      if (wanted && socket) return join();
      wanted = true;
      connect();
    },
    moveTo(r) {
      if (r === room) return;
      room = r;
      if (status !== "joined" && status !== "refused") return; // the next (re)connect joins it
      clearPeers();
      join();
    },
    setName(n) {
      name = n;
      rawSend({ t: "name", name: n });
    },
    offerPose(pose) {
      if (status !== "joined" || deps.watch) return;
      const p = throttle.offer(pose, deps.now());
      if (p) sendPose(p);
      else schedulePoll();
    },
    send: (m) => status === "joined" && rawSend(m),
    serverNow: () => clock.now(deps.now()),
    on(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    stop() {
      if (!wanted && !socket) return;
      halt();
      setStatus("off");
    },
    dispose() {
      halt();
      listeners.clear();
    },
  };
}

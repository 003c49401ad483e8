// The app's end of the presence socket (docs/presence.md): connect, join the room of the place the
// visitor is in, reconnect with backoff and rejoin with the resume token, and tell listeners what
// changed. What the room holds (you, the peers with their interpolation buffers, the state) is kept
// by room-view.ts; the own pose goes out through pose-sender.ts (only when changed, at most
// poseMaxHz). No Babylon, no DOM: the socket, the clock and the timers come in as dependencies, so
// Node tests run it against the real server. Nothing opens until start() (presence is opt-in).
import {
  CLOSE,
  PRESENCE_PROTOCOL_VERSION,
  ReconnectPolicy,
  type ClientMessage,
  type Peer,
  type PeerPose,
  type RoomState,
  type ServerMessage,
} from "../../domain/presence";
import { createPoseSender } from "./pose-sender";
import { createRoomView, type RemotePeer } from "./room-view";
import { createListeners } from "./listeners";

export type { RemotePeer } from "./room-view";

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
  const view = createRoomView(deps.delayMs !== undefined ? { delayMs: deps.delayMs } : {});
  const listeners = createListeners<PresenceEvent>();
  let socket: SocketLike | null = null;
  let status: PresenceStatus = "off";
  let room: string | null = null;
  let name: string | null = null;
  let retryTimer: unknown = null;
  let wanted = false;

  const emit = (e: PresenceEvent) => {
    listeners.tell(e);
  };
  const setStatus = (s: PresenceStatus, code?: number | string) => {
    status = s;
    emit(code === undefined ? { kind: "status", status: s } : { kind: "status", status: s, code });
  };
  const rawSendTo = (s: SocketLike, m: ClientMessage) => s.send(JSON.stringify(m));
  const rawSend = (m: ClientMessage): boolean => {
    if (!socket || socket.readyState !== OPEN) return false;
    rawSendTo(socket, m);
    return true;
  };
  const poses = createPoseSender({ now: () => deps.now(), setTimeout: (fn, ms) => deps.setTimeout(fn, ms), clearTimeout: (h) => deps.clearTimeout(h), send: rawSend });
  const join = () => {
    if (room === null) return;
    const m: ClientMessage = deps.watch
      ? { t: "join", v: PRESENCE_PROTOCOL_VERSION, room, watch: true }
      : { t: "join", v: PRESENCE_PROTOCOL_VERSION, room, name };
    if (policy.token && !deps.watch) m.resume = policy.token;
    rawSend(m);
  };
  const clearPeers = () => {
    if (view.clearPeers()) emit({ kind: "peers" });
  };

  function handle(m: ServerMessage): void {
    const peersChanged = view.apply(m, deps.now());
    if (m.t === "welcome") {
      policy.onWelcome(m.token, deps.now());
      room = m.room;
      poses.reset(); // the room knows nothing of us yet: the next pose goes out
      setStatus("joined");
    } else if (m.t === "error" && m.ref === "join" && (m.code === "room_full" || m.code === "room_locked" || m.code === "room_unknown" || m.code === "invalid_name" || m.code === "unsupported_version")) {
      // A join the server refused leaves the socket open but the visitor outside: say why.
      // (An expired or unknown resume token needs nothing: the server answers with a fresh welcome.)
      clearPeers();
      setStatus("refused", m.code);
    }
    if (peersChanged) emit({ kind: "peers" });
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
    view.reset(false);
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

  function halt(): void {
    wanted = false;
    if (retryTimer !== null) deps.clearTimeout(retryTimer);
    retryTimer = null;
    poses.stop();
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
    view.reset(true);
    clearPeers();
    policy.forgetToken();
  }

  return {
    get status() {
      return status;
    },
    get room() {
      return room;
    },
    get you() {
      return view.you;
    },
    get peers() {
      return view.peers;
    },
    get state() {
      return view.state;
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
      poses.offer(pose);
    },
    send: (m) => status === "joined" && rawSend(m),
    serverNow: () => view.serverNow(deps.now()),
    on: listeners.add,
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

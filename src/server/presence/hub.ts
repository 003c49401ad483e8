// One node's presence: its sockets and rooms, sending to them (here and through the Cluster to other
// nodes), room state, the pose tick and the keep-alive. Joining and leaving live in membership.ts,
// the other messages in commands.ts, messages from other nodes in node-link.ts.
import type { IncomingHttpHeaders } from "node:http";
import type { WebSocket } from "ws";
import { CLOSE, PRESENCE_ERRORS, type PresenceErrorCode } from "../../domain/presence/limits";
import type { ClientMessage, PoseEntry, RoomState, ServerMessage } from "../../domain/presence/messages";
import type { Cluster, InternalMessage, Target } from "./cluster";
import { handleCommand } from "./commands";
import type { PresenceOptions } from "./options";
import { Conn, type Room } from "./room";
import type { GuideAuthority } from "./authority";
import { Attempts } from "./limiter";
import { newId } from "./ids";
import { forgetToken, joinRoom, leaveRoom, saveToken } from "./membership";
import { fromNode, heartbeat } from "./node-link";
import { recordDelivered } from "./transcript";

export { MAX_WATCHERS_PER_ROOM, type LeaveReason } from "./membership";

export class Hub {
  readonly conns = new Map<string, Conn>();
  readonly rooms = new Map<string, Room>();
  readonly pinAttempts: Attempts;
  private readonly timers: NodeJS.Timeout[] = [];
  /** Nodes this one declared dead; a message from one of them means it was only slow (see node-link.ts). */
  readonly deadNodes = new Set<string>();
  stopping = false;

  constructor(readonly o: PresenceOptions, readonly cluster: Cluster, readonly authority: GuideAuthority, readonly log: (msg: string, err?: unknown) => void) {
    this.pinAttempts = new Attempts(o.pinAttempts, o.pinLockoutMs);
    cluster.onEnvelope((env, from) => fromNode(this, env, from));
    const every = (ms: number, f: () => void) => this.timers.push(setInterval(f, ms).unref());
    every(o.tickMs, () => this.tick());
    every(o.pingIntervalMs, () => this.ping());
    if (cluster.shared) every(o.heartbeatMs, () => void heartbeat(this).catch((e) => this.log("presence heartbeat failed", e)));
  }

  connect(socket: WebSocket, address: string, headers: IncomingHttpHeaders): Conn {
    const conn = new Conn(newId(), socket, address, headers);
    this.conns.set(conn.id, conn);
    setTimeout(() => { if (conn.room === null && !conn.closed) conn.close(CLOSE.timeout, "timeout"); }, this.o.joinTimeoutMs).unref();
    return conn;
  }

  /** Runs async handlers of one socket in order. */
  queue(conn: Conn, f: () => Promise<void>): void {
    conn.chain = conn.chain.then(f).catch((e) => {
      this.log("presence handler failed", e);
      this.error(conn, "internal", null);
    });
  }

  handle(conn: Conn, m: ClientMessage): void {
    if (this.stopping || conn.closed) return;
    if (m.t === "join") this.queue(conn, () => joinRoom(this, conn, m));
    else if (m.t === "leave") this.queue(conn, async () => { await leaveRoom(this, conn, "leave"); await forgetToken(this, conn); conn.close(CLOSE.normal, "leave"); });
    else handleCommand(this, conn, m);
  }

  disconnected(conn: Conn): void {
    conn.closed = true;
    this.queue(conn, async () => {
      // A socket replaced by a resume has already handed over its place: leaveRoom finds nothing.
      await leaveRoom(this, conn, "gone");
      if (this.conns.get(conn.id) === conn) this.conns.delete(conn.id);
    });
  }

  // ---- sending ----

  send(conn: Conn, msg: ServerMessage): void {
    conn.send(JSON.stringify(msg));
  }

  error(conn: Conn, code: PresenceErrorCode, ref: string | null): void {
    this.send(conn, { t: "error", code, message: PRESENCE_ERRORS[code], ref });
  }

  /** To the sockets of this node that the target names. */
  deliver(room: Room, to: Target, msg: ServerMessage): void {
    const text = JSON.stringify(msg);
    const isPose = msg.t === "poses";
    for (const c of room.recipients(to)) {
      if (msg.t === "chat") recordDelivered(c, room, msg);
      c.send(text, isPose);
    }
  }

  /** To every node's sockets that the target names. */
  broadcast(room: Room, to: Target, msg: ServerMessage | InternalMessage): void {
    if (msg.t !== "_act" && msg.t !== "_sync") this.deliver(room, to, msg);
    if (this.cluster.shared) this.cluster.publish({ room: room.id, to, msg });
  }

  /** Recomputes a socket's public record; if it changed, stores and announces it. */
  async refreshPeer(conn: Conn): Promise<void> {
    const room = conn.room ? this.rooms.get(conn.room) : undefined;
    if (!room || !conn.peer) return;
    const peer = conn.toPeer(room.state);
    if (JSON.stringify(peer) === JSON.stringify(conn.peer)) return;
    conn.peer = peer;
    this.broadcast(room, { kind: "all" }, { t: "peer", peer });
    await this.cluster.update(room.id, peer);
    await saveToken(this, conn);
  }

  async setState(room: Room, state: RoomState, by: string | null): Promise<void> {
    room.state = state;
    await this.cluster.setState(room.id, state);
    this.broadcast(room, { kind: "all" }, { t: "state", state, by });
    for (const c of room.locals.values()) await this.refreshPeer(c);
  }

  /** Applies a guide's action to a visitor of this node. */
  async act(conn: Conn, a: Extract<InternalMessage, { t: "_act" }>): Promise<void> {
    if (a.act === "mute") { conn.nameMuted = true; await this.refreshPeer(conn); }
    else if (a.act === "floor") { conn.floor = a.on === true; await this.refreshPeer(conn); }
    else if (a.act === "remove") {
      await forgetToken(this, conn);
      await leaveRoom(this, conn, "removed");
      conn.close(CLOSE.removed, "removed");
    } else if (a.act === "replace") {
      // on: the visitor comes back into the same room, so no "left" (see takeOver).
      await leaveRoom(this, conn, "moved", a.on === true);
      conn.close(CLOSE.replaced, "replaced");
    }
  }

  // ---- timers ----

  private tick(): void {
    const at = Date.now();
    for (const room of this.rooms.values()) {
      let p: PoseEntry[] | null = null;
      for (const c of room.locals.values()) {
        if (!c.pose || !(c.poseDirty || room.fullSync)) continue;
        (p ??= []).push([c.id, c.pose.h, c.pose.l, c.pose.r]);
        c.poseDirty = false;
      }
      room.fullSync = false;
      if (p) this.broadcast(room, { kind: "all" }, { t: "poses", at, p });
    }
  }

  private ping(): void {
    for (const c of this.conns.values()) {
      if (c.closed) continue;
      if (!c.alive) { c.close(CLOSE.timeout, "timeout"); continue; }
      c.alive = false;
      c.socket.ping();
    }
  }

  /** Server shutdown: every socket is told to reconnect with backoff (1012), then the cluster is left. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const t of this.timers) clearInterval(t);
    const conns = [...this.conns.values()];
    for (const c of conns) c.close(CLOSE.restart, "server_restart");
    await Promise.race([
      Promise.all(conns.map(async (c) => { await c.chain; await leaveRoom(this, c, "gone"); })),
      new Promise((r) => setTimeout(r, 2000).unref()),
    ]).catch((e) => this.log("presence leave on shutdown failed", e));
    this.conns.clear();
    await this.cluster.close();
  }
}

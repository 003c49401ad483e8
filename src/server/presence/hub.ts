// One node's presence: its sockets and rooms, joining and leaving, the pose tick, and the link to
// other nodes through the Cluster. Message handlers beyond join/leave live in commands.ts.
import type { IncomingHttpHeaders } from "node:http";
import type { WebSocket } from "ws";
import { CLOSE, isRoomId, PRESENCE_ERRORS, PRESENCE_LIMITS, PRESENCE_PROTOCOL_VERSION, type PresenceErrorCode } from "../../domain/presence/limits";
import type { ClientMessage, PoseEntry, RoomState, ServerMessage } from "../../domain/presence/messages";
import { checkName } from "../../domain/presence/text";
import type { Cluster, InternalMessage, ResumeData, Target } from "./cluster";
import { handleCommand } from "./commands";
import type { PresenceOptions } from "./options";
import { Conn, Room } from "./room";
import type { GuideAuthority } from "./authority";
import { Attempts } from "./limiter";
import { newId, newToken } from "./ids";
import { fromNode, heartbeat } from "./node-link";
import { recordDelivered } from "./transcript";

type JoinMessage = Extract<ClientMessage, { t: "join" }>;
export type LeaveReason = "leave" | "gone" | "removed" | "moved";
/** Observers per room on one node: a few big screens, not a way around the room limit. */
export const MAX_WATCHERS_PER_ROOM = 8;


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
    if (m.t === "join") this.queue(conn, () => this.join(conn, m));
    else if (m.t === "leave") this.queue(conn, async () => { await this.leaveRoom(conn, "leave"); await this.forgetToken(conn); conn.close(CLOSE.normal, "leave"); });
    else handleCommand(this, conn, m);
  }

  disconnected(conn: Conn): void {
    conn.closed = true;
    this.queue(conn, async () => {
      // A socket replaced by a resume has already handed over its place: leaveRoom finds nothing.
      await this.leaveRoom(conn, "gone");
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
    await this.saveToken(conn);
  }

  async setState(room: Room, state: RoomState, by: string | null): Promise<void> {
    room.state = state;
    await this.cluster.setState(room.id, state);
    this.broadcast(room, { kind: "all" }, { t: "state", state, by });
    for (const c of room.locals.values()) await this.refreshPeer(c);
  }

  // ---- joining and leaving ----

  private async join(conn: Conn, m: JoinMessage): Promise<void> {
    if (m.v !== undefined && m.v !== PRESENCE_PROTOCOL_VERSION) return this.error(conn, "unsupported_version", "join");
    if (!isRoomId(m.room)) return this.error(conn, "room_unknown", "join");
    if (m.watch === true) return this.watch(conn, m.room);
    let chosen = conn.chosenName;
    if (m.name !== undefined) {
      const c = m.name === null ? null : checkName(m.name);
      if (c && !c.ok) return this.error(conn, "invalid_name", "join");
      chosen = c ? c.value : null;
    }
    let resume: ResumeData | null = null;
    if (m.resume && conn.peer === null && !conn.token) resume = await this.cluster.loadToken(m.resume);
    if (resume) {
      await this.takeOver(conn, resume, m.room);
      await this.cluster.dropToken(m.resume!);
      if (m.name === undefined) chosen = resume.name;
    }
    if (conn.room !== null) await this.leaveRoom(conn, "moved");
    const room = this.openRoom(m.room);
    room.joining++;
    let result: Awaited<ReturnType<Cluster["join"]>>;
    try {
      await room.ready;
      const sameRoom = resume !== null && resume.room === m.room;
      conn.chosenName = chosen;
      conn.staff = null;
      conn.floor = false;
      conn.n = sameRoom ? resume!.n : 0;
      result = await this.cluster.join(room.id, conn.toPeer(room.state), { max: this.o.roomMax, bypassLock: conn.guide || sameRoom, n: sameRoom ? resume!.n : null });
      if (result.ok && conn.closed) await this.cluster.leave(room.id, conn.id);
    } catch (e) {
      room.joining--;
      await this.closeRoomIfEmpty(room).catch(() => undefined);
      throw e;
    }
    room.joining--;
    if (!result.ok || conn.closed) {
      await this.closeRoomIfEmpty(room);
      if (!result.ok) this.error(conn, result.code, "join");
      return;
    }
    conn.n = result.n;
    conn.room = room.id;
    conn.peer = conn.toPeer(room.state);
    conn.pose = null;
    room.locals.set(conn.id, conn);
    await this.cluster.update(room.id, conn.peer);
    await this.forgetToken(conn);
    conn.token = newToken();
    await this.saveToken(conn);
    const poses: PoseEntry[] = [];
    for (const c of room.locals.values()) if (c.pose && c !== conn) poses.push([c.id, c.pose.h, c.pose.l, c.pose.r]);
    this.send(conn, {
      t: "welcome", v: PRESENCE_PROTOCOL_VERSION, room: room.id, you: conn.peer, token: conn.token,
      peers: room.peers().filter((p) => p.id !== conn.id), state: room.state, poses, now: Date.now(),
      limits: { poseMaxHz: PRESENCE_LIMITS.poseMaxHz, chatMaxLength: PRESENCE_LIMITS.chatMaxLength, nameMaxLength: PRESENCE_LIMITS.nameMaxLength },
    });
    this.broadcast(room, { kind: "all", except: conn.id }, { t: "joined", peer: conn.peer });
  }

  /** An observer enters a room: nobody is told, nothing is counted, no token (it rejoins as new). */
  private async watch(conn: Conn, id: string): Promise<void> {
    if (conn.guide || conn.staff !== null) return this.error(conn, "not_allowed", "join");
    if (conn.room !== null) await this.leaveRoom(conn, "moved");
    await this.forgetToken(conn);
    const room = this.openRoom(id);
    if (room.watchers.size >= MAX_WATCHERS_PER_ROOM) {
      await this.closeRoomIfEmpty(room);
      return this.error(conn, "room_full", "join");
    }
    room.joining++;
    try {
      await room.ready;
    } finally {
      room.joining--;
    }
    if (conn.closed) return this.closeRoomIfEmpty(room);
    conn.watch = true;
    conn.room = room.id;
    room.watchers.set(conn.id, conn);
    const poses: PoseEntry[] = [];
    for (const c of room.locals.values()) if (c.pose) poses.push([c.id, c.pose.h, c.pose.l, c.pose.r]);
    // Visitors on other nodes send their poses again, so the screen draws those standing still too.
    if (room.remotes.size > 0 && this.cluster.shared) this.cluster.publish({ room: id, to: { kind: "all" }, msg: { t: "_sync" } });
    this.send(conn, {
      t: "welcome", v: PRESENCE_PROTOCOL_VERSION, room: room.id, watch: true, token: "",
      you: { id: conn.id, n: 0, name: "", chosen: false, role: "visitor", staff: null, floor: false },
      peers: room.peers(), state: room.state, poses, now: Date.now(),
      limits: { poseMaxHz: PRESENCE_LIMITS.poseMaxHz, chatMaxLength: PRESENCE_LIMITS.chatMaxLength, nameMaxLength: PRESENCE_LIMITS.nameMaxLength },
    });
  }

  /**
   * A resumed visitor gets their identity back. A socket that still holds it is closed (4409); into
   * the same room without a "left" (the "joined" that follows replaces the peer), else with "moved".
   */
  private async takeOver(conn: Conn, resume: ResumeData, room: string): Promise<void> {
    const old = this.conns.get(resume.id);
    const silent = resume.room === room;
    if (old && old !== conn) {
      await this.leaveRoom(old, "moved", silent);
      old.close(CLOSE.replaced, "replaced");
    } else if (!old && this.cluster.shared) {
      this.cluster.publish({ room: resume.room, to: { kind: "peer", id: resume.id }, msg: { t: "_act", id: resume.id, act: "replace", on: silent } });
    }
    this.conns.delete(conn.id);
    conn.id = resume.id;
    this.conns.set(conn.id, conn);
    conn.nameMuted = resume.nameMuted;
    conn.guide = conn.guide || resume.guide;
  }

  async leaveRoom(conn: Conn, reason: LeaveReason, silent = false): Promise<void> {
    const room = conn.room ? this.rooms.get(conn.room) : undefined;
    conn.room = null;
    conn.peer = null;
    conn.pose = null;
    if (conn.watch) {
      conn.watch = false;
      if (room && room.watchers.get(conn.id) === conn) {
        room.watchers.delete(conn.id);
        await this.closeRoomIfEmpty(room);
      }
      return;
    }
    if (!room || room.locals.get(conn.id) !== conn) return;
    room.locals.delete(conn.id);
    if (!silent) this.broadcast(room, { kind: "all" }, { t: "left", id: conn.id, reason });
    await this.cluster.leave(room.id, conn.id);
    await this.closeRoomIfEmpty(room);
  }

  /** The room, created and loaded (subscribe, state, remote members) once; await its `ready`. */
  private openRoom(id: string): Room {
    const existing = this.rooms.get(id);
    if (existing) return existing;
    const room = new Room(id);
    this.rooms.set(id, room);
    room.ready = (async () => {
      await this.cluster.subscribe(id);
      room.state = await this.cluster.state(id);
      for (const m of await this.cluster.remoteMembers(id)) room.remotes.set(m.peer.id, m);
      // Ask the other nodes for their visitors' poses: they send only changes otherwise.
      if (room.remotes.size > 0) this.cluster.publish({ room: id, to: { kind: "all" }, msg: { t: "_sync" } });
    })();
    // A failed load is reported to the joiner through its await; the room must not stay half-made.
    room.ready.catch(() => { if (this.rooms.get(id) === room && room.locals.size === 0) this.rooms.delete(id); });
    return room;
  }

  private async closeRoomIfEmpty(room: Room): Promise<void> {
    if (room.locals.size > 0 || room.watchers.size > 0 || room.joining > 0 || this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    await this.cluster.unsubscribe(room.id);
  }

  private async saveToken(conn: Conn): Promise<void> {
    if (!conn.token || !conn.room) return;
    await this.cluster.saveToken(conn.token, { id: conn.id, room: conn.room, n: conn.n, name: conn.chosenName, nameMuted: conn.nameMuted, guide: conn.guide }, this.o.resumeTtlMs);
  }

  async forgetToken(conn: Conn): Promise<void> {
    if (conn.token) await this.cluster.dropToken(conn.token);
    conn.token = null;
  }

  /** Applies a guide's action to a visitor of this node. */
  async act(conn: Conn, a: Extract<InternalMessage, { t: "_act" }>): Promise<void> {
    if (a.act === "mute") { conn.nameMuted = true; await this.refreshPeer(conn); }
    else if (a.act === "floor") { conn.floor = a.on === true; await this.refreshPeer(conn); }
    else if (a.act === "remove") {
      await this.forgetToken(conn);
      await this.leaveRoom(conn, "removed");
      conn.close(CLOSE.removed, "removed");
    } else if (a.act === "replace") {
      // on: the visitor comes back into the same room, so no "left" (see takeOver).
      await this.leaveRoom(conn, "moved", a.on === true);
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
      Promise.all(conns.map(async (c) => { await c.chain; await this.leaveRoom(c, "gone"); })),
      new Promise((r) => setTimeout(r, 2000).unref()),
    ]).catch((e) => this.log("presence leave on shutdown failed", e));
    this.conns.clear();
    await this.cluster.close();
  }
}

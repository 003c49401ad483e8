// Joining and leaving a room on one node: a visitor's join (with resume), an observer's watch, a
// resumed identity taking over, leaving (and what a guide's leaving clears), and the rooms this node
// holds open. The Hub (hub.ts) routes messages here; everything else a joined socket sends is in
// commands.ts.
import { isRoomId, PRESENCE_LIMITS, PRESENCE_PROTOCOL_VERSION, CLOSE } from "../../domain/presence/limits";
import type { ClientMessage, PoseEntry, ServerMessage } from "../../domain/presence/messages";
import { checkName } from "../../domain/presence/text";
import type { Cluster, ResumeData } from "./cluster";
import type { Hub } from "./hub";
import { newToken } from "./ids";
import { type Conn, Room } from "./room";

type JoinMessage = Extract<ClientMessage, { t: "join" }>;
export type LeaveReason = "leave" | "gone" | "removed" | "moved";
/** Observers per room on one node: a few big screens, not a way around the room limit. */
export const MAX_WATCHERS_PER_ROOM = 8;

const limits = () => ({ poseMaxHz: PRESENCE_LIMITS.poseMaxHz, chatMaxLength: PRESENCE_LIMITS.chatMaxLength, nameMaxLength: PRESENCE_LIMITS.nameMaxLength });

function posesOf(room: Room, except: Conn | null): PoseEntry[] {
  const poses: PoseEntry[] = [];
  for (const c of room.locals.values()) if (c.pose && c !== except) poses.push([c.id, c.pose.h, c.pose.l, c.pose.r]);
  return poses;
}

export async function joinRoom(hub: Hub, conn: Conn, m: JoinMessage): Promise<void> {
  if (m.v !== undefined && m.v !== PRESENCE_PROTOCOL_VERSION) return hub.error(conn, "unsupported_version", "join");
  if (!isRoomId(m.room)) return hub.error(conn, "room_unknown", "join");
  if (m.watch === true) return watchRoom(hub, conn, m.room);
  let chosen = conn.chosenName;
  if (m.name !== undefined) {
    const c = m.name === null ? null : checkName(m.name);
    if (c && !c.ok) return hub.error(conn, "invalid_name", "join");
    chosen = c ? c.value : null;
  }
  let resume: ResumeData | null = null;
  if (m.resume && conn.peer === null && !conn.token) resume = await hub.cluster.loadToken(m.resume);
  if (resume) {
    await takeOver(hub, conn, resume, m.room);
    await hub.cluster.dropToken(m.resume!);
    if (m.name === undefined) chosen = resume.name;
  }
  if (conn.room !== null) await leaveRoom(hub, conn, "moved");
  const room = openRoom(hub, m.room);
  room.joining++;
  let result: Awaited<ReturnType<Cluster["join"]>>;
  try {
    await room.ready;
    const sameRoom = resume !== null && resume.room === m.room;
    conn.chosenName = chosen;
    conn.staff = null;
    conn.floor = false;
    conn.n = sameRoom ? resume!.n : 0;
    result = await hub.cluster.join(room.id, conn.toPeer(room.state), { max: hub.o.roomMax, bypassLock: conn.guide || sameRoom, n: sameRoom ? resume!.n : null });
    if (result.ok && conn.closed) await hub.cluster.leave(room.id, conn.id);
  } catch (e) {
    room.joining--;
    await closeRoomIfEmpty(hub, room).catch(() => undefined);
    throw e;
  }
  room.joining--;
  if (!result.ok || conn.closed) {
    await closeRoomIfEmpty(hub, room);
    if (!result.ok) hub.error(conn, result.code, "join");
    return;
  }
  conn.n = result.n;
  conn.room = room.id;
  conn.peer = conn.toPeer(room.state);
  conn.pose = null;
  room.locals.set(conn.id, conn);
  await hub.cluster.update(room.id, conn.peer);
  await forgetToken(hub, conn);
  conn.token = newToken();
  await saveToken(hub, conn);
  hub.send(conn, {
    t: "welcome", v: PRESENCE_PROTOCOL_VERSION, room: room.id, you: conn.peer, token: conn.token,
    peers: room.peers().filter((p) => p.id !== conn.id), state: room.state, poses: posesOf(room, conn), now: Date.now(), limits: limits(),
  });
  hub.broadcast(room, { kind: "all", except: conn.id }, { t: "joined", peer: conn.peer });
}

/** An observer enters a room: nobody is told, nothing is counted, no token (it rejoins as new). */
async function watchRoom(hub: Hub, conn: Conn, id: string): Promise<void> {
  if (conn.guide || conn.staff !== null) return hub.error(conn, "not_allowed", "join");
  if (conn.room !== null) await leaveRoom(hub, conn, "moved");
  await forgetToken(hub, conn);
  const room = openRoom(hub, id);
  if (room.watchers.size >= MAX_WATCHERS_PER_ROOM) {
    await closeRoomIfEmpty(hub, room);
    return hub.error(conn, "room_full", "join");
  }
  room.joining++;
  try {
    await room.ready;
  } finally {
    room.joining--;
  }
  if (conn.closed) return closeRoomIfEmpty(hub, room);
  conn.watch = true;
  conn.room = room.id;
  room.watchers.set(conn.id, conn);
  // Visitors on other nodes send their poses again, so the screen draws those standing still too.
  if (room.remotes.size > 0 && hub.cluster.shared) hub.cluster.publish({ room: id, to: { kind: "all" }, msg: { t: "_sync" } });
  const welcome: ServerMessage = {
    t: "welcome", v: PRESENCE_PROTOCOL_VERSION, room: room.id, watch: true, token: "",
    you: { id: conn.id, n: 0, name: "", chosen: false, role: "visitor", staff: null, floor: false },
    peers: room.peers(), state: room.state, poses: posesOf(room, null), now: Date.now(), limits: limits(),
  };
  hub.send(conn, welcome);
}

/**
 * A resumed visitor gets their identity back. A socket that still holds it is closed (4409); into
 * the same room without a "left" (the "joined" that follows replaces the peer), else with "moved".
 */
async function takeOver(hub: Hub, conn: Conn, resume: ResumeData, room: string): Promise<void> {
  const old = hub.conns.get(resume.id);
  const silent = resume.room === room;
  if (old && old !== conn) {
    await leaveRoom(hub, old, "moved", silent);
    old.close(CLOSE.replaced, "replaced");
  } else if (!old && hub.cluster.shared) {
    hub.cluster.publish({ room: resume.room, to: { kind: "peer", id: resume.id }, msg: { t: "_act", id: resume.id, act: "replace", on: silent } });
  }
  hub.conns.delete(conn.id);
  conn.id = resume.id;
  hub.conns.set(conn.id, conn);
  conn.nameMuted = resume.nameMuted;
  conn.guide = conn.guide || resume.guide;
}

/**
 * The last guide walked out of a room (another place, or leave): the kiosk they opened for everyone
 * is closed there, so nobody (the visitors who stayed, a big screen, the next to come) keeps a kiosk
 * of a tour that moved on. A lost socket ("gone") keeps it: the guide is likely to resume.
 */
function guideLeavesKiosk(room: Room, conn: Conn, reason: LeaveReason, silent: boolean): boolean {
  if (!conn.guide || silent || room.state.kiosk === null) return false;
  if (reason !== "moved" && reason !== "leave") return false;
  return !room.peers().some((p) => p.role === "guide" && p.id !== conn.id);
}

export async function leaveRoom(hub: Hub, conn: Conn, reason: LeaveReason, silent = false): Promise<void> {
  const room = conn.room ? hub.rooms.get(conn.room) : undefined;
  conn.room = null;
  conn.peer = null;
  conn.pose = null;
  if (conn.watch) {
    conn.watch = false;
    if (room && room.watchers.get(conn.id) === conn) {
      room.watchers.delete(conn.id);
      await closeRoomIfEmpty(hub, room);
    }
    return;
  }
  if (!room || room.locals.get(conn.id) !== conn) return;
  room.locals.delete(conn.id);
  // Before the cluster forgets the member: an emptied room's state must not be written back.
  if (guideLeavesKiosk(room, conn, reason, silent)) await hub.setState(room, { ...room.state, kiosk: null }, conn.id);
  if (!silent) hub.broadcast(room, { kind: "all" }, { t: "left", id: conn.id, reason });
  await hub.cluster.leave(room.id, conn.id);
  await closeRoomIfEmpty(hub, room);
}

/** The room, created and loaded (subscribe, state, remote members) once; await its `ready`. */
function openRoom(hub: Hub, id: string): Room {
  const existing = hub.rooms.get(id);
  if (existing) return existing;
  const room = new Room(id);
  hub.rooms.set(id, room);
  room.ready = (async () => {
    await hub.cluster.subscribe(id);
    room.state = await hub.cluster.state(id);
    for (const m of await hub.cluster.remoteMembers(id)) room.remotes.set(m.peer.id, m);
    // Ask the other nodes for their visitors' poses: they send only changes otherwise.
    if (room.remotes.size > 0) hub.cluster.publish({ room: id, to: { kind: "all" }, msg: { t: "_sync" } });
  })();
  // A failed load is reported to the joiner through its await; the room must not stay half-made.
  room.ready.catch(() => { if (hub.rooms.get(id) === room && room.locals.size === 0) hub.rooms.delete(id); });
  return room;
}

async function closeRoomIfEmpty(hub: Hub, room: Room): Promise<void> {
  if (room.locals.size > 0 || room.watchers.size > 0 || room.joining > 0 || hub.rooms.get(room.id) !== room) return;
  hub.rooms.delete(room.id);
  await hub.cluster.unsubscribe(room.id);
}

export async function saveToken(hub: Hub, conn: Conn): Promise<void> {
  if (!conn.token || !conn.room) return;
  await hub.cluster.saveToken(conn.token, { id: conn.id, room: conn.room, n: conn.n, name: conn.chosenName, nameMuted: conn.nameMuted, guide: conn.guide }, hub.o.resumeTtlMs);
}

export async function forgetToken(hub: Hub, conn: Conn): Promise<void> {
  if (conn.token) await hub.cluster.dropToken(conn.token);
  conn.token = null;
}

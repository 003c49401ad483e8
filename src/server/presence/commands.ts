// Everything a joined socket may send besides join and leave: poses, names, chat, claims, guide
// commands, WebRTC signalling. Guide commands are refused for non-guides before anything else.
import { PRESENCE_LIMITS } from "../../domain/presence/limits";
import { GUIDE_COMMANDS, type ClientMessage, type Peer, type ServerMessage } from "../../domain/presence/messages";
import { roundPose } from "../../domain/presence/pose";
import { checkChatText, checkName } from "../../domain/presence/text";
import type { Target } from "./cluster";
import type { Hub } from "./hub";
import { newId } from "./ids";
import { Bucket } from "./limiter";
import type { Conn, Room } from "./room";
import { countFiled, recordSent, transcriptLines } from "./transcript";

type Msg<T extends ClientMessage["t"]> = Extract<ClientMessage, { t: T }>;

const chatBuckets = new WeakMap<Conn, Bucket>();
const privileged = (p: Peer) => p.role === "guide" || p.staff !== null;

/** Heading (radians about +Y) of a unit quaternion. */
export function yawOf(qx: number, qy: number, qz: number, qw: number): number {
  return Math.atan2(2 * (qw * qy + qx * qz), 1 - 2 * (qx * qx + qy * qy));
}

export function handleCommand(hub: Hub, conn: Conn, m: Exclude<ClientMessage, { t: "join" | "leave" }>): void {
  if (m.t === "claim") return hub.queue(conn, () => claim(hub, conn, m));
  const room = conn.room ? hub.rooms.get(conn.room) : undefined;
  if (!room || !conn.peer) {
    // Poses in flight while a join is pending are dropped quietly.
    if (m.t !== "pose") hub.error(conn, "not_joined", m.t);
    return;
  }
  if (GUIDE_COMMANDS.has(m.t) && !conn.guide) return hub.error(conn, "not_guide", m.t);
  switch (m.t) {
    case "pose":
      conn.pose = { h: roundPose(m.h), l: m.l ? roundPose(m.l) : null, r: m.r ? roundPose(m.r) : null };
      conn.poseDirty = true;
      return;
    case "name": return hub.queue(conn, () => rename(hub, conn, room, m));
    case "chat": return chat(hub, conn, room, m);
    case "release":
      return hub.queue(conn, async () => {
        if (m.role === "guide") conn.guide = false;
        else conn.staff = null;
        await hub.refreshPeer(conn);
      });
    case "gather": {
      const h = conn.pose?.h;
      const p = m.p ?? (h ? [h[0], h[1], h[2]] as [number, number, number] : [0, 0, 0] as [number, number, number]);
      const yaw = m.yaw ?? (h ? Math.round(yawOf(h[3], h[4], h[5], h[6]) * 1e4) / 1e4 : 0);
      const countdown = m.countdown ?? PRESENCE_LIMITS.gatherCountdownDefault;
      return hub.broadcast(room, { kind: "all" }, { t: "gather", id: newId(), from: conn.id, place: room.id, p, yaw, countdown, at: Date.now() });
    }
    case "gather_reply":
      return hub.broadcast(room, { kind: "guides" }, { t: "gather_reply", gather: m.gather, from: conn.id, accept: m.accept });
    case "follow":
      return hub.broadcast(room, { kind: "all", except: conn.id }, { t: "follow", from: conn.id, kind: m.kind, place: m.place, p: m.p, yaw: m.yaw });
    case "open_kiosk":
      return hub.queue(conn, () => hub.setState(room, { ...room.state, kiosk: { region: m.region, agency: m.agency, service: m.service ?? null } }, conn.id));
    case "close_kiosk": return hub.queue(conn, () => hub.setState(room, { ...room.state, kiosk: null }, conn.id));
    case "names": return hub.queue(conn, () => hub.setState(room, { ...room.state, namesAllowed: m.allowed }, conn.id));
    case "lock": return hub.queue(conn, () => hub.setState(room, { ...room.state, locked: m.locked }, conn.id));
    case "mute_name": return target(hub, conn, room, m.id, "mute");
    case "floor": return target(hub, conn, room, m.id, "floor", m.on);
    case "remove": return target(hub, conn, room, m.id, "remove");
    case "rtc": return rtc(hub, conn, room, m);
    case "transcript": return hub.queue(conn, () => fileTranscript(hub, conn, room, m));
  }
}

async function claim(hub: Hub, conn: Conn, m: Msg<"claim">): Promise<void> {
  if (conn.watch) return hub.error(conn, "not_allowed", "claim"); // an observer stays nobody
  if (hub.pinAttempts.blocked(conn.address)) return hub.error(conn, "rate", "claim");
  if (m.role === "staff" && (!conn.room || !m.agency)) return hub.error(conn, conn.room ? "not_authorized" : "not_joined", "claim");
  const grant = await hub.authority.authorize({ role: m.role, room: conn.room, agency: m.agency ?? null, pin: m.pin ?? null, headers: conn.headers });
  if (!grant || grant.role !== m.role) {
    if (m.pin !== undefined) hub.pinAttempts.fail(conn.address);
    return hub.error(conn, "not_authorized", "claim");
  }
  if (m.role === "guide") conn.guide = true;
  else conn.staff = grant.agency ?? m.agency ?? null;
  if (grant.via === "officer") conn.officer = true;
  hub.send(conn, { t: "granted", role: m.role, agency: m.role === "staff" ? conn.staff : null });
  await hub.refreshPeer(conn);
}

async function rename(hub: Hub, conn: Conn, room: Room, m: Msg<"name">): Promise<void> {
  const c = m.name === null ? null : checkName(m.name);
  if (c && !c.ok) return hub.error(conn, "invalid_name", "name");
  if (c && (conn.nameMuted || !room.state.namesAllowed)) return hub.error(conn, "names_muted", "name");
  conn.chosenName = c ? c.value : null;
  await hub.refreshPeer(conn);
}

function chat(hub: Hub, conn: Conn, room: Room, m: Msg<"chat">): void {
  let bucket = chatBuckets.get(conn);
  if (!bucket) chatBuckets.set(conn, (bucket = new Bucket(PRESENCE_LIMITS.chatBurst, 1000 / PRESENCE_LIMITS.chatIntervalMs)));
  if (!bucket.take()) return hub.error(conn, "rate", "chat");
  const text = checkChatText(m.text);
  if (!text.ok) return hub.error(conn, "invalid_text", "chat");
  let to: Target;
  if (m.agency !== undefined) {
    if (!room.peers().some((p) => p.staff === m.agency && p.id !== conn.id)) return hub.error(conn, "counter_unstaffed", "chat");
    to = { kind: "staff", agency: m.agency };
  } else if (m.to !== undefined) {
    const peer = room.peer(m.to);
    if (!peer || m.to === conn.id) return hub.error(conn, "peer_unknown", "chat");
    if (!privileged(conn.peer!) && !privileged(peer)) return hub.error(conn, "not_allowed", "chat");
    to = { kind: "peer", id: m.to };
  } else {
    // Room-wide chat is the guide's announcement channel only: anonymous visitors cannot spam a tour.
    if (!conn.guide) return hub.error(conn, "not_allowed", "chat");
    to = { kind: "all", except: conn.id };
  }
  const msg: ServerMessage = { t: "chat", id: newId(), from: conn.id, name: conn.peer!.name, text: text.value, to: m.to ?? null, agency: m.agency ?? null, at: Date.now() };
  hub.broadcast(room, to, msg);
  if (!(to.kind === "staff" && conn.staff === to.agency)) hub.send(conn, msg);
  if (to.kind === "staff") recordSent(conn, room, msg as Extract<ServerMessage, { t: "chat" }>);
}

/** Tickets one visitor may file per room: enough for a few counters, not a flood of the inbox. */
const MAX_TRANSCRIPTS_PER_ROOM = 5;

/** The visitor's conversation with a counter, as this node's relay recorded it, becomes a konsultasi ticket. */
async function fileTranscript(hub: Hub, conn: Conn, room: Room, m: Msg<"transcript">): Promise<void> {
  const lines = transcriptLines(conn, room.id, m.agency);
  if (!lines.some((l) => l.by === "staff")) return hub.error(conn, "transcript_empty", "transcript");
  if (!hub.o.transcripts || room.id === "plaza") return hub.error(conn, "transcript_unavailable", "transcript");
  if (countFiled(conn, room.id) >= MAX_TRANSCRIPTS_PER_ROOM) return hub.error(conn, "rate", "transcript");
  try {
    const t = await hub.o.transcripts.file({ region: room.id, agency: m.agency, lines, lang: m.lang ?? "id" });
    hub.send(conn, { t: "transcript", agency: m.agency, code: t.code, formattedCode: t.formattedCode });
  } catch (e) {
    hub.log("presence transcript could not be filed", e);
    hub.error(conn, "transcript_unavailable", "transcript");
  }
}

function target(hub: Hub, conn: Conn, room: Room, id: string, act: "mute" | "floor" | "remove", on?: boolean): void {
  const peer = room.peer(id);
  if (!peer) return hub.error(conn, "peer_unknown", act === "mute" ? "mute_name" : act);
  if (act === "remove" && (peer.role === "guide" || id === conn.id)) return hub.error(conn, "not_allowed", "remove");
  const local = room.locals.get(id);
  const a = { t: "_act" as const, id, act, ...(on === undefined ? {} : { on }) };
  if (local) hub.queue(local, () => hub.act(local, a));
  else hub.broadcast(room, { kind: "peer", id }, a);
}

function rtc(hub: Hub, conn: Conn, room: Room, m: Msg<"rtc">): void {
  const peer = room.peer(m.to);
  if (!peer || m.to === conn.id) return hub.error(conn, "peer_unknown", "rtc");
  // Voice goes from the guide to each visitor: visitors signal only with guides.
  if (!conn.guide && peer.role !== "guide") return hub.error(conn, "not_allowed", "rtc");
  const out: ServerMessage = m.kind === "ice"
    ? { t: "rtc", from: conn.id, kind: m.kind, candidate: m.candidate }
    : { t: "rtc", from: conn.id, kind: m.kind, sdp: m.sdp };
  hub.broadcast(room, { kind: "peer", id: m.to }, out);
}

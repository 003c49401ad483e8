// The presence wire protocol, declared once: TypeBox schemas (the server validates every client
// message against ClientMessage) and the TypeScript types derived from them. JSON text frames, one
// message per frame, discriminated by `t`. No Babylon, no Node: the app imports the same types.
import { Type, type Static } from "@sinclair/typebox";
import { PRESENCE_LIMITS as L } from "./limits";

const strict = { additionalProperties: false } as const;

/** Ids the server hands out (peers, gathers, chat messages): short lowercase alphanumerics. */
export const PeerId = Type.String({ pattern: "^[a-z0-9]{1,24}$" });
const Room = Type.String({ pattern: "^(?:plaza|\\d{4})$" });
const Slug = Type.String({ maxLength: 120, pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" });
const RegionCode = Type.String({ pattern: "^\\d{4}$" });
const ServiceId = Type.String({ maxLength: 120, pattern: "^\\d{4}-[a-z0-9]+(?:-[a-z0-9]+)+$" });

const Coord = Type.Number({ minimum: -L.maxCoordinate, maximum: L.maxCoordinate });
const QuatPart = Type.Number({ minimum: -1.01, maximum: 1.01 });
/** [x, y, z] in metres. */
export const Vec3 = Type.Tuple([Coord, Coord, Coord]);
/** [x, y, z, qx, qy, qz, qw]: position in metres (rounded to mm on the wire), orientation quaternion (to 1e-4). */
export const Pose = Type.Tuple([Coord, Coord, Coord, QuatPart, QuatPart, QuatPart, QuatPart]);
const Yaw = Type.Number({ minimum: -7, maximum: 7 });

// ---- client -> server -------------------------------------------------------------------------

export const JoinMessage = Type.Object({
  t: Type.Literal("join"),
  /** Protocol version; a client speaking another version gets `unsupported_version`. */
  v: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  room: Room,
  /** A chosen display name (validated and always treated as text); without it "Pengunjung N". */
  name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  /** The token of an earlier welcome: the same id, number and name (and guide role) come back. */
  resume: Type.Optional(Type.String({ minLength: 16, maxLength: 64, pattern: "^[A-Za-z0-9_-]+$" })),
  /**
   * An invisible observer (the audience's big screen): receives the room (peers, poses, state,
   * follow) but is no visitor: not counted, not announced, no name, no pose, no commands.
   */
  watch: Type.Optional(Type.Boolean()),
}, strict);

export const NameMessage = Type.Object({ t: Type.Literal("name"), name: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]) }, strict);

export const PoseMessage = Type.Object({
  t: Type.Literal("pose"),
  h: Pose,
  /** Hands in VR; absent when not tracked. */
  l: Type.Optional(Pose),
  r: Type.Optional(Pose),
}, strict);

export const ChatMessage = Type.Object({
  t: Type.Literal("chat"),
  text: Type.String({ maxLength: L.chatMaxLength * 2 }),
  /** To one peer (visitors may write only to guides and counter staff). */
  to: Type.Optional(PeerId),
  /** To whoever staffs this agency's counter in the room. */
  agency: Type.Optional(Slug),
}, strict);

export const ClaimMessage = Type.Object({
  t: Type.Literal("claim"),
  role: Type.Union([Type.Literal("guide"), Type.Literal("staff")]),
  /** The event PIN (PRESENCE_GUIDE_PIN / PRESENCE_STAFF_PIN); officers' sessions come with the upgrade's cookie. */
  pin: Type.Optional(Type.String({ maxLength: L.pinMaxLength })),
  /** For staff: the agency whose counter in this room is staffed. */
  agency: Type.Optional(Slug),
}, strict);

export const ReleaseMessage = Type.Object({ t: Type.Literal("release"), role: Type.Union([Type.Literal("guide"), Type.Literal("staff")]) }, strict);

export const GatherMessage = Type.Object({
  t: Type.Literal("gather"),
  countdown: Type.Optional(Type.Integer({ minimum: L.gatherCountdownMin, maximum: L.gatherCountdownMax })),
  /** Where to gather (default: the guide's last head position) and which way to face (radians about +Y). */
  p: Type.Optional(Vec3),
  yaw: Type.Optional(Yaw),
}, strict);

/** A visitor's answer to a gather (accepted, or cancelled during the countdown); relayed to guides. */
export const GatherReplyMessage = Type.Object({ t: Type.Literal("gather_reply"), gather: PeerId, accept: Type.Boolean() }, strict);

/** The guide moved: visitors who follow the guide do the same move (never a continuous pull). */
export const FollowMessage = Type.Object({
  t: Type.Literal("follow"),
  kind: Type.Union([Type.Literal("teleport"), Type.Literal("enter"), Type.Literal("exit")]),
  /** The room the guide is in after the move (a building's code after "enter", plaza after "exit"). */
  place: Room,
  p: Vec3,
  yaw: Yaw,
}, strict);

/** Opens a kiosk in every visitor's view, by ids only: each client renders it in its own language. */
export const OpenKioskMessage = Type.Object({
  t: Type.Literal("open_kiosk"),
  region: RegionCode,
  agency: Slug,
  service: Type.Optional(ServiceId),
}, strict);
export const CloseKioskMessage = Type.Object({ t: Type.Literal("close_kiosk") }, strict);

/** Resets one visitor's chosen name to "Pengunjung N" and keeps it so. */
export const MuteNameMessage = Type.Object({ t: Type.Literal("mute_name"), id: PeerId }, strict);
/** Allows or forbids chosen names in the room (forbidden: everyone shows as "Pengunjung N"). */
export const NamesMessage = Type.Object({ t: Type.Literal("names"), allowed: Type.Boolean() }, strict);
export const RemoveMessage = Type.Object({ t: Type.Literal("remove"), id: PeerId }, strict);
export const LockMessage = Type.Object({ t: Type.Literal("lock"), locked: Type.Boolean() }, strict);
/** Gives or takes the word (voice) of one visitor; visitors are muted unless given the word. */
export const FloorMessage = Type.Object({ t: Type.Literal("floor"), id: PeerId, on: Type.Boolean() }, strict);

const IceCandidate = Type.Object({
  candidate: Type.String({ maxLength: L.iceCandidateMaxLength }),
  sdpMid: Type.Optional(Type.Union([Type.String({ maxLength: 64 }), Type.Null()])),
  sdpMLineIndex: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 64 }), Type.Null()])),
  usernameFragment: Type.Optional(Type.Union([Type.String({ maxLength: 256 }), Type.Null()])),
}, strict);

/** WebRTC signalling, relayed between a guide and a visitor only. */
export const RtcMessage = Type.Union([
  Type.Object({ t: Type.Literal("rtc"), to: PeerId, kind: Type.Union([Type.Literal("offer"), Type.Literal("answer")]), sdp: Type.String({ maxLength: L.sdpMaxLength }) }, strict),
  Type.Object({ t: Type.Literal("rtc"), to: PeerId, kind: Type.Literal("ice"), candidate: Type.Union([IceCandidate, Type.Null()]) }, strict),
]);

export const LeaveMessage = Type.Object({ t: Type.Literal("leave") }, strict);

/**
 * A visitor asks for their conversation at a counter to become a consultation ticket. The server
 * files the lines its relay recorded (never text the client sends) and answers `transcript`.
 */
export const TranscriptMessage = Type.Object({
  t: Type.Literal("transcript"),
  agency: Slug,
  lang: Type.Optional(Type.Union([Type.Literal("id"), Type.Literal("en")])),
}, strict);

export const ClientMessage = Type.Union([
  JoinMessage, NameMessage, PoseMessage, ChatMessage, ClaimMessage, ReleaseMessage, GatherMessage, GatherReplyMessage,
  FollowMessage, OpenKioskMessage, CloseKioskMessage, MuteNameMessage, NamesMessage, RemoveMessage, LockMessage,
  FloorMessage, RtcMessage, LeaveMessage, TranscriptMessage,
]);
export type ClientMessage = Static<typeof ClientMessage>;
export type ClientMessageType = ClientMessage["t"];
export type PoseTuple = Static<typeof Pose>;
export type Vec3Tuple = Static<typeof Vec3>;

/** Guide commands: refused with `not_guide` for everyone else. */
export const GUIDE_COMMANDS: ReadonlySet<ClientMessageType> = new Set<ClientMessageType>([
  "gather", "follow", "open_kiosk", "close_kiosk", "mute_name", "names", "remove", "lock", "floor",
]);

// ---- server -> client -------------------------------------------------------------------------

export const Peer = Type.Object({
  id: PeerId,
  /** The visitor's number in this room ("Pengunjung 7"). */
  n: Type.Integer({ minimum: 1 }),
  /** What to show: the chosen name, or "Pengunjung N" (a client may localise it from n when chosen is false). */
  name: Type.String(),
  chosen: Type.Boolean(),
  role: Type.Union([Type.Literal("visitor"), Type.Literal("guide")]),
  /** The agency whose counter this peer staffs in the room, or null. */
  staff: Type.Union([Slug, Type.Null()]),
  /** May speak (guides always may). */
  floor: Type.Boolean(),
  /** Guide or counter staff proven by a signed-in officer's account (the badge visitors see); absent otherwise. */
  officer: Type.Optional(Type.Literal(true)),
}, strict);
export type Peer = Static<typeof Peer>;

export const KioskRef = Type.Object({ region: RegionCode, agency: Slug, service: Type.Union([ServiceId, Type.Null()]) }, strict);
export type KioskRef = Static<typeof KioskRef>;

export const RoomState = Type.Object({
  locked: Type.Boolean(),
  namesAllowed: Type.Boolean(),
  /** The kiosk the guide opened for everyone, or null. */
  kiosk: Type.Union([KioskRef, Type.Null()]),
}, strict);
export type RoomState = Static<typeof RoomState>;

/** One peer's pose in a batch: [id, head, left hand or null, right hand or null]. */
export const PoseEntry = Type.Tuple([PeerId, Pose, Type.Union([Pose, Type.Null()]), Type.Union([Pose, Type.Null()])]);
export type PoseEntry = Static<typeof PoseEntry>;

export const ServerMessage = Type.Union([
  Type.Object({
    t: Type.Literal("welcome"), v: Type.Integer(), room: Room, you: Peer,
    /** Give it back in `join.resume` after a reconnect. */
    token: Type.String(),
    peers: Type.Array(Peer), state: RoomState, poses: Type.Array(PoseEntry),
    /** Server clock (ms since epoch) for the interpolation buffer's offset. */
    now: Type.Number(),
    limits: Type.Object({ poseMaxHz: Type.Integer(), chatMaxLength: Type.Integer(), nameMaxLength: Type.Integer() }),
    /** An observer's welcome (join.watch): `you` is a placeholder (n 0) that no one else sees. */
    watch: Type.Optional(Type.Boolean()),
  }),
  Type.Object({ t: Type.Literal("joined"), peer: Peer }),
  /** A peer's record changed (name, role, staffing, floor). */
  Type.Object({ t: Type.Literal("peer"), peer: Peer }),
  Type.Object({ t: Type.Literal("left"), id: PeerId, reason: Type.Union([Type.Literal("leave"), Type.Literal("gone"), Type.Literal("removed"), Type.Literal("moved")]) }),
  /** Poses that changed since the last tick (the batch may contain your own: skip your id). */
  Type.Object({ t: Type.Literal("poses"), at: Type.Number(), p: Type.Array(PoseEntry) }),
  Type.Object({ t: Type.Literal("state"), state: RoomState, by: Type.Union([PeerId, Type.Null()]) }),
  Type.Object({
    t: Type.Literal("chat"), id: PeerId, from: PeerId, name: Type.String(), text: Type.String(),
    to: Type.Union([PeerId, Type.Null()]), agency: Type.Union([Slug, Type.Null()]), at: Type.Number(),
  }),
  Type.Object({ t: Type.Literal("gather"), id: PeerId, from: PeerId, place: Room, p: Vec3, yaw: Yaw, countdown: Type.Integer(), at: Type.Number() }),
  Type.Object({ t: Type.Literal("gather_reply"), gather: PeerId, from: PeerId, accept: Type.Boolean() }),
  Type.Object({ t: Type.Literal("follow"), from: PeerId, kind: Type.String(), place: Room, p: Vec3, yaw: Yaw }),
  Type.Object({ t: Type.Literal("rtc"), from: PeerId, kind: Type.String(), sdp: Type.Optional(Type.String()), candidate: Type.Optional(Type.Unknown()) }),
  /** A claim succeeded (sent also before joining; once joined, a `peer` update follows for everyone). */
  Type.Object({ t: Type.Literal("granted"), role: Type.Union([Type.Literal("guide"), Type.Literal("staff")]), agency: Type.Union([Slug, Type.Null()]) }),
  /** The counter conversation became a consultation ticket: its tracking code (read it at /?ticket=CODE). */
  Type.Object({ t: Type.Literal("transcript"), agency: Slug, code: Type.String(), formattedCode: Type.String() }),
  Type.Object({ t: Type.Literal("error"), code: Type.String(), message: Type.String(), ref: Type.Union([Type.String(), Type.Null()]) }),
]);
export type ServerMessage = Static<typeof ServerMessage>;
export type ServerMessageOf<T extends ServerMessage["t"]> = Extract<ServerMessage, { t: T }>;

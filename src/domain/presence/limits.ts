// The presence protocol's numbers and codes, shared by the server (which enforces them) and the app
// (which stays inside them). docs/presence.md explains each one.

export const PRESENCE_PATH = "/api/v1/presence";
export const PRESENCE_PROTOCOL_VERSION = 1;

export const PRESENCE_LIMITS = {
  /** Largest client message in bytes (UTF-8); an SDP offer is 2-8 KB. Past it: close 4413. */
  maxMessageBytes: 16 * 1024,
  /** A chosen name: 1..24 characters (code points) after trimming. */
  nameMaxLength: 24,
  chatMaxLength: 500,
  /** Poses: clients send at 10-20 Hz, only when changed; the server batches them per tick. */
  poseMaxHz: 20,
  poseMinHz: 10,
  /** Messages per second per socket, sustained, and the burst allowed on top (ICE candidates come in bursts). */
  messagesPerSecond: 30,
  messageBurst: 60,
  /** Chat messages: a burst of 5, then one every 2 s. */
  chatBurst: 5,
  chatIntervalMs: 2000,
  /** Guide's "gather": countdown seconds, default 5, each visitor can cancel it. */
  gatherCountdownMin: 3,
  gatherCountdownMax: 15,
  gatherCountdownDefault: 5,
  sdpMaxLength: 12_000,
  iceCandidateMaxLength: 1_000,
  pinMaxLength: 64,
  /** Coordinates are metres from the plaza origin; anything farther is nonsense. */
  maxCoordinate: 10_000,
} as const;

/**
 * Close codes. 1012 (service restart), 1011, 1001, 1006 and 4408 mean "reconnect with backoff and
 * rejoin"; the 44xx protocol violations and 4403/4409 mean "do not reconnect by yourself".
 */
export const CLOSE = {
  normal: 1000,
  goingAway: 1001,
  abnormal: 1006,
  tooBig: 1009,
  internal: 1011,
  restart: 1012,
  tryAgainLater: 1013,
  malformed: 4400,
  removed: 4403,
  timeout: 4408,
  replaced: 4409,
  tooLarge: 4413,
  rate: 4429,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];

/** Codes of `error` messages (the socket stays open) and reasons of closes. */
export const PRESENCE_ERRORS = {
  malformed: "The message is not valid JSON of the presence protocol.",
  too_large: "The message is too large.",
  rate: "Too many messages: slow down.",
  unsupported_version: "This protocol version is not supported: reload the page.",
  room_unknown: "No such place: use plaza or the code of a kabupaten/kota of Jawa Barat.",
  room_full: "This place is full: try again in a moment or visit another MPP.",
  room_locked: "The guide has locked this tour: ask the guide to let you in.",
  not_joined: "Join a place first.",
  invalid_name: "Names have 1-24 characters, without control or direction-changing characters.",
  names_muted: "The guide has switched chosen names off: everyone is shown as a numbered visitor.",
  invalid_text: "The text is empty, too long or contains control characters.",
  not_guide: "Only a guide can do this.",
  not_authorized: "The PIN or account does not allow this role.",
  peer_unknown: "No such visitor in this place.",
  not_allowed: "Visitors can only write to guides and to officers at a counter.",
  counter_unstaffed: "Nobody staffs this counter right now.",
  removed: "The guide removed you from this tour.",
  replaced: "You joined again from another window.",
  timeout: "The connection was silent for too long.",
  server_restart: "The server is restarting: reconnecting.",
  transcript_empty: "There is no conversation with this counter's officer to file yet.",
  transcript_unavailable: "Transcripts cannot be filed here right now: leave a question through the ticket screen.",
  internal: "Internal error.",
} as const;

export type PresenceErrorCode = keyof typeof PRESENCE_ERRORS;

/** Rooms: the plaza, or the four-digit Kemendagri code of one of the 27 kabupaten/kota of Jawa Barat. */
const REGION_ROOM = /^32(?:0[1-9]|1[0-8]|7[1-9])$/;

export function isRoomId(value: unknown): value is string {
  return value === "plaza" || (typeof value === "string" && REGION_ROOM.test(value));
}
